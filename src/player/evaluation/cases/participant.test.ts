import { describe, expect, it } from 'vitest';
import { participantContext } from './participant.ts';

class MemoryStore {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const signedIn = {
  status: 'signed-in',
  user: { id: 'u1' },
  cohorts: [
    { id: 'staff-cohort', name: 'Angkatan lain', roles: ['mentor'] },
    { id: 'c1', name: 'Angkatan I', roles: ['peserta'] },
  ],
};

describe('participantContext', () => {
  it('is the first cohort where the account is peserta', () => {
    expect(participantContext(signedIn, new MemoryStore())).toEqual({
      userId: 'u1',
      cohortId: 'c1',
      cohortName: 'Angkatan I',
    });
  });

  it('is none for an account without a peserta role', () => {
    expect(
      participantContext({ ...signedIn, cohorts: [signedIn.cohorts[0] as never] }, new MemoryStore()),
    ).toBeUndefined();
  });

  it('keeps the last context for when the server is unreachable, and forgets it at sign-out', () => {
    const store = new MemoryStore();
    participantContext(signedIn, store);
    const offline = { status: 'unreachable', cohorts: [] };
    expect(participantContext(offline, store)?.cohortId).toBe('c1');
    expect(participantContext({ status: 'signed-out', cohorts: [] }, store)).toBeUndefined();
    expect(participantContext(offline, store)).toBeUndefined();
  });
});
