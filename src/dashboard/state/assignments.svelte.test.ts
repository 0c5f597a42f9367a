import { describe, expect, it } from 'vitest';
import { Api } from '../api/client.ts';
import type { Member } from '../api/types.ts';
import { fakeFetch } from '../testing/fake-fetch.ts';
import { Assignments } from './assignments.svelte.ts';

const member = (id: string, roles: Member['roles'], extra: Partial<Member> = {}): Member => ({
  id,
  name: id.toUpperCase(),
  nip: null,
  email: null,
  instansi: null,
  jabatan: null,
  roles,
  mentorId: null,
  atasanId: null,
  ...extra,
});
const members = [
  member('p1', ['peserta']),
  member('p2', ['peserta']),
  member('m1', ['mentor']),
  member('a1', ['atasan', 'mentor']),
];
const messages = { saved: (n: string) => `saved ${n}`, failed: (n: string) => `failed ${n}` };

describe('Assignments', () => {
  it('lists participants and the raters of each role', () => {
    const a = new Assignments({ api: new Api(), cohortId: 'c1', members });
    expect(a.participants.map((m) => m.id)).toEqual(['p1', 'p2']);
    expect(a.raters('mentor').map((m) => m.id)).toEqual(['m1', 'a1']);
    expect(a.raters('atasan').map((m) => m.id)).toEqual(['a1']);
  });

  it('shows a choice at once and says when it is saved', async () => {
    const server = fakeFetch({
      'PUT /api/v1/cohorts/c1/assignments': (call) => ({ body: { assignment: call.body } }),
    });
    const a = new Assignments({ api: new Api({ fetch: server.fetch }), cohortId: 'c1', members });
    const saving = a.assign('p1', 'mentor', 'm1', messages);
    expect(a.current('p1', 'mentor')).toBe('m1');
    expect(a.saves['p1:mentor']).toEqual({ state: 'saving' });
    await saving;
    expect(a.saves['p1:mentor']).toEqual({ state: 'saved' });
    expect(a.announcement).toBe('saved P1');
    expect(server.calls[0]?.body).toEqual({ participantId: 'p1', role: 'mentor', raterId: 'm1' });
  });

  it('puts the previous choice back when the server refuses', async () => {
    const server = fakeFetch({
      'PUT /api/v1/cohorts/c1/assignments': { status: 409, body: { code: 'ROLE_CONFLICT', message: 'no' } },
    });
    const start = members.map((m) => (m.id === 'p2' ? { ...m, atasanId: 'a1' } : m));
    const a = new Assignments({ api: new Api({ fetch: server.fetch }), cohortId: 'c1', members: start });
    await a.assign('p2', 'atasan', null, messages);
    expect(a.current('p2', 'atasan')).toBe('a1');
    expect(a.saves['p2:atasan']).toMatchObject({ state: 'failed', problem: { code: 'ROLE_CONFLICT' } });
    expect(a.announcement).toBe('failed P2');
  });
});
