import { describe, expect, it } from 'vitest';
import { isInternal, isPublic, parseRoute, type Route, ratingLinkUrl, routePath } from './route.ts';

describe('staff routes', () => {
  const cases: [string, Route][] = [
    ['/staff/', { kind: 'cohorts' }],
    ['/staff', { kind: 'cohorts' }],
    ['/staff/masuk', { kind: 'login' }],
    ['/staff/setup', { kind: 'setup' }],
    ['/staff/reset', { kind: 'reset' }],
    ['/staff/akun', { kind: 'users' }],
    ['/staff/angkatan/baru', { kind: 'new-cohort' }],
    ['/staff/angkatan/abc_DEF-123', { kind: 'cohort', id: 'abc_DEF-123', tab: 'progress' }],
    ['/staff/angkatan/abc/anggota', { kind: 'cohort', id: 'abc', tab: 'members' }],
    ['/staff/angkatan/abc/impor', { kind: 'cohort', id: 'abc', tab: 'import' }],
    ['/staff/angkatan/abc/penugasan', { kind: 'cohort', id: 'abc', tab: 'assignments' }],
    ['/staff/angkatan/abc/tes', { kind: 'cohort', id: 'abc', tab: 'tests' }],
    ['/staff/angkatan/abc/studi-kasus', { kind: 'cohort', id: 'abc', tab: 'cases' }],
    [
      '/staff/angkatan/abc/studi-kasus/kasus-disabilitas',
      { kind: 'cohort', id: 'abc', tab: 'cases', detail: ['kasus-disabilitas'] },
    ],
    [
      '/staff/angkatan/abc/studi-kasus/kasus-disabilitas/u1',
      { kind: 'cohort', id: 'abc', tab: 'cases', detail: ['kasus-disabilitas', 'u1'] },
    ],
    ['/staff/angkatan/abc/perilaku', { kind: 'cohort', id: 'abc', tab: 'ratings' }],
    ['/staff/angkatan/abc/perilaku/u1', { kind: 'cohort', id: 'abc', tab: 'ratings', detail: ['u1'] }],
    ['/staff/angkatan/abc/umpan-balik', { kind: 'cohort', id: 'abc', tab: 'feedback' }],
    ['/staff/angkatan/abc/hasil', { kind: 'cohort', id: 'abc', tab: 'results' }],
    [
      '/staff/nilai/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd',
      { kind: 'rating-link', token: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd' },
    ],
  ];

  it.each(cases)('reads %s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it.each(cases.filter(([path]) => path !== '/staff'))('writes the address of %s back', (path, route) => {
    expect(routePath(route)).toBe(path);
  });

  it('treats unknown addresses and odd ids as not found', () => {
    expect(parseRoute('/staff/angkatan/abc/nilai')).toEqual({
      kind: 'not-found',
      path: '/angkatan/abc/nilai',
    });
    expect(parseRoute('/staff/angkatan/a%20b')).toEqual({ kind: 'not-found', path: '/angkatan/a%20b' });
    expect(parseRoute('/staff/lain')).toEqual({ kind: 'not-found', path: '/lain' });
  });

  it('gives sub-pages only to the tabs that have them, and only as deep as they go', () => {
    expect(parseRoute('/staff/angkatan/abc/anggota/u1').kind).toBe('not-found');
    expect(parseRoute('/staff/angkatan/abc/perilaku/u1/x').kind).toBe('not-found');
    expect(parseRoute('/staff/angkatan/abc/studi-kasus/a/b/c').kind).toBe('not-found');
    expect(parseRoute('/staff/nilai/pendek').kind).toBe('not-found');
    expect(parseRoute('/staff/nilai/a%20b%20c%20d%20e%20f%20g%20h%20i%20j').kind).toBe('not-found');
  });

  it('opens the rating form without a login and builds its address from the token', () => {
    const token = 'x'.repeat(43);
    expect(isPublic({ kind: 'rating-link', token })).toBe(true);
    expect(isPublic({ kind: 'cohort', id: 'abc', tab: 'ratings' })).toBe(false);
    expect(ratingLinkUrl('https://lentera.example.go.id/', token)).toBe(
      `https://lentera.example.go.id/staff/nilai/${token}`,
    );
  });

  it('keeps where to go after login, but only inside the staff app', () => {
    expect(parseRoute('/staff/masuk', '?lanjut=%2Fstaff%2Fangkatan%2Fabc')).toEqual({
      kind: 'login',
      next: '/staff/angkatan/abc',
    });
    expect(parseRoute('/staff/masuk', '?lanjut=https%3A%2F%2Fevil.example')).toEqual({ kind: 'login' });
    expect(parseRoute('/staff/masuk', '?lanjut=%2F%2Fevil.example')).toEqual({ kind: 'login' });
    expect(routePath({ kind: 'login', next: '/staff/akun' })).toBe('/staff/masuk?lanjut=%2Fstaff%2Fakun');
  });

  it('refuses protocol-relative and backslash paths as next', () => {
    expect(isInternal('/staff/x')).toBe(true);
    expect(isInternal('//evil.example/staff/')).toBe(false);
    expect(isInternal('/staff/\\evil')).toBe(false);
  });
});
