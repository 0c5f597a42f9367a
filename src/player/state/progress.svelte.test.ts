import { describe, expect, it } from 'vitest';
import type { MaterialStub } from '../data/public-course.ts';
import { type KeyValueStore, LocalTracker } from '../tracker/local-tracker.ts';
import type { LearningEvent, Tracker } from '../tracker/tracker.ts';
import { Progress } from './progress.svelte.ts';

function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const akuntabel: MaterialStub = {
  id: 'akuntabel',
  role: 'material',
  number: 2,
  title: 'Akuntabel',
  file: 'data/akuntabel.json',
  pages: [
    { id: 'pengertian', title: 'Pengertian', words: 200, completion: ['read'] },
    { id: 'video-kisah', title: 'Kisah', words: 40, completion: ['read', 'video'] },
    { id: 'dasar-hukum', title: 'Dasar hukum', words: 60, completion: ['regulation'] },
  ],
};
const materials = [akuntabel];

/** a learner's device: storage that outlives each page load, and a clock the test moves */
function device() {
  const store = memoryStore();
  let time = 1_000_000;
  const clock = {
    now: () => time,
    advance: (seconds: number) => {
      time += seconds * 1000;
    },
  };
  // each call is one page load: a new tracker and Progress on the same storage
  const load = async () => {
    const progress = new Progress({
      tracker: new LocalTracker({ courseId: 'berakhlak', store, defer: (write) => write() }),
      materials,
      now: clock.now,
    });
    await progress.resume();
    return progress;
  };
  return { clock, load };
}

describe('Progress', () => {
  it('keeps pages read after a reload, and the course percentage with them', async () => {
    const { clock, load } = device();
    const first = await load();
    first.enterPage('akuntabel', 'pengertian');
    clock.advance(30);
    first.leavePage();
    expect(first.page('akuntabel', 'pengertian')?.complete).toBe(true);

    const again = await load();
    expect(again.page('akuntabel', 'pengertian')).toMatchObject({ complete: true, via: ['read'] });
    expect(again.material('akuntabel')).toMatchObject({ done: 1, total: 3 });
  });

  it('does not count a page glanced at for a moment as read', async () => {
    const { clock, load } = device();
    const progress = await load();
    progress.enterPage('akuntabel', 'pengertian');
    clock.advance(2);
    progress.enterPage('akuntabel', 'video-kisah');
    expect(progress.page('akuntabel', 'pengertian')?.complete).toBe(false);
    expect(progress.state.pages.pengertian?.dwellSeconds).toBe(2);
  });

  it('counts reading to the end of a page however fast', async () => {
    const { load } = device();
    const progress = await load();
    progress.enterPage('akuntabel', 'pengertian');
    progress.tick({ scrolledToEnd: true });
    expect(progress.page('akuntabel', 'pengertian')).toMatchObject({ complete: true, via: ['read'] });
  });

  it('adds time on a page over several visits and only while it is open', async () => {
    const { clock, load } = device();
    const progress = await load();
    progress.enterPage('akuntabel', 'pengertian');
    clock.advance(3);
    progress.leavePage();
    clock.advance(600); // the learner is elsewhere
    progress.tick();
    progress.enterPage('akuntabel', 'pengertian');
    clock.advance(3);
    progress.tick();
    expect(progress.state.pages.pengertian?.dwellSeconds).toBe(6);
    expect(progress.page('akuntabel', 'pengertian')?.complete).toBe(true);
  });

  it('resumes at the last page seen, in the course and in each material', async () => {
    const { clock, load } = device();
    const first = await load();
    first.enterPage('akuntabel', 'pengertian');
    clock.advance(1);
    first.enterPage('akuntabel', 'video-kisah');
    first.leavePage();

    const again = await load();
    expect(again.state.last).toMatchObject({ material: 'akuntabel', page: 'video-kisah' });
    expect(again.lastPage('akuntabel')).toBe('video-kisah');
    expect(again.lastPage('loyal')).toBeUndefined();
  });

  it('forgets a last page that a new version of the course removed, keeping the rest', async () => {
    const store = memoryStore();
    const old = new Progress({
      tracker: new LocalTracker({ courseId: 'berakhlak', store, defer: (w) => w() }),
      materials,
    });
    old.enterPage('akuntabel', 'halaman-lama');
    old.enterPage('akuntabel', 'pengertian');
    old.tick({ scrolledToEnd: true });
    old.enterPage('akuntabel', 'halaman-lama');
    old.leavePage();
    const next = new Progress({
      tracker: new LocalTracker({ courseId: 'berakhlak', store }),
      materials,
    });
    await next.resume();
    expect(next.lastPage('akuntabel')).toBeUndefined();
    expect(next.page('akuntabel', 'pengertian')?.complete).toBe(true);
  });

  it('completes a page by its video for a learner who watches rather than reads', async () => {
    const { load } = device();
    const progress = await load();
    const on = { material: 'akuntabel', page: 'video-kisah', block: 'kisah-video', at: 1 };
    progress.record({ type: 'video-progress', ...on, watched: 0.5, ended: false });
    expect(progress.page('akuntabel', 'video-kisah')?.complete).toBe(false);
    progress.record({ type: 'video-progress', ...on, watched: 0.85, ended: false });
    expect(progress.page('akuntabel', 'video-kisah')).toMatchObject({ complete: true, via: ['video'] });
    expect((await load()).page('akuntabel', 'video-kisah')?.complete).toBe(true);
  });

  it('completes a page by opening its regulation, from the page only', async () => {
    const { load } = device();
    const progress = await load();
    // opened from the regulation library: counts as opened, not as this page's activity
    progress.record({ type: 'regulation-opened', resource: 'uu-20-2023', at: 1 });
    expect(progress.page('akuntabel', 'dasar-hukum')?.complete).toBe(false);
    expect(progress.state.resourcesOpened).toEqual(['uu-20-2023']);
    progress.record({
      type: 'regulation-opened',
      resource: 'uu-20-2023',
      material: 'akuntabel',
      page: 'dasar-hukum',
      at: 2,
    });
    expect(progress.page('akuntabel', 'dasar-hukum')).toMatchObject({ complete: true, via: ['regulation'] });
  });

  it('completes a material when every page is done, each in its own way', async () => {
    const { clock, load } = device();
    const progress = await load();
    progress.enterPage('akuntabel', 'pengertian');
    clock.advance(10);
    progress.leavePage();
    progress.record({
      type: 'video-progress',
      material: 'akuntabel',
      page: 'video-kisah',
      block: 'v',
      watched: 1,
      ended: true,
      at: clock.now(),
    });
    expect(progress.material('akuntabel')?.complete).toBe(false);
    progress.record({
      type: 'regulation-opened',
      resource: 'uu-20-2023',
      material: 'akuntabel',
      page: 'dasar-hukum',
      at: clock.now(),
    });
    expect(progress.material('akuntabel')).toMatchObject({ complete: true, done: 3, percent: 100 });
    expect(progress.course.materials[0]?.complete).toBe(true);
  });

  it('keeps reflection notes privately on the device, newest first, and the latest text of each', async () => {
    const { load } = device();
    const first = await load();
    const on = { material: 'akuntabel', page: 'pengertian' };
    first.record({ type: 'reflection-saved', ...on, block: 'refleksi-1', text: 'Draf pertama', at: 1 });
    first.record({ type: 'reflection-saved', ...on, block: 'refleksi-2', text: 'Catatan lain', at: 2 });
    first.record({ type: 'reflection-saved', ...on, block: 'refleksi-1', text: 'Jawaban akhir', at: 3 });

    const notes = (await load()).notes;
    expect(notes.map((n) => [n.block, n.text])).toEqual([
      ['refleksi-1', 'Jawaban akhir'],
      ['refleksi-2', 'Catatan lain'],
    ]);
    expect(notes[0]).toMatchObject({ material: 'akuntabel', page: 'pengertian' });
  });

  it('shows what was recorded: each event goes to the tracker, in order', async () => {
    const seen: LearningEvent[] = [];
    const tracker: Tracker = {
      record: (event) => void seen.push(event),
      flush: async () => {},
      resume: async () => (await import('../../evaluation/learner-state.ts')).emptyLearnerState(),
    };
    let time = 0;
    const progress = new Progress({ tracker, materials, now: () => time });
    progress.enterPage('akuntabel', 'pengertian');
    time += 4000;
    progress.enterPage('akuntabel', 'video-kisah');
    expect(seen.map((e) => e.type === 'page-seen' && [e.page, e.dwellSeconds])).toEqual([
      ['pengertian', 0],
      ['pengertian', 4],
      ['video-kisah', 0],
    ]);
    expect(progress.visiting).toEqual({ material: 'akuntabel', page: 'video-kisah' });
  });
});
