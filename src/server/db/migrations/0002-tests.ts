import { type Kysely, sql } from 'kysely';

// Pre-test and post-test (issue 6): the window a facilitator opens per cohort and test, extra time per
// participant, attempts with their drawn form and result, and the answers saved during an attempt.
// Frozen: later changes go in new migrations.

// biome-ignore lint/suspicious/noExplicitAny: a migration is frozen in time and knows no current types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('test_windows')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('test', 'text', (c) => c.notNull())
    .addColumn('is_open', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('test_windows_pk', ['cohort_id', 'test'])
    .execute();

  await db.schema
    .createTable('test_extensions')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('test', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('extra_minutes', 'integer', (c) => c.notNull())
    .addColumn('granted_by', 'text')
    .addColumn('granted_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('test_extensions_pk', ['cohort_id', 'test', 'user_id'])
    .execute();

  await db.schema
    .createTable('test_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('test', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('course_version', 'text', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    // the drawn form as JSON ({itemIds, optionOrder}), kept so a later course build never changes it
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('deadline_at', 'bigint', (c) => c.notNull())
    .addColumn('saved_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .addColumn('finish_reason', 'text')
    .addColumn('score', 'double precision')
    // the scoring breakdown as JSON
    .addColumn('result', 'text')
    // two starts at once (two tabs) cannot both take attempt n
    .addUniqueConstraint('test_attempts_number', ['cohort_id', 'user_id', 'test', 'number'])
    .execute();
  await db.schema
    .createIndex('test_attempts_cohort')
    .on('test_attempts')
    .columns(['cohort_id', 'test'])
    .execute();
  await db.schema
    .createIndex('test_attempts_user')
    .on('test_attempts')
    .columns(['user_id', 'cohort_id'])
    .execute();
  // the deadline sweep reads only open attempts
  await db.schema
    .createIndex('test_attempts_open_deadline')
    .on('test_attempts')
    .column('deadline_at')
    .where(sql.ref('finished_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('test_answers')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('test_attempts.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('option_id', 'text')
    // the client's sequence number of this change: a write with a lower one is stale
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('saved_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('test_answers_pk', ['attempt_id', 'item_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['test_answers', 'test_attempts', 'test_extensions', 'test_windows']) {
    await db.schema.dropTable(table).execute();
  }
}
