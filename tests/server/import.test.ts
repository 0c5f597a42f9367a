import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseCsv } from '../../src/server/services/csv.ts';
import { checkNip } from '../../src/server/services/nip.ts';
import { NUMERIC_PREFIX, parseXlsx } from '../../src/server/services/xlsx.ts';
import {
  createCohort,
  createUser,
  describeEachDatabase,
  makeApp,
  type TestApp,
  type TestUser,
} from './helpers.ts';

const TODAY = new Date(Date.UTC(2026, 2, 10));

it('checks the structure of a NIP and names the broken part', () => {
  expect(checkNip('199001012015032001', TODAY)).toEqual({ ok: true });
  // PPPK: appointment year with 21 in place of the month
  expect(checkNip('199001012022212001', TODAY)).toEqual({ ok: true });
  const message = (nip: string) => (checkNip(nip, TODAY) as { message: string }).message;
  expect(message('19900101201503200')).toMatch(/exactly 18 digits; got 17/);
  expect(message('199002302015032001')).toMatch(/birth date yyyymmdd; 19900230/);
  expect(message('199001012015132001')).toMatch(/month 13/);
  expect(message('199001011995032001')).toMatch(/year service began/);
  expect(message('199001012015033001')).toMatch(/digit 15 should be 1 \(male\) or 2 \(female\); got 3/);
  expect(message('199001012015032000')).toMatch(/serial from 001/);
});

it('reads CSV as spreadsheets write it: BOM, semicolons, quotes, CRLF, line breaks in quotes', () => {
  const table = parseCsv(
    '\uFEFFNIP;Nama;Jabatan\r\n199001012015032001;"Siti; S.Kom";"Analis\r\n""Ahli"""\r\n\r\n;Budi;\r\n',
  );
  expect(table.header).toEqual(['NIP', 'Nama', 'Jabatan']);
  expect(table.rows).toEqual([
    { row: 2, cells: ['199001012015032001', 'Siti; S.Kom', 'Analis\r\n"Ahli"'] },
    { row: 5, cells: ['', 'Budi', ''] },
  ]);
});

/** a minimal .xlsx: shared strings, an inline string and a number cell */
function xlsx(rows: (string | number)[][]): Uint8Array {
  const shared: string[] = [];
  const cell = (v: string | number, ref: string) => {
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    shared.push(v);
    return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
  };
  const sheet = rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">${r.map((v, j) => cell(v, `${String.fromCharCode(65 + j)}${i + 1}`)).join('')}</row>`,
    )
    .join('');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return zipSync({
    'xl/workbook.xml': strToU8(
      '<workbook><sheets><sheet name="Peserta" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${sheet}</sheetData></worksheet>`),
    'xl/sharedStrings.xml': strToU8(`<sst>${shared.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`),
  });
}

it('reads the first sheet of an .xlsx and marks numbers', () => {
  const table = parseXlsx(
    xlsx([
      ['NIP', 'Nama'],
      ['199001012015032001', 'Siti & Rekan'],
      [1.99001012015032e17, 'Budi'],
    ]),
  );
  expect(table.header).toEqual(['NIP', 'Nama']);
  expect(table.rows[0]).toEqual({ row: 2, cells: ['199001012015032001', 'Siti & Rekan'] });
  expect(table.rows[1]?.cells[0]?.startsWith(NUMERIC_PREFIX)).toBe(true);
});

describeEachDatabase('participant import', (database) => {
  let t: TestApp;
  let admin: TestUser;
  let cohort: { id: string };
  beforeEach(async () => {
    t = await makeApp(database);
    admin = await createUser(t, { admin: true });
    cohort = await createCohort(t, admin);
  });
  afterEach(async () => {
    await t.close();
  });

  const upload = (body: string | Uint8Array, type = 'text/csv', query = '') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/cohorts/${cohort.id}/import${query}`,
      headers: { cookie: admin.cookie, 'content-type': type },
      payload: typeof body === 'string' ? body : Buffer.from(body),
    });

  const CSV = [
    'NIP,Nama,Email,Instansi,Jabatan',
    '199001012015032001,Siti Aminah,siti@kemnaker.go.id,Disnaker Bekasi,Pengantar Kerja',
    '198503142010011002,Budi Santoso,budi@kemnaker.go.id,Disnaker Bekasi,Analis',
    '199013012015032001,Salah Tanggal,salah@kemnaker.go.id,,',
    '198001012005011003,,kosong@kemnaker.go.id,,',
    '199001012015032001,Siti Lagi,siti2@kemnaker.go.id,,',
    '197805052000121004,Email Rusak,bukan-email,,',
  ].join('\n');

  it('imports the good rows in one go and reports every rejected row with row, column and reason', async () => {
    const response = await upload(CSV);
    expect(response.statusCode).toBe(200);
    const { report } = response.json();
    expect(report).toMatchObject({ rows: 6, created: 2, enrolled: 2, unchanged: 0, dryRun: false });
    expect(report.rejected).toEqual([
      { row: 4, column: 'nip', message: expect.stringMatching(/birth date/) },
      { row: 5, column: 'nama', message: 'the name is empty' },
      { row: 6, column: 'nip', message: 'the same NIP is on row 2' },
      { row: 7, column: 'email', message: '`bukan-email` is not an email address' },
    ]);
    const members = (
      await t.app.inject({ url: `/api/v1/cohorts/${cohort.id}/members`, headers: { cookie: admin.cookie } })
    ).json();
    expect(members.members.map((m: { name: string }) => m.name)).toEqual(['Budi Santoso', 'Siti Aminah']);
  });

  it('creates nobody twice when the same file is imported again', async () => {
    await upload(CSV);
    const again = (await upload(CSV)).json().report;
    expect(again).toMatchObject({ created: 0, enrolled: 0, unchanged: 2 });
    expect(await t.handle.db.selectFrom('users').select('id').execute()).toHaveLength(3);
  });

  it('writes nothing on a dry run', async () => {
    const { report } = (await upload(CSV, 'text/csv', '?dryRun=true')).json();
    expect(report).toMatchObject({ created: 2, enrolled: 2, dryRun: true });
    expect(
      await t.handle.db.selectFrom('memberships').select('user_id').where('role', '=', 'peserta').execute(),
    ).toHaveLength(0);
  });

  it('rejects a file without the needed columns at the header row', async () => {
    const { report } = (await upload('Nomor,Alamat\n1,Jakarta\n')).json();
    expect(report.rejected).toEqual([
      { row: 1, column: 'nama', message: expect.stringMatching(/no `nama` column/) },
      { row: 1, column: 'nip', message: expect.stringMatching(/no `nip` column/) },
    ]);
  });

  it('imports .xlsx and refuses a NIP Excel stored as a number', async () => {
    const file = xlsx([
      ['NIP', 'Nama', 'Email'],
      ['199001012015032001', 'Siti Aminah', 'siti@kemnaker.go.id'],
      [1.98503142010011e17, 'Budi Santoso', 'budi@kemnaker.go.id'],
    ]);
    const { report } = (
      await upload(file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    ).json();
    expect(report.created).toBe(1);
    expect(report.rejected).toEqual([
      { row: 3, column: 'nip', message: expect.stringMatching(/format the NIP column as Text/) },
    ]);
    const broken = await upload(
      new Uint8Array([1, 2, 3]),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toMatch(/not a readable .xlsx/);
  });
});
