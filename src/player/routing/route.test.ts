import { describe, expect, it } from 'vitest';
import { allRoutes, parseRoute, relativeRoot, routeHref, routePath } from './route.ts';
import { neighbours, pagePosition } from './sequence.ts';

const outline = {
  materials: [
    { id: 'akuntabel', pages: [{ id: 'pengertian' }, { id: 'tingkatan' }, { id: 'selesai' }] },
    { id: 'loyal', pages: [{ id: 'makna' }] },
    { id: 'alat', pages: [{ id: 'cetak' }, { id: 'cari' }] },
  ],
};

describe('parseRoute', () => {
  it.each([
    ['', { kind: 'home' }],
    ['/', { kind: 'home' }],
    ['index.html', { kind: 'home' }],
    ['akuntabel', { kind: 'cover', material: 'akuntabel' }],
    ['/akuntabel/tingkatan/', { kind: 'page', material: 'akuntabel', page: 'tingkatan' }],
    ['#/akuntabel/tingkatan', { kind: 'page', material: 'akuntabel', page: 'tingkatan' }],
    ['loyal/_selesai', { kind: 'done', material: 'loyal' }],
    ['loyal/_cetak', { kind: 'print', material: 'loyal' }],
    ['_alat/cari', { kind: 'search' }],
    ['_alat/glosarium/integritas', { kind: 'glossary', term: 'integritas' }],
    ['_alat/regulasi/dicabut', { kind: 'regulations', status: 'dicabut' }],
    ['_alat/catatan', { kind: 'notes' }],
  ])('reads %s', (path, route) => {
    expect(parseRoute(path, outline)).toEqual(route);
  });

  it('has no reserved ids: a material `alat` and pages `selesai`, `cetak`, `cari` keep every screen', () => {
    expect(parseRoute('akuntabel/selesai', outline)).toEqual({
      kind: 'page',
      material: 'akuntabel',
      page: 'selesai',
    });
    expect(parseRoute('akuntabel/_selesai', outline)).toEqual({ kind: 'done', material: 'akuntabel' });
    expect(parseRoute('alat', outline)).toEqual({ kind: 'cover', material: 'alat' });
    expect(parseRoute('alat/cetak', outline)).toEqual({ kind: 'page', material: 'alat', page: 'cetak' });
    expect(parseRoute('alat/cari', outline)).toEqual({ kind: 'page', material: 'alat', page: 'cari' });
    expect(parseRoute('alat/_cetak', outline)).toEqual({ kind: 'print', material: 'alat' });
    expect(parseRoute('_alat/cari', outline)).toEqual({ kind: 'search' });
    // every route of such a course reads back as itself
    for (const route of allRoutes(outline)) expect(parseRoute(routePath(route), outline)).toEqual(route);
  });

  it.each(['nope', 'akuntabel/nope', 'akuntabel/tingkatan/extra', '_alat/unknown', '_alat/regulasi/maybe'])(
    'reports %s as not found',
    (path) => {
      expect(parseRoute(path, outline).kind).toBe('not-found');
    },
  );

  it('round-trips every route through its path', () => {
    const plain = { materials: [outline.materials[1] ?? { id: 'x', pages: [] }] };
    for (const route of allRoutes(plain)) expect(parseRoute(routePath(route), plain)).toEqual(route);
  });
});

describe('hrefs', () => {
  it('are relative to the current route in path mode, so the export works under any folder', () => {
    const from = { kind: 'page', material: 'akuntabel', page: 'tingkatan' } as const;
    expect(relativeRoot(from)).toBe('../../');
    expect(routeHref({ kind: 'cover', material: 'loyal' }, from, 'path')).toBe('../../loyal/');
    expect(routeHref({ kind: 'home' }, from, 'path')).toBe('../../');
    expect(routeHref({ kind: 'home' }, { kind: 'home' }, 'path')).toBe('./');
  });

  it('are hash routes in hash mode', () => {
    expect(routeHref({ kind: 'search' }, { kind: 'home' }, 'hash')).toBe('#/_alat/cari');
  });
});

describe('sequence', () => {
  it('goes cover → pages → selesai inside a material', () => {
    expect(neighbours(outline.materials, { kind: 'cover', material: 'loyal' })).toEqual({
      next: { kind: 'page', material: 'loyal', page: 'makna' },
    });
    expect(neighbours(outline.materials, { kind: 'page', material: 'loyal', page: 'makna' })).toEqual({
      previous: { kind: 'cover', material: 'loyal' },
      next: { kind: 'done', material: 'loyal' },
    });
    expect(neighbours(outline.materials, { kind: 'done', material: 'loyal' })).toEqual({
      previous: { kind: 'page', material: 'loyal', page: 'makna' },
    });
    expect(neighbours(outline.materials, { kind: 'home' })).toEqual({});
  });

  it('counts page x of y', () => {
    expect(
      pagePosition(outline.materials, { kind: 'page', material: 'akuntabel', page: 'tingkatan' }),
    ).toEqual({
      index: 2,
      total: 3,
    });
  });
});

describe('case study, feedback and result routes', () => {
  it('round-trips the list and one case, the feedback survey and the result', () => {
    for (const [path, route] of [
      ['_evaluasi/kasus', { kind: 'cases' }],
      ['_evaluasi/kasus/kasus-disabilitas', { kind: 'cases', caseId: 'kasus-disabilitas' }],
      ['_evaluasi/umpan-balik', { kind: 'feedback' }],
      ['_evaluasi/hasil', { kind: 'outcome' }],
    ] as const) {
      expect(parseRoute(path, outline)).toEqual(route);
      expect(routePath(route)).toBe(path);
      expect(parseRoute(`/${path}/`, outline)).toEqual(route);
    }
  });

  it('refuses what is not one of them', () => {
    for (const path of [
      '_evaluasi/kasus/Kasus_X',
      '_evaluasi/kasus/a/b',
      '_evaluasi/umpan-balik/x',
      '_evaluasi/hasil/x',
      '_evaluasi/sertifikat',
    ]) {
      expect(parseRoute(path, outline).kind).toBe('not-found');
    }
  });
});
