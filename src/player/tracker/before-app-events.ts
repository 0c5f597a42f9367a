import type { KeyValueStore } from './local-tracker.ts';
import type { LearningEvent } from './tracker.ts';

// What a learner did on a study page before the app had loaded (src/player/before-app.ts keeps it in
// localStorage): the app takes it once it runs and records it like its own events.

/** The localStorage key of a course's events kept before the app ran. */
export function beforeAppKey(courseId: string): string {
  return `lentera:${courseId}:before-app`;
}

/** Reads and forgets the kept events; anything malformed is dropped rather than recorded. */
export function takeBeforeAppEvents(store: KeyValueStore | undefined, courseId: string): LearningEvent[] {
  if (!store) return [];
  const key = beforeAppKey(courseId);
  let kept: unknown;
  try {
    kept = JSON.parse(store.getItem(key) ?? '[]');
  } catch {
    kept = [];
  }
  // taken once, whatever it held: unreadable events are not read again on every start
  store.setItem(key, '[]');
  return Array.isArray(kept) ? kept.filter(isKeptEvent) : [];
}

const text = (value: unknown) => typeof value === 'string' && value.length > 0;

function isKeptEvent(value: unknown): value is LearningEvent {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  if (!text(e.material) || !text(e.page) || typeof e.at !== 'number') return false;
  switch (e.type) {
    case 'page-seen':
      return typeof e.dwellSeconds === 'number' && e.dwellSeconds >= 0;
    case 'popup-opened':
      return text(e.block);
    case 'regulation-opened':
      return text(e.resource);
    default:
      return false;
  }
}
