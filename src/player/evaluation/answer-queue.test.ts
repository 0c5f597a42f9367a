import { describe, expect, it } from 'vitest';
import {
  AnswerQueue,
  effectiveAnswers,
  type KeyValueStore,
  type ListableStore,
  pendingOnDevice,
  queueKey,
} from './answer-queue.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('AnswerQueue', () => {
  it('numbers every change above the server’s last seq and keeps only the newest per item', () => {
    const q = new AnswerQueue('a1', 4);
    expect(q.enqueue('i1', 'o1').seq).toBe(5);
    expect(q.enqueue('i2', 'o3').seq).toBe(6);
    expect(q.enqueue('i1', 'o2').seq).toBe(7);
    expect(q.pending()).toEqual([
      { itemId: 'i2', optionId: 'o3', seq: 6 },
      { itemId: 'i1', optionId: 'o2', seq: 7 },
    ]);
  });

  it('drops an answer once acknowledged, but not when a newer change came meanwhile', () => {
    const q = new AnswerQueue('a1', 0);
    q.enqueue('i1', 'o1'); // seq 1, in flight
    q.enqueue('i1', 'o2'); // seq 2
    q.acknowledge('i1', 1);
    expect(q.pendingFor('i1')?.seq).toBe(2);
    q.acknowledge('i1', 2);
    expect(q.size).toBe(0);
  });

  it('survives a reload through the store and continues the numbering', () => {
    const store = memoryStore();
    const q = new AnswerQueue('a1', 2, store);
    q.enqueue('i1', 'o1');
    q.enqueue('i2', 'o2');
    q.enqueue('i3', null);
    const again = new AnswerQueue('a1', 2, store);
    expect(again.pending().map((a) => a.seq)).toEqual([3, 4, 5]);
    expect(again.enqueue('i4', 'o4').seq).toBe(6);
  });

  it('continues above the server when another device saved more', () => {
    const store = memoryStore();
    new AnswerQueue('a1', 1, store).enqueue('i1', 'o1'); // seq 2 on this device
    const q = new AnswerQueue('a1', 9, store);
    expect(q.enqueue('i2', 'o2').seq).toBe(10);
  });

  it('lets a newer stored answer win over a stale write', () => {
    const q = new AnswerQueue('a1', 0);
    q.enqueue('i1', 'o1');
    q.stale('i1', 1, { seq: 8 });
    expect(q.size).toBe(0);
    expect(q.enqueue('i2', 'o2').seq).toBe(9);
  });

  it('ignores a corrupt store and clears it when finished', () => {
    const store = memoryStore();
    store.setItem(queueKey('a1'), '{not json');
    const q = new AnswerQueue('a1', 3, store);
    expect(q.size).toBe(0);
    q.enqueue('i1', 'o1');
    expect(store.data.has(queueKey('a1'))).toBe(true);
    q.clear();
    expect(store.data.has(queueKey('a1'))).toBe(false);
  });

  it('drops malformed entries read back from the store', () => {
    const store = memoryStore();
    store.setItem(
      queueKey('a1'),
      JSON.stringify({ lastSeq: 5, pending: [{ itemId: 'i1', optionId: 'o1', seq: 5 }, { itemId: 3 }] }),
    );
    const q = new AnswerQueue('a1', 0, store);
    expect(q.pending()).toEqual([{ itemId: 'i1', optionId: 'o1', seq: 5 }]);
  });
});

describe('effectiveAnswers', () => {
  it('overlays pending answers on stored ones by seq', () => {
    const chosen = effectiveAnswers(
      [
        { itemId: 'i1', optionId: 'a', seq: 1, savedAt: 'x' },
        { itemId: 'i2', optionId: 'b', seq: 5, savedAt: 'x' },
      ],
      [
        { itemId: 'i1', optionId: null, seq: 6 },
        { itemId: 'i2', optionId: 'c', seq: 4 },
      ],
    );
    expect(chosen.get('i1')).toBeNull();
    expect(chosen.get('i2')).toBe('b');
  });
});

describe('pendingOnDevice', () => {
  function listable(): ListableStore & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return {
      data,
      get length() {
        return data.size;
      },
      key: (i) => [...data.keys()][i] ?? null,
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    };
  }

  it('counts the answers waiting in every attempt’s queue, and nothing else', () => {
    const store = listable();
    const a = new AnswerQueue('a1', 0, store);
    a.enqueue('i1', 'o1');
    a.enqueue('i2', 'o2');
    a.enqueue('i1', 'o3');
    new AnswerQueue('a2', 0, store).enqueue('i9', null);
    store.setItem('lentera:settings', JSON.stringify({ pending: [1, 2, 3] }));
    store.setItem(queueKey('broken'), '{not json');
    expect(pendingOnDevice(store)).toBe(3);
    a.acknowledge('i1', 3);
    expect(pendingOnDevice(store)).toBe(2);
  });

  it('is zero without storage', () => {
    expect(pendingOnDevice(undefined)).toBe(0);
    expect(pendingOnDevice(listable())).toBe(0);
  });
});
