import { describe, expect, it } from 'vitest';
import { Router } from './router.svelte.ts';

describe('Router', () => {
  it('pushes or replaces the address and counts navigations', () => {
    const urls: string[] = [];
    const router = new Router({
      bar: { push: (u) => urls.push(`push ${u}`), replace: (u) => urls.push(`replace ${u}`) },
    });
    router.go({ kind: 'cohort', id: 'c1', tab: 'import' });
    router.go({ kind: 'login' }, { replace: true });
    expect(urls).toEqual(['push /staff/angkatan/c1/impor', 'replace /staff/masuk']);
    expect(router.count).toBe(2);
    router.sync({ pathname: '/staff/akun', search: '' });
    expect(router.route).toEqual({ kind: 'users' });
    expect(router.count).toBe(3);
  });
});
