import type { Kysely, Selectable } from 'kysely';
import type { Course } from '../../course/model.ts';
import { type AttemptScore, assembleForm, scoreAttempt, type TestForm } from '../../evaluation/index.ts';
import { newId } from '../auth/tokens.ts';
import type { CohortTable, Database, Db } from '../db/types.ts';
import { ApiError, fieldError } from '../errors.ts';
import { today } from './cohorts.ts';
import { courseBank, type TestKind, testPolicy } from './test-bank.ts';

// Attempts at the pre-test and post-test (issue 6). The rules that keep every answer:
// - an answer is written only while its attempt is open, in the same transaction that touches the
//   attempt row, so a finish (which takes the same row first) never scores without an answer that was
//   acknowledged, and never lets one in after;
// - each answer carries the client's sequence number and replaces the stored one only when newer, in
//   one conditional upsert, so a retried or late write can never overwrite a newer answer;
// - finishing flips `finished_at` from null in one guarded update: two submits, two tabs or a submit
//   racing the deadline sweep give one finish and one score;
// - the deadline is the server's clock plus a short grace for the last save in flight.

/** a save that left the browser before the deadline may arrive this much later */
export const DEADLINE_GRACE_MS = 30_000;

export interface TestWindowTable {
  cohort_id: string;
  test: TestKind;
  is_open: number;
  opened_at: number | null;
  closed_at: number | null;
  updated_by: string | null;
  updated_at: number;
}

export interface TestExtensionTable {
  cohort_id: string;
  test: TestKind;
  user_id: string;
  extra_minutes: number;
  granted_by: string | null;
  granted_at: number;
}

export type FinishReason = 'submitted' | 'deadline';

export interface TestAttemptTable {
  id: string;
  cohort_id: string;
  user_id: string;
  test: TestKind;
  number: number;
  course_id: string;
  course_version: string;
  seed: string;
  /** TestForm as JSON */
  form: string;
  started_at: number;
  deadline_at: number;
  saved_at: number | null;
  finished_at: number | null;
  finish_reason: FinishReason | null;
  score: number | null;
  /** AttemptScore as JSON */
  result: string | null;
}

export interface TestAnswerTable {
  attempt_id: string;
  item_id: string;
  option_id: string | null;
  seq: number;
  saved_at: number;
}

// a type alias, not an interface: Kysely's withTables needs an index-compatible record
export type TestTables = {
  test_windows: TestWindowTable;
  test_extensions: TestExtensionTable;
  test_attempts: TestAttemptTable;
  test_answers: TestAnswerTable;
};

export type TestDb = Kysely<Database & TestTables>;
export type AttemptRow = Selectable<TestAttemptTable>;

/** the app's database with the tables of migration 0002-tests */
export function testDb(db: Db): TestDb {
  return db.withTables<TestTables>() as unknown as TestDb;
}

export function parseForm(row: Pick<AttemptRow, 'form'>): TestForm {
  return JSON.parse(row.form) as TestForm;
}

export function parseResult(row: Pick<AttemptRow, 'result'>): AttemptScore | null {
  return row.result === null ? null : (JSON.parse(row.result) as AttemptScore);
}

export function isOverdue(row: Pick<AttemptRow, 'finished_at' | 'deadline_at'>, now: number): boolean {
  return row.finished_at === null && now > row.deadline_at + DEADLINE_GRACE_MS;
}

// --- windows and extra time -----------------------------------------------------------------------

export interface WindowState {
  open: boolean;
  openedAt: number | null;
  closedAt: number | null;
}

export async function windowStates(db: TestDb, cohortId: string): Promise<Record<TestKind, WindowState>> {
  const rows = await db.selectFrom('test_windows').selectAll().where('cohort_id', '=', cohortId).execute();
  const state = (test: TestKind): WindowState => {
    const row = rows.find((r) => r.test === test);
    return row
      ? { open: row.is_open === 1, openedAt: row.opened_at, closedAt: row.closed_at }
      : { open: false, openedAt: null, closedAt: null };
  };
  return { pretest: state('pretest'), posttest: state('posttest') };
}

export async function setWindow(
  db: TestDb,
  options: { cohortId: string; test: TestKind; open: boolean; actorId: string; now: number },
): Promise<WindowState> {
  const { cohortId, test, open, actorId, now } = options;
  await db
    .insertInto('test_windows')
    .values({
      cohort_id: cohortId,
      test,
      is_open: open ? 1 : 0,
      opened_at: open ? now : null,
      closed_at: open ? null : now,
      updated_by: actorId,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['cohort_id', 'test'])
        .doUpdateSet(
          open
            ? { is_open: 1, opened_at: now, closed_at: null, updated_by: actorId, updated_at: now }
            : { is_open: 0, closed_at: now, updated_by: actorId, updated_at: now },
        ),
    )
    .execute();
  return (await windowStates(db, cohortId))[test];
}

/**
 * Whether the answers of a finished attempt may be shown now: never for a `never` policy, at once for
 * `after-submit`, and for `after-close` once the facilitator has closed the test or the cohort's last
 * day has passed.
 */
export function reviewAvailable(options: {
  reveal: 'never' | 'after-submit' | 'after-close';
  finished: boolean;
  window: WindowState;
  cohort: Pick<CohortTable, 'closes_on'>;
  now: number;
}): boolean {
  const { reveal, finished, window, cohort, now } = options;
  if (!finished || reveal === 'never') return false;
  if (reveal === 'after-submit') return true;
  return (!window.open && window.closedAt !== null) || today(now) > cohort.closes_on;
}

export async function extraMinutes(
  db: TestDb,
  options: { cohortId: string; test: TestKind; userId: string },
): Promise<number> {
  const row = await db
    .selectFrom('test_extensions')
    .select('extra_minutes')
    .where('cohort_id', '=', options.cohortId)
    .where('test', '=', options.test)
    .where('user_id', '=', options.userId)
    .executeTakeFirst();
  return row?.extra_minutes ?? 0;
}

export interface ExtensionGrant {
  userId: string;
  test: TestKind;
  extraMinutes: number;
  grantedAt: number;
  /** who set it last: null when that account is gone */
  grantedBy: { id: string; name: string } | null;
}

/** Every extra time set in a cohort, with the name of the staff member who set it last. */
export async function cohortExtensions(db: TestDb, cohortId: string): Promise<ExtensionGrant[]> {
  const rows = await db
    .selectFrom('test_extensions')
    .leftJoin('users', 'users.id', 'test_extensions.granted_by')
    .select([
      'test_extensions.user_id',
      'test_extensions.test',
      'test_extensions.extra_minutes',
      'test_extensions.granted_at',
      'test_extensions.granted_by',
      'users.name as granted_by_name',
    ])
    .where('test_extensions.cohort_id', '=', cohortId)
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    test: r.test,
    extraMinutes: r.extra_minutes,
    grantedAt: r.granted_at,
    grantedBy: r.granted_by === null ? null : { id: r.granted_by, name: r.granted_by_name ?? r.granted_by },
  }));
}

/**
 * Sets a participant's extra time for a test (a total, so a retried request changes nothing) and moves
 * the deadline of their open attempt, unless that attempt's time is already up: an ended attempt is
 * finished, never revived.
 */
export async function setExtension(
  db: TestDb,
  options: {
    cohortId: string;
    test: TestKind;
    userId: string;
    extraMinutes: number;
    timeLimitMinutes: number;
    actorId: string;
    now: number;
  },
): Promise<{ extraMinutes: number; attempt: { id: string; deadline: number } | null }> {
  const { cohortId, test, userId, extraMinutes: extra, timeLimitMinutes, actorId, now } = options;
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('test_extensions')
      .values({
        cohort_id: cohortId,
        test,
        user_id: userId,
        extra_minutes: extra,
        granted_by: actorId,
        granted_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['cohort_id', 'test', 'user_id'])
          .doUpdateSet({ extra_minutes: extra, granted_by: actorId, granted_at: now }),
      )
      .execute();
    const open = await trx
      .selectFrom('test_attempts')
      .select(['id', 'started_at', 'deadline_at', 'finished_at'])
      .where('cohort_id', '=', cohortId)
      .where('test', '=', test)
      .where('user_id', '=', userId)
      .where('finished_at', 'is', null)
      .executeTakeFirst();
    if (!open || isOverdue(open, now)) return { extraMinutes: extra, attempt: null };
    const deadline = open.started_at + Math.round((timeLimitMinutes + extra) * 60_000);
    await trx
      .updateTable('test_attempts')
      .set({ deadline_at: deadline })
      .where('id', '=', open.id)
      .where('finished_at', 'is', null)
      .execute();
    return { extraMinutes: extra, attempt: { id: open.id, deadline } };
  });
}

// --- starting -------------------------------------------------------------------------------------

/**
 * The participant's open attempt at a test, or a new one drawn from the bank: the form follows the
 * blueprint, avoids the items of the participant's earlier attempts in the cohort (so the post-test
 * differs from the pre-test wherever the bank allows) and is reproducible from the stored seed.
 */
export async function startAttempt(
  db: TestDb,
  options: { cohort: CohortTable; course: Course; userId: string; test: TestKind; now: number },
): Promise<{ row: AttemptRow; created: boolean }> {
  const { cohort, course, userId, test, now } = options;
  const mine = () =>
    db
      .selectFrom('test_attempts')
      .selectAll()
      .where('cohort_id', '=', cohort.id)
      .where('user_id', '=', userId)
      .orderBy('number')
      .execute();

  let rows = await mine();
  const overdue = rows.filter((r) => isOverdue(r, now));
  if (overdue.length > 0) {
    for (const r of overdue) await finishAttempt(db, { attemptId: r.id, course, reason: 'deadline', now });
    rows = await mine();
  }
  const ofTest = rows.filter((r) => r.test === test);
  const open = ofTest.find((r) => r.finished_at === null);
  if (open) return { row: open, created: false };

  const window = (await windowStates(db, cohort.id))[test];
  if (!window.open) throw new ApiError('TEST_WINDOW_CLOSED');
  const policy = testPolicy(course, test);
  if (ofTest.length >= policy.attempts) {
    throw new ApiError(
      'ATTEMPTS_EXHAUSTED',
      `All ${policy.attempts} attempt${policy.attempts === 1 ? '' : 's'} at the ${test} are used`,
    );
  }

  const seed = newId();
  const exclude = [...new Set(rows.flatMap((r) => parseForm(r).itemIds))];
  const assembled = assembleForm({
    bank: courseBank(course).bank,
    blueprint: {
      items: policy.items,
      perMaterial: course.evaluation.blueprint.perMaterial,
      minHigherOrder: course.evaluation.blueprint.minHigherOrder,
    },
    seed,
    exclude,
  });
  if (!assembled.ok) {
    throw new ApiError(
      'TEST_UNAVAILABLE',
      `The ${test} of ${course.id} ${course.version} cannot be drawn: ${assembled.errors.map((e) => e.message).join(' ')}`,
    );
  }
  const extra = await extraMinutes(db, { cohortId: cohort.id, test, userId });
  const row: AttemptRow = {
    id: newId(),
    cohort_id: cohort.id,
    user_id: userId,
    test,
    number: ofTest.length + 1,
    course_id: course.id,
    course_version: course.version,
    seed,
    form: JSON.stringify(assembled.form),
    started_at: now,
    deadline_at: now + Math.round((policy.timeLimitMinutes + extra) * 60_000),
    saved_at: null,
    finished_at: null,
    finish_reason: null,
    score: null,
    result: null,
  };
  try {
    await db.insertInto('test_attempts').values(row).execute();
    return { row, created: true };
  } catch (error) {
    // another request (a second tab) took this attempt number first: resume the attempt it made
    const taken = await db
      .selectFrom('test_attempts')
      .selectAll()
      .where('cohort_id', '=', cohort.id)
      .where('user_id', '=', userId)
      .where('test', '=', test)
      .where('number', '=', row.number)
      .executeTakeFirst();
    if (taken && taken.finished_at === null) return { row: taken, created: false };
    throw error;
  }
}

// --- answers --------------------------------------------------------------------------------------

export interface AnswerWrite {
  itemId: string;
  optionId: string | null;
  /** the client's sequence number of this change, increasing over the attempt */
  seq: number;
}

export interface StoredAnswer {
  itemId: string;
  optionId: string | null;
  seq: number;
  savedAt: number;
}

export type SaveOutcome =
  | { closed: false; saved: StoredAnswer[]; stale: { write: AnswerWrite; stored: StoredAnswer }[] }
  | { closed: true };

/** refuses an item that is not on the attempt's form or an option that is not the item's */
export function checkWrites(row: AttemptRow, course: Course, writes: readonly AnswerWrite[], path: string) {
  const form = parseForm(row);
  const onForm = new Set(form.itemIds);
  const { items } = courseBank(course);
  writes.forEach((write, i) => {
    const at = path.includes('#') ? path.replace('#', String(i)) : path;
    const item = onForm.has(write.itemId) ? items.get(write.itemId) : undefined;
    if (!item) throw fieldError(`${at}.itemId`, 'not_on_form', `item ${write.itemId} is not on this attempt`);
    if (write.optionId !== null && !item.optionIds.includes(write.optionId)) {
      throw fieldError(
        `${at}.optionId`,
        'not_an_option',
        `option ${write.optionId} is not an option of item ${write.itemId}`,
      );
    }
  });
}

function storedOf(row: Selectable<TestAnswerTable>): StoredAnswer {
  return { itemId: row.item_id, optionId: row.option_id, seq: row.seq, savedAt: row.saved_at };
}

/**
 * Saves answers of an open attempt, each only when newer than the stored one. A write equal to the
 * stored answer (a retry) counts as saved; an older one, or one with the same sequence number but a
 * different option, is stale and changes nothing. `closed` when the attempt is finished or its time
 * (with the grace) is up: then nothing is written.
 */
export async function saveAnswers(
  db: TestDb,
  options: { attemptId: string; writes: readonly AnswerWrite[]; now: number },
): Promise<SaveOutcome> {
  const { attemptId, writes, now } = options;
  return db.transaction().execute(async (trx): Promise<SaveOutcome> => {
    // takes the attempt row first (PostgreSQL row lock), the same row a finish takes
    const touched = await trx
      .updateTable('test_attempts')
      .set({ saved_at: now })
      .where('id', '=', attemptId)
      .where('finished_at', 'is', null)
      .where('deadline_at', '>=', now - DEADLINE_GRACE_MS)
      .executeTakeFirst();
    if (Number(touched.numUpdatedRows) === 0) return { closed: true };
    const saved: StoredAnswer[] = [];
    const stale: { write: AnswerWrite; stored: StoredAnswer }[] = [];
    for (const write of writes) {
      const result = await trx
        .insertInto('test_answers')
        .values({
          attempt_id: attemptId,
          item_id: write.itemId,
          option_id: write.optionId,
          seq: write.seq,
          saved_at: now,
        })
        .onConflict((oc) =>
          oc
            .columns(['attempt_id', 'item_id'])
            .doUpdateSet((eb) => ({
              option_id: eb.ref('excluded.option_id'),
              seq: eb.ref('excluded.seq'),
              saved_at: eb.ref('excluded.saved_at'),
            }))
            .where((eb) => eb('test_answers.seq', '<', eb.ref('excluded.seq'))),
        )
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) {
        saved.push({ itemId: write.itemId, optionId: write.optionId, seq: write.seq, savedAt: now });
        continue;
      }
      const current = await trx
        .selectFrom('test_answers')
        .selectAll()
        .where('attempt_id', '=', attemptId)
        .where('item_id', '=', write.itemId)
        .executeTakeFirstOrThrow();
      if (current.seq === write.seq && current.option_id === write.optionId) saved.push(storedOf(current));
      else stale.push({ write, stored: storedOf(current) });
    }
    return { closed: false, saved, stale };
  });
}

export async function storedAnswers(db: TestDb, attemptId: string): Promise<StoredAnswer[]> {
  const rows = await db.selectFrom('test_answers').selectAll().where('attempt_id', '=', attemptId).execute();
  return rows.map(storedOf);
}

// --- finishing ------------------------------------------------------------------------------------

/**
 * Finishes an attempt once and scores it with its saved answers. A submit after the time is up counts
 * as a finish at the deadline. Finishing an attempt that is already finished returns it unchanged, so
 * two submits give one result.
 */
export async function finishAttempt(
  db: TestDb,
  options: { attemptId: string; course: Course; reason: FinishReason; now: number },
): Promise<AttemptRow> {
  const { attemptId, course, now } = options;
  return db.transaction().execute(async (trx) => {
    // take the row first (PostgreSQL row lock; waits for a save in flight), then read it fresh
    const locked = await trx
      .updateTable('test_attempts')
      .set((eb) => ({ saved_at: eb.ref('saved_at') }))
      .where('id', '=', attemptId)
      .where('finished_at', 'is', null)
      .executeTakeFirst();
    const row = await trx
      .selectFrom('test_attempts')
      .selectAll()
      .where('id', '=', attemptId)
      .executeTakeFirstOrThrow();
    // finished already, by another request whose transaction has committed its result
    if (Number(locked.numUpdatedRows) === 0 || row.finished_at !== null) return row;
    const reason: FinishReason =
      options.reason === 'submitted' && !isOverdue(row, now) ? 'submitted' : 'deadline';
    const finishedAt = reason === 'deadline' ? Math.min(now, row.deadline_at) : now;
    await trx
      .updateTable('test_attempts')
      .set({ finished_at: finishedAt, finish_reason: reason })
      .where('id', '=', attemptId)
      .execute();
    const answers = await trx
      .selectFrom('test_answers')
      .select(['item_id', 'option_id'])
      .where('attempt_id', '=', attemptId)
      .execute();
    const { items } = courseBank(course);
    const formItems = parseForm(row).itemIds.flatMap((id) => {
      const item = items.get(id);
      return item ? [item] : [];
    });
    const score = scoreAttempt({
      items: formItems,
      answers: Object.fromEntries(answers.map((a) => [a.item_id, a.option_id])),
    });
    await trx
      .updateTable('test_attempts')
      .set({ score: score.score, result: JSON.stringify(score) })
      .where('id', '=', attemptId)
      .execute();
    return {
      ...row,
      finished_at: finishedAt,
      finish_reason: reason,
      score: score.score,
      result: JSON.stringify(score),
    };
  });
}

/** Finishes every attempt whose time (with the grace) is up, with its saved answers; the count finished. */
export async function sweepOverdue(
  db: TestDb,
  options: { courseOf: (row: AttemptRow) => Course | undefined; now: number; limit?: number },
): Promise<number> {
  const { now } = options;
  const rows = await db
    .selectFrom('test_attempts')
    .selectAll()
    .where('finished_at', 'is', null)
    .where('deadline_at', '<', now - DEADLINE_GRACE_MS)
    .orderBy('deadline_at')
    .limit(options.limit ?? 500)
    .execute();
  let finished = 0;
  for (const row of rows) {
    const course = options.courseOf(row);
    if (!course) continue;
    await finishAttempt(db, { attemptId: row.id, course, reason: 'deadline', now });
    finished += 1;
  }
  return finished;
}
