import type { Db, EventTable } from '../db/types.ts';

// Group commit: batches that arrive while a write is on its way to disk are gathered and written
// together in the next transaction, so one fsync serves many requests. Every caller is answered only
// after the transaction holding its rows has committed, so an acknowledgement still means "on disk".

const ROWS_PER_STATEMENT = 500;

export class EventWriter {
  #db: Db;
  #queue: { rows: EventTable[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #writing = false;

  constructor(db: Db) {
    this.#db = db;
  }

  write(rows: EventTable[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#queue.push({ rows, resolve, reject });
      if (!this.#writing) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    while (this.#queue.length > 0) {
      const group = this.#queue.splice(0, this.#queue.length);
      const rows = group.flatMap((g) => g.rows);
      try {
        await this.#db.transaction().execute(async (trx) => {
          for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
            await trx
              .insertInto('events')
              .values(rows.slice(i, i + ROWS_PER_STATEMENT))
              .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
              .execute();
          }
        });
        for (const g of group) g.resolve();
      } catch (error) {
        for (const g of group) g.reject(error);
      }
    }
    this.#writing = false;
  }
}
