import { ApiProblem } from '../api/client.ts';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * One thing fetched from the server, with the three states every screen shows: loading, error (with
 * the problem, so the message can say what to do) and ready. A newer load wins over an older one still
 * in flight, so a quick click on another cohort never shows the previous one's data.
 */
export class Loadable<T> {
  status = $state<LoadStatus>('idle');
  data = $state<T | undefined>(undefined);
  problem = $state<ApiProblem | undefined>(undefined);
  #run = 0;
  #load: () => Promise<T>;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  /** loads; keeps the previous data on screen while reloading */
  async load(): Promise<void> {
    const run = ++this.#run;
    this.status = 'loading';
    this.problem = undefined;
    try {
      const data = await this.#load();
      if (run !== this.#run) return;
      this.data = data;
      this.status = 'ready';
    } catch (error) {
      if (run !== this.#run) return;
      this.problem =
        error instanceof ApiProblem
          ? error
          : new ApiProblem({
              status: 0,
              code: 'INTERNAL',
              message: (error as Error)?.message ?? String(error),
            });
      this.status = 'error';
    }
  }

  /** true while the first load runs (a reload keeps the old data visible instead) */
  get initialLoading(): boolean {
    return this.status === 'loading' && this.data === undefined;
  }
}
