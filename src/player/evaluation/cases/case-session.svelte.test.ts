import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, OfflineError } from '../api.ts';
import type { CaseStudyView, CasesApi, CaseWrite, OwnSubmission } from './api.ts';
import { CaseQueue, wordCount } from './case-queue.ts';
import { CaseSession, copyKey } from './case-session.svelte.ts';

const key = { userId: 'u1', cohortId: 'c1', caseId: 'kasus-a' };
const caseStudy: CaseStudyView = {
  id: 'kasus-a',
  title: 'Kasus A',
  values: ['akuntabel'],
  story: '<p>Cerita</p>',
  questions: [
    { id: 'q1', text: 'Apa masalahnya?' },
    { id: 'q2', text: 'Apa tindakan Anda?' },
  ],
  rubric: [{ id: 'r1', criterion: 'Ketepatan', weight: 1, levels: ['1', '2', '3', '4'] }],
};

function submission(overrides: Partial<OwnSubmission> = {}): OwnSubmission {
  return {
    status: 'draft',
    editable: true,
    submittedAt: null,
    returnedAt: null,
    returnNote: null,
    answers: caseStudy.questions.map((q) => ({
      questionId: q.id,
      question: q.text,
      text: '',
      words: 0,
      seq: 0,
      savedAt: null,
    })),
    lastSeq: 0,
    grade: null,
    ...overrides,
  };
}

class MemoryStore {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

/** a server that stores answers by seq, and can be switched off */
function fakeServer() {
  const stored = new Map<string, { text: string; seq: number }>();
  const state = { offline: false, submitted: false, saves: [] as CaseWrite[][] };
  const view = (): OwnSubmission =>
    submission({
      status: state.submitted ? 'submitted' : 'draft',
      editable: !state.submitted,
      answers: caseStudy.questions.map((q) => ({
        questionId: q.id,
        question: q.text,
        text: stored.get(q.id)?.text ?? '',
        words: wordCount(stored.get(q.id)?.text ?? ''),
        seq: stored.get(q.id)?.seq ?? 0,
        savedAt: stored.has(q.id) ? '2026-03-10T03:00:00.000Z' : null,
      })),
      lastSeq: Math.max(0, ...[...stored.values()].map((s) => s.seq)),
    });
  const save = (answers: CaseWrite[]) => {
    const saved = [];
    const stale = [];
    for (const a of answers) {
      const current = stored.get(a.questionId);
      if (current && current.seq > a.seq) {
        stale.push({ questionId: a.questionId, seq: a.seq, stored: { ...current, savedAt: null } });
      } else {
        stored.set(a.questionId, { text: a.text, seq: a.seq });
        saved.push({ questionId: a.questionId, seq: a.seq, savedAt: '2026-03-10T03:00:00.000Z' });
      }
    }
    return { saved, stale };
  };
  const api = {
    async mine() {
      if (state.offline) throw new OfflineError();
      return { case: caseStudy, submission: view() };
    },
    async saveMany(_c: string, _k: string, answers: CaseWrite[]) {
      if (state.offline) throw new OfflineError();
      if (state.submitted) throw new ApiError(409, 'CASE_SUBMITTED', 'submitted', null);
      state.saves.push(answers);
      return save(answers);
    },
    async submit(_c: string, _k: string, answers: CaseWrite[]) {
      if (state.offline) throw new OfflineError();
      save(answers);
      if (caseStudy.questions.some((q) => (stored.get(q.id)?.text ?? '').trim() === '')) {
        throw new ApiError(400, 'VALIDATION_FAILED', 'blank', null);
      }
      state.submitted = true;
      return view();
    },
  } as unknown as CasesApi;
  return { api, stored, state };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('CaseSession', () => {
  it('sends what is typed once the typing pauses, and says so', async () => {
    vi.useFakeTimers();
    const server = fakeServer();
    const session = new CaseSession({ api: server.api, key, store: new MemoryStore(), debounceMs: 500 });
    await session.load();
    expect(session.status).toBe('ready');
    expect(session.saveState).toBe('idle');
    session.edit('q1', 'Antrean');
    session.edit('q1', 'Antrean hanya dipanggil lewat suara');
    expect(session.saveState).toBe('pending');
    expect(session.words('q1')).toBe(5);
    expect(session.unsaved.has('q1')).toBe(true);
    await vi.advanceTimersByTimeAsync(600);
    expect(server.state.saves).toHaveLength(1);
    expect(server.stored.get('q1')).toEqual({ text: 'Antrean hanya dipanggil lewat suara', seq: 2 });
    expect(session.saveState).toBe('saved');
    expect(session.pendingCount).toBe(0);
  });

  it('keeps typing offline in the queue, opens from the device copy after a reload, and sends it when back online', async () => {
    vi.useFakeTimers();
    const server = fakeServer();
    const store = new MemoryStore();
    let online = true;
    const first = new CaseSession({ api: server.api, key, store, debounceMs: 100, isOnline: () => online });
    await first.load();
    first.edit('q1', 'Bagian pertama.');
    await vi.advanceTimersByTimeAsync(200);
    expect(server.stored.get('q1')?.text).toBe('Bagian pertama.');

    online = false;
    server.state.offline = true;
    first.edit('q1', 'Bagian pertama. Bagian kedua, luring.');
    first.edit('q2', 'Jawaban luring.');
    expect(first.saveState).toBe('offline');
    first.dispose();

    // reload while offline: the copy on the device plus the queue
    const second = new CaseSession({ api: server.api, key, store, debounceMs: 100, isOnline: () => online });
    await second.load();
    expect(second.status).toBe('ready');
    expect(second.fromDevice).toBe(true);
    expect(second.texts.get('q1')).toBe('Bagian pertama. Bagian kedua, luring.');
    expect(second.texts.get('q2')).toBe('Jawaban luring.');
    expect(second.saveState).toBe('offline');
    expect(second.pendingCount).toBe(2);

    online = true;
    server.state.offline = false;
    second.online();
    await vi.advanceTimersByTimeAsync(50);
    await vi.waitFor(() => expect(second.saveState).toBe('saved'));
    expect(second.fromDevice).toBe(false);
    expect(server.stored.get('q1')?.text).toBe('Bagian pertama. Bagian kedua, luring.');
    expect(server.stored.get('q2')?.text).toBe('Jawaban luring.');
    expect(new CaseQueue(key, 0, store).size).toBe(0);
  });

  it('keeps its queue apart from the test queues', () => {
    const store = new MemoryStore();
    new CaseQueue(key, 0, store).enqueue('q1', 'teks');
    expect([...store.map.keys()]).toEqual(['lentera:case-answers:u1:c1:kasus-a']);
  });

  it('retries a failed save with a pause and reports the failure', async () => {
    vi.useFakeTimers();
    const server = fakeServer();
    const session = new CaseSession({ api: server.api, key, store: new MemoryStore(), debounceMs: 10 });
    await session.load();
    server.state.offline = true;
    session.edit('q1', 'teks');
    await vi.advanceTimersByTimeAsync(20);
    expect(session.saveState).toBe('failed');
    expect(session.failures).toBe(1);
    server.state.offline = false;
    await vi.advanceTimersByTimeAsync(2100);
    expect(session.saveState).toBe('saved');
    expect(server.stored.get('q1')?.text).toBe('teks');
  });

  it('refuses to submit with a blank answer and names it; submits with the queue otherwise', async () => {
    const server = fakeServer();
    const store = new MemoryStore();
    const session = new CaseSession({ api: server.api, key, store, debounceMs: 10_000 });
    await session.load();
    session.edit('q1', 'Satu');
    session.edit('q2', '   ');
    expect(session.blankQuestions()).toEqual(['q2']);
    expect(await session.submit()).toBe(false);
    expect(session.error).toBe('EMPTY_ANSWER');
    session.edit('q2', 'Dua');
    expect(await session.submit()).toBe(true);
    expect(session.submission?.status).toBe('submitted');
    expect(session.editable).toBe(false);
    expect(server.stored.get('q2')?.text).toBe('Dua');
    expect(new CaseQueue(key, 0, store).size).toBe(0);
    // nothing more is taken once submitted
    session.edit('q1', 'berubah');
    expect(session.texts.get('q1')).toBe('Satu');
  });

  it('gives way to a newer answer stored from another device', async () => {
    const server = fakeServer();
    const session = new CaseSession({ api: server.api, key, store: new MemoryStore(), debounceMs: 10_000 });
    await session.load();
    server.stored.set('q1', { text: 'Dari laptop', seq: 50 });
    session.edit('q1', 'Dari ponsel');
    await session.flush();
    expect(session.texts.get('q1')).toBe('Dari laptop');
    // the next keystroke continues above the stored seq, so it is taken
    session.edit('q1', 'Dari ponsel lagi');
    await session.flush();
    expect(server.stored.get('q1')).toEqual({ text: 'Dari ponsel lagi', seq: 51 });
  });

  it('reloads when the case was submitted elsewhere, and drops the queue', async () => {
    const server = fakeServer();
    const store = new MemoryStore();
    const session = new CaseSession({ api: server.api, key, store, debounceMs: 10_000 });
    await session.load();
    server.state.submitted = true;
    session.edit('q1', 'terlambat');
    await session.flush();
    expect(session.submission?.status).toBe('submitted');
    expect(session.editable).toBe(false);
    expect(new CaseQueue(key, 0, store).size).toBe(0);
  });

  it('keeps a device copy only for its own account, cohort and case, and says OFFLINE without one', async () => {
    const server = fakeServer();
    server.state.offline = true;
    const store = new MemoryStore();
    store.setItem(
      copyKey({ ...key, userId: 'someone-else' }),
      JSON.stringify({ case: caseStudy, submission: submission() }),
    );
    const session = new CaseSession({ api: server.api, key, store });
    await session.load();
    expect(session.status).toBe('error');
    expect(session.error).toBe('OFFLINE');
  });
});

describe('wordCount', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['satu', 1],
    [' satu  dua\ttiga\nempat ', 4],
    ['Pasal 4 UU 25/2009.', 4],
  ])('counts %j as %i words', (text, n) => {
    expect(wordCount(text)).toBe(n);
  });
});
