import './styles/app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { Api } from './api/client.ts';
import type { Staff } from './context.ts';
import { parseRoute } from './routing/route.ts';
import { Prefs } from './state/prefs.svelte.ts';
import { Router } from './state/router.svelte.ts';
import { Session } from './state/session.svelte.ts';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function start() {
  const target = document.getElementById('staff-app');
  if (!target) return;
  // setup and reset links carry their token after # (never sent to servers or written to logs); it is
  // taken out of the address at once, so it stays out of history and screenshots
  const hashToken = location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : undefined;
  const queryToken = new URLSearchParams(location.search).get('token') ?? undefined;
  const linkToken = hashToken ?? queryToken;
  if (linkToken) history.replaceState(null, '', location.pathname);

  const router = new Router({
    bar: {
      push: (url) => history.pushState(null, '', url),
      replace: (url) => history.replaceState(null, '', url),
    },
    initial: parseRoute(location.pathname, location.search),
  });
  const prefs = new Prefs({ store: storage() });
  let session: Session | undefined;
  const api = new Api({ onUnauthorized: () => session?.lost() });
  session = new Session({ api });
  const staff: Staff = { api, session, router, prefs, linkToken };
  target.textContent = '';
  mount(App, { target, props: { staff } });
}

start();
