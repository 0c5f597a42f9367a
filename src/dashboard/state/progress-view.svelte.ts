import type { Api } from '../api/client.ts';
import type { CohortProgress, ParticipantProgress } from '../api/types.ts';
import {
  filterProgress,
  firstDirection,
  type SortDirection,
  type SortKey,
  sortProgress,
} from '../logic/progress-table.ts';
import { Loadable } from './loadable.svelte.ts';

/** The cohort's progress table: the data, how it is sorted, and what the search box narrows it to. */
export class ProgressView {
  readonly data: Loadable<CohortProgress>;
  sortKey = $state<SortKey>('name');
  direction = $state<SortDirection>('ascending');
  query = $state('');
  loadedAt = $state<Date | undefined>(undefined);

  constructor(options: { api: Api; cohortId: string; now?: () => Date }) {
    const now = options.now ?? (() => new Date());
    this.data = new Loadable(async () => {
      const result = await options.api.progress(options.cohortId);
      this.loadedAt = now();
      return result;
    });
  }

  get total(): number {
    return this.data.data?.participants.length ?? 0;
  }

  get rows(): ParticipantProgress[] {
    const all = this.data.data?.participants ?? [];
    return sortProgress(filterProgress(all, this.query), this.sortKey, this.direction);
  }

  /** the same column again flips the direction; a new column starts in its natural direction */
  sort(key: SortKey): void {
    if (this.sortKey === key) {
      this.direction = this.direction === 'ascending' ? 'descending' : 'ascending';
    } else {
      this.sortKey = key;
      this.direction = firstDirection(key);
    }
  }

  ariaSort(key: SortKey): 'ascending' | 'descending' | 'none' {
    return this.sortKey === key ? this.direction : 'none';
  }
}
