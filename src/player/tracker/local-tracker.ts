import { applyEvent, emptyLearnerState, readLearnerState } from './learner-state.ts';
import type { LearnerState, LearningEvent, Tracker } from './tracker.ts';

/** The part of the Web Storage API the tracker uses (localStorage, or a stand-in in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Keeps progress in the browser, keyed by course id (not version), so a new version of the course that
 * keeps its page ids keeps the learner's progress. Every event is written at once: nothing is lost
 * when the tab closes. Where storage is refused (private modes, some LMS frames) it keeps progress in
 * memory for the session.
 */
export class LocalTracker implements Tracker {
  #key: string;
  #store: KeyValueStore | undefined;
  #state: LearnerState;

  constructor(options: { courseId: string; store?: KeyValueStore | undefined }) {
    this.#key = `lentera:${options.courseId}:learner`;
    this.#store = options.store;
    this.#state = this.#read();
  }

  #read(): LearnerState {
    try {
      const raw = this.#store?.getItem(this.#key);
      return raw ? readLearnerState(JSON.parse(raw)) : emptyLearnerState();
    } catch {
      // unreadable storage never wipes what this session already knows
      return this.#state ?? emptyLearnerState();
    }
  }

  record(event: LearningEvent): void {
    // start from what is stored, so two tabs of the same course do not overwrite each other
    if (this.#store) this.#state = this.#read();
    this.#state = applyEvent(this.#state, event);
    try {
      this.#store?.setItem(this.#key, JSON.stringify(this.#state));
    } catch {
      // storage full or refused: progress stays in memory for this session
    }
  }

  async flush(): Promise<void> {}

  async resume(): Promise<LearnerState> {
    if (this.#store) this.#state = this.#read();
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
