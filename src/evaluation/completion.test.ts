import { describe, expect, it } from 'vitest';
import {
  type ChildState,
  type CompletionOption,
  courseProgress,
  isComplete,
  type MaterialStub,
  materialProgress,
  type PageActivity,
  pageCompletion,
  type RollUpOptions,
} from './completion.ts';

describe('pageCompletion', () => {
  const readVideoRegulation: CompletionOption[] = ['read', 'video', 'regulation'];
  it.each<[string, CompletionOption[], PageActivity, boolean, string[]]>([
    ['not visited', readVideoRegulation, {}, false, []],
    ['seen briefly', readVideoRegulation, { seen: true, dwellSeconds: 4.9 }, false, []],
    ['read: dwell time reaches 5 s', readVideoRegulation, { seen: true, dwellSeconds: 5 }, true, ['read']],
    [
      'read: scrolled to the end quickly',
      ['read'],
      { seen: true, dwellSeconds: 1, scrolledToEnd: true },
      true,
      ['read'],
    ],
    [
      'video: 80% watched',
      readVideoRegulation,
      { seen: true, dwellSeconds: 2, videoWatched: 0.8 },
      true,
      ['video'],
    ],
    ['video: 79% watched is not enough', ['video'], { seen: true, videoWatched: 0.79 }, false, []],
    ['video: played to its end', ['video'], { seen: true, videoEnded: true }, true, ['video']],
    [
      'regulation: card opened',
      readVideoRegulation,
      { seen: true, regulationOpened: true },
      true,
      ['regulation'],
    ],
    [
      'several styles at once are all reported',
      readVideoRegulation,
      { seen: true, dwellSeconds: 60, videoEnded: true, regulationOpened: true },
      true,
      ['read', 'video', 'regulation'],
    ],
    ['a style the page does not offer does not count', ['read'], { seen: true, videoEnded: true }, false, []],
    ['a page offering nothing is complete when seen', [], { seen: true }, true, ['seen']],
    ['a page offering nothing, not seen', [], {}, false, []],
    ['a page offering nothing, time on it implies seen', [], { dwellSeconds: 1 }, true, ['seen']],
  ])('%s', (_name, completion, activity, complete, via) => {
    expect(pageCompletion({ page: { id: 'p', completion }, activity })).toEqual({
      pageId: 'p',
      complete,
      via,
    });
  });

  it('uses the configured thresholds', () => {
    const page = { id: 'p', completion: ['read', 'video'] as CompletionOption[] };
    const activity = { seen: true, dwellSeconds: 8, videoWatched: 0.6 };
    expect(pageCompletion({ page, activity, settings: { minReadSeconds: 10 } }).complete).toBe(false);
    expect(pageCompletion({ page, activity, settings: { minWatchedFraction: 0.5 } }).via).toEqual([
      'read',
      'video',
    ]);
  });
});

describe('isComplete (Adapt roll-up)', () => {
  const done = { complete: true };
  const pending = { complete: false };
  const optDone = { complete: true, optional: true };
  const optPending = { complete: false, optional: true };
  it.each<[string, ChildState[], RollUpOptions, boolean]>([
    ['all required complete', [done, done], {}, true],
    ['one required incomplete', [done, pending], {}, false],
    ['an incomplete optional child does not hold back', [done, optPending], {}, true],
    ['an unavailable child is ignored', [done, { complete: false, available: false }], {}, true],
    ['no children: complete', [], {}, true],
    ['requireCompletionOf 2 of 3', [done, done, pending], { requireCompletionOf: 2 }, true],
    ['requireCompletionOf 2, only 1 done', [done, pending, pending], { requireCompletionOf: 2 }, false],
    ['requireCompletionOf counts required children only', [done, optDone], { requireCompletionOf: 2 }, false],
    ["Adapt's -1 means all", [done, pending], { requireCompletionOf: -1 }, false],
    ['required parent, all-optional children: complete at once', [optPending, optPending], {}, true],
    [
      'optional parent, all-optional children: waits for all',
      [optDone, optPending],
      { optional: true },
      false,
    ],
    ['optional parent, all-optional children all done', [optDone, optDone], { optional: true }, true],
    [
      'optional parent with a required child uses the normal rule',
      [done, optPending],
      { optional: true },
      true,
    ],
  ])('%s', (_name, children, options, expected) => {
    expect(isComplete(children, options)).toBe(expected);
  });
});

describe('materialProgress and courseProgress', () => {
  const akuntabel: MaterialStub = {
    id: 'akuntabel',
    pages: [
      { id: 'pengertian', completion: ['read'] },
      { id: 'tingkatan', completion: ['read', 'video'] },
      { id: 'dasar-hukum', completion: ['read', 'regulation'] },
      { id: 'bacaan-lanjut', completion: ['read'], optional: true },
    ],
  };
  const kompeten: MaterialStub = {
    id: 'kompeten',
    pages: [
      { id: 'k1', completion: ['read'] },
      { id: 'k2', completion: [] },
    ],
  };
  const front: MaterialStub = {
    id: 'tentang-modul',
    role: 'front',
    pages: [{ id: 'f1', completion: ['read'] }],
  };

  it('counts required pages and completes when each was studied in any style', () => {
    const activity = {
      pengertian: { seen: true, dwellSeconds: 40 },
      tingkatan: { seen: true, videoEnded: true },
      'dasar-hukum': { seen: true, regulationOpened: true },
    };
    const progress = materialProgress({ material: akuntabel, activity });
    expect(progress).toMatchObject({
      materialId: 'akuntabel',
      complete: true,
      done: 3,
      total: 3,
      percent: 100,
    });
    expect(progress.pages.map((p) => p.via)).toEqual([['read'], ['video'], ['regulation'], []]);
  });

  it('reports partial progress rounded down', () => {
    const progress = materialProgress({
      material: akuntabel,
      activity: { pengertian: { scrolledToEnd: true } },
    });
    expect(progress).toMatchObject({ complete: false, done: 1, total: 3, percent: 33 });
  });

  it('rolls up the course over required materials; front matter is optional', () => {
    const activity = {
      pengertian: { dwellSeconds: 10 },
      tingkatan: { dwellSeconds: 10 },
      'dasar-hukum': { dwellSeconds: 10 },
      k1: { dwellSeconds: 10 },
    };
    const course = courseProgress({ materials: [front, akuntabel, kompeten], activity });
    expect(course).toMatchObject({
      complete: false,
      materialsDone: 1,
      materialsTotal: 2,
      pagesDone: 4,
      pagesTotal: 5,
      percent: 80,
    });
    expect(course.materials[0]).toMatchObject({
      materialId: 'tentang-modul',
      optional: true,
      complete: false,
    });

    const finished = courseProgress({
      materials: [front, akuntabel, kompeten],
      activity: { ...activity, k2: { seen: true } },
    });
    expect(finished).toMatchObject({ complete: true, percent: 100 });
  });
});
