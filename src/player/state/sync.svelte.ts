// How much progress is still waiting to reach the server, for the header's quiet indicator.

/** what the indicator reads of a tracker that sends to a server (HttpTracker has both) */
export interface SyncSource {
  readonly pending: readonly unknown[];
  readonly status: string;
}

export class Sync {
  /** events recorded and not yet acknowledged by the server */
  unsent = $state(0);
  /** the tracker's last state: idle, sending, offline, auth-required */
  status = $state('idle');
  #source: SyncSource | undefined;

  /** follows a new tracker (after a login), or none (no account: nothing to send) */
  follow(source: SyncSource | undefined): void {
    this.#source = source;
    this.refresh();
  }

  refresh(): void {
    this.unsent = this.#source?.pending.length ?? 0;
    this.status = this.#source?.status ?? 'idle';
  }
}
