// Who is answering and in which cohort, for the evaluation screens. Signed in, it is the account's
// first cohort as peserta; the last one is kept on this device so a case study opened offline (the
// server unreachable, not signed out) still finds its saved copy and its queue.

import type { KeyValueStore } from '../answer-queue.ts';

export interface ParticipantContext {
  userId: string;
  cohortId: string;
  cohortName: string;
}

export interface AccountView {
  status: string;
  user?: { id: string } | undefined;
  cohorts: readonly { id: string; name: string; roles: readonly string[] }[];
}

const KEY = 'lentera:evaluation:participant';

function read(store: KeyValueStore | undefined): ParticipantContext | undefined {
  try {
    const raw = store?.getItem(KEY);
    if (!raw) return undefined;
    const v = JSON.parse(raw) as Partial<ParticipantContext>;
    if (typeof v.userId !== 'string' || typeof v.cohortId !== 'string') return undefined;
    return {
      userId: v.userId,
      cohortId: v.cohortId,
      cohortName: typeof v.cohortName === 'string' ? v.cohortName : '',
    };
  } catch {
    return undefined;
  }
}

/**
 * The participant's context, or undefined when there is none: signed out, or signed in without a
 * cohort as peserta. While the server is unreachable the last signed-in context is used.
 */
export function participantContext(
  account: AccountView,
  store: KeyValueStore | undefined,
): ParticipantContext | undefined {
  if (account.status === 'signed-in') {
    const cohort = account.cohorts.find((c) => c.roles.includes('peserta'));
    if (!account.user || !cohort) return undefined;
    const context = { userId: account.user.id, cohortId: cohort.id, cohortName: cohort.name };
    try {
      store?.setItem(KEY, JSON.stringify(context));
    } catch {
      // without storage the context is only lost offline
    }
    return context;
  }
  if (account.status === 'unreachable') return read(store);
  if (account.status === 'signed-out') {
    try {
      store?.removeItem(KEY);
    } catch {
      // nothing kept
    }
  }
  return undefined;
}

/** the browser's localStorage where there is one (not while rendering on the server) */
export function browserStorage(): KeyValueStore | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
