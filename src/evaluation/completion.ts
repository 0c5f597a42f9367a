// "Belajar sesuai gaya belajar" (issue 4): a page counts as studied when the learner did what the page
// offers in any one learning style — reading it, watching its video or opening its regulation — and
// materials and the course roll up from pages with Adapt's completion rule.

import { own } from './math.ts';

/** A way of studying a page; the compiled course lists the ones each page offers. */
export type CompletionOption = 'read' | 'video' | 'regulation';

/** How a page was completed: one of its options, or `seen` for a page that offers none. */
export type CompletionVia = CompletionOption | 'seen';

/** The part of a compiled page the completion rule reads. */
export interface PageStub {
  id: string;
  /** what the page offers; an empty list means the page is complete once seen */
  completion: readonly CompletionOption[];
  /** an optional page never holds back its material (Adapt's `_isOptional`) */
  optional?: boolean;
}

/** The part of a compiled material the completion rule reads. */
export interface MaterialStub {
  id: string;
  pages: readonly PageStub[];
  /** `front` and `back` matter (kata pengantar, penutup) are optional for the course */
  role?: string;
  optional?: boolean;
}

/** What the learner did on one page, summed over visits by the player's tracker. */
export interface PageActivity {
  seen?: boolean;
  /** total seconds the page was on screen */
  dwellSeconds?: number;
  /** the end of the page's text came into view */
  scrolledToEnd?: boolean;
  /** the largest share (0–1) watched of any video on the page */
  videoWatched?: number;
  /** a video on the page played to its end */
  videoEnded?: boolean;
  /** a regulation card on the page was opened or its file downloaded */
  regulationOpened?: boolean;
}

/** Thresholds of the page rule; each has a default. */
export interface CompletionSettings {
  /** seconds on a page that count as reading it (default 5) */
  minReadSeconds?: number;
  /** share of a video that counts as watching it (default 0.8) */
  minWatchedFraction?: number;
}

export const DEFAULT_MIN_READ_SECONDS = 5;
export const DEFAULT_MIN_WATCHED_FRACTION = 0.8;

export interface PageCompletion {
  pageId: string;
  complete: boolean;
  /** every style in which the page was completed, in the order read, video, regulation, seen */
  via: CompletionVia[];
}

/**
 * Whether one page is complete, and through which learning styles.
 *
 * Reading counts when the page was on screen for at least `minReadSeconds` or scrolled to its end;
 * watching when a video on it reached `minWatchedFraction` or its end; the regulation style when a
 * regulation card on it was opened. A page that offers none of these is complete once seen. Any one
 * style the page offers is enough: a learner who prefers the video never has to read the text.
 *
 * @example
 * pageCompletion({
 *   page: { id: 'tingkatan', completion: ['read', 'video'] },
 *   activity: { seen: true, dwellSeconds: 2, videoWatched: 0.85 },
 * });
 * // { pageId: 'tingkatan', complete: true, via: ['video'] }
 */
export function pageCompletion(options: {
  page: PageStub;
  activity?: PageActivity;
  settings?: CompletionSettings;
}): PageCompletion {
  const { page, activity = {}, settings = {} } = options;
  const minRead = settings.minReadSeconds ?? DEFAULT_MIN_READ_SECONDS;
  const minWatched = settings.minWatchedFraction ?? DEFAULT_MIN_WATCHED_FRACTION;
  const dwell = activity.dwellSeconds ?? 0;
  const watched = activity.videoWatched ?? 0;

  const done: Record<CompletionOption, boolean> = {
    read: dwell >= minRead || activity.scrolledToEnd === true,
    video: watched >= minWatched || activity.videoEnded === true,
    regulation: activity.regulationOpened === true,
  };
  const via: CompletionVia[] = (['read', 'video', 'regulation'] as const).filter(
    (option) => page.completion.includes(option) && done[option],
  );
  if (page.completion.length === 0) {
    const seen =
      activity.seen === true ||
      dwell > 0 ||
      activity.scrolledToEnd === true ||
      watched > 0 ||
      activity.videoEnded === true ||
      activity.regulationOpened === true;
    if (seen) via.push('seen');
  }
  return { pageId: page.id, complete: via.length > 0, via };
}

/** The completion state of one child (page or material) for the roll-up. */
export interface ChildState {
  complete: boolean;
  optional?: boolean;
  /** an unavailable child is left out entirely (Adapt's `_isAvailable: false`) */
  available?: boolean;
}

/** How a parent rolls up its children. */
export interface RollUpOptions {
  /** `'all'` (or any negative number, Adapt's -1): every required child; n: at least n required children */
  requireCompletionOf?: number | 'all';
  /** the parent itself is optional */
  optional?: boolean;
}

/**
 * Adapt's completion roll-up (adapt-contrib-core `AdaptModel.checkCompletionStatusFor`).
 *
 * - Unavailable children are ignored.
 * - `requireCompletionOf: 'all'` (the default): complete when every required child is complete;
 *   optional children never hold the parent back.
 * - `requireCompletionOf: n`: complete when at least n required children are complete.
 * - All-optional case: when the parent is itself optional and every child is optional, it is complete
 *   only when every child is complete (adapt-contrib-core issue 279: an optional parent's completion
 *   only feeds progress displays, so it waits for its children). A required parent whose children are
 *   all optional is complete at once, as in Adapt: nothing in it is required.
 * - A parent with no available children is complete.
 *
 * @example
 * isComplete([{ complete: true }, { complete: false, optional: true }]); // true
 * isComplete([{ complete: false, optional: true }], { optional: true }); // false
 */
export function isComplete(childStates: readonly ChildState[], options: RollUpOptions = {}): boolean {
  const children = childStates.filter((child) => child.available !== false);
  const requireCompletionOf = options.requireCompletionOf ?? 'all';
  const everyChildOptional = children.every((child) => child.optional === true);

  if (options.optional === true && everyChildOptional) {
    return children.every((child) => child.complete);
  }
  if (requireCompletionOf === 'all' || requireCompletionOf < 0) {
    return children.every((child) => child.complete || child.optional === true);
  }
  const completedRequired = children.filter((child) => child.complete && child.optional !== true).length;
  return completedRequired >= requireCompletionOf;
}

export interface MaterialProgress {
  materialId: string;
  complete: boolean;
  optional: boolean;
  /** completed pages among those counted */
  done: number;
  /** pages counted: the required pages, or every page when all of them are optional */
  total: number;
  /** done / total as 0–100, rounded down so that 100 means really done; 100 for a material with no pages */
  percent: number;
  pages: PageCompletion[];
}

/** What the learner did, by page id. */
export type ActivityByPage = Readonly<Record<string, PageActivity | undefined>>;

function isOptionalMaterial(material: MaterialStub): boolean {
  return material.optional === true || material.role === 'front' || material.role === 'back';
}

function percentOf(done: number, total: number): number {
  return total === 0 ? 100 : Math.floor((done / total) * 100);
}

/**
 * Progress through one material: the page rule for each page, and the roll-up for the material
 * (complete when all its required pages are complete).
 *
 * @example
 * materialProgress({
 *   material: { id: 'akuntabel', pages: [{ id: 'a', completion: ['read'] }, { id: 'b', completion: [] }] },
 *   activity: { a: { dwellSeconds: 30 } },
 * });
 * // { materialId: 'akuntabel', complete: false, done: 1, total: 2, percent: 50, … }
 */
export function materialProgress(options: {
  material: MaterialStub;
  activity: ActivityByPage;
  settings?: CompletionSettings;
}): MaterialProgress {
  const { material, activity, settings } = options;
  const optional = isOptionalMaterial(material);
  const pages = material.pages.map((page) =>
    pageCompletion({ page, activity: own(activity, page.id), ...(settings ? { settings } : {}) }),
  );
  const states = material.pages.map((page, i) => ({
    complete: pages[i]?.complete === true,
    optional: page.optional === true,
  }));
  const required = states.filter((state) => !state.optional);
  const counted = required.length > 0 ? required : states;
  const done = counted.filter((state) => state.complete).length;
  return {
    materialId: material.id,
    complete: isComplete(states, { optional }),
    optional,
    done,
    total: counted.length,
    percent: percentOf(done, counted.length),
    pages,
  };
}

export interface CourseProgress {
  complete: boolean;
  /** required materials complete / required materials */
  materialsDone: number;
  materialsTotal: number;
  /** counted pages of the required materials (all materials when none is required) */
  pagesDone: number;
  pagesTotal: number;
  percent: number;
  materials: MaterialProgress[];
}

/**
 * Progress through the whole course: every material's progress, and the course roll-up (complete when
 * every required material is complete; front and back matter are optional).
 *
 * @example
 * courseProgress({
 *   materials: [
 *     { id: 'tentang-modul', role: 'front', pages: [{ id: 'petunjuk', completion: ['read'] }] },
 *     { id: 'akuntabel', role: 'material', pages: [{ id: 'a', completion: ['read'] }, { id: 'b', completion: ['video'] }] },
 *   ],
 *   activity: { a: { dwellSeconds: 12 }, b: { videoEnded: true } },
 * });
 * // { complete: true, materialsDone: 1, materialsTotal: 1, pagesDone: 2, pagesTotal: 2, percent: 100, … }
 */
export function courseProgress(options: {
  materials: readonly MaterialStub[];
  activity: ActivityByPage;
  settings?: CompletionSettings;
  requireCompletionOf?: number | 'all';
}): CourseProgress {
  const { materials, activity, settings } = options;
  const progress = materials.map((material) =>
    materialProgress({ material, activity, ...(settings ? { settings } : {}) }),
  );
  const required = progress.filter((m) => !m.optional);
  const counted = required.length > 0 ? required : progress;
  const pagesDone = counted.reduce((sum, m) => sum + m.done, 0);
  const pagesTotal = counted.reduce((sum, m) => sum + m.total, 0);
  return {
    complete: isComplete(
      progress.map((m) => ({ complete: m.complete, optional: m.optional })),
      { requireCompletionOf: options.requireCompletionOf ?? 'all' },
    ),
    materialsDone: counted.filter((m) => m.complete).length,
    materialsTotal: counted.length,
    pagesDone,
    pagesTotal,
    percent: percentOf(pagesDone, pagesTotal),
    materials: progress,
  };
}
