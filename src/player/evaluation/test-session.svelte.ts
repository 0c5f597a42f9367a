// One participant's sitting of a pre-test or post-test: which attempt, the answers as shown, the save
// state the screen announces, the time left and the submit. Saves go at once; when they fail (offline,
// server away) the answers stay queued in localStorage and are retried, and sent when the browser is
// online again. The server's `seq` rule decides between devices: a stale write is dropped in favour of
// the stored answer. A copy of the open attempt is kept on the device too, so a reload without a
// network shows the test again (`resume`) until the server can be asked.

import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { AnswerQueue, type KeyValueStore } from './answer-queue.ts';
import { ApiError, type Attempt, OfflineError, type TestEntry, type TestKind, type TestsApi } from './api.ts';
import { type AttemptCopy, dropCopy, makeCopy, writeCopy } from './attempt-copy.ts';
import { clampIndex, flagsKey, type MapCell, questionMap, readFlags } from './question-map.ts';
import { type Clock, clockFrom, remainingSeconds } from './timer.ts';

export type SessionStatus = 'loading' | 'intro' | 'taking' | 'finished' | 'error';
/** what the live region says about the answers: all stored, being sent, waiting for the network, failing */
export type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'failed';

const RETRY_MS = [2000, 5000, 10000, 20000, 30000];

export class TestSession {
  status = $state<SessionStatus>('loading');
  entry = $state.raw<TestEntry | undefined>(undefined);
  attempt = $state.raw<Attempt | undefined>(undefined);
  /** a stable code the screen translates */
  error = $state<string | undefined>(undefined);
  saveState = $state<SaveState>('idle');
  failures = $state(0);
  current = $state(0);
  remaining = $state(0);
  submitting = $state(false);
  readonly chosen = new SvelteMap<string, string | null>();
  readonly flagged = new SvelteSet<string>();
  readonly unsaved = new SvelteSet<string>();

  readonly test: TestKind;
  readonly cohortId: string;
  #api: TestsApi;
  #store: KeyValueStore | undefined;
  #queue: AnswerQueue | undefined;
  #clock: Clock | undefined;
  #sending = false;
  #again = false;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #now: () => number;
  /** where the open attempt is copied for a reload without a network (see attempt-copy.ts) */
  #copy: { courseId: string; store: KeyValueStore | undefined } | undefined;

  constructor(options: {
    api: TestsApi;
    cohortId: string;
    test: TestKind;
    store?: KeyValueStore;
    now?: () => number;
    /**
     * keeps a copy of the open attempt under this course, in `store` (sessionStorage in the browser:
     * it outlives a reload of the tab, not the tab, so a shared computer does not keep it)
     */
    copy?: { courseId: string; store: KeyValueStore | undefined };
  }) {
    this.#api = options.api;
    this.cohortId = options.cohortId;
    this.test = options.test;
    this.#store = options.store;
    this.#now = options.now ?? Date.now;
    this.#copy = options.copy;
  }

  get cells(): MapCell[] {
    return questionMap(this.attempt?.questions ?? [], this.chosen, this.flagged, this.current, this.unsaved);
  }

  get pendingCount(): number {
    return this.unsaved.size;
  }

  #fail(e: unknown): void {
    this.error = e instanceof ApiError ? e.code : e instanceof OfflineError ? 'OFFLINE' : 'UNKNOWN';
    this.status = 'error';
  }

  /** reads the test and resumes an open attempt if there is one */
  async load(): Promise<void> {
    this.status = 'loading';
    this.error = undefined;
    try {
      const overview = await this.#api.overview(this.cohortId);
      this.entry = overview.tests.find((t) => t.test === this.test);
      const open = this.entry?.mine?.openAttemptId;
      if (open) this.#adopt(await this.#api.attempt(open));
      else this.status = 'intro';
    } catch (e) {
      this.#fail(e);
    }
  }

  /** starts the attempt (the server answers the open one if it exists) */
  async start(): Promise<void> {
    this.error = undefined;
    try {
      this.#adopt(await this.#api.start(this.cohortId, this.test));
    } catch (e) {
      this.error = e instanceof ApiError ? e.code : e instanceof OfflineError ? 'OFFLINE' : 'UNKNOWN';
    }
  }

  #adopt(attempt: Attempt): void {
    this.attempt = attempt;
    if (attempt.status === 'finished') {
      this.#queue?.clear();
      new AnswerQueue(attempt.id, attempt.lastSeq, this.#store).clear();
      if (this.#copy) dropCopy(this.#copy.store, this.#copy.courseId, this.test);
      this.status = 'finished';
      return;
    }
    this.#show(
      attempt,
      clockFrom(attempt, this.#now()),
      attempt.answers.map((a) => [a.itemId, a.optionId]),
    );
    this.#keepCopy();
  }

  /**
   * Shows the attempt this device copied when the server could not be reached (a reload without a
   * network): its questions, the answers shown then and those still queued, the time left by the
   * server's deadline. Saves keep failing until the network returns; nothing is lost meanwhile.
   */
  resume(copy: AttemptCopy): void {
    if (copy.attempt.test !== this.test || copy.attempt.cohortId !== this.cohortId) return;
    this.error = undefined;
    this.#show(copy.attempt, copy.clock, copy.chosen, copy.lastSeq);
  }

  #show(
    attempt: Attempt,
    clock: Clock,
    answers: readonly (readonly [string, string | null])[],
    lastSeq = attempt.lastSeq,
  ): void {
    this.attempt = attempt;
    this.#queue = new AnswerQueue(attempt.id, lastSeq, this.#store);
    this.#clock = clock;
    this.chosen.clear();
    for (const [itemId, optionId] of answers) this.chosen.set(itemId, optionId);
    this.unsaved.clear();
    for (const p of this.#queue.pending()) {
      this.chosen.set(p.itemId, p.optionId);
      this.unsaved.add(p.itemId);
    }
    this.flagged.clear();
    try {
      for (const f of readFlags(this.#store?.getItem(flagsKey(attempt.id)) ?? null)) this.flagged.add(f);
    } catch {
      // flags are a convenience; without storage they last for this page
    }
    this.tick();
    // what is not queued is stored on the server (a copy is written only after the server said so)
    const answered = [...this.chosen.values()].some((optionId) => optionId !== null);
    this.saveState = answered ? 'saved' : 'idle';
    this.status = 'taking';
    if (this.#queue.size > 0) void this.flush();
  }

  /** the attempt as shown now, copied to the device for a reload without a network */
  #keepCopy(): void {
    const attempt = this.attempt;
    if (!this.#copy || !attempt || !this.#queue || !this.#clock) return;
    const copy = makeCopy({
      attempt,
      chosen: this.chosen,
      lastSeq: this.#queue.lastSeq,
      clock: this.#clock,
      now: this.#now(),
    });
    if (copy) writeCopy(this.#copy.store, this.#copy.courseId, copy);
  }

  /** updates the time left; call every second */
  tick(): void {
    if (this.#clock) this.remaining = remainingSeconds(this.#clock, this.#now());
  }

  go(index: number): void {
    this.current = clampIndex(index, this.attempt?.questions?.length ?? 0);
  }

  toggleFlag(itemId: string): void {
    if (this.flagged.has(itemId)) this.flagged.delete(itemId);
    else this.flagged.add(itemId);
    const id = this.attempt?.id;
    try {
      if (id) this.#store?.setItem(flagsKey(id), JSON.stringify([...this.flagged]));
    } catch {
      // see above
    }
  }

  /** records a choice and sends it at once */
  choose(itemId: string, optionId: string | null): void {
    if (!this.#queue || this.status !== 'taking') return;
    this.#queue.enqueue(itemId, optionId);
    this.chosen.set(itemId, optionId);
    this.unsaved.add(itemId);
    void this.flush();
  }

  /** sends every queued answer; retries with growing pauses while it fails */
  async flush(): Promise<void> {
    const queue = this.#queue;
    const attempt = this.attempt;
    if (!queue || !attempt || this.status !== 'taking') return;
    if (this.#sending) {
      this.#again = true;
      return;
    }
    const batch = queue.pending();
    if (batch.length === 0) {
      this.saveState = this.failures > 0 || this.saveState !== 'idle' ? 'saved' : 'idle';
      return;
    }
    clearTimeout(this.#retry);
    this.#sending = true;
    this.saveState = 'saving';
    try {
      const answer = await this.#api.saveMany(attempt.id, batch);
      for (const s of answer.saved) queue.acknowledge(s.itemId, s.seq);
      for (const s of answer.stale) {
        queue.stale(s.itemId, s.seq, s.stored);
        if (!queue.pendingFor(s.itemId)) this.chosen.set(s.itemId, s.stored.optionId);
      }
      this.failures = 0;
      this.#keepCopy();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ATTEMPT_FINISHED') {
        this.#sending = false;
        await this.#reread();
        return;
      }
      if (e instanceof ApiError && e.status === 400) {
        // an answer the server will never take (not on this form): drop it rather than retry forever
        for (const a of batch) queue.acknowledge(a.itemId, a.seq);
      } else {
        this.failures += 1;
      }
    } finally {
      this.#sending = false;
    }
    this.unsaved.clear();
    for (const p of queue.pending()) this.unsaved.add(p.itemId);
    if (this.failures > 0) {
      this.saveState = typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'failed';
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

  /** the network is back: send now instead of waiting for the next retry (or read the test again) */
  online(): void {
    if (this.status === 'error' && this.error === 'OFFLINE') {
      void this.load();
      return;
    }
    if (this.failures > 0 || (this.#queue?.size ?? 0) > 0) void this.flush();
  }

  offline(): void {
    if ((this.#queue?.size ?? 0) > 0) this.saveState = 'offline';
  }

  async #reread(): Promise<void> {
    const id = this.attempt?.id;
    if (!id) return;
    try {
      this.#adopt(await this.#api.attempt(id));
    } catch (e) {
      this.#fail(e);
    }
  }

  /** submits with whatever is still queued; the server answers the result */
  async submit(): Promise<boolean> {
    const attempt = this.attempt;
    if (!attempt || !this.#queue || this.submitting) return false;
    this.submitting = true;
    this.error = undefined;
    try {
      const finished = await this.#api.submit(attempt.id, this.#queue.pending());
      clearTimeout(this.#retry);
      this.#adopt(finished);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ATTEMPT_FINISHED') {
        await this.#reread();
        return true;
      }
      this.error = e instanceof ApiError ? e.code : e instanceof OfflineError ? 'OFFLINE' : 'UNKNOWN';
      return false;
    } finally {
      this.submitting = false;
    }
  }

  /** the time is up: the server finishes the attempt with its last saved answers */
  async expire(): Promise<void> {
    await this.submit();
  }

  dispose(): void {
    clearTimeout(this.#retry);
  }
}
