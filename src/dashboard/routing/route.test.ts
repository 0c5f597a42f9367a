import { describe, expect, it } from 'vitest';
import { isInternal, parseRoute, type Route, routePath } from './route.ts';

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
