import type { LearnerState, LearningEvent } from '../../evaluation/learner-state.ts';

// The player's only way to report learning. LocalTracker keeps it in the browser; HttpTracker (server
// issue) and the SCORM/cmi5 trackers implement the same three methods.

// The events and the state they fold into are a pure rule the server shares: src/evaluation/learner-state.ts.
export type {
  CheckRecord,
  LearnerState,
  LearningEvent,
  PageRecord,
  ReflectionRecord,
} from '../../evaluation/learner-state.ts';

export interface Tracker {
  /** records an event; never throws and never waits */
  record(event: LearningEvent): void;
  /** sends or stores what is pending */
  flush(): Promise<void>;
  /** the learner's state as last recorded */
  resume(): Promise<LearnerState>;
}
