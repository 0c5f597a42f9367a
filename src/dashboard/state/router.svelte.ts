import { parseRoute, type Route, routePath } from '../routing/route.ts';

export interface AddressBar {
  push(url: string): void;
  replace(url: string): void;
}

/** Where the staff app is. `count` grows with each navigation, so the shell can move focus to the new title. */
export class Router {
  route = $state<Route>({ kind: 'cohorts' });
  count = $state(0);
  #bar: AddressBar;

  constructor(options: { bar: AddressBar; initial?: Route }) {
    this.#bar = options.bar;
    if (options.initial) this.route = options.initial;
  }

  go(route: Route, options: { replace?: boolean } = {}): void {
    const url = routePath(route);
    if (options.replace) this.#bar.replace(url);
    else this.#bar.push(url);
    this.route = route;
    this.count++;
  }

  /** after back/forward: read the address the browser now shows */
  sync(location: { pathname: string; search: string }): void {
    this.route = parseRoute(location.pathname, location.search);
    this.count++;
  }
}
