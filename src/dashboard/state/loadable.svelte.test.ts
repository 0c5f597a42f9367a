import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/client.ts';
import { Loadable } from './loadable.svelte.ts';

describe('Loadable', () => {
  it('goes from loading to ready and keeps data while reloading', async () => {
    let n = 0;
    const item = new Loadable(async () => ++n);
    const first = item.load();
    expect(item.initialLoading).toBe(true);
    await first;
    expect(item).toMatchObject({ status: 'ready', data: 1 });
    const second = item.load();
    expect(item.initialLoading).toBe(false);
    expect(item.data).toBe(1);
    await second;
    expect(item.data).toBe(2);
  });

  it('keeps the problem of a failed load', async () => {
    const item = new Loadable(async () => {
      throw new ApiProblem({ status: 403, code: 'FORBIDDEN', message: 'no' });
    });
    await item.load();
    expect(item.status).toBe('error');
    expect(item.problem?.code).toBe('FORBIDDEN');
  });

  it('lets the newest load win over a slower older one', async () => {
    const resolvers: ((v: string) => void)[] = [];
    const item = new Loadable(() => new Promise<string>((resolve) => resolvers.push(resolve)));
    const older = item.load();
    const newer = item.load();
    resolvers[1]?.('new');
    await newer;
    resolvers[0]?.('old');
    await older;
    expect(item.data).toBe('new');
  });
});
