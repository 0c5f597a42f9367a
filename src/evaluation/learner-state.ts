import type { PageActivity } from './completion.ts';

// What a learner did, as events, and the state they fold into (pure). The player folds them to resume a
// learner and the server folds the stored events to report progress; the player's Tracker records them.

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

export function emptyLearnerState(): LearnerState {
  return { pages: {}, checks: {}, reflections: {}, lastByMaterial: {}, resourcesOpened: [] };
}

function withPage(
  state: LearnerState,
  page: string,
  change: (record: PageRecord) => PageRecord,
): LearnerState {
  return { ...state, pages: { ...state.pages, [page]: change(state.pages[page] ?? {}) } };
}

/** Folds one event into the learner's state (pure: returns a new state). */
export function applyEvent(state: LearnerState, event: LearningEvent): LearnerState {
  switch (event.type) {
    case 'page-seen': {
      const next = withPage(state, event.page, (r) => ({
        ...r,
        seen: true,
        dwellSeconds: Math.round(((r.dwellSeconds ?? 0) + Math.max(0, event.dwellSeconds)) * 10) / 10,
        ...(event.scrolledToEnd || r.scrolledToEnd ? { scrolledToEnd: true } : {}),
        lastSeen: event.at,
      }));
      return {
        ...next,
        last: { material: event.material, page: event.page, at: event.at },
        lastByMaterial: { ...next.lastByMaterial, [event.material]: event.page },
      };
    }
    case 'popup-opened':
      return withPage(state, event.page, (r) => ({
        ...r,
        popups: r.popups?.includes(event.block) ? r.popups : [...(r.popups ?? []), event.block],
      }));
    case 'video-progress':
      return withPage(state, event.page, (r) => ({
        ...r,
        videoWatched: Math.max(r.videoWatched ?? 0, Math.min(1, Math.max(0, event.watched))),
        ...(event.ended || r.videoEnded ? { videoEnded: true } : {}),
      }));
    case 'regulation-opened': {
      const opened = state.resourcesOpened.includes(event.resource)
        ? state.resourcesOpened
        : [...state.resourcesOpened, event.resource];
      const next = { ...state, resourcesOpened: opened };
      return event.page ? withPage(next, event.page, (r) => ({ ...r, regulationOpened: true })) : next;
    }
    case 'check-answered': {
      const previous = state.checks[event.block];
      return {
        ...state,
        checks: {
          ...state.checks,
          [event.block]: {
            question: event.question,
            option: event.option,
            correct: event.correct,
            attempts: (previous?.attempts ?? 0) + 1,
            at: event.at,
          },
        },
      };
    }
    case 'reflection-saved':
      return {
        ...state,
        reflections: {
          ...state.reflections,
          [event.block]: { material: event.material, page: event.page, text: event.text, at: event.at },
        },
      };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a stored state, keeping what is well formed; anything unreadable starts empty. */
export function readLearnerState(value: unknown): LearnerState {
  const state = emptyLearnerState();
  if (!isRecord(value)) return state;
  if (isRecord(value.pages)) state.pages = value.pages as LearnerState['pages'];
  if (isRecord(value.checks)) state.checks = value.checks as LearnerState['checks'];
  if (isRecord(value.reflections)) state.reflections = value.reflections as LearnerState['reflections'];
  if (isRecord(value.lastByMaterial)) state.lastByMaterial = value.lastByMaterial as Record<string, string>;
  if (Array.isArray(value.resourcesOpened)) {
    state.resourcesOpened = value.resourcesOpened.filter((r): r is string => typeof r === 'string');
  }
  const last = value.last;
  if (isRecord(last) && typeof last.material === 'string' && typeof last.page === 'string') {
    state.last = { material: last.material, page: last.page, at: Number(last.at) || 0 };
  }
  return state;
}
