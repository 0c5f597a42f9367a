import { describe, expect, it } from 'vitest';
import type { MaterialData, Outline } from '../data/public-course.ts';
import { CourseData } from './course-data.svelte.ts';
import { type AnyComponent, Views } from './views.svelte.ts';

const outline = {
  id: 'berakhlak',
  materials: [
    { id: 'akuntabel', file: 'data/akuntabel.1.json', pages: [] },
    { id: 'loyal', file: 'data/loyal.1.json', pages: [] },
  ],
  library: 'data/library.1.json',
} as unknown as Outline;

const material = (id: string): MaterialData => ({
  id,
  intro: '',
  pages: [],
  questions: {},
  resources: {},
  terms: {},
});

describe('CourseData', () => {
  it('uses the material the page arrived with, and fetches others once each', async () => {
    const fetched: string[] = [];
    const data = new CourseData({
      outline,
      materials: [material('akuntabel')],
      fetchJson: async (file) => {
        fetched.push(file);
        return material(file.includes('loyal') ? 'loyal' : 'x');
      },
    });
    expect((await data.loadMaterial('akuntabel'))?.id).toBe('akuntabel');
    await Promise.all([data.loadMaterial('loyal'), data.loadMaterial('loyal')]);
    expect(fetched).toEqual(['data/loyal.1.json']);
    expect(data.materials.has('loyal')).toBe(true);
  });

  it('marks a material that failed to load, so the page can offer to retry, and retries', async () => {
    let online = false;
    const data = new CourseData({
      outline,
      fetchJson: async () => {
        if (!online) throw new Error('offline');
        return material('loyal');
      },
    });
    expect(await data.loadMaterial('loyal')).toBeUndefined();
    expect(data.failed.has('loyal')).toBe(true);
    online = true;
    expect((await data.loadMaterial('loyal'))?.id).toBe('loyal');
    expect(data.failed.has('loyal')).toBe(false);
  });

  it('starts from the slice a page carried, and fetches the whole material when asked', async () => {
    const fetched: string[] = [];
    const page = { id: 'p1', title: 'P1', blocks: [], words: 1, completion: ['read' as const] };
    const data = new CourseData({
      outline,
      materials: [{ ...material('akuntabel'), pages: [page], partial: true }],
      fetchJson: async (file) => {
        fetched.push(file);
        return { ...material('akuntabel'), pages: [page, { ...page, id: 'p2' }] };
      },
    });
    expect(data.shows({ kind: 'page', material: 'akuntabel', page: 'p1' })).toBe(true);
    expect(data.shows({ kind: 'page', material: 'akuntabel', page: 'p2' })).toBe(false);
    expect(data.shows({ kind: 'print', material: 'akuntabel' })).toBe(false);
    expect(data.full('akuntabel')).toBeUndefined();
    expect(fetched).toEqual([]);
    const whole = await data.loadMaterial('akuntabel');
    expect(whole?.pages.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(data.full('akuntabel')).toBe(whole);
    expect(data.shows({ kind: 'page', material: 'akuntabel', page: 'p2' })).toBe(true);
    await data.loadMaterial('akuntabel');
    expect(fetched).toEqual(['data/akuntabel.1.json']);
  });

  it('starts from the slice of the outline a study page carried, and fetches the whole once', async () => {
    const fetched: string[] = [];
    const whole = { ...outline, description: 'Tentang kursus' } as Outline;
    const data = new CourseData({
      outline: { ...outline, partial: true },
      outlineFile: 'data/outline.1.json',
      fetchJson: async (file) => {
        fetched.push(file);
        return whole;
      },
    });
    expect(data.complete).toBe(false);
    await Promise.all([data.loadOutline(), data.loadOutline()]);
    expect(data.complete).toBe(true);
    expect(data.outline).toBe(whole);
    await data.loadOutline();
    expect(fetched).toEqual(['data/outline.1.json']);
  });

  it('knows no material outside the outline', async () => {
    const data = new CourseData({ outline, fetchJson: () => Promise.reject(new Error('never')) });
    expect(await data.loadMaterial('alat')).toBeUndefined();
  });
});

describe('Views', () => {
  it('loads a screen once, and every screen in the background without failing on one', async () => {
    let loads = 0;
    const Screen = (() => {}) as unknown as AnyComponent;
    const views = new Views({
      loaders: {
        home: async () => {
          loads++;
          return { default: Screen };
        },
        search: () => Promise.reject(new Error('offline')),
      },
    });
    await views.load('home');
    await views.load('home');
    expect(loads).toBe(1);
    expect(views.get('home')).toBe(Screen);
    await views.loadAll();
    expect(views.get('search')).toBeUndefined();
  });
});
