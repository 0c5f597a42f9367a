import { describe, expect, it } from 'vitest';
import { Navigator } from './navigator.svelte.ts';

const outline = {
  materials: [
    { id: 'akuntabel', pages: [{ id: 'pengertian' }, { id: 'tingkatan' }] },
    { id: 'loyal', pages: [{ id: 'makna' }] },
  ],
};

function browserNavigator(
  root = 'https://lentera.example/berakhlak/',
  afterPaint?: (fn: () => void) => void,
) {
  const bar: string[] = [];
  const nav = new Navigator({
    outline,
    route: { kind: 'home' },
    mode: 'path',
    root,
    bar: { push: (url) => void bar.push(`push ${url}`), replace: (url) => void bar.push(`replace ${url}`) },
    afterPaint,
  });
  return { nav, bar };
}

/** a navigator whose "after the paint" waits until the test calls `paint()` */
function turningNavigator() {
  const painted: (() => void)[] = [];
  const { nav, bar } = browserNavigator(undefined, (fn) => void painted.push(fn));
  const paint = () => {
    for (const fn of painted.splice(0)) fn();
  };
  return { nav, bar, paint };
}

describe('Navigator', () => {
  it('walks a material cover → pages → selesai with Next, and back with Previous', () => {
    const { nav } = browserNavigator();
    nav.go({ kind: 'cover', material: 'akuntabel' });
    const visited: string[] = [];
    while (nav.next) {
      nav.go(nav.next);
      visited.push(nav.url(nav.route));
    }
    expect(visited).toEqual([
      '/berakhlak/akuntabel/pengertian/',
      '/berakhlak/akuntabel/tingkatan/',
      '/berakhlak/akuntabel/_selesai/',
    ]);
    expect(nav.previous).toEqual({ kind: 'page', material: 'akuntabel', page: 'tingkatan' });
    expect(nav.count).toBe(4);
  });

  it('turns a page on screen at once, and moves the address bar and the route after the paint', () => {
    const { nav, bar, paint } = turningNavigator();
    nav.go({ kind: 'page', material: 'akuntabel', page: 'pengertian' });
    const count = nav.count;
    nav.turn(nav.next ?? { kind: 'home' });
    expect(nav.showing).toEqual({ kind: 'page', material: 'akuntabel', page: 'tingkatan' });
    expect(nav.route).toEqual({ kind: 'page', material: 'akuntabel', page: 'pengertian' });
    // Next and Previous already lead on from the page on screen
    expect(nav.next).toEqual({ kind: 'done', material: 'akuntabel' });
    expect(bar.at(-1)).toBe('push /berakhlak/akuntabel/pengertian/');
    paint();
    expect(nav.route).toEqual({ kind: 'page', material: 'akuntabel', page: 'tingkatan' });
    expect(nav.showing).toBe(nav.route);
    expect(nav.count).toBe(count + 1);
    expect(bar.at(-1)).toBe('push /berakhlak/akuntabel/tingkatan/');
  });

  it('finishes a turn still waiting for its paint before the next one, so the page on screen never steps back', () => {
    const { nav, bar, paint } = turningNavigator();
    nav.go({ kind: 'page', material: 'akuntabel', page: 'tingkatan' });
    const pushed = bar.length;
    nav.turn(nav.previous ?? { kind: 'home' });
    nav.turn(nav.next ?? { kind: 'home' });
    // the first turn is the route now: what the view falls back to while the second page is not built
    expect(nav.route).toEqual({ kind: 'page', material: 'akuntabel', page: 'pengertian' });
    expect(nav.showing).toEqual({ kind: 'page', material: 'akuntabel', page: 'tingkatan' });
    paint();
    expect(nav.route).toEqual({ kind: 'page', material: 'akuntabel', page: 'tingkatan' });
    expect(bar.slice(pushed)).toEqual([
      'push /berakhlak/akuntabel/pengertian/',
      'push /berakhlak/akuntabel/tingkatan/',
    ]);
  });

  it('moves at once off the pages (cover, selesai), and lets a move elsewhere win over a pending turn', () => {
    const { nav, paint } = turningNavigator();
    nav.go({ kind: 'page', material: 'akuntabel', page: 'tingkatan' });
    nav.turn({ kind: 'done', material: 'akuntabel' });
    expect(nav.route).toEqual({ kind: 'done', material: 'akuntabel' });
    nav.go({ kind: 'page', material: 'akuntabel', page: 'pengertian' });
    nav.turn({ kind: 'page', material: 'akuntabel', page: 'tingkatan' });
    nav.go({ kind: 'home' });
    paint();
    expect(nav.route).toEqual({ kind: 'home' });
    expect(nav.showing).toEqual({ kind: 'home' });
  });

  it('puts every move in the address bar, so a reload or a shared link opens the same page', () => {
    const { nav, bar } = browserNavigator();
    nav.go({ kind: 'page', material: 'loyal', page: 'makna' });
    nav.go({ kind: 'search' }, { replace: true });
    expect(bar).toEqual(['push /berakhlak/loyal/makna/', 'replace /berakhlak/_alat/cari/']);
    const reloaded = browserNavigator().nav;
    expect(reloaded.resolve(reloaded.pathOf({ pathname: '/berakhlak/loyal/makna/', hash: '' }))).toEqual({
      kind: 'page',
      material: 'loyal',
      page: 'makna',
    });
  });

  it('follows Back and Forward without adding history, and ignores a move to where it already is', () => {
    const { nav, bar } = browserNavigator();
    nav.go({ kind: 'page', material: 'akuntabel', page: 'tingkatan' });
    nav.sync('akuntabel/pengertian/');
    expect(nav.route).toEqual({ kind: 'page', material: 'akuntabel', page: 'pengertian' });
    const count = nav.count;
    nav.sync('akuntabel/pengertian');
    expect(nav.count).toBe(count);
    expect(bar).toHaveLength(1);
  });

  it('uses hash routes where the path is not the player’s (a file, an LMS)', () => {
    const nav = new Navigator({ outline, route: { kind: 'home' }, mode: 'hash' });
    expect(nav.href({ kind: 'page', material: 'akuntabel', page: 'tingkatan' })).toBe(
      '#/akuntabel/tingkatan',
    );
    expect(nav.pathOf({ pathname: '/any/index.html', hash: '#/loyal/makna' })).toBe('loyal/makna');
    expect(nav.asset('media/a.svg')).toBe('media/a.svg');
  });

  it('finds media from any page, served under any path, and leaves full URLs alone', () => {
    const { nav } = browserNavigator('https://lentera.example/kursus/berakhlak/');
    nav.go({ kind: 'page', material: 'akuntabel', page: 'tingkatan' });
    expect(nav.asset('media/tingkatan.1a2b3c4d.svg')).toBe('/kursus/berakhlak/media/tingkatan.1a2b3c4d.svg');
    expect(nav.asset('https://jdih.example/uu.pdf')).toBe('https://jdih.example/uu.pdf');
    // server rendering knows no root: links are relative to the page's own folder
    const ssr = new Navigator({
      outline,
      route: { kind: 'page', material: 'loyal', page: 'makna' },
      mode: 'path',
    });
    expect(ssr.href({ kind: 'home' })).toBe('../../');
    expect(ssr.asset('media/x.svg')).toBe('../../media/x.svg');
  });

  it('shows the not-found screen for an address the course does not have', () => {
    const { nav } = browserNavigator();
    expect(nav.resolve('akuntabel/tidak-ada')).toEqual({ kind: 'not-found', path: 'akuntabel/tidak-ada' });
  });
});
