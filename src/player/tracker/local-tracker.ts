import { applyEvent, emptyLearnerState, readLearnerState } from '../../evaluation/learner-state.ts';
import type { LearnerState, LearningEvent, Tracker } from './tracker.ts';

/** The part of the Web Storage API the tracker uses (localStorage, or a stand-in in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Runs a write later; the browser uses a zero-delay timer, tests run it when they choose. */
export type Defer = (write: () => void) => void;

/**
 * Keeps progress in the browser, keyed by course id (not version), so a new version of the course that
 * keeps its page ids keeps the learner's progress. Events are held for one task and written together,
 * so turning a page never waits for storage; `flush()` (called when the tab is hidden or closed) writes
 * at once. Where storage is refused (private modes, some LMS frames) it keeps progress in memory for
 * the session.
 */
export class LocalTracker implements Tracker {
  #key: string;
  #store: KeyValueStore | undefined;
  #state: LearnerState;
  #pending: LearningEvent[] = [];
  #scheduled = false;
  #defer: Defer;

  constructor(options: { courseId: string; store?: KeyValueStore | undefined; defer?: Defer }) {
    this.#key = `lentera:${options.courseId}:learner`;
    this.#store = options.store;
    this.#defer = options.defer ?? ((write) => setTimeout(write, 0));
    this.#state = this.#readStored() ?? emptyLearnerState();
  }

  /** what storage holds now; undefined when it cannot be read */
  #readStored(): LearnerState | undefined {
    try {
      const raw = this.#store?.getItem(this.#key);
      return raw ? readLearnerState(JSON.parse(raw)) : emptyLearnerState();
    } catch {
      return undefined;
    }
  }

  record(event: LearningEvent): void {
    this.#state = applyEvent(this.#state, event);
    if (!this.#store) return;
    this.#pending.push(event);
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#defer(() => this.#write());
  }

  #write(): void {
    this.#scheduled = false;
    const events = this.#pending;
    if (events.length === 0) return;
    this.#pending = [];
    // fold onto what is stored, so two tabs of the same course do not overwrite each other;
    // unreadable storage never wipes what this session already knows
    const stored = this.#readStored();
    if (stored) this.#state = events.reduce(applyEvent, stored);
    try {
      this.#store?.setItem(this.#key, JSON.stringify(this.#state));
    } catch {
      // storage full or refused: progress stays in memory for this session
    }
  }

  async flush(): Promise<void> {
    this.#write();
  }

  /** forgets this device's progress (it has moved into an account) */
  clear(): void {
    this.#pending = [];
    this.#state = emptyLearnerState();
    try {
      this.#store?.setItem(this.#key, JSON.stringify(this.#state));
    } catch {
      // refused storage held nothing to clear
    }
  }

  async resume(): Promise<LearnerState> {
    this.#write();
    const stored = this.#store ? this.#readStored() : undefined;
    if (stored) this.#state = stored;
    return this.#state;
  }
}

/** localStorage if this browser lets the page use it. */
export function browserStore(): KeyValueStore | undefined {
  try {
    const store = globalThis.localStorage;
    const probe = 'lentera:probe';
    store.setItem(probe, '1');
    store.removeItem(probe);
    return store;
  } catch {
    return undefined;
  }
}
