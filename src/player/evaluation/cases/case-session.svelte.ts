// One participant's work on one case study: the story and questions, the text of each answer as typed,
// the save state the screen announces, the submit and, once released, the grade. Typing is kept at once
// in a queue in localStorage and sent shortly after the typing pauses; when that fails (offline, server
// away) it is retried and sent when the network returns. A copy of the case and the saved answers is
// kept on the device too, so the screen opens offline after a reload and nothing typed is lost.

import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { KeyValueStore } from '../answer-queue.ts';
import { ApiError, OfflineError } from '../api.ts';
import type { CaseStudyView, CasesApi, CaseWrite, OwnSubmission } from './api.ts';
import { type CaseKey, CaseQueue, caseQueueId, wordCount } from './case-queue.ts';

export type CaseSessionStatus = 'loading' | 'ready' | 'error';
/** idle: nothing typed yet; pending: typed, about to be sent; offline: kept on the device only */
export type CaseSaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'failed';

const RETRY_MS = [2000, 5000, 10000, 20000, 30000];

interface Copy {
  case: CaseStudyView;
  submission: OwnSubmission;
}

export function copyKey(key: CaseKey): string {
  return `lentera:case-copy:${caseQueueId(key)}`;
}

function codeOf(e: unknown): string {
  return e instanceof ApiError ? e.code : e instanceof OfflineError ? 'OFFLINE' : 'UNKNOWN';
}

export class CaseSession {
  status = $state<CaseSessionStatus>('loading');
  caseStudy = $state.raw<CaseStudyView | undefined>(undefined);
  submission = $state.raw<OwnSubmission | undefined>(undefined);
  /** shown from the copy on this device: the server could not be reached */
  fromDevice = $state(false);
  error = $state<string | undefined>(undefined);
  saveState = $state<CaseSaveState>('idle');
  failures = $state(0);
  submitting = $state(false);
  readonly texts = new SvelteMap<string, string>();
  readonly unsaved = new SvelteSet<string>();

  readonly key: CaseKey;
  #api: CasesApi;
  #store: KeyValueStore | undefined;
  #queue: CaseQueue | undefined;
  #debounceMs: number;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #sending = false;
  #again = false;
  #isOnline: () => boolean;

  constructor(options: {
    api: CasesApi;
    key: CaseKey;
    store?: KeyValueStore;
    /** pause after the last keystroke before sending (ms) */
    debounceMs?: number;
    isOnline?: () => boolean;
  }) {
    this.#api = options.api;
    this.key = options.key;
    this.#store = options.store;
    this.#debounceMs = options.debounceMs ?? 800;
    this.#isOnline =
      options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
  }

  get editable(): boolean {
    return this.submission?.editable === true && !this.submitting;
  }

  get pendingCount(): number {
    return this.unsaved.size;
  }

  words(questionId: string): number {
    return wordCount(this.texts.get(questionId) ?? '');
  }

  /** the questions still without a non-blank answer, in the case's order */
  blankQuestions(): string[] {
    return (this.caseStudy?.questions ?? [])
      .filter((q) => (this.texts.get(q.id) ?? '').trim() === '')
      .map((q) => q.id);
  }

  #readCopy(): Copy | undefined {
    try {
      const raw = this.#store?.getItem(copyKey(this.key));
      if (!raw) return undefined;
      const copy = JSON.parse(raw) as Copy;
      return copy?.case && copy.submission && Array.isArray(copy.submission.answers) ? copy : undefined;
    } catch {
      return undefined;
    }
  }

  #writeCopy(): void {
    if (!this.caseStudy || !this.submission) return;
    try {
      this.#store?.setItem(
        copyKey(this.key),
        JSON.stringify({ case: this.caseStudy, submission: this.submission }),
      );
    } catch {
      // storage full or refused: the queue still keeps what is unsent
    }
  }

  /** reads the case and the saved answers; offline, the copy kept on this device */
  async load(): Promise<void> {
    if (this.status !== 'ready') this.status = 'loading';
    this.error = undefined;
    try {
      const answer = await this.#api.mine(this.key.cohortId, this.key.caseId);
      this.fromDevice = false;
      this.#adopt(answer.case, answer.submission);
    } catch (e) {
      const copy = e instanceof OfflineError ? this.#readCopy() : undefined;
      if (copy) {
        this.fromDevice = true;
        this.#adopt(copy.case, copy.submission);
        this.saveState = this.#queue && this.#queue.size > 0 ? 'offline' : this.saveState;
        return;
      }
      if (this.status === 'ready' && e instanceof OfflineError) return;
      this.error = codeOf(e);
      this.status = 'error';
    }
  }

  #adopt(caseStudy: CaseStudyView, submission: OwnSubmission): void {
    this.caseStudy = caseStudy;
    this.submission = submission;
    const queue = new CaseQueue(this.key, submission.lastSeq, this.#store);
    if (!submission.editable) queue.clear();
    this.#queue = queue;
    this.texts.clear();
    for (const a of submission.answers) this.texts.set(a.questionId, a.text);
    this.unsaved.clear();
    for (const p of queue.pending()) {
      this.texts.set(p.questionId, p.text);
      this.unsaved.add(p.questionId);
    }
    if (!this.fromDevice) this.#writeCopy();
    this.status = 'ready';
    if (queue.size > 0 && !this.fromDevice) void this.flush();
  }

  /** the participant typed: kept on the device now, sent when the typing pauses */
  edit(questionId: string, text: string): void {
    const queue = this.#queue;
    if (!queue || !this.editable) return;
    queue.enqueue(questionId, text);
    this.texts.set(questionId, text);
    this.unsaved.add(questionId);
    clearTimeout(this.#debounce);
    if (!this.#isOnline()) {
      this.saveState = 'offline';
      return;
    }
    this.saveState = 'pending';
    this.#debounce = setTimeout(() => void this.flush(), this.#debounceMs);
  }

  #keepSaved(writes: readonly CaseWrite[], saved: { questionId: string; seq: number; savedAt: string }[]) {
    const submission = this.submission;
    if (!submission) return;
    const bySeq = new Map(writes.map((w) => [`${w.questionId}:${w.seq}`, w]));
    const answers = submission.answers.map((a) => {
      const s = saved.find((x) => x.questionId === a.questionId);
      const w = s && bySeq.get(`${s.questionId}:${s.seq}`);
      return s && w && s.seq >= a.seq
        ? { ...a, text: w.text, words: wordCount(w.text), seq: s.seq, savedAt: s.savedAt }
        : a;
    });
    const lastSeq = Math.max(submission.lastSeq, ...saved.map((s) => s.seq));
    this.submission = { ...submission, answers, lastSeq };
    this.#writeCopy();
  }

  /** sends every queued answer; retries with growing pauses while it fails */
  async flush(): Promise<void> {
    const queue = this.#queue;
    if (!queue || this.status !== 'ready' || !this.submission?.editable) return;
    clearTimeout(this.#debounce);
    if (this.#sending) {
      this.#again = true;
      return;
    }
    const batch = queue.pending();
    if (batch.length === 0) {
      if (this.saveState !== 'idle') this.saveState = 'saved';
      return;
    }
    clearTimeout(this.#retry);
    this.#sending = true;
    this.saveState = 'saving';
    let reload = false;
    try {
      const answer = await this.#api.saveMany(this.key.cohortId, this.key.caseId, batch);
      for (const s of answer.saved) queue.acknowledge(s.questionId, s.seq);
      for (const s of answer.stale) {
        queue.stale(s.questionId, s.seq, s.stored);
        if (!queue.pendingFor(s.questionId)) this.texts.set(s.questionId, s.stored.text);
      }
      this.#keepSaved(batch, answer.saved);
      this.failures = 0;
      this.fromDevice = false;
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'CASE_SUBMITTED' || e.code === 'RESULTS_FROZEN')) {
        // submitted from another device, or the cohort closed: the server's copy is the truth
        queue.clear();
        reload = true;
        if (e.code === 'RESULTS_FROZEN') this.error = e.code;
      } else if (e instanceof ApiError && e.status === 400) {
        // a question the case no longer has: drop it rather than retry forever
        for (const a of batch) queue.acknowledge(a.questionId, a.seq);
      } else {
        this.failures += 1;
      }
    } finally {
      this.#sending = false;
    }
    this.unsaved.clear();
    for (const p of queue.pending()) this.unsaved.add(p.questionId);
    if (reload) {
      await this.load();
      return;
    }
    if (this.failures > 0) {
      this.saveState = this.#isOnline() ? 'failed' : 'offline';
      const pause = RETRY_MS[Math.min(this.failures - 1, RETRY_MS.length - 1)] ?? 30000;
      this.#retry = setTimeout(() => void this.flush(), pause);
      return;
    }
    if (this.#again || queue.size > 0) {
      this.#again = false;
      await this.flush();
      return;
    }
    this.saveState = 'saved';
  }

  /** the network is back: read the server's copy if this one came from the device, and send the queue */
  online(): void {
    if (this.fromDevice || this.status === 'error') void this.load();
    else if (this.failures > 0 || (this.#queue?.size ?? 0) > 0) void this.flush();
  }

  offline(): void {
    if ((this.#queue?.size ?? 0) > 0) this.saveState = 'offline';
  }

  /** submits with whatever is still queued; false with `error` set when it did not go through */
  async submit(): Promise<boolean> {
    const queue = this.#queue;
    if (!queue || !this.submission?.editable || this.submitting) return false;
    this.error = undefined;
    if (this.blankQuestions().length > 0) {
      this.error = 'EMPTY_ANSWER';
      return false;
    }
    clearTimeout(this.#debounce);
    this.submitting = true;
    try {
      const submission = await this.#api.submit(this.key.cohortId, this.key.caseId, queue.pending());
      clearTimeout(this.#retry);
      queue.clear();
      this.failures = 0;
      this.fromDevice = false;
      this.saveState = 'saved';
      if (this.caseStudy) this.#adopt(this.caseStudy, submission);
      return true;
    } catch (e) {
      this.error = codeOf(e);
      if (e instanceof ApiError && e.code === 'CASE_SUBMITTED') {
        queue.clear();
        await this.load();
      }
      return false;
    } finally {
      this.submitting = false;
    }
  }

  dispose(): void {
    clearTimeout(this.#debounce);
    clearTimeout(this.#retry);
  }
}
