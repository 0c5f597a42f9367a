import {
  parseRoute,
  type Route,
  type RouteMode,
  type RouteOutline,
  relativeRoot,
  routeHref,
  routePath,
} from '../routing/route.ts';
import { neighbours } from '../routing/sequence.ts';

/** How the navigator changes the address bar; the browser's history in the app, a list in tests. */
export interface AddressBar {
  push(url: string): void;
  replace(url: string): void;
}

/** Where the learner is, where Previous and Next lead, and the hrefs of every route. */
export class Navigator {
  route = $state.raw<Route>({ kind: 'home' });
  /** the page a turn shows before `route` follows it (see `turn`) */
  #ahead = $state.raw<Route | undefined>(undefined);
  /** bumped on every navigation, so the view can move focus to the new title */
  count = $state(0);
  readonly mode: RouteMode;
  #outline: RouteOutline;
  #bar: AddressBar | undefined;
  #afterPaint: (fn: () => void) => void;
  /** absolute URL of the player's root, known in the browser; server rendering uses relative URLs */
  #root: string | undefined;
  /** the root's path, parsed once: every link's href is built from it */
  #rootPath: string;

  constructor(options: {
    outline: RouteOutline;
    route: Route;
    mode: RouteMode;
    root?: string;
    bar?: AddressBar;
    /** runs a function once the browser has painted (src/player/after-paint.ts); at once by default */
    afterPaint?: (fn: () => void) => void;
  }) {
    this.#outline = options.outline;
    this.route = options.route;
    this.mode = options.mode;
    this.#root = options.root;
    this.#rootPath = options.root ? new URL(options.root).pathname : '/';
    this.#bar = options.bar;
    this.#afterPaint = options.afterPaint ?? ((fn) => fn());
  }

  /**
   * The route on screen: `route`, except in the frame a page turn paints, when it is already the new page.
   * What the learner sees of a page (its title, place, text, the scroll) follows this; the rest follows `route`.
   */
  get showing(): Route {
    return this.#ahead ?? this.route;
  }

  get previous(): Route | undefined {
    return neighbours(this.#outline.materials, this.showing).previous;
  }

  get next(): Route | undefined {
    return neighbours(this.#outline.materials, this.showing).next;
  }

  /** the URL of a file of the build (media, data) from the page showing now */
  asset(path: string): string {
    if (this.mode === 'hash' || /^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
    return this.#root ? `${this.#rootPath}${path}` : `${relativeRoot(this.route)}${path}`;
  }

  href(route: Route): string {
    if (this.mode === 'path' && this.#root) return this.url(route);
    return routeHref(route, this.route, this.mode);
  }

  /** the URL a route has in the address bar */
  url(route: Route): string {
    const path = routePath(route);
    if (this.mode === 'hash') return `#/${path}`;
    return path === '' ? this.#rootPath : `${this.#rootPath}${path}/`;
  }

  /** the route path of a location: its hash in hash mode, its path under the root otherwise */
  pathOf(location: { pathname: string; hash: string }): string {
    if (this.mode === 'hash') return location.hash.replace(/^#\/?/, '');
    const root = this.#rootPath;
    return location.pathname.startsWith(root) ? location.pathname.slice(root.length) : location.pathname;
  }

  go(route: Route, options: { replace?: boolean } = {}): void {
    if (options.replace) this.#bar?.replace(this.url(route));
    else this.#bar?.push(this.url(route));
    this.#ahead = undefined;
    this.route = route;
    this.count++;
  }

  /**
   * Previous/Next from a page: `showing` moves at once and `route` once the new page is painted, so the turn's
   * frame holds only what the learner sees (an urgent update and its transition). The address bar, progress,
   * the table of contents and the focus follow a frame later.
   */
  turn(route: Route): void {
    // a turn still waiting for its paint is done first: the next page may not be built yet, and the page on
    // screen must not step back to the old route while it is
    if (this.#ahead) this.go(this.#ahead);
    const from = this.showing;
    if (route.kind !== 'page' || from.kind !== 'page' || from.material !== route.material) {
      this.go(route);
      return;
    }
    this.#ahead = route;
    this.#afterPaint(() => {
      if (this.#ahead === route) this.go(route);
    });
  }

  /** the address bar changed on its own (Back/Forward, an edited hash) */
  sync(path: string): void {
    const route = parseRoute(path, this.#outline);
    if (routePath(route) === routePath(this.route) && route.kind === this.route.kind) return;
    this.#ahead = undefined;
    this.route = route;
    this.count++;
  }

  resolve(path: string): Route {
    return parseRoute(path, this.#outline);
  }
}
