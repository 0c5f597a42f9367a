import type { Kysely } from 'kysely';

// Case studies, behaviour ratings and rating links, feedback, the frozen results of a closed cohort and
// certificates (issue 7). Frozen: later changes go in new migrations.

// biome-ignore lint/suspicious/noExplicitAny: a migration is frozen in time and knows no current types
export async function up(db: Kysely<any>): Promise<void> {
  // one row per participant and case: where the work stands and the facilitator's grade
  await db.schema
    .createTable('case_submissions')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    // draft, submitted or returned (for revision)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('saved_at', 'bigint')
    .addColumn('submitted_at', 'bigint')
    .addColumn('returned_at', 'bigint')
    .addColumn('return_note', 'text')
    // the rubric level per criterion as JSON, the score they give and the written feedback
    .addColumn('levels', 'text')
    .addColumn('score', 'double precision')
    .addColumn('feedback', 'text')
    .addColumn('graded_by', 'text')
    .addColumn('graded_at', 'bigint')
    .addColumn('released_at', 'bigint')
    .addPrimaryKeyConstraint('case_submissions_pk', ['cohort_id', 'user_id', 'case_id'])
    .execute();
  await db.schema
    .createIndex('case_submissions_case')
    .on('case_submissions')
    .columns(['cohort_id', 'case_id'])
    .execute();

  await db.schema
    .createTable('case_answers')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // the client's sequence number of this change: a write with a lower one is stale
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('saved_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_answers_pk', ['cohort_id', 'user_id', 'case_id', 'question_id'])
    .execute();

  // a personal link for a rater without an account; only the token's sha-256 is kept
  await db.schema
    .createTable('rating_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('rater_role', 'text', (c) => c.notNull())
    .addColumn('rater_name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .addColumn('revoked_by', 'text')
    .addColumn('last_used_at', 'bigint')
    .execute();
  await db.schema.createIndex('rating_links_cohort').on('rating_links').column('cohort_id').execute();

  await db.schema
    .createTable('behaviour_ratings')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('rater_role', 'text', (c) => c.notNull())
    // the rater's user id, or `link:<link id>` for a rater without an account
    .addColumn('rater_key', 'text', (c) => c.notNull())
    .addColumn('rater_name', 'text', (c) => c.notNull())
    .addColumn('behaviour_code', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('rated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('behaviour_ratings_pk', [
      'cohort_id',
      'participant_id',
      'rater_role',
      'rater_key',
      'behaviour_code',
    ])
    .execute();

  // umpan balik: one response per participant; the staff see only aggregates
  await db.schema
    .createTable('feedback_responses')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_responses_pk', ['cohort_id', 'user_id'])
    .execute();

  // a closed cohort: its results are the snapshot in final_results and change no more
  await db.schema
    .createTable('cohort_closures')
    .addColumn('cohort_id', 'text', (c) => c.primaryKey().references('cohorts.id').onDelete('cascade'))
    .addColumn('closed_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('course_version', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('final_results')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('complete', 'integer', (c) => c.notNull())
    .addColumn('final', 'double precision')
    .addColumn('predikat', 'text')
    .addColumn('lulus', 'integer')
    // everything the result was made of, as JSON
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('final_results_pk', ['cohort_id', 'user_id'])
    .execute();

  // what was printed, kept as printed: a later change of name or course does not alter a certificate
  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    // the printed fields as JSON (name, NIP, course, cohort, dates, predikat, place, signatory)
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addColumn('revoked_at', 'bigint')
    .addColumn('revoked_by', 'text')
    .addColumn('revoke_reason', 'text')
    .addUniqueConstraint('certificates_person', ['cohort_id', 'user_id'])
    .addUniqueConstraint('certificates_sequence', ['course_id', 'year', 'sequence'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'certificates',
    'final_results',
    'cohort_closures',
    'feedback_responses',
    'behaviour_ratings',
    'rating_links',
    'case_answers',
    'case_submissions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
