import { describe, expect, it } from 'vitest';
import { Api } from '../api/client.ts';
import type { CohortProgress } from '../api/types.ts';
import { fakeFetch } from '../testing/fake-fetch.ts';
import { ProgressView } from './progress-view.svelte.ts';

const row = (id: string, name: string, percent: number) => ({
  id,
  name,
  nip: null,
  instansi: null,
  percent,
  complete: false,
  lastActivity: null,
  materials: [],
});
const progress: CohortProgress = {
  course: { id: 'berakhlak', version: '1', materials: [] },
  participants: [row('a', 'Budi', 20), row('b', 'Ani', 80), row('c', 'Citra', 50)],
};

describe('ProgressView', () => {
  it('loads the cohort progress and sorts by name first', async () => {
    const server = fakeFetch({ 'GET /api/v1/cohorts/c1/progress': { body: progress } });
    const view = new ProgressView({
      api: new Api({ fetch: server.fetch }),
      cohortId: 'c1',
      now: () => new Date(0),
    });
    await view.data.load();
    expect(view.rows.map((r) => r.name)).toEqual(['Ani', 'Budi', 'Citra']);
    expect(view.loadedAt).toEqual(new Date(0));
    expect(view.ariaSort('name')).toBe('ascending');
  });

  it('sorts a new column highest first and flips on a second click', async () => {
    const server = fakeFetch({ 'GET /api/v1/cohorts/c1/progress': { body: progress } });
    const view = new ProgressView({ api: new Api({ fetch: server.fetch }), cohortId: 'c1' });
    await view.data.load();
    view.sort('total');
    expect(view.rows.map((r) => r.percent)).toEqual([80, 50, 20]);
    expect(view.ariaSort('name')).toBe('none');
    view.sort('total');
    expect(view.rows.map((r) => r.percent)).toEqual([20, 50, 80]);
    expect(view.ariaSort('total')).toBe('ascending');
  });

  it('narrows the rows with the search box and counts the whole cohort', async () => {
    const server = fakeFetch({ 'GET /api/v1/cohorts/c1/progress': { body: progress } });
    const view = new ProgressView({ api: new Api({ fetch: server.fetch }), cohortId: 'c1' });
    await view.data.load();
    view.query = 'cit';
    expect(view.rows.map((r) => r.name)).toEqual(['Citra']);
    expect(view.total).toBe(3);
  });
});
