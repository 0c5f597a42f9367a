import { BEFORE_APP_ID, type BeforeAppConfig } from './before-app-config.ts';

// A study page works before the app has loaded: its text is in the HTML, Previous/Next are links, and
// this small script (an entry of its own, about 1 KiB, cached for every page) opens its pop-ups, turns
// pages with the arrow keys and keeps what the learner did for the app. The app's script is fetched only
// once the page has loaded, so on a slow network the first page needs the HTML and this alone; Menu,
// which is the app's, fetches it at once and the app opens the menu when it arrives. Once the app has
// hydrated (<html data-app="on">) all of this stands down.

function beforeApp(config: BeforeAppConfig): void {
  const root = document.documentElement;
  const appOn = () => root.dataset.app === 'on';
  const started = Date.now();
  const on = { material: config.material, page: config.page };
  const keep = (event: Record<string, unknown>) => {
    try {
      const kept = JSON.parse(localStorage.getItem(config.key) || '[]');
      kept.push({ ...event, ...on, at: Date.now() });
      localStorage.setItem(config.key, JSON.stringify(kept));
    } catch {
      // storage full or refused: the app records the page again once it runs
    }
  };
  let opener: HTMLElement | null = null;

  document.addEventListener('click', (event) => {
    const target = event.target;
    if (appOn() || !(target instanceof Element) || event.button !== 0) return;
    // the menu is the app's own: pressed before the app is here, it opens as soon as the app is
    const menu = target.closest<HTMLElement>('.menu-button');
    if (menu) {
      root.dataset.pending = 'menu';
      menu.setAttribute('aria-busy', 'true');
      loadApp();
      return;
    }
    const button = target.closest<HTMLElement>('.popup button');
    const popup = button?.parentElement?.nextElementSibling;
    if (button && popup instanceof HTMLDialogElement) {
      if (popup.open) return;
      opener = button;
      popup.showModal();
      popup.querySelector<HTMLElement>('.dialog-title')?.focus();
      keep({ type: 'popup-opened', block: button.dataset.block });
      return;
    }
    const dialog = target.closest('dialog');
    if (dialog && (target === dialog || target.closest('.close'))) dialog.close();
    const resource = target.closest<HTMLElement>('a[data-resource]');
    if (resource) keep({ type: 'regulation-opened', resource: resource.dataset.resource });
  });
  // `close` does not bubble: listen while it goes down
  document.addEventListener(
    'close',
    () => {
      if (appOn() || !opener) return;
      opener.focus();
      opener = null;
    },
    true,
  );
  addEventListener('keydown', (event) => {
    if (appOn() || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey)
      return;
    const target = event.target;
    if (target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT|VIDEO|AUDIO)$/.test(target.tagName)) return;
    if (document.querySelector('dialog[open]')) return;
    const rel = event.key === 'ArrowRight' ? 'next' : event.key === 'ArrowLeft' ? 'prev' : '';
    const link = rel ? document.querySelector<HTMLAnchorElement>(`.pager a[rel="${rel}"]`) : null;
    if (!link) return;
    event.preventDefault();
    link.click();
  });
  // left before the app ran: the page still counts as seen, with the time spent on it
  addEventListener('pagehide', () => {
    if (!appOn()) keep({ type: 'page-seen', dwellSeconds: Math.round((Date.now() - started) / 1000) });
  });

  let loading = false;
  const loadApp = () => {
    if (loading) return;
    loading = true;
    for (const file of config.preload) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = file;
      document.head.append(link);
    }
    const script = document.createElement('script');
    script.type = 'module';
    script.src = config.script;
    document.head.append(script);
  };
  // once the page has loaded, in a task of its own: nothing the page needs waits behind the app
  if (document.readyState === 'complete') setTimeout(loadApp, 0);
  else addEventListener('load', () => setTimeout(loadApp, 0), { once: true });
}

const config = document.getElementById(BEFORE_APP_ID)?.textContent;
if (config) beforeApp(JSON.parse(config) as BeforeAppConfig);
