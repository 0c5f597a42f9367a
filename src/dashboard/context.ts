import { getContext, setContext } from 'svelte';
import type { Api } from './api/client.ts';
import type { Prefs } from './state/prefs.svelte.ts';
import type { Router } from './state/router.svelte.ts';
import type { Session } from './state/session.svelte.ts';

/** What every staff screen reaches: the API, who is signed in, where we are, and the language. */
export interface Staff {
  api: Api;
  session: Session;
  router: Router;
  prefs: Prefs;
  /** the one-time token a setup or reset link carried (read from the address, then removed from it) */
  linkToken: string | undefined;
}

const KEY = Symbol('lentera-staff');

export function setStaff(staff: Staff): Staff {
  return setContext(KEY, staff);
}

export function getStaff(): Staff {
  return getContext<Staff>(KEY);
}
