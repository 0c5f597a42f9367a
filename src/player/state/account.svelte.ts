// The learner's account on the Lentera server, when the player is served by one. Without a server the
// player has no accounts and progress stays on the device.

export interface AccountUser {
  id: string;
  name: string;
}

export interface AccountCohort {
  id: string;
  name: string;
  roles: string[];
}

export type AccountStatus =
  /** no server: static files or an LMS */
  | 'none'
  | 'checking'
  | 'signed-out'
  | 'signed-in'
  /** the server did not answer (offline): the last known account is kept */
  | 'unreachable';

/** a stable code the interface translates: the server's error code, or OFFLINE when it did not answer */
export type LoginError = 'LOGIN_FAILED' | 'LOGIN_THROTTLED' | 'RATE_LIMITED' | 'OFFLINE' | 'UNKNOWN';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class Account {
  status = $state.raw<AccountStatus>('none');
  user = $state.raw<AccountUser | undefined>(undefined);
  cohorts = $state.raw<AccountCohort[]>([]);
  /** the session ended while progress was waiting to be sent: log in again to send it */
  sessionEnded = $state(false);
  readonly api: string | undefined;
  #fetch: Fetch;

  constructor(options: { api: string | undefined; fetch?: Fetch }) {
    this.api = options.api;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    if (this.api) this.status = 'checking';
  }

  /** true when the server offers accounts */
  get enabled(): boolean {
    return this.api !== undefined;
  }

  async #call(path: string, init?: RequestInit): Promise<Response> {
    return this.#fetch(`${this.api}${path}`, {
      credentials: 'same-origin',
      ...init,
      headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
    });
  }

  #accept(body: unknown): void {
    const b = body as { user?: { id?: unknown; name?: unknown }; cohorts?: unknown };
    if (typeof b?.user?.id !== 'string') throw new Error('unexpected answer from auth/me');
    this.user = { id: b.user.id, name: typeof b.user.name === 'string' ? b.user.name : '' };
    this.cohorts = Array.isArray(b.cohorts)
      ? (b.cohorts as { id?: unknown; name?: unknown; roles?: unknown }[]).map((c) => ({
          id: String(c.id),
          name: typeof c.name === 'string' ? c.name : '',
          roles: Array.isArray(c.roles) ? c.roles.map(String) : [],
        }))
      : [];
    this.status = 'signed-in';
    this.sessionEnded = false;
  }

  /** asks the server who is signed in */
  async check(): Promise<AccountStatus> {
    if (!this.api) return this.status;
    try {
      const response = await this.#call('auth/me');
      if (response.ok) this.#accept(await response.json());
      else if (response.status === 401) this.#signedOut();
      else this.status = 'unreachable';
    } catch {
      this.status = 'unreachable';
    }
    return this.status;
  }

  /** logs in with email or NIP and password; undefined when it worked, else the reason */
  async login(login: string, password: string): Promise<LoginError | undefined> {
    if (!this.api) return 'UNKNOWN';
    let response: Response;
    try {
      response = await this.#call('auth/login', {
        method: 'POST',
        body: JSON.stringify({ login, password }),
      });
    } catch {
      return 'OFFLINE';
    }
    if (response.ok) {
      try {
        this.#accept(await response.json());
        return undefined;
      } catch {
        return 'UNKNOWN';
      }
    }
    const code = ((await response.json().catch(() => ({}))) as { code?: unknown }).code;
    return code === 'LOGIN_FAILED' || code === 'LOGIN_THROTTLED' || code === 'RATE_LIMITED'
      ? code
      : 'UNKNOWN';
  }

  /** ends the session on the server and here; false when the server could not be reached */
  async logout(): Promise<boolean> {
    if (!this.api) return false;
    try {
      const response = await this.#call('auth/logout', { method: 'POST' });
      if (!response.ok && response.status !== 401) return false;
    } catch {
      return false;
    }
    this.#signedOut();
    this.sessionEnded = false;
    return true;
  }

  /** the server answered 401 to progress: the session has ended */
  expired(): void {
    this.#signedOut();
    this.sessionEnded = true;
  }

  #signedOut(): void {
    this.status = 'signed-out';
    this.user = undefined;
    this.cohorts = [];
  }
}
