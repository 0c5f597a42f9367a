// The feedback answers chosen so far, kept on this device until they are sent: a reload or a lost
// connection in the middle of 26 questions loses nothing. Kept per account and cohort; cleared once sent.

import type { KeyValueStore } from '../answer-queue.ts';

export function draftKey(userId: string, cohortId: string): string {
  return `lentera:feedback-draft:${userId}:${cohortId}`;
}

export function readDraft(store: KeyValueStore | undefined, key: string): Map<string, number | string> {
  const draft = new Map<string, number | string>();
  try {
    const parsed = JSON.parse(store?.getItem(key) ?? '{}') as Record<string, unknown>;
    for (const [id, value] of Object.entries(parsed ?? {})) {
      if (typeof value === 'number' || typeof value === 'string') draft.set(id, value);
    }
  } catch {
    // an unreadable draft is no draft
  }
  return draft;
}

export function writeDraft(
  store: KeyValueStore | undefined,
  key: string,
  answers: ReadonlyMap<string, number | string>,
): void {
  try {
    if (answers.size === 0) store?.removeItem(key);
    else store?.setItem(key, JSON.stringify(Object.fromEntries(answers)));
  } catch {
    // storage full or refused: the answers stay on screen
  }
}

export function clearDraft(store: KeyValueStore | undefined, key: string): void {
  try {
    store?.removeItem(key);
  } catch {
    // nothing kept
  }
}
