import { describe, expect, it } from 'vitest';
import { applyEvent, emptyLearnerState, readLearnerState } from './learner-state.ts';

const on = { material: 'akuntabel', page: 'tingkatan' };

describe('applyEvent', () => {
  it('adds dwell time over visits and remembers the last page, per material too', () => {
    let s = applyEvent(emptyLearnerState(), { type: 'page-seen', ...on, dwellSeconds: 3, at: 1 });
    s = applyEvent(s, { type: 'page-seen', ...on, dwellSeconds: 4, at: 2 });
    expect(s.pages.tingkatan).toMatchObject({ seen: true, dwellSeconds: 7, lastSeen: 2 });
    expect(s.last).toEqual({ ...on, at: 2 });
    expect(s.lastByMaterial).toEqual({ akuntabel: 'tingkatan' });
  });

  it('keeps the most of a video watched and that it ended', () => {
    let s = applyEvent(emptyLearnerState(), {
      type: 'video-progress',
      ...on,
      block: 'v',
      watched: 0.9,
      ended: false,
      at: 1,
    });
    s = applyEvent(s, { type: 'video-progress', ...on, block: 'v', watched: 0.2, ended: true, at: 2 });
    expect(s.pages.tingkatan).toMatchObject({ videoWatched: 0.9, videoEnded: true });
  });

  it('marks the page when a regulation card on it is opened, and the library when opened from there', () => {
    let s = applyEvent(emptyLearnerState(), {
      type: 'regulation-opened',
      resource: 'uu-20-2023',
      ...on,
      at: 1,
    });
    s = applyEvent(s, { type: 'regulation-opened', resource: 'pp-94-2021', at: 2 });
    expect(s.pages.tingkatan?.regulationOpened).toBe(true);
    expect(s.resourcesOpened).toEqual(['uu-20-2023', 'pp-94-2021']);
  });

  it('counts attempts at a check and keeps the last answer', () => {
    const e = { type: 'check-answered' as const, ...on, block: 'c', question: 'q', at: 1 };
    let s = applyEvent(emptyLearnerState(), { ...e, option: 'a', correct: false });
    s = applyEvent(s, { ...e, option: 'b', correct: true });
    expect(s.checks.c).toMatchObject({ option: 'b', correct: true, attempts: 2 });
  });

  it('records pop-ups opened once each', () => {
    let s = applyEvent(emptyLearnerState(), { type: 'popup-opened', ...on, block: 'p', at: 1 });
    s = applyEvent(s, { type: 'popup-opened', ...on, block: 'p', at: 2 });
    expect(s.pages.tingkatan?.popups).toEqual(['p']);
  });
});

describe('readLearnerState', () => {
  it('starts empty from anything unreadable', () => {
    expect(readLearnerState(null)).toEqual(emptyLearnerState());
    expect(readLearnerState([1, 2])).toEqual(emptyLearnerState());
    expect(readLearnerState({ pages: 'x', last: { material: 1 } })).toEqual(emptyLearnerState());
  });
});
