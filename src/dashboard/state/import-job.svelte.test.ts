import { describe, expect, it } from 'vitest';
import { Api } from '../api/client.ts';
import type { ImportReport } from '../api/types.ts';
import { fakeFetch } from '../testing/fake-fetch.ts';
import { ImportJob } from './import-job.svelte.ts';

const csv = 'NIP,Nama,Email\n199001012015031001,Ani,ani@example.go.id\n123,Budi,\n';
const file = { name: 'peserta.csv', type: 'text/csv', read: async () => csv };
const report = (dryRun: boolean): ImportReport => ({
  rows: 2,
  created: 1,
  enrolled: 1,
  unchanged: 0,
  rejected: [{ row: 3, column: 'nip', message: 'a NIP has exactly 18 digits; got 3 digits' }],
  dryRun,
});

describe('ImportJob', () => {
  it('checks the file without saving, then imports the accepted rows; the report stays', async () => {
    const server = fakeFetch({
      'POST /api/v1/cohorts/c1/import': (call) => ({
        body: { report: report(call.url.endsWith('dryRun=true')) },
      }),
    });
    const job = new ImportJob({ api: new Api({ fetch: server.fetch }), cohortId: 'c1' });
    job.choose(file);
    await job.check();
    expect(job.phase).toBe('checked');
    expect(job.report?.dryRun).toBe(true);
    expect(job.canImport).toBe(true);
    expect(job.accepted).toBe(1);
    await job.commit();
    expect(job.phase).toBe('done');
    expect(job.report?.rejected).toEqual([
      { row: 3, column: 'nip', message: 'a NIP has exactly 18 digits; got 3 digits' },
    ]);
    expect(job.canImport).toBe(false);
    expect(server.calls.map((c) => c.url)).toEqual([
      '/api/v1/cohorts/c1/import?dryRun=true',
      '/api/v1/cohorts/c1/import?dryRun=false',
    ]);
    expect(server.calls[0]?.body).toBe(csv);
  });

  it('refuses a file that is not CSV or XLSX without asking the server', async () => {
    const server = fakeFetch({});
    const job = new ImportJob({ api: new Api({ fetch: server.fetch }), cohortId: 'c1' });
    job.choose({ name: 'peserta.pdf', type: 'application/pdf', read: async () => '' });
    expect(job.wrongType).toBe(true);
    await job.check();
    expect(server.calls).toEqual([]);
    expect(job.phase).toBe('idle');
  });

  it('keeps the problem when the server refuses, and a new file clears the old report', async () => {
    const server = fakeFetch({
      'POST /api/v1/cohorts/c1/import': {
        status: 413,
        body: { code: 'PAYLOAD_TOO_LARGE', message: 'too large' },
      },
    });
    const job = new ImportJob({ api: new Api({ fetch: server.fetch }), cohortId: 'c1' });
    job.choose(file);
    await job.check();
    expect(job.phase).toBe('error');
    expect(job.problem?.code).toBe('PAYLOAD_TOO_LARGE');
    job.choose(undefined);
    expect(job.problem).toBeUndefined();
    expect(job.phase).toBe('idle');
  });

  it('cannot import when the check found nothing new', async () => {
    const server = fakeFetch({
      'POST /api/v1/cohorts/c1/import': {
        body: { report: { ...report(true), created: 0, enrolled: 0, unchanged: 1 } },
      },
    });
    const job = new ImportJob({ api: new Api({ fetch: server.fetch }), cohortId: 'c1' });
    job.choose(file);
    await job.check();
    expect(job.canImport).toBe(false);
    expect(job.accepted).toBe(1);
  });
});
