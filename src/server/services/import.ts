import { z } from 'zod';
import type { Db } from '../db/types.ts';
import { addMembership } from './cohorts.ts';
import type { Table } from './csv.ts';
import { checkNip } from './nip.ts';
import { insertUser } from './users.ts';
import { NUMERIC_PREFIX } from './xlsx.ts';

// Participant import: every row is checked, every rejected row is reported with its row number,
// column and reason, and the accepted rows are written in one transaction. People are matched by NIP,
// then email, so importing the same file twice creates nobody twice.

export type Column = 'nip' | 'nama' | 'email' | 'instansi' | 'jabatan';

const HEADER_NAMES: Record<string, Column> = {
  nip: 'nip',
  nama: 'nama',
  namalengkap: 'nama',
  name: 'nama',
  email: 'email',
  surel: 'email',
  alamatemail: 'email',
  instansi: 'instansi',
  unitkerja: 'instansi',
  satuankerja: 'instansi',
  jabatan: 'jabatan',
};

export interface Rejection {
  row: number;
  column: Column | 'file';
  message: string;
}

export interface ImportReport {
  /** data rows read */
  rows: number;
  /** accounts created */
  created: number;
  /** participants newly added to the cohort (created or existing accounts) */
  enrolled: number;
  /** rows whose person was already a participant */
  unchanged: number;
  rejected: Rejection[];
  /** nothing was written (a dry run, or a file that could not be read at all) */
  dryRun: boolean;
}

const emailSchema = z.email();

interface Candidate {
  row: number;
  nama: string;
  nip: string | null;
  email: string | null;
  instansi: string | null;
  jabatan: string | null;
}

function mapHeader(header: string[]): { columns: (Column | undefined)[]; missing: Column[] } {
  const columns = header.map((h) => HEADER_NAMES[h.toLowerCase().replace(/[^a-z]/g, '')]);
  const missing = (['nama'] as Column[]).filter((c) => !columns.includes(c));
  if (!columns.includes('nip') && !columns.includes('email')) missing.push('nip');
  return { columns, missing };
}

/** Checks every row of a table; no database access. */
export function checkRows(
  table: Table,
  today = new Date(),
): { candidates: Candidate[]; rejected: Rejection[] } {
  const rejected: Rejection[] = [];
  const { columns, missing } = mapHeader(table.header);
  if (missing.length > 0) {
    return {
      candidates: [],
      rejected: missing.map((column) => ({
        row: 1,
        column,
        message: `the header row has no \`${column}\` column; expected columns: NIP, Nama, Email, Instansi, Jabatan`,
      })),
    };
  }
  const seenNip = new Map<string, number>();
  const seenEmail = new Map<string, number>();
  const candidates: Candidate[] = [];
  for (const { row, cells } of table.rows) {
    const raw: Partial<Record<Column, string>> = {};
    columns.forEach((column, i) => {
      if (column) raw[column] = cells[i] ?? '';
    });
    const reject = (column: Column, message: string) => rejected.push({ row, column, message });
    const before = rejected.length;
    let nipText = raw.nip ?? '';
    if (nipText.startsWith(NUMERIC_PREFIX)) {
      reject(
        'nip',
        'the NIP is stored as a number, which keeps only 15 digits; format the NIP column as Text and type it again',
      );
      nipText = '';
    }
    const nip = nipText.replace(/[\s.'-]/g, '') || null;
    const email = (raw.email ?? '').trim().toLowerCase() || null;
    const nama = (raw.nama ?? '').trim();
    const text = (v: string | undefined) => (v ?? '').replace(NUMERIC_PREFIX, '').trim() || null;
    if (!nama) reject('nama', 'the name is empty');
    else if (nama.length > 200) reject('nama', 'the name is longer than 200 characters');
    if (nip) {
      const check = checkNip(nip, today);
      if (!check.ok) reject('nip', check.message);
      else if (seenNip.has(nip)) reject('nip', `the same NIP is on row ${seenNip.get(nip)}`);
    }
    if (email) {
      if (!emailSchema.safeParse(email).success) reject('email', `\`${email}\` is not an email address`);
      else if (seenEmail.has(email)) reject('email', `the same email is on row ${seenEmail.get(email)}`);
    }
    if (!nip && !email && nipText === '')
      reject('nip', 'a row needs a NIP or an email to identify the person');
    for (const column of ['instansi', 'jabatan'] as const) {
      if ((text(raw[column]) ?? '').length > 200) reject(column, `${column} is longer than 200 characters`);
    }
    if (rejected.length > before) continue;
    if (nip) seenNip.set(nip, row);
    if (email) seenEmail.set(email, row);
    candidates.push({ row, nama, nip, email, instansi: text(raw.instansi), jabatan: text(raw.jabatan) });
  }
  return { candidates, rejected };
}

/** Imports participants into a cohort; with `dryRun` only reports. */
export async function importParticipants(
  db: Db,
  options: { cohortId: string; table: Table; now: number; dryRun?: boolean },
): Promise<ImportReport> {
  const { candidates, rejected } = checkRows(options.table, new Date(options.now));
  const report: ImportReport = {
    rows: options.table.rows.length,
    created: 0,
    enrolled: 0,
    unchanged: 0,
    rejected,
    dryRun: options.dryRun ?? false,
  };
  const dry = options.dryRun ?? false;
  await db.transaction().execute(async (trx) => {
    for (const c of candidates) {
      const byNip = c.nip
        ? await trx
            .selectFrom('users')
            .select(['id', 'nip', 'email'])
            .where('nip', '=', c.nip)
            .executeTakeFirst()
        : undefined;
      const byEmail = c.email
        ? await trx
            .selectFrom('users')
            .select(['id', 'nip', 'email'])
            .where('email', '=', c.email)
            .executeTakeFirst()
        : undefined;
      if (byNip && byEmail && byNip.id !== byEmail.id) {
        report.rejected.push({
          row: c.row,
          column: 'email',
          message: 'this email belongs to another account than this NIP',
        });
        continue;
      }
      if (!byNip && byEmail?.nip && c.nip) {
        report.rejected.push({
          row: c.row,
          column: 'nip',
          message: 'the account with this email has a different NIP',
        });
        continue;
      }
      let userId = (byNip ?? byEmail)?.id;
      if (!userId) {
        report.created++;
        if (dry) {
          report.enrolled++;
          continue;
        }
        userId = await insertUser(
          trx,
          {
            name: c.nama,
            nip: c.nip ?? undefined,
            email: c.email,
            instansi: c.instansi ?? undefined,
            jabatan: c.jabatan ?? undefined,
          },
          options.now,
        );
      }
      const already = await trx
        .selectFrom('memberships')
        .select('user_id')
        .where('cohort_id', '=', options.cohortId)
        .where('user_id', '=', userId)
        .where('role', '=', 'peserta')
        .executeTakeFirst();
      if (already) {
        report.unchanged++;
        continue;
      }
      report.enrolled++;
      if (!dry)
        await addMembership(trx, { cohortId: options.cohortId, userId, role: 'peserta', now: options.now });
    }
  });
  report.rejected.sort((a, b) => a.row - b.row);
  return report;
}
