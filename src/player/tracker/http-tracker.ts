import { applyEvent, emptyLearnerState, readLearnerState } from '../../evaluation/learner-state.ts';
import type { KeyValueStore } from './local-tracker.ts';
import type { LearnerState, LearningEvent, Tracker } from './tracker.ts';

// Progress on the Lentera server. Every event goes first into an outbox in localStorage (so a reload,
// a closed tab or a week offline loses nothing), then to POST /api/v1/progress/events in batches, each
// event with an idempotency key made once, so a batch resent after a lost answer is stored once. When
// the session has ended the outbox waits, and resends after the next login (`retry()`).

export interface OutboxEntry {
  key: string;
  event: LearningEvent;
}

export type SendStatus = 'idle' | 'sending' | 'offline' | 'auth-required';

type Timer = ReturnType<typeof setTimeout>;

export interface HttpTrackerOptions {
  courseId: string;
  /** the signed-in account: each account has its own outbox in a shared browser */
  userId: string;
  store?: KeyValueStore | undefined;
  /** the API root (default `/api/v1/`) */
  api?: string;
  fetch?: typeof fetch;
  /** the session ended: ask the learner to log in again, then call `retry()` */
  onAuthRequired?: () => void;
  /** events per request (default 100) */
  batchSize?: number;
  /** wait this long after an event before sending, to batch a burst (default 2000 ms) */
  delayMs?: number;
  /** the longest wait between retries (default 60 000 ms) */
  maxBackoffMs?: number;
  setTimer?: (fn: () => void, ms: number) => Timer;
  clearTimer?: (timer: Timer) => void;
  random?: () => number;
}

function randomId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class HttpTracker implements Tracker {
  #outboxKey: string;
  #stateKey: string;
  #store: KeyValueStore | undefined;
  #memory: OutboxEntry[] = [];
  #options: Required<Pick<HttpTrackerOptions, 'batchSize' | 'delayMs' | 'maxBackoffMs' | 'api'>> &
    HttpTrackerOptions;
  #timer: Timer | undefined;
  #failures = 0;
  #sending: Promise<void> | undefined;
  #prefix = randomId();
  #counter = 0;
  status: SendStatus = 'idle';

  constructor(options: HttpTrackerOptions) {
    this.#options = { batchSize: 100, delayMs: 2000, maxBackoffMs: 60_000, api: '/api/v1/', ...options };
    this.#outboxKey = `lentera:${options.courseId}:outbox:${options.userId}`;
    this.#stateKey = `lentera:${options.courseId}:server-state:${options.userId}`;
    this.#store = options.store;
  }

  /** events recorded and not yet acknowledged by the server */
  get pending(): readonly OutboxEntry[] {
    return this.#read();
  }

  record(event: LearningEvent): void {
    this.#enqueue([{ key: `${this.#prefix}-${(this.#counter++).toString(36)}`, event }]);
  }

  /**
   * Brings progress made without an account (LocalTracker's state) into this account. Keys are derived
   * from the content, so adopting the same progress twice stores it once.
   */
  adopt(
    state: LearnerState,
    where: {
      /** the material a page belongs to (from the course outline) */
      materialOf?: (page: string) => string | undefined;
      /** the page a check block sits on, when the player knows it */
      placeOf?: (block: string) => { material: string; page: string } | undefined;
    } = {},
  ): void {
    const entries: OutboxEntry[] = [];
    const add = (key: string, event: LearningEvent) =>
      entries.push({ key: `adopt:${key}`.slice(0, 100), event });
    const materialOf = new Map<string, string>();
    for (const [material, page] of Object.entries(state.lastByMaterial)) materialOf.set(page, material);
    for (const r of Object.values(state.reflections)) materialOf.set(r.page, r.material);
    if (state.last) materialOf.set(state.last.page, state.last.material);
    for (const [page, r] of Object.entries(state.pages)) {
      const material = where.materialOf?.(page) ?? materialOf.get(page);
      if (!material) continue;
      const at = r.lastSeen ?? state.last?.at ?? 0;
      if (r.seen || r.dwellSeconds) {
        add(`p:${page}:${at}`, {
          type: 'page-seen',
          material,
          page,
          dwellSeconds: r.dwellSeconds ?? 0,
          ...(r.scrolledToEnd ? { scrolledToEnd: true } : {}),
          at,
        });
      }
      for (const block of r.popups ?? [])
        add(`o:${block}`, { type: 'popup-opened', material, page, block, at });
      // the state keeps a page's video progress, not the video block's id: the page id stands in
      if (r.videoWatched || r.videoEnded) {
        add(`v:${page}:${r.videoWatched ?? 0}`, {
          type: 'video-progress',
          material,
          page,
          block: page,
          watched: r.videoWatched ?? (r.videoEnded ? 1 : 0),
          ended: r.videoEnded ?? false,
          at,
        });
      }
    }
    for (const resource of state.resourcesOpened)
      add(`r:${resource}`, { type: 'regulation-opened', resource, at: 0 });
    for (const [block, c] of Object.entries(state.checks)) {
      const place = where.placeOf?.(block) ?? state.last;
      if (!place) continue;
      add(`c:${block}:${c.at}`, {
        type: 'check-answered',
        material: place.material,
        page: place.page,
        block,
        question: c.question,
        option: c.option,
        correct: c.correct,
        at: c.at,
      });
    }
    for (const [block, r] of Object.entries(state.reflections)) {
      add(`n:${block}:${r.at}`, {
        type: 'reflection-saved',
        material: r.material,
        page: r.page,
        block,
        text: r.text,
        at: r.at,
      });
    }
    // the last position goes last, so it stays the latest
    if (state.last) {
      const { material, page, at } = state.last;
      add(`l:${page}:${at}`, { type: 'page-seen', material, page, dwellSeconds: 0, at });
    }
    this.#enqueue(entries);
  }

  async flush(): Promise<void> {
    if (this.#timer !== undefined) (this.#options.clearTimer ?? clearTimeout)(this.#timer);
    this.#timer = undefined;
    await this.#send();
  }

  /** after a login (or when the network is back): send now, forgetting the backoff */
  retry(): Promise<void> {
    this.#failures = 0;
    if (this.status === 'auth-required' || this.status === 'offline') this.status = 'idle';
    return this.flush();
  }

  async resume(): Promise<LearnerState> {
    let base = this.#cachedState();
    try {
      const response = await this.#fetch(
        `progress/state?courseId=${encodeURIComponent(this.#options.courseId)}`,
      );
      if (response.ok) {
        base = readLearnerState(((await response.json()) as { state: unknown }).state);
        this.#write(this.#stateKey, base);
      } else if (response.status === 401) {
        this.#authRequired();
      }
    } catch {
      this.status = 'offline';
    }
    // what the server has, plus what it has not received yet
    const pending = [...this.#read()].sort((a, b) => a.event.at - b.event.at);
    return pending.reduce((state, entry) => applyEvent(state, entry.event), base);
  }

  #enqueue(entries: OutboxEntry[]): void {
    if (entries.length === 0) return;
    const outbox = this.#read();
    const known = new Set(outbox.map((e) => e.key));
    this.#save([...outbox, ...entries.filter((e) => !known.has(e.key))]);
    this.#schedule(this.#options.delayMs);
  }

  #schedule(ms: number): void {
    if (this.#timer !== undefined || this.status === 'auth-required') return;
    this.#timer = (this.#options.setTimer ?? setTimeout)(() => {
      this.#timer = undefined;
      void this.#send();
    }, ms);
  }

  #send(): Promise<void> {
    this.#sending ??= this.#drain().finally(() => {
      this.#sending = undefined;
    });
    return this.#sending;
  }

  async #drain(): Promise<void> {
    while (this.status !== 'auth-required') {
      const batch = this.#read().slice(0, this.#options.batchSize);
      if (batch.length === 0) {
        this.status = 'idle';
        return;
      }
      this.status = 'sending';
      let response: Response;
      try {
        response = await this.#fetch('progress/events', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ courseId: this.#options.courseId, events: batch }),
          keepalive: true,
        });
      } catch {
        return this.#backoff('offline');
      }
      if (response.status === 401) return this.#authRequired();
      if (response.status === 413 && this.#options.batchSize > 1) {
        this.#options.batchSize = Math.ceil(this.#options.batchSize / 2);
        continue;
      }
      if (response.status === 400) {
        // a batch the server can never accept must not block everything after it
        this.#remove(new Set(batch.map((e) => e.key)));
        continue;
      }
      if (!response.ok) return this.#backoff('offline');
      const body = (await response.json()) as { acknowledged: string[]; rejected?: { key: string }[] };
      this.#failures = 0;
      this.#remove(new Set([...body.acknowledged, ...(body.rejected ?? []).map((r) => r.key)]));
    }
  }

  #backoff(status: SendStatus): void {
    this.status = status;
    const base = Math.min(this.#options.maxBackoffMs, 1000 * 2 ** this.#failures);
    this.#failures++;
    this.#schedule(base * (0.5 + (this.#options.random ?? Math.random)() / 2));
  }

  #authRequired(): void {
    this.status = 'auth-required';
    this.#options.onAuthRequired?.();
  }

  #fetch(path: string, init?: RequestInit): Promise<Response> {
    const doFetch = this.#options.fetch ?? globalThis.fetch.bind(globalThis);
    return doFetch(`${this.#options.api}${path}`, { credentials: 'same-origin', ...init });
  }

  #remove(keys: Set<string>): void {
    this.#save(this.#read().filter((e) => !keys.has(e.key)));
  }

  #read(): OutboxEntry[] {
    if (!this.#store) return this.#memory;
    try {
      const raw = this.#store.getItem(this.#outboxKey);
      return raw ? (JSON.parse(raw) as OutboxEntry[]) : [];
    } catch {
      return this.#memory;
    }
  }

  #save(outbox: OutboxEntry[]): void {
    this.#memory = outbox;
    this.#write(this.#outboxKey, outbox);
  }

  #write(key: string, value: unknown): void {
    try {
      this.#store?.setItem(key, JSON.stringify(value));
    } catch {
      // storage full or refused: the outbox stays in memory for this page
    }
  }

  #cachedState(): LearnerState {
    try {
      const raw = this.#store?.getItem(this.#stateKey);
      return raw ? readLearnerState(JSON.parse(raw)) : emptyLearnerState();
    } catch {
      return emptyLearnerState();
    }
  }
}
