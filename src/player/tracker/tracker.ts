import type { PageActivity } from '../../evaluation/completion.ts';

// The player's only way to report learning. LocalTracker keeps it in the browser; HttpTracker (server
// issue) and the SCORM/cmi5 trackers implement the same three methods.

interface At {
  /** epoch milliseconds when it happened */
  at: number;
}
interface OnPage extends At {
  material: string;
  page: string;
}

export type LearningEvent =
  /** the page was on screen; `dwellSeconds` is added to the time already spent on it */
  | ({ type: 'page-seen'; dwellSeconds: number; scrolledToEnd?: boolean } & OnPage)
  | ({ type: 'popup-opened'; block: string } & OnPage)
  /** `watched` is the share of the video seen so far (0–1) */
  | ({ type: 'video-progress'; block: string; watched: number; ended: boolean } & OnPage)
  | ({ type: 'regulation-opened'; resource: string; material?: string; page?: string } & At)
  | ({ type: 'check-answered'; block: string; question: string; option: string; correct: boolean } & OnPage)
  | ({ type: 'reflection-saved'; block: string; text: string } & OnPage);

export interface PageRecord extends PageActivity {
  /** pop-ups opened on the page */
  popups?: string[];
  /** epoch ms of the last visit */
  lastSeen?: number;
}

export interface CheckRecord {
  question: string;
  option: string;
  correct: boolean;
  attempts: number;
  at: number;
}

export interface ReflectionRecord {
  material: string;
  page: string;
  text: string;
  at: number;
}

/** Everything the player needs to resume a learner: a fold of their events. */
export interface LearnerState {
  pages: Record<string, PageRecord>;
  checks: Record<string, CheckRecord>;
  reflections: Record<string, ReflectionRecord>;
  /** the page seen last, in the whole course */
  last?: { material: string; page: string; at: number };
  /** the page seen last in each material, by material id */
  lastByMaterial: Record<string, string>;
  /** resources opened from anywhere (the library counts too) */
  resourcesOpened: string[];
}

export interface Tracker {
  /** records an event; never throws and never waits */
  record(event: LearningEvent): void;
  /** sends or stores what is pending */
  flush(): Promise<void>;
  /** the learner's state as last recorded */
  resume(): Promise<LearnerState>;
}
