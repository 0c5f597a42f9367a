// The answers of one case study that the server has not acknowledged yet: the test screens' AnswerQueue
// (seq rules, localStorage, newest write per question) holding text in place of a chosen option. The
// queue is keyed by account, cohort and case, so another person on the same browser never sends it,
// and stored under its own prefix, so the test screen never counts case answers as its own.

import { AnswerQueue, type KeyValueStore, queueKey } from '../answer-queue.ts';
import type { CaseWrite } from './api.ts';

const TEST_PREFIX = queueKey('');
export const CASE_PREFIX = 'lentera:case-answers:';

/** the store as the AnswerQueue sees it, with the test queues' prefix swapped for the case one */
function caseStore(store: KeyValueStore | undefined): KeyValueStore | undefined {
  if (!store) return undefined;
  const key = (k: string) => (k.startsWith(TEST_PREFIX) ? CASE_PREFIX + k.slice(TEST_PREFIX.length) : k);
  return {
    getItem: (k) => store.getItem(key(k)),
    setItem: (k, v) => store.setItem(key(k), v),
    removeItem: (k) => store.removeItem(key(k)),
  };
}

export interface CaseKey {
  userId: string;
  cohortId: string;
  caseId: string;
}

export function caseQueueId(key: CaseKey): string {
  return `${key.userId}:${key.cohortId}:${key.caseId}`;
}

export class CaseQueue {
  #queue: AnswerQueue;

  constructor(key: CaseKey, serverLastSeq: number, store?: KeyValueStore) {
    this.#queue = new AnswerQueue(caseQueueId(key), serverLastSeq, caseStore(store));
  }

  get lastSeq(): number {
    return this.#queue.lastSeq;
  }

  get size(): number {
    return this.#queue.size;
  }

  /** the writes waiting to be sent, oldest first */
  pending(): CaseWrite[] {
    return this.#queue.pending().map((a) => ({ questionId: a.itemId, text: a.optionId ?? '', seq: a.seq }));
  }

  pendingFor(questionId: string): CaseWrite | undefined {
    const a = this.#queue.pendingFor(questionId);
    return a ? { questionId, text: a.optionId ?? '', seq: a.seq } : undefined;
  }

  enqueue(questionId: string, text: string): CaseWrite {
    const a = this.#queue.enqueue(questionId, text);
    return { questionId, text, seq: a.seq };
  }

  acknowledge(questionId: string, seq: number): void {
    this.#queue.acknowledge(questionId, seq);
  }

  stale(questionId: string, sentSeq: number, stored: { seq: number }): void {
    this.#queue.stale(questionId, sentSeq, stored);
  }

  clear(): void {
    this.#queue.clear();
  }
}

/** words as the server counts them: runs of non-space characters */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}
