import type { Migration } from 'kysely';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-tests.ts';
import * as m0003 from './0003-evaluation.ts';

// listed by hand so a bundled build never scans a directory; names sort in the order they run
export const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-tests': m0002,
  '0003-evaluation': m0003,
};
