// The staff app's addresses, all under /staff/. Paths are Indonesian, like the player's.

export type CohortTab =
  | 'progress'
  | 'members'
  | 'import'
  | 'assignments'
  | 'tests'
  | 'cases'
  | 'ratings'
  | 'feedback'
  | 'results';

export type Route =
  | { kind: 'cohorts' }
  | { kind: 'login'; next?: string }
  | { kind: 'setup' }
  | { kind: 'reset' }
  | { kind: 'new-cohort' }
  /**
   * a cohort tab; `detail` opens a sub-page: on cases a case id (its submissions), or a case id and
   * a participant id (the grading view); on ratings a participant id (the facilitator's rating form)
   */
  | { kind: 'cohort'; id: string; tab: CohortTab; detail?: string[] }
  /** the public rating form behind a personal rating link (no login) */
  | { kind: 'rating-link'; token: string }
  | { kind: 'users' }
  | { kind: 'not-found'; path: string };

export const BASE = '/staff/';

const TAB_SLUGS: Record<CohortTab, string> = {
  progress: '',
  members: 'anggota',
  import: 'impor',
  assignments: 'penugasan',
  tests: 'tes',
  cases: 'studi-kasus',
  ratings: 'perilaku',
  feedback: 'umpan-balik',
  results: 'hasil',
};

/** how many path parts after the tab each tab's sub-pages take */
const DETAIL_DEPTH: Partial<Record<CohortTab, number>> = { cases: 2, ratings: 1 };

// rating-link tokens are 256 random bits in base64url (43 characters)
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** reads a path below /staff/ (with or without the base) and its query */
export function parseRoute(pathname: string, search = ''): Route {
  let path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\/+/, '');
  if (`/${path}` === BASE.slice(0, -1)) path = '';
  const parts = path.split('/').filter(Boolean);
  const [first, second, third, ...rest] = parts;
  if (parts.length === 0) return { kind: 'cohorts' };
  if (parts.length === 1 && first === 'masuk') {
    const next = new URLSearchParams(search).get('lanjut');
    return next && isInternal(next) ? { kind: 'login', next } : { kind: 'login' };
  }
  if (parts.length === 1 && first === 'setup') return { kind: 'setup' };
  if (parts.length === 1 && first === 'reset') return { kind: 'reset' };
  if (parts.length === 1 && first === 'akun') return { kind: 'users' };
  if (first === 'angkatan' && parts.length === 2 && second === 'baru') return { kind: 'new-cohort' };
  if (first === 'nilai' && parts.length === 2 && second && TOKEN.test(second)) {
    return { kind: 'rating-link', token: second };
  }
  if (first === 'angkatan' && second && ID.test(second)) {
    const tab = (Object.keys(TAB_SLUGS) as CohortTab[]).find((t) => TAB_SLUGS[t] === (third ?? ''));
    if (tab && rest.length === 0) return { kind: 'cohort', id: second, tab };
    if (tab && rest.length <= (DETAIL_DEPTH[tab] ?? 0) && rest.every((part) => ID.test(part))) {
      return { kind: 'cohort', id: second, tab, detail: rest };
    }
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
      const detail =
        route.detail?.length && slug ? route.detail.map((d) => `/${encodeURIComponent(d)}`).join('') : '';
      return `${BASE}angkatan/${encodeURIComponent(route.id)}${slug ? `/${slug}` : ''}${detail}`;
    }
    case 'rating-link':
      return `${BASE}nilai/${encodeURIComponent(route.token)}`;
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
  return (
    route.kind === 'login' || route.kind === 'setup' || route.kind === 'reset' || route.kind === 'rating-link'
  );
}

/** the address a mentor or atasan opens to rate without an account */
export function ratingLinkUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}${routePath({ kind: 'rating-link', token })}`;
}
