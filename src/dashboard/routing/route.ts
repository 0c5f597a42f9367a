// The staff app's addresses, all under /staff/. Paths are Indonesian, like the player's.

export type CohortTab = 'progress' | 'members' | 'import' | 'assignments';

export type Route =
  | { kind: 'cohorts' }
  | { kind: 'login'; next?: string }
  | { kind: 'setup' }
  | { kind: 'reset' }
  | { kind: 'new-cohort' }
  | { kind: 'cohort'; id: string; tab: CohortTab }
  | { kind: 'users' }
  | { kind: 'not-found'; path: string };

export const BASE = '/staff/';

const TAB_SLUGS: Record<CohortTab, string> = {
  progress: '',
  members: 'anggota',
  import: 'impor',
  assignments: 'penugasan',
};

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** reads a path below /staff/ (with or without the base) and its query */
export function parseRoute(pathname: string, search = ''): Route {
  let path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\/+/, '');
  if (`/${path}` === BASE.slice(0, -1)) path = '';
  const parts = path.split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (parts.length === 0) return { kind: 'cohorts' };
  if (parts.length === 1 && first === 'masuk') {
    const next = new URLSearchParams(search).get('lanjut');
    return next && isInternal(next) ? { kind: 'login', next } : { kind: 'login' };
  }
  if (parts.length === 1 && first === 'setup') return { kind: 'setup' };
  if (parts.length === 1 && first === 'reset') return { kind: 'reset' };
  if (parts.length === 1 && first === 'akun') return { kind: 'users' };
  if (first === 'angkatan' && parts.length === 2 && second === 'baru') return { kind: 'new-cohort' };
  if (first === 'angkatan' && second && ID.test(second) && parts.length <= 3) {
    const tab = (Object.keys(TAB_SLUGS) as CohortTab[]).find((t) => TAB_SLUGS[t] === (third ?? ''));
    if (tab) return { kind: 'cohort', id: second, tab };
  }
  return { kind: 'not-found', path: `/${path}` };
}

/** the address of a route, beginning with /staff/ */
export function routePath(route: Route): string {
  switch (route.kind) {
    case 'cohorts':
      return BASE;
    case 'login':
      return route.next ? `${BASE}masuk?lanjut=${encodeURIComponent(route.next)}` : `${BASE}masuk`;
    case 'setup':
      return `${BASE}setup`;
    case 'reset':
      return `${BASE}reset`;
    case 'users':
      return `${BASE}akun`;
    case 'new-cohort':
      return `${BASE}angkatan/baru`;
    case 'cohort': {
      const slug = TAB_SLUGS[route.tab];
      return `${BASE}angkatan/${encodeURIComponent(route.id)}${slug ? `/${slug}` : ''}`;
    }
    case 'not-found':
      return `${BASE}${route.path.replace(/^\/+/, '')}`;
  }
}

/** a path inside the staff app, never another site (an open redirect after login) */
export function isInternal(path: string): boolean {
  return path.startsWith(BASE) && !path.startsWith('//') && !path.includes('\\');
}

/** routes anyone may open without a session */
export function isPublic(route: Route): boolean {
  return route.kind === 'login' || route.kind === 'setup' || route.kind === 'reset';
}
