import type { Database as SQLiteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * better-sqlite3 behind Kysely with prepared statements kept by their SQL text: Kysely prepares every
 * query anew, and preparing costs about as much as running a small query. The server sends a few dozen
 * distinct statements, so a small LRU keeps all of them; a statement still being iterated is not shared.
 */
export function withStatementCache(sqlite: SQLiteDatabase, capacity = 256): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // re-inserting marks it most recently used
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}
