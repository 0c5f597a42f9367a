// biome-ignore-all lint/performance/useDomNodeTextContent: this is Playwright's Locator.innerText, the text a person sees, not the DOM property
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Course } from '../../src/course/model.ts';
import { seriousViolations } from './support/axe.ts';
import { hasChromium, launchChromium } from './support/browser.ts';
import { horizontalOverflow } from './support/player.ts';
import {
  apiCall,
  createAdministrator,
  isoDay,
  signInWithResetLink,
  startTestServer,
  type TestServer,
} from './support/server.ts';
import { REPO } from './support/site.ts';

// The facilitator's evaluation screens end to end on the real server (a fresh SQLite file, a random
// port): tests (windows, extra time, scores with N-gain, item analysis), case studies (grading beside
// the model answer, a stored-XSS payload shown as text, return, release), behaviour ratings (the
// facilitator rates; a mentor without an account rates through a personal link in a fresh browser;
// revoking the link stops it), feedback below and above 3 respondents, final results, closing the
// cohort and revoking a certificate, which the public /verify page then says is "Dicabut".
// Participants act through the API (their screens belong to the player); every staff screen is
// checked with axe-core at 1280 and 360 px and photographed into dist/e2e/staff-screens/.

const SHOTS = join(REPO, 'dist/e2e/staff-screens');
const XSS = '<img src=x onerror=window.__xss=1> <script>window.__xss=2</script> Jawaban saya';
const CSV = [
  'NIP,Nama,Email,Instansi,Jabatan',
  '199001012015031001,Ani Rahmawati,ani@example.go.id,BPVP Bandung,Instruktur Ahli Pertama',
  '198805122010122002,Siti Nurhaliza,siti@example.go.id,Ditjen Binalavotas,Analis SDM Aparatur',
  '199203152019031003,Rudi Hartono,rudi@example.go.id,BPVP Surakarta,Instruktur Ahli Muda',
].join('\r\n');

interface AttemptView {
  id: string;
  questions: { itemId: string; options: { id: string }[] }[];
}

describe.skipIf(!hasChromium())(
  'staff room: tests, case studies, behaviour, feedback, results and certificates',
  () => {
    let browser: Browser;
    let server: TestServer;
    let base: string;
    let course: Course;
    let admin: BrowserContext;
    let page: Page;
    let cohortId = '';
    let cohortPath = '';
    const people: Record<
      'ani' | 'siti' | 'rudi',
      { id: string; api: APIRequestContext; context: BrowserContext }
    > = {} as never;

    const call = apiCall(() => base);

    beforeAll(async () => {
      await build({ configFile: join(REPO, 'vite.dashboard.config.ts'), logLevel: 'warn' });
      server = await startTestServer({ name: 'lentera-staff-eval-e2e-', player: false });
      course = server.course;
      base = server.url;
      mkdirSync(SHOTS, { recursive: true });
      browser = await launchChromium();
      admin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await admin.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      page = await admin.newPage();

      // the administrator, the cohort and three participants, through the API (staff-flow tests the screens)
      const user = await createAdministrator(call, admin.request, server.printed);
      const { cohort } = await call<{ cohort: { id: string } }>(admin.request, 'POST', '/cohorts', {
        name: 'Pelatihan Pengantar Kerja Angkatan I 2026',
        courseId: course.id,
        courseVersion: course.version,
        opensOn: isoDay(-1),
        closesOn: isoDay(30),
      });
      cohortId = cohort.id;
      cohortPath = `/staff/angkatan/${cohortId}`;
      // the administrator also facilitates this cohort, so she may rate
      await call(admin.request, 'POST', `/cohorts/${cohortId}/members`, {
        role: 'fasilitator',
        userId: user.id,
      });
      const imported = await admin.request.post(`${base}/api/v1/cohorts/${cohortId}/import`, {
        headers: { 'content-type': 'text/csv' },
        data: CSV,
      });
      expect(imported.status(), await imported.text()).toBe(200);
      const { members } = await call<{ members: { id: string; email: string; roles: string[] }[] }>(
        admin.request,
        'GET',
        `/cohorts/${cohortId}/members`,
      );
      for (const key of ['ani', 'siti', 'rudi'] as const) {
        const member = members.find((m) => m.email === `${key}@example.go.id`);
        if (!member) throw new Error(`${key} was not imported`);
        const context = await browser.newContext();
        await signInWithResetLink(call, admin.request, member.id, context.request);
        people[key] = { id: member.id, api: context.request, context };
      }
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** axe-core clean, no sideways scroll at 360 px, and a photograph at both widths */
    async function checkScreen(on: Page, name: string): Promise<void> {
      await on.waitForLoadState('networkidle');
      expect(await seriousViolations(on), `${name}: axe-core`).toEqual([]);
      await on.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
      const size = on.viewportSize();
      await on.setViewportSize({ width: 360, height: 780 });
      expect(await horizontalOverflow(on), `${name}: 360 px`).toBe(0);
      expect(await seriousViolations(on), `${name}: axe-core at 360 px`).toEqual([]);
      await on.screenshot({ path: join(SHOTS, `${name}-360.png`), fullPage: true });
      if (size) await on.setViewportSize(size);
    }

    const poll = <T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) =>
      expect.poll(fn, { timeout: options.timeout ?? 15_000, interval: 100 });

    /** takes a test as a participant, answering the items whose index `right` accepts correctly */
    async function takeTest(
      who: keyof typeof people,
      test: 'pretest' | 'posttest',
      right: (i: number) => boolean,
    ) {
      const { attempt } = await call<{ attempt: AttemptView }>(
        people[who].api,
        'POST',
        `/cohorts/${cohortId}/tests/${test}/attempts`,
        {},
      );
      const answers = attempt.questions.map((q, i) => {
        const item = course.questions.find((x) => x.id === q.itemId);
        const key = item?.options.find((o) => o.correct)?.id;
        const wrong = q.options.find((o) => o.id !== key)?.id ?? null;
        return { itemId: q.itemId, optionId: right(i) ? (key ?? null) : wrong, seq: 1 };
      });
      const done = await call<{ attempt: { result: { score: number } } }>(
        people[who].api,
        'POST',
        `/attempts/${attempt.id}/submit`,
        { answers },
      );
      return done.attempt.result.score;
    }

    it('tests: the facilitator opens each test, gives extra time, and reads scores, N-gain and the item analysis', async () => {
      await page.goto(`${base}${cohortPath}/tes`);
      await poll(() => page.locator('h2#panel-title').innerText()).toBe('Pre-test dan post-test');
      await page.getByRole('button', { name: 'Buka Pre-test' }).click();
      await poll(() => page.getByRole('status').filter({ hasText: 'Pre-test dibuka' }).count()).toBe(1);

      expect(await takeTest('ani', 'pretest', (i) => i % 2 === 0)).toBe(50);
      await takeTest('siti', 'pretest', (i) => i % 4 === 0);
      await takeTest('rudi', 'pretest', () => true);
      await page.getByRole('button', { name: 'Tutup Pre-test' }).click();
      await page.getByRole('button', { name: 'Buka Post-test' }).click();
      await poll(() => page.getByRole('status').filter({ hasText: 'Post-test dibuka' }).count()).toBe(1);
      expect(await takeTest('ani', 'posttest', () => true)).toBe(100);
      await takeTest('siti', 'posttest', (i) => i % 2 === 0);

      // extra time for one participant
      await page.getByLabel('Peserta', { exact: true }).selectOption({ label: 'Siti Nurhaliza' });
      await page.getByLabel('Tes', { exact: true }).selectOption({ label: 'Post-test' });
      await page.getByLabel('Total menit tambahan').fill('10');
      await page.getByRole('button', { name: 'Simpan tambahan waktu' }).click();
      await poll(() => page.locator('.extend [role="status"]').innerText()).toContain(
        'Siti Nurhaliza mendapat 10 menit tambahan pada Post-test',
      );

      await page.reload();
      const table = page.locator('table', {
        has: page.locator('caption', { hasText: 'N-gain per peserta' }),
      });
      await table.waitFor();
      const ani = table.locator('tbody tr', { has: page.locator('th', { hasText: 'Ani Rahmawati' }) });
      // g = (100 − 50) / (100 − 50) = 1
      expect(await ani.locator('td').allInnerTexts()).toEqual([
        '50',
        expect.stringMatching(/^100\s*lulus$/),
        '1,00',
        'Tinggi',
        '—',
      ]);
      // the extra time granted before the reload is read back: how much, by whom and when
      const siti = table.locator('tbody tr', { has: page.locator('th', { hasText: 'Siti Nurhaliza' }) });
      expect(await siti.locator('td').nth(4).innerText()).toMatch(/^Post-test \+10 menit\s+oleh \S.*\d/);
      const rudi = table.locator('tbody tr', { has: page.locator('th', { hasText: 'Rudi Hartono' }) });
      expect(await rudi.locator('td').nth(2).innerText()).toBe('Belum lengkap');
      const summary = page.locator('.class-gain');
      expect(await summary.innerText()).toContain('Gain dari rata-rata (⟨g⟩ Hake)');
      expect(await summary.innerText()).toMatch(
        /Dikecualikan dari rata-rata g individu: 1\s*Rudi Hartono: belum memiliki/,
      );
      expect(
        await page.getByText('Kategori g: tinggi g ≥ 0,70; sedang 0,30 ≤ g < 0,70; rendah g < 0,30.').count(),
      ).toBe(1);

      // the item analysis states its thresholds and judges KR-20
      const rules = page.locator('.rules');
      await rules.waitFor();
      expect(await rules.innerText()).toMatch(/Sukar\s*≤ 0,30 · Sedang\s*0,31–0,70 · Mudah\s*≥ 0,71/);
      expect(await rules.innerText()).toContain('Pengecoh berfungsi bila dipilih sedikitnya 5%');
      expect(await page.locator('.facts').innerText()).toMatch(
        /Reliabilitas \(KR-20\)\s*([\d,-]+\s*(Reliabel|Tidak reliabel)|Belum dapat dihitung)/,
      );
      expect(await page.locator('.analysis tbody tr').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, 'ev-01-tests-top.png') });
      await page.locator('#scores-title').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'ev-01-tests-scores.png') });
      await page.locator('#analysis-title').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'ev-01-tests-analysis.png') });
      await checkScreen(page, 'ev-01-tests');
      await page.getByRole('button', { name: 'Post-test', exact: true }).click();
      await poll(() => page.locator('#items-caption').innerText()).toBe('Analisis butir Post-test');
    });

    it('case studies: the answer sits beside the model answer, script in it stays text, grades are saved, returned and released', async () => {
      type CaseView = { id: string; questions: { id: string }[]; rubric: { id: string }[] };
      const { cases } = await call<{ cases: CaseView[] }>(
        people.ani.api,
        'GET',
        `/cohorts/${cohortId}/cases`,
      );
      expect(cases.length).toBeGreaterThan(1);
      const [first, ...rest] = cases as [CaseView, ...CaseView[]];
      for (const c of cases) {
        await call(people.ani.api, 'POST', `/cohorts/${cohortId}/cases/${c.id}/mine/submit`, {
          answers: c.questions.map((q, i) => ({
            questionId: q.id,
            text: c === first && i === 0 ? XSS : `Analisis saya untuk ${q.id}: pelayanan yang akuntabel.`,
            seq: 1,
          })),
        });
      }
      await call(people.siti.api, 'POST', `/cohorts/${cohortId}/cases/${first.id}/mine/submit`, {
        answers: first.questions.map((q) => ({ questionId: q.id, text: 'Jawaban singkat.', seq: 1 })),
      });

      await page.goto(`${base}${cohortPath}/studi-kasus`);
      await page.locator('ul.cases li').first().getByRole('link').click();
      await poll(() => page.locator('table caption').innerText()).toContain('Jawaban peserta untuk');
      await page.getByRole('link', { name: 'Nilai jawaban Ani Rahmawati' }).click();
      await poll(() => page.locator('h2#panel-title').innerText()).toBe('Penilaian Ani Rahmawati');
      // stored XSS: shown as the characters typed, never run
      const answer = page.locator('[data-testid="participant-answer"]').first();
      expect(await answer.innerText()).toBe(XSS);
      expect(await page.locator('.answers img').count()).toBe(0);
      expect(await page.locator('.answers script').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(await page.locator('.model .prose').innerText()).not.toBe('');

      // saving with a criterion unrated says so; then every criterion at level 4
      await page.getByRole('button', { name: 'Simpan nilai' }).click();
      await poll(() => page.getByRole('alert').first().innerText()).toBe(
        'Pilih tingkat untuk setiap kriteria.',
      );
      const criteria = page.locator('fieldset.criterion');
      for (let i = 0; i < (await criteria.count()); i++) {
        await criteria
          .nth(i)
          .getByRole('radio', { name: /^Tingkat 4/ })
          .check();
      }
      await poll(() => page.locator('.preview strong').innerText()).toBe('100');
      await page.getByLabel(/^Umpan balik untuk peserta/).fill('Analisis tajam; <b>pertahankan</b>.');
      await page.getByRole('button', { name: 'Simpan nilai' }).click();
      await poll(() =>
        page.getByRole('status').filter({ hasText: 'tersimpan' }).first().innerText(),
      ).toContain('Nilai 100 tersimpan');
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      await checkScreen(page, 'ev-02-grading');

      // Siti's answer goes back for revision
      await page.goto(`${base}${cohortPath}/studi-kasus/${first.id}/${people.siti.id}`);
      await page.getByLabel('Catatan untuk peserta').fill('Tambahkan langkah tindak lanjut yang konkret.');
      await page.getByRole('button', { name: 'Kembalikan untuk revisi' }).click();
      await poll(() =>
        page.getByRole('status').filter({ hasText: 'dikembalikan' }).first().innerText(),
      ).toContain('Jawaban dikembalikan');

      // the other cases through the API, then release from the submissions screen
      for (const c of rest) {
        await call(
          admin.request,
          'PUT',
          `/cohorts/${cohortId}/cases/${c.id}/submissions/${people.ani.id}/grade`,
          {
            levels: Object.fromEntries(c.rubric.map((r) => [r.id, 4])),
          },
        );
        await call(admin.request, 'POST', `/cohorts/${cohortId}/cases/${c.id}/release`, {});
      }
      await page.goto(`${base}${cohortPath}/studi-kasus/${first.id}`);
      const rows = page.locator('tbody tr');
      await rows.first().waitFor();
      expect(await page.locator('tbody tr', { hasText: 'Siti Nurhaliza' }).innerText()).toContain(
        'Dikembalikan untuk revisi',
      );
      expect(await page.locator('tbody tr', { hasText: 'Ani Rahmawati' }).innerText()).toMatch(
        /100\s*belum dirilis/,
      );
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      await checkScreen(page, 'ev-03-submissions');
      await page.getByRole('button', { name: 'Rilis 1 nilai' }).click();
      await poll(() => page.getByRole('status').filter({ hasText: 'dirilis' }).first().innerText()).toBe(
        '1 nilai dirilis kepada peserta.',
      );
      await poll(() => page.locator('tbody tr', { hasText: 'Ani Rahmawati' }).innerText()).toMatch(
        /100\s*dirilis/,
      );
    });

    let mentorUrl = '';

    it('behaviour: the facilitator rates; a mentor without an account rates through a personal link; revoking stops it', async () => {
      await page.goto(`${base}${cohortPath}/perilaku/${people.ani.id}`);
      await poll(() => page.locator('h2#panel-title').innerText()).toBe('Penilaian perilaku Ani Rahmawati');
      const behaviours = page.locator('fieldset.behaviour');
      expect(await behaviours.count()).toBe(21);
      for (let i = 0; i < 21; i++) await behaviours.nth(i).getByRole('radio', { name: /^4 · / }).check();
      await page
        .getByLabel(/^Catatan bukti/)
        .first()
        .fill('Mendampingi pencari kerja disabilitas tanpa diminta.');
      await poll(() => page.locator('.savebar .count').innerText()).toBe('21 dari 21 perilaku sudah dinilai');
      await page.getByRole('button', { name: 'Simpan penilaian' }).click();
      await poll(() => page.locator('.savebar [role="status"]').innerText()).toContain(
        'Penilaian tersimpan.',
      );

      // a personal link for the mentor, who has no account
      await page.goto(`${base}${cohortPath}/perilaku`);
      await page.getByLabel('Peserta yang dinilai').selectOption({ label: 'Ani Rahmawati' });
      await page.getByLabel('Peran penilai').selectOption({ label: 'Mentor' });
      await page.getByLabel(/^Nama penilai/).fill('Bayu Pratama');
      await page.getByRole('button', { name: 'Buat tautan' }).click();
      const url = page.getByRole('textbox', { name: 'Tautan penilaian untuk Bayu Pratama' });
      await url.waitFor();
      mentorUrl = await url.inputValue();
      expect(mentorUrl).toMatch(new RegExp(`^${base}/staff/nilai/[A-Za-z0-9_-]{43}$`));
      await page.getByRole('button', { name: /^Salin: Tautan penilaian/ }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(mentorUrl);
      expect(await page.locator('.new-link').innerText()).toMatch(/Berlaku sampai/);
      await checkScreen(page, 'ev-04-ratings-link');

      // the mentor opens it in a browser that has never signed in
      const mentor = await browser.newContext({ viewport: { width: 360, height: 780 } });
      const form = await mentor.newPage();
      await form.goto(mentorUrl);
      await poll(() => form.locator('h1').innerText()).toBe('Penilaian perilaku Ani Rahmawati');
      expect(await form.locator('.who').innerText()).toBe('Anda menilai sebagai Mentor: Bayu Pratama');
      const items = form.locator('fieldset.behaviour');
      expect(await items.count()).toBe(21);
      await form.screenshot({ path: join(SHOTS, 'ev-05-rating-link-form-top-360.png') });
      await items.nth(0).getByRole('radio', { name: /^1 · / }).check();
      await items.nth(1).getByRole('radio', { name: /^2 · / }).check();
      await items
        .nth(1)
        .getByLabel(/^Catatan bukti/)
        .fill('Masih perlu diingatkan saat antrean panjang.');
      await form.getByRole('button', { name: 'Simpan penilaian' }).click();
      await poll(() => form.locator('.savebar [role="status"]').innerText()).toContain(
        'Penilaian tersimpan. Terima kasih.',
      );
      expect(await mentor.cookies()).toEqual([]);
      await checkScreen(form, 'ev-05-rating-link-form');

      // the facilitator sees who rated whom, and the two disagreements
      await page.reload();
      const ani = page
        .locator('table', { has: page.locator('caption', { hasText: 'Penilai per peserta' }) })
        .locator('tbody tr', { hasText: 'Ani Rahmawati' });
      await ani.waitFor();
      expect(await ani.innerText()).toMatch(/Dewi Lestari: 21\/21/);
      expect(await ani.innerText()).toMatch(/Bayu Pratama: 2\/21/);
      expect(await ani.innerText()).toContain('2 perbedaan');
      expect(await page.locator('.dis').innerText()).toMatch(
        /BP-1 .*Mentor Bayu Pratama: 1 · Fasilitator Dewi Lestari: 4 \(selisih 3\)/,
      );
      await checkScreen(page, 'ev-06-ratings');

      // revoking the link stops it at once
      await page.getByRole('button', { name: 'Cabut tautan Bayu Pratama untuk Ani Rahmawati' }).click();
      const dialog = page.getByRole('dialog', { name: 'Cabut tautan penilaian?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Ya, cabut tautan' }).click();
      await poll(() => page.getByRole('status').filter({ hasText: 'dicabut' }).first().innerText()).toBe(
        'Tautan Bayu Pratama dicabut.',
      );
      await poll(() => page.locator('.links tbody tr').first().innerText()).toContain('Dicabut');
      await form.reload();
      await poll(() => form.locator('h1').innerText()).toBe('Tautan penilaian tidak berlaku');
      expect(await form.getByRole('alert').innerText()).toContain('dicabut oleh fasilitator');
      await checkScreen(form, 'ev-07-rating-link-revoked');
      await mentor.close();
    });

    it('feedback: below 3 respondents only the count, then means, bars and open answers without names', async () => {
      type Survey = { sections: { items: { id: string; kind: 'likert' | 'text' }[] }[] };
      const { survey } = await call<{ survey: Survey }>(
        people.ani.api,
        'GET',
        `/cohorts/${cohortId}/feedback`,
      );
      const answersFor = (level: number, text: string) =>
        Object.fromEntries(
          survey.sections.flatMap((s) => s.items.map((i) => [i.id, i.kind === 'likert' ? level : text])),
        );
      await call(people.ani.api, 'POST', `/cohorts/${cohortId}/feedback`, { answers: answersFor(5, XSS) });
      await page.goto(`${base}${cohortPath}/umpan-balik`);
      const notEnough = page.locator('[data-state="belum-cukup"]');
      await notEnough.waitFor();
      expect(await notEnough.innerText()).toContain('sedikitnya 3 peserta mengisi (saat ini 1)');
      expect(await page.locator('.dist').count()).toBe(0);
      await checkScreen(page, 'ev-08-feedback-not-enough');

      await call(people.siti.api, 'POST', `/cohorts/${cohortId}/feedback`, {
        answers: answersFor(4, 'Contoh kasus sangat membantu.'),
      });
      await call(people.rudi.api, 'POST', `/cohorts/${cohortId}/feedback`, {
        answers: answersFor(4, 'Perlu lebih banyak latihan.'),
      });
      await page.getByRole('button', { name: 'Muat ulang' }).click();
      await poll(() => page.locator('.dist').count()).toBeGreaterThan(0);
      expect(await page.locator('p.count').innerText()).toContain('3 dari 3 peserta sudah mengisi');
      const item = page.locator('article.item').first();
      expect(await item.locator('.mean').innerText()).toContain('Rata-rata 4,33 dari 5 (3 jawaban)');
      expect(await item.locator('.dist li').nth(3).innerText()).toMatch(/4\. Setuju\s*2 \(67%\)/);
      // open answers are text, without names
      const open = page.locator('ul.open li', { hasText: 'Jawaban saya' }).first();
      expect(await open.innerText()).toBe(XSS);
      expect(await page.locator('ul.open').first().innerText()).not.toContain('Ani');
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      await checkScreen(page, 'ev-09-feedback');
    });

    it('results: incomplete components are named, the cohort closes after a confirmation, and a revoked certificate says "Dicabut"', async () => {
      await page.goto(`${base}${cohortPath}/hasil`);
      const table = page.locator('table', {
        has: page.locator('caption', { hasText: 'Hasil akhir per peserta' }),
      });
      await table.waitFor();
      const ani = table.locator('tbody tr', { hasText: 'Ani Rahmawati' });
      expect(await ani.innerText()).toMatch(/Lulus/);
      const rudi = table.locator('tbody tr', { hasText: 'Rudi Hartono' });
      expect(await rudi.innerText()).toMatch(/belum ada/);
      expect(await rudi.innerText()).toMatch(/Belum lengkap\s*Kurang: Post-test, Studi kasus, Perilaku/);
      expect(await page.getByRole('link', { name: 'Rekap XLSX' }).getAttribute('href')).toBe(
        `/api/v1/cohorts/${cohortId}/reports/results.xlsx`,
      );
      const xlsx = await admin.request.get(`${base}/api/v1/cohorts/${cohortId}/reports/results.xlsx`);
      expect(xlsx.status()).toBe(200);
      const summary = await admin.request.get(
        `${base}${await ani.getByRole('link', { name: /Cetak/ }).getAttribute('href')}`,
      );
      expect(await summary.text()).toContain('Ani Rahmawati');
      expect(await page.locator('.close').innerText()).toContain(
        'Bila ditutup sekarang: 1 lulus, 0 tidak lulus, 2 belum lengkap dari 3 peserta.',
      );
      await checkScreen(page, 'ev-10-results');

      // certificate details are asked before the confirmation
      await page.getByRole('button', { name: 'Tutup angkatan…' }).click();
      await poll(() => page.getByRole('alert').first().innerText()).toBe(
        'Isi tempat, nama, dan jabatan penanda tangan.',
      );
      await page.getByLabel(/^Tempat penandatanganan/).fill('Jakarta');
      await page.getByLabel('Nama penanda tangan').fill('Dr. Hendra Wijaya');
      await page.getByLabel(/^Jabatan penanda tangan/).fill('Kepala Pusat Pengembangan SDM Ketenagakerjaan');
      await page.getByRole('button', { name: 'Tutup angkatan…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tutup angkatan ini?' });
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('2 peserta belum lengkap');
      await page.screenshot({ path: join(SHOTS, 'ev-11-close-confirm.png') });
      await dialog.getByRole('button', { name: 'Ya, tutup dan bekukan hasil' }).click();
      await poll(() =>
        page.getByRole('status').filter({ hasText: 'Angkatan ditutup' }).first().innerText(),
      ).toBe('Angkatan ditutup: 1 lulus, 0 tidak lulus, 2 belum lengkap. 1 sertifikat diterbitkan.');
      await poll(() => page.locator('.policy').innerText()).toContain('Hasil di bawah dibekukan');
      expect(await page.locator('.close').count()).toBe(0);

      // results are frozen: a new grade is refused
      const late = await admin.request.put(`${base}/api/v1/cohorts/${cohortId}/ratings/${people.siti.id}`, {
        data: { ratings: [{ behaviourCode: 'BP-1', level: 3 }] },
      });
      expect((await late.json()).code).toBe('RESULTS_FROZEN');

      const certs = page.locator('table', {
        has: page.locator('caption', { hasText: 'Sertifikat yang diterbitkan' }),
      });
      const row = certs.locator('tbody tr', { hasText: 'Ani Rahmawati' });
      await row.waitFor();
      expect(await row.innerText()).toContain('Sah');
      const verifyUrl =
        (await row.getByRole('link', { name: /^[0-9A-Z]{5}-[0-9A-Z]{5}$/ }).getAttribute('href')) ?? '';
      expect(verifyUrl).toMatch(/\/verify\/[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      await checkScreen(page, 'ev-12-certificates');

      await row.getByRole('button', { name: 'Cabut sertifikat Ani Rahmawati' }).click();
      const revoke = page.getByRole('dialog', { name: 'Cabut sertifikat?' });
      await revoke.getByRole('button', { name: 'Ya, cabut sertifikat' }).click();
      await poll(() => revoke.getByRole('alert').first().innerText()).toBe('Tulis alasan pencabutan.');
      await revoke
        .getByLabel('Alasan pencabutan')
        .fill('Data NIP peserta keliru; diterbitkan ulang setelah perbaikan.');
      await revoke.getByRole('button', { name: 'Ya, cabut sertifikat' }).click();
      await poll(() => row.innerText()).toContain('Dicabut');
      expect(await row.innerText()).toContain('Alasan: Data NIP peserta keliru');

      const verify = await browser.newPage();
      await verify.goto(verifyUrl);
      expect(await verify.locator('body').innerText()).toMatch(/Dicabut/);
      expect(await verify.locator('body').innerText()).toContain('Ani Rahmawati');
      await verify.close();
    });
  },
  240_000,
);
