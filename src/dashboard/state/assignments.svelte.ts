import { type Api, ApiProblem } from '../api/client.ts';
import type { Member, RaterRole } from '../api/types.ts';

export type SaveState = { state: 'saving' } | { state: 'saved' } | { state: 'failed'; problem: ApiProblem };

/**
 * Who mentors and supervises whom. A choice is shown at once and saved in the background; if the
 * server refuses, the previous choice comes back and the row says why.
 */
export class Assignments {
  members = $state<Member[]>([]);
  saves = $state<Record<string, SaveState>>({});
  /** the last outcome, for the live region */
  announcement = $state('');
  #api: Api;
  #cohortId: string;

  constructor(options: { api: Api; cohortId: string; members?: Member[] }) {
    this.#api = options.api;
    this.#cohortId = options.cohortId;
    if (options.members) this.members = options.members;
  }

  get participants(): Member[] {
    return this.members.filter((m) => m.roles.includes('peserta'));
  }

  raters(role: RaterRole): Member[] {
    return this.members.filter((m) => m.roles.includes(role));
  }

  current(participantId: string, role: RaterRole): string | null {
    const m = this.members.find((x) => x.id === participantId);
    return (role === 'mentor' ? m?.mentorId : m?.atasanId) ?? null;
  }

  async assign(
    participantId: string,
    role: RaterRole,
    raterId: string | null,
    messages: { saved: (name: string) => string; failed: (name: string) => string },
  ): Promise<void> {
    const index = this.members.findIndex((m) => m.id === participantId);
    const member = this.members[index];
    if (!member) return;
    const field = role === 'mentor' ? 'mentorId' : 'atasanId';
    const before = member[field];
    const key = `${participantId}:${role}`;
    this.members[index] = { ...member, [field]: raterId };
    this.saves[key] = { state: 'saving' };
    try {
      await this.#api.assign(this.#cohortId, { participantId, role, raterId });
      this.saves[key] = { state: 'saved' };
      this.announcement = messages.saved(member.name);
    } catch (error) {
      const problem =
        error instanceof ApiProblem
          ? error
          : new ApiProblem({ status: 0, code: 'NETWORK', message: String(error) });
      const now = this.members.findIndex((m) => m.id === participantId);
      const latest = this.members[now];
      if (latest && latest[field] === raterId) this.members[now] = { ...latest, [field]: before };
      this.saves[key] = { state: 'failed', problem };
      this.announcement = messages.failed(member.name);
    }
  }
}
