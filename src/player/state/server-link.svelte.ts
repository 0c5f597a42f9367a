import type { MaterialStub } from '../data/public-course.ts';
import type { LearnerState, Tracker } from '../tracker/tracker.ts';
import type { Account, LoginError } from './account.svelte.ts';
import type { Progress } from './progress.svelte.ts';
import type { Sync, SyncSource } from './sync.svelte.ts';

/** What the player needs of the server's tracker (HttpTracker). */
export interface ServerTracker extends Tracker, SyncSource {
  adopt(state: LearnerState, where?: { materialOf?: (page: string) => string | undefined }): void;
  retry(): Promise<void>;
}

/** The device's tracker (LocalTracker): what a learner does without an account. */
export interface DeviceTracker extends Tracker {
  clear(): void;
}

function hasProgress(state: LearnerState): boolean {
  return (
    Object.keys(state.pages).length > 0 ||
    Object.keys(state.checks).length > 0 ||
    Object.keys(state.reflections).length > 0 ||
    state.resourcesOpened.length > 0
  );
}

/**
 * Ties the account to where progress goes: signed in, to the server (progress made on this device
 * before logging in moves into the account); signed out or without a server, to the device.
 */
export class ServerLink {
  readonly account: Account;
  readonly sync: Sync;
  #progress: Progress;
  #device: DeviceTracker;
  #serverTracker: (userId: string, onAuthRequired: () => void) => Promise<ServerTracker>;
  #materials: readonly MaterialStub[];
  #connected: { userId: string; tracker: ServerTracker } | undefined;

  constructor(options: {
    account: Account;
    sync: Sync;
    progress: Progress;
    device: DeviceTracker;
    serverTracker: (userId: string, onAuthRequired: () => void) => Promise<ServerTracker>;
    materials: readonly MaterialStub[];
  }) {
    this.account = options.account;
    this.sync = options.sync;
    this.#progress = options.progress;
    this.#device = options.device;
    this.#serverTracker = options.serverTracker;
    this.#materials = options.materials;
  }

  /** asks the server who is signed in, and sends progress there if someone is */
  async start(): Promise<void> {
    if (!this.account.enabled) return;
    if ((await this.account.check()) === 'signed-in') await this.#connect();
  }

  async login(login: string, password: string): Promise<LoginError | undefined> {
    const error = await this.account.login(login, password);
    if (!error) await this.#connect();
    return error;
  }

  /** false when the server could not be reached: the learner stays signed in */
  async logout(): Promise<boolean> {
    await this.#progress.flush();
    if (!(await this.account.logout())) return false;
    this.#connected = undefined;
    this.sync.follow(undefined);
    await this.#progress.use(this.#device);
    return true;
  }

  async #connect(): Promise<void> {
    const user = this.account.user;
    if (!user) return;
    const connected = this.#connected;
    if (connected?.userId === user.id) {
      // the same learner after their session ended: send what waited
      await connected.tracker.retry();
      this.sync.refresh();
      return;
    }
    const tracker = await this.#serverTracker(user.id, () => {
      this.account.expired();
      this.sync.refresh();
    });
    const anonymous = await this.#device.resume();
    if (hasProgress(anonymous)) {
      const byPage = new Map<string, string>();
      for (const m of this.#materials) for (const p of m.pages) byPage.set(p.id, m.id);
      tracker.adopt(anonymous, { materialOf: (page) => byPage.get(page) });
      this.#device.clear();
    }
    this.#connected = { userId: user.id, tracker };
    await this.#progress.use(tracker);
    this.sync.follow(tracker);
    await tracker.flush();
    this.sync.refresh();
  }
}
