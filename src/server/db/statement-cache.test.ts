import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.ts';

function counted() {
  const sqlite = new SQLite(':memory:');
  let prepared = 0;
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    prepared++;
    return prepare(source);
  }) as typeof sqlite.prepare;
  sqlite.exec('create table t (n integer)');
  sqlite.exec('insert into t values (1), (2), (3)');
  return { sqlite, prepared: () => prepared };
}

describe('withStatementCache', () => {
  it('prepares a statement once and reuses it with new parameters', () => {
    const { sqlite, prepared } = counted();
    const db = withStatementCache(sqlite);
    const before = prepared();
    expect(db.prepare('select n from t where n > ?').all([1])).toHaveLength(2);
    expect(db.prepare('select n from t where n > ?').all([2])).toEqual([{ n: 3 }]);
    expect(prepared() - before).toBe(1);
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const { sqlite } = counted();
    const db = withStatementCache(sqlite);
    const query = 'select n from t order by n';
    const outer = db.prepare(query).iterate([]);
    const seen: number[] = [];
    for (const row of outer) {
      seen.push(
        (row as { n: number }).n,
        ...db
          .prepare(query)
          .all([])
          .map((r) => (r as { n: number }).n),
      );
      break;
    }
    expect(seen).toEqual([1, 1, 2, 3]);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const { sqlite, prepared } = counted();
    const db = withStatementCache(sqlite, 2);
    const before = prepared();
    db.prepare('select 1');
    db.prepare('select 2');
    db.prepare('select 1');
    db.prepare('select 3'); // evicts "select 2"
    db.prepare('select 1');
    db.prepare('select 2');
    expect(prepared() - before).toBe(4);
  });

  it('closes the database', () => {
    const { sqlite } = counted();
    withStatementCache(sqlite).close();
    expect(sqlite.open).toBe(false);
  });
});
