import { type Api, ApiProblem } from '../api/client.ts';
import type { Me } from '../api/types.ts';

export type SessionStatus = 'unknown' | 'checking' | 'signed-out' | 'signed-in';

/**
 * Who is signed in, from /auth/me. The cookie is HttpOnly, so the server is the only one who knows:
 * the session asks on start and after login, and forgets the user when any request says AUTH_REQUIRED.
 */
export class Session {
  status = $state<SessionStatus>('unknown');
  me = $state<Me | undefined>(undefined);
  /** set when a session the app had ended (idle timeout, logout elsewhere), so the login screen says so */
  expired = $state(false);
  /** the first load failed for a reason other than "not signed in" (server down) */
  problem = $state<ApiProblem | undefined>(undefined);
  #api: Api;

  constructor(options: { api: Api }) {
    this.#api = options.api;
  }

  get user() {
    return this.me?.user;
  }

  get isAdmin(): boolean {
    return this.me?.user.isAdmin === true;
  }

  /** admins and anyone with a staff role somewhere; a participant-only account is not staff */
  get isStaff(): boolean {
    if (!this.me) return false;
    return this.me.user.isAdmin || this.me.cohorts.some((c) => c.roles.some((r) => r !== 'peserta'));
  }

  async load(): Promise<void> {
    this.status = 'checking';
    this.problem = undefined;
    try {
      this.me = await this.#api.me();
      this.status = 'signed-in';
    } catch (error) {
      this.me = undefined;
      this.status = 'signed-out';
      if (!(error instanceof ApiProblem) || error.code !== 'AUTH_REQUIRED') {
        this.problem = error instanceof ApiProblem ? error : undefined;
      }
    }
  }

  /** throws the ApiProblem (LOGIN_FAILED, LOGIN_THROTTLED, NETWORK …) for the form to show */
  async login(login: string, password: string): Promise<Me> {
    const me = await this.#api.login(login, password);
    this.signedIn(me);
    return me;
  }

  signedIn(me: Me): void {
    this.me = me;
    this.status = 'signed-in';
    this.expired = false;
    this.problem = undefined;
  }

  async logout(): Promise<void> {
    try {
      await this.#api.logout();
    } finally {
      this.me = undefined;
      this.status = 'signed-out';
      this.expired = false;
    }
  }

  /** a request was refused for want of a session */
  lost(): void {
    if (this.status === 'signed-in') this.expired = true;
    this.me = undefined;
    this.status = 'signed-out';
  }
}
