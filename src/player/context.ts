import { getContext, setContext } from 'svelte';
import type { CourseData } from './state/course-data.svelte.ts';
import type { Navigator } from './state/navigator.svelte.ts';
import type { Progress } from './state/progress.svelte.ts';
import type { ServerLink } from './state/server-link.svelte.ts';
import type { Settings } from './state/settings.svelte.ts';
import type { Views } from './state/views.svelte.ts';

/** Everything a component of the player may read: shared through Svelte context, set once by App. */
export interface Player {
  settings: Settings;
  progress: Progress;
  nav: Navigator;
  data: CourseData;
  views: Views;
  /** true while online (always true during server rendering) */
  online: { value: boolean };
  /** the account and unsent progress, when served by the Lentera server */
  link: Pick<ServerLink, 'account' | 'sync' | 'login' | 'logout'>;
}

const KEY = Symbol('lentera-player');

export function setPlayer(player: Player): Player {
  return setContext(KEY, player);
}

export function getPlayer(): Player {
  return getContext<Player>(KEY);
}
