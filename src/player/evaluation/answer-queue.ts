// The answers of one test attempt that the server has not acknowledged yet. Every change gets a `seq`
// one higher than any before it in this attempt (the server refuses a write whose `seq` is not newer
// than the stored one), and waits here, kept in localStorage, until the server says it is saved.
// Reload or going offline loses nothing: the queue is read back and sent when the network returns.

export interface QueuedAnswer {
  itemId: string;
  optionId: string | null;
  seq: number;
}

export interface StoredAnswer extends QueuedAnswer {
  savedAt: string;
}

/** The part of `Storage` the queue uses (localStorage in the browser, a map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface Persisted {
  lastSeq: number;
  pending: QueuedAnswer[];
}

export function queueKey(attemptId: string): string {
  return `lentera:attempt:${attemptId}`;
}

function isQueued(value: unknown): value is QueuedAnswer {
  const v = value as QueuedAnswer;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.itemId === 'string' &&
    (typeof v.optionId === 'string' || v.optionId === null) &&
    Number.isInteger(v.seq) &&
    v.seq >= 1
  );
}

export class AnswerQueue {
  readonly attemptId: string;
  #store: KeyValueStore | undefined;
  #lastSeq: number;
  /** at most one pending answer per item: the newest */
  #pending = new Map<string, QueuedAnswer>();

  constructor(attemptId: string, serverLastSeq: number, store?: KeyValueStore) {
    this.attemptId = attemptId;
    this.#store = store;
    this.#lastSeq = serverLastSeq;
    const saved = this.#read();
    if (saved) {
      this.#lastSeq = Math.max(this.#lastSeq, saved.lastSeq);
      for (const answer of saved.pending) this.#keepNewest(answer);
    }
  }

  #read(): Persisted | undefined {
    try {
      const raw = this.#store?.getItem(queueKey(this.attemptId));
      if (!raw) return undefined;
      const parsed = JSON.parse(raw) as Partial<Persisted>;
      const lastSeq = Number.isInteger(parsed.lastSeq) ? (parsed.lastSeq as number) : 0;
      const pending = Array.isArray(parsed.pending) ? parsed.pending.filter(isQueued) : [];
      return { lastSeq, pending };
    } catch {
      return undefined;
    }
  }

  #write(): void {
    try {
      if (!this.#store) return;
      const body: Persisted = { lastSeq: this.#lastSeq, pending: [...this.#pending.values()] };
      this.#store.setItem(queueKey(this.attemptId), JSON.stringify(body));
    } catch {
      // storage full or refused (private mode): the queue still lives in memory for this page
    }
  }

  #keepNewest(answer: QueuedAnswer): void {
    const current = this.#pending.get(answer.itemId);
    if (!current || current.seq < answer.seq) this.#pending.set(answer.itemId, { ...answer });
  }

  /** the highest `seq` used so far in this attempt (server's or ours) */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  get size(): number {
    return this.#pending.size;
  }

  /** the answers waiting to be sent, oldest first */
  pending(): QueuedAnswer[] {
    return [...this.#pending.values()].sort((a, b) => a.seq - b.seq);
  }

  pendingFor(itemId: string): QueuedAnswer | undefined {
    return this.#pending.get(itemId);
  }

  /** records a new choice (null clears it) and returns it with its fresh `seq` */
  enqueue(itemId: string, optionId: string | null): QueuedAnswer {
    this.#lastSeq += 1;
    const answer = { itemId, optionId, seq: this.#lastSeq };
    this.#pending.set(itemId, answer);
    this.#write();
    return answer;
  }

  /** the server stored `seq` (or a newer one) for the item: drop what it covers */
  acknowledge(itemId: string, seq: number): void {
    const current = this.#pending.get(itemId);
    if (current && current.seq <= seq) {
      this.#pending.delete(itemId);
      this.#write();
    }
    if (seq > this.#lastSeq) {
      this.#lastSeq = seq;
      this.#write();
    }
  }

  /**
   * The server holds a newer answer than the one sent (another tab or device): the stored one wins and
   * the pending write is dropped; later choices continue above its `seq`.
   */
  stale(itemId: string, sentSeq: number, stored: { seq: number }): void {
    const current = this.#pending.get(itemId);
    if (current && current.seq <= Math.max(sentSeq, stored.seq)) this.#pending.delete(itemId);
    this.#lastSeq = Math.max(this.#lastSeq, stored.seq);
    this.#write();
  }

  /** the attempt is finished: nothing more will be sent */
  clear(): void {
    this.#pending.clear();
    try {
      this.#store?.removeItem(queueKey(this.attemptId));
    } catch {
      // nothing to clean
    }
  }
}

/** The part of `Storage` that lists its keys. */
export interface ListableStore extends KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
}

/**
 * How many answers wait on this device, over every attempt: what the test screen can still tell a
 * participant who reloaded without a network, before the server says which attempt is theirs.
 */
export function pendingOnDevice(store: ListableStore | undefined): number {
  if (!store) return 0;
  const prefix = queueKey('');
  let count = 0;
  for (let i = 0; i < store.length; i++) {
    try {
      const key = store.key(i);
      if (!key?.startsWith(prefix)) continue;
      const parsed = JSON.parse(store.getItem(key) ?? '{}') as Partial<Persisted>;
      if (Array.isArray(parsed.pending)) count += parsed.pending.filter(isQueued).length;
    } catch {
      // an unreadable entry counts for nothing
    }
  }
  return count;
}

/**
 * What the participant sees as chosen for each item: the server's stored answers, overlaid with the
 * ones still waiting in the queue (they are newer by construction).
 */
export function effectiveAnswers(
  stored: readonly StoredAnswer[],
  pending: readonly QueuedAnswer[],
): Map<string, string | null> {
  const seqs = new Map<string, number>();
  const chosen = new Map<string, string | null>();
  for (const a of [...stored, ...pending]) {
    const seen = seqs.get(a.itemId);
    if (seen === undefined || a.seq > seen) {
      seqs.set(a.itemId, a.seq);
      chosen.set(a.itemId, a.optionId);
    }
  }
  return chosen;
}
