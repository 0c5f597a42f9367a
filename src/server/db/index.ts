import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type MigrationResultSet, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.ts';
import { withStatementCache } from './statement-cache.ts';
import type { Database } from './types.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DbConfig {
  /** postgres://… selects PostgreSQL; anything else is read as an SQLite file path (`:memory:` too) */
  url?: string;
  /** PostgreSQL pool size (default 10) */
  poolSize?: number;
}

export interface DbHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** where it is, without credentials (for logs and /api/health) */
  location: string;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_FILE = 'data/lentera.db';

// pg hands bigint and count(*) back as strings; our bigints are epoch milliseconds, safe as numbers
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** Opens the database a config names: SQLite by default, PostgreSQL for a postgres:// URL. */
export function createDb(config: DbConfig = {}): DbHandle {
  const url = config.url ?? DEFAULT_SQLITE_FILE;
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: config.poolSize ?? 10, types: pgTypes });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const parsed = new URL(url);
    return {
      db,
      kind: 'postgres',
      location: `postgres://${parsed.host}${parsed.pathname}`,
      close: () => db.destroy(),
    };
  }
  if (url !== ':memory:') mkdirSync(dirname(url), { recursive: true });
  const sqlite = new SQLite(url);
  // WAL for concurrent readers; synchronous=FULL so a write that returned is on disk (kill -9, power cut)
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, kind: 'sqlite', location: url, close: () => db.destroy() };
}

/**
 * Runs every pending migration; throws with the failing migration's name. `schema` (PostgreSQL only)
 * keeps Kysely's bookkeeping tables in that schema, for databases with one schema per tenant or test.
 */
export async function migrate(
  db: Kysely<Database>,
  options: { schema?: string } = {},
): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const error = new Error(
      `database migration ${failed?.migrationName ?? ''} failed: ${(result.error as Error).message ?? result.error}`,
    );
    error.cause = result.error;
    throw error;
  }
  return result;
}
