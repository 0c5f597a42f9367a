// biome-ignore-all lint/performance/useDomNodeTextContent: this is Playwright's Locator.innerText, the text a person sees, not the DOM property
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Course } from '../../src/course/model.ts';
import { seriousViolations } from './support/axe.ts';
import { hasChromium, launchChromium } from './support/browser.ts';
import { horizontalOverflow, ready } from './support/player.ts';
import {
  apiCall,
  createAdministrator,
  isoDay,
  PASSWORD,
  startTestServer,
  type TestServer,
} from './support/server.ts';
import { REPO } from './support/site.ts';

// The whole training, end to end on the real server with the real player and staff app: the
// administrator creates a cohort and imports three participants; a participant signs in to the player,
// takes the pre-test, studies a page, writes a case study, takes the post-test and gives feedback; the
// facilitator grades the case and rates behaviour in the staff app; a mentor and a supervisor rate
// through personal links in fresh browsers without an account; the facilitator closes the cohort and
// issues certificates; the participant reads the result, downloads the certificate (a PDF with their
// name, whose QR code holds the /verify address), the verify page confirms it, and after the
// facilitator revokes it the verify page says it is revoked ("Dicabut").

const SHOTS = join(REPO, 'dist/e2e/participant-screens');
const CSV = [
  'NIP,Nama,Email,Instansi,Jabatan',
  '199001012015031001,Ani Rahmawati,ani@example.go.id,BPVP Bandung,Instruktur Ahli Pertama',
  '198805122010122002,Siti Nurhaliza,siti@example.go.id,Ditjen Binalavotas,Analis SDM Aparatur',
  '199203152019031003,Rudi Hartono,rudi@example.go.id,BPVP Surakarta,Instruktur Ahli Muda',
].join('\r\n');

function has(tool: string): boolean {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasChromium())(
  'the whole training: from the cohort to a verified, then revoked, certificate',
  () => {
    let browser: Browser;
    let server: TestServer;
    let base: string;
    let course: Course;
    let staffContext: BrowserContext;
    let staff: Page;
    let ani: BrowserContext;
    let page: Page;
    let cohortId = '';
    let cohortPath = '';
    let aniId = '';
    let verifyUrl = '';

    const call = apiCall(() => base);

    const poll = <T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) =>
      expect.poll(fn, { timeout: options.timeout ?? 15_000, interval: 100 });

    /** axe-core clean and no sideways scroll at 360 px */
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

    beforeAll(async () => {
      await build({ configFile: join(REPO, 'vite.dashboard.config.ts'), logLevel: 'warn' });
      server = await startTestServer({ name: 'lentera-whole-training-e2e-', player: true });
      course = server.course;
      base = server.url;
      mkdirSync(SHOTS, { recursive: true });
      browser = await launchChromium();
      staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await staffContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      staff = await staffContext.newPage();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('the administrator creates the cohort and imports three participants', async () => {
      // first run: the printed one-time link makes the administrator, who also facilitates the cohort
      const user = await createAdministrator(call, staffContext.request, server.printed);
      const { cohort } = await call<{ cohort: { id: string } }>(staffContext.request, 'POST', '/cohorts', {
        name: 'Pelatihan Pengantar Kerja Angkatan III 2026',
        courseId: course.id,
        courseVersion: course.version,
        opensOn: isoDay(-1),
        closesOn: isoDay(30),
      });
      cohortId = cohort.id;
      cohortPath = `/staff/angkatan/${cohortId}`;
      await call(staffContext.request, 'POST', `/cohorts/${cohortId}/members`, {
        role: 'fasilitator',
        userId: user.id,
      });
      const imported = await staffContext.request.post(`${base}/api/v1/cohorts/${cohortId}/import`, {
        headers: { 'content-type': 'text/csv' },
        data: CSV,
      });
      expect(imported.status(), await imported.text()).toBe(200);
      expect((await imported.json()).report).toMatchObject({
        rows: 3,
        created: 3,
        enrolled: 3,
        rejected: [],
      });
      const { members } = await call<{ members: { id: string; email: string; roles: string[] }[] }>(
        staffContext.request,
        'GET',
        `/cohorts/${cohortId}/members`,
      );
      expect(members.filter((m) => m.roles.includes('peserta'))).toHaveLength(3);
      aniId = members.find((m) => m.email === 'ani@example.go.id')?.id ?? '';
      // Ani sets her password through the one-time link the administrator hands her
      const { url } = await call<{ url: string }>(staffContext.request, 'POST', `/users/${aniId}/reset-link`);
      ani = await browser.newContext({ viewport: { width: 412, height: 900 } });
      page = await ani.newPage();
      await page.goto(url);
      await page.getByLabel(/^Kata sandi/).fill(PASSWORD);
      await page.getByLabel(/^Ulangi kata sandi/).fill(PASSWORD);
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/auth/password-reset') && r.request().method() === 'POST',
      );
      await page.locator('button[type="submit"]').click();
      expect((await saved).status()).toBe(200);
      // and signs in to the course in the player, as she will every day
      await ani.clearCookies();
      await page.goto(`${base}/${course.id}/`);
      await ready(page);
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByLabel('Email atau NIP').fill('199001012015031001');
      await page.getByLabel('Kata sandi').fill(PASSWORD);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await poll(() => page.getByText('Masuk sebagai Ani Rahmawati').count()).toBe(1);
      await page.keyboard.press('Escape');
    });

    /** takes a test in the player, answering right the questions whose index `right` accepts */
    async function takeTest(test: 'pretest' | 'posttest', right: (i: number) => boolean): Promise<string> {
      const name = test === 'pretest' ? 'Pre-test' : 'Post-test';
      await page.goto(`${base}/${course.id}/`);
      await ready(page);
      await page
        .getByTestId('home-tests')
        .getByRole('link', { name: new RegExp(`^Mulai\\s?: ${name}$`) })
        .click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.getByRole('button', { name: 'Mulai' }).click();
      await page.locator('h2#question-title').waitFor();
      const { tests } = await call<{ tests: { test: string; mine: { openAttemptId: string | null } }[] }>(
        ani.request,
        'GET',
        `/cohorts/${cohortId}/tests`,
      );
      const attemptId = tests.find((t) => t.test === test)?.mine.openAttemptId ?? '';
      const { attempt } = await call<{
        attempt: { questions: { itemId: string; options: { id: string }[] }[] };
      }>(ani.request, 'GET', `/attempts/${attemptId}`);
      for (const [i, q] of attempt.questions.entries()) {
        const key = course.questions.find((x) => x.id === q.itemId)?.options.find((o) => o.correct)?.id;
        const choice = right(i) ? key : q.options.find((o) => o.id !== key)?.id;
        await page.locator('nav.map li button').nth(i).click();
        await poll(() => page.locator('h2#question-title').innerText()).toMatch(
          new RegExp(`^Soal ${i + 1} dari`),
        );
        await page.locator(`fieldset input[type=radio][value="${choice}"]`).check();
      }
      await poll(() => page.getByTestId('save-state').innerText()).toContain('Tersimpan');
      await page.getByRole('button', { name: 'Kumpulkan' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Ya, kumpulkan' }).click();
      return page.getByTestId('test-score').innerText();
    }

    it('the participant takes the pre-test, studies a page, writes a case study, takes the post-test and gives feedback', async () => {
      // pre-test, opened by the facilitator in the staff app
      await staff.goto(`${base}${cohortPath}/tes`);
      await staff.getByRole('button', { name: 'Buka Pre-test' }).click();
      await poll(() => staff.getByRole('status').filter({ hasText: 'Pre-test dibuka' }).count()).toBe(1);
      expect(await takeTest('pretest', (i) => i % 2 === 0)).toMatch(/^Nilai\s*50$/);

      // studies a page, and the server has it
      await page.goto(`${base}/${course.id}/akuntabel/pengertian-akuntabilitas/`);
      await ready(page);
      await page.keyboard.press('ArrowRight');
      await poll(() => page.locator('h1').textContent()).toBe('Lima Tingkatan Akuntabilitas');
      await poll(async () => {
        const response = await ani.request.get(`${base}/api/v1/progress/state?courseId=${course.id}`);
        const { state } = (await response.json()) as { state: { pages: Record<string, unknown> } };
        return Object.keys(state.pages).length;
      }).toBeGreaterThanOrEqual(1);

      // a case study through the player
      const [first, ...rest] = course.cases;
      if (!first) throw new Error('the course has no case study');
      await page.goto(`${base}/${course.id}/`);
      await ready(page);
      await page
        .getByTestId('home-evaluation')
        .getByRole('link', { name: /^Kerjakan\s*: Studi kasus$/ })
        .click();
      await page.getByRole('link', { name: first.title }).click();
      await poll(() => page.locator('h1').innerText()).toBe(first.title);
      for (const [i, q] of first.questions.entries()) {
        await page
          .getByRole('textbox', { name: new RegExp(`^Jawaban pertanyaan ${i + 1}:`) })
          .fill(`Untuk ${q.id}: pelayanan yang setara, langkah konkret hari itu, dan usulan perbaikan unit.`);
      }
      await poll(() => page.getByTestId('case-save-state').innerText()).toBe('Semua jawaban tersimpan');
      await page.getByRole('button', { name: 'Kumpulkan jawaban' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Ya, kumpulkan' }).click();
      await poll(() => page.getByTestId('case-status').innerText()).toMatch(
        /^Dikumpulkan, menunggu penilaian/,
      );
      // the other cases of the course she writes the same way; here through the API, to keep the run short
      for (const c of rest) {
        await call(ani.request, 'POST', `/cohorts/${cohortId}/cases/${c.id}/mine/submit`, {
          answers: c.questions.map((q) => ({
            questionId: q.id,
            text: `Analisis saya untuk ${q.id}: akuntabel dan berorientasi pelayanan.`,
            seq: 1,
          })),
        });
      }

      // post-test
      await staff.getByRole('button', { name: 'Tutup Pre-test' }).click();
      await staff.getByRole('button', { name: 'Buka Post-test' }).click();
      await poll(() => staff.getByRole('status').filter({ hasText: 'Post-test dibuka' }).count()).toBe(1);
      expect(await takeTest('posttest', () => true)).toMatch(/^Nilai\s*100$/);

      // feedback
      await page.goto(`${base}/${course.id}/_evaluasi/umpan-balik/`);
      const survey = course.feedback;
      if (!survey) throw new Error('the course has no feedback.yaml');
      await poll(() => page.locator('h1').innerText()).toBe(survey.title);
      for (const item of survey.sections.flatMap((s) => s.items.filter((i) => i.kind === 'likert'))) {
        await page.getByRole('group', { name: item.text }).getByRole('radio', { name: '4. Setuju' }).check();
      }
      await page.getByRole('button', { name: 'Kirim umpan balik' }).click();
      await page.getByRole('heading', { name: 'Terima kasih, umpan balik Anda sudah terkirim' }).waitFor();

      // the result waits for the facilitator
      await page.goto(`${base}/${course.id}/_evaluasi/hasil/`);
      await poll(() => page.getByTestId('outcome-state').innerText()).toBe('Menunggu penilaian');
      expect(await page.locator('tbody tr').first().innerText()).toMatch(/Post-test\s*40\s*100/);
    });

    it('the facilitator grades and rates; a mentor and a supervisor rate through their links without an account', async () => {
      const [first, ...rest] = course.cases;
      if (!first) throw new Error('the course has no case study');
      // grades the case written in the player, in the staff app
      await staff.goto(`${base}${cohortPath}/studi-kasus/${first.id}/${aniId}`);
      await poll(() => staff.locator('h2#panel-title').innerText()).toBe('Penilaian Ani Rahmawati');
      const criteria = staff.locator('fieldset.criterion');
      for (let i = 0; i < (await criteria.count()); i++) {
        await criteria
          .nth(i)
          .getByRole('radio', { name: /^Tingkat 4/ })
          .check();
      }
      await staff
        .getByLabel(/^Umpan balik untuk peserta/)
        .fill('Analisis lengkap dan langkahnya dapat dilaksanakan.');
      await staff.getByRole('button', { name: 'Simpan nilai' }).click();
      await poll(() =>
        staff.getByRole('status').filter({ hasText: 'tersimpan' }).first().innerText(),
      ).toContain('Nilai 100 tersimpan');
      for (const c of rest) {
        await call(
          staffContext.request,
          'PUT',
          `/cohorts/${cohortId}/cases/${c.id}/submissions/${aniId}/grade`,
          {
            levels: Object.fromEntries(c.rubric.map((r) => [r.id, 3])),
          },
        );
      }
      // the grades of the other cases are released per case through the API; this one from its screen
      for (const c of rest)
        await call(staffContext.request, 'POST', `/cohorts/${cohortId}/cases/${c.id}/release`, {});
      await staff.goto(`${base}${cohortPath}/studi-kasus/${first.id}`);
      await staff.getByRole('button', { name: /^Rilis \d+ nilai$/ }).click();
      await poll(() => staff.getByRole('status').filter({ hasText: 'dirilis' }).first().innerText()).toMatch(
        /nilai dirilis kepada peserta/,
      );

      // the participant sees the grade
      await page.goto(`${base}/${course.id}/_evaluasi/kasus/${first.id}/`);
      await poll(() => page.getByTestId('case-grade').locator('.score').innerText()).toBe(
        'Nilai 100 dari 100',
      );

      // the facilitator rates the 21 behaviours
      await staff.goto(`${base}${cohortPath}/perilaku/${aniId}`);
      await poll(() => staff.locator('h2#panel-title').innerText()).toBe('Penilaian perilaku Ani Rahmawati');
      const behaviours = staff.locator('fieldset.behaviour');
      expect(await behaviours.count()).toBe(21);
      for (let i = 0; i < 21; i++) await behaviours.nth(i).getByRole('radio', { name: /^4 · / }).check();
      await staff.getByRole('button', { name: 'Simpan penilaian' }).click();
      await poll(() => staff.locator('.savebar [role="status"]').innerText()).toContain(
        'Penilaian tersimpan.',
      );

      // a personal link for the mentor and one for the supervisor, each opened in a fresh browser
      for (const [role, rater, level] of [
        ['Mentor', 'Bayu Pratama', 3],
        ['Atasan', 'Ir. Rina Kusumawati', 4],
      ] as const) {
        await staff.goto(`${base}${cohortPath}/perilaku`);
        await staff.getByLabel('Peserta yang dinilai').selectOption({ label: 'Ani Rahmawati' });
        await staff.getByLabel('Peran penilai').selectOption({ label: role });
        await staff.getByLabel(/^Nama penilai/).fill(rater);
        await staff.getByRole('button', { name: 'Buat tautan' }).click();
        const url = await staff
          .getByRole('textbox', { name: `Tautan penilaian untuk ${rater}` })
          .inputValue();
        expect(url).toMatch(new RegExp(`^${base}/staff/nilai/[A-Za-z0-9_-]{43}$`));

        const fresh = await browser.newContext({ viewport: { width: 360, height: 780 } });
        const form = await fresh.newPage();
        await form.goto(url);
        await poll(() => form.locator('h1').innerText()).toBe('Penilaian perilaku Ani Rahmawati');
        expect(await form.locator('.who').innerText()).toBe(`Anda menilai sebagai ${role}: ${rater}`);
        const items = form.locator('fieldset.behaviour');
        for (let i = 0; i < 21; i++) {
          await items
            .nth(i)
            .getByRole('radio', { name: new RegExp(`^${level} · `) })
            .check();
        }
        await form.getByRole('button', { name: 'Simpan penilaian' }).click();
        await poll(() => form.locator('.savebar [role="status"]').innerText()).toContain(
          'Penilaian tersimpan',
        );
        // no account, no session: the link was all it had
        expect(await fresh.cookies()).toEqual([]);
        await fresh.close();
      }

      await staff.goto(`${base}${cohortPath}/perilaku`);
      const row = staff
        .locator('table', { has: staff.locator('caption', { hasText: 'Penilai per peserta' }) })
        .locator('tbody tr', { hasText: 'Ani Rahmawati' });
      await row.waitFor();
      expect(await row.innerText()).toMatch(/Dewi Lestari: 21\/21/);
      expect(await row.innerText()).toMatch(/Bayu Pratama: 21\/21/);
      expect(await row.innerText()).toMatch(/Ir\. Rina Kusumawati: 21\/21/);
    });

    it('the facilitator closes the cohort; the participant downloads the certificate; its QR verifies it; revoked, it says so', async () => {
      const { participants } = await call<{
        participants: { userId: string; result: { final: number; predikat: string; lulus: boolean } }[];
      }>(staffContext.request, 'GET', `/cohorts/${cohortId}/results`);
      const outcome = participants.find((p) => p.userId === aniId);
      const live = outcome?.result;
      expect(live?.lulus, JSON.stringify(outcome)).toBe(true);

      await staff.goto(`${base}${cohortPath}/hasil`);
      await staff.getByLabel(/^Tempat penandatanganan/).fill('Jakarta');
      await staff.getByLabel('Nama penanda tangan').fill('Dr. Hendra Wijaya');
      await staff.getByLabel(/^Jabatan penanda tangan/).fill('Kepala Pusat Pengembangan SDM Ketenagakerjaan');
      await staff.getByRole('button', { name: 'Tutup angkatan…' }).click();
      const dialog = staff.getByRole('dialog', { name: 'Tutup angkatan ini?' });
      await dialog.getByRole('button', { name: 'Ya, tutup dan bekukan hasil' }).click();
      await poll(() =>
        staff.getByRole('status').filter({ hasText: 'Angkatan ditutup' }).first().innerText(),
      ).toBe('Angkatan ditutup: 1 lulus, 0 tidak lulus, 2 belum lengkap. 1 sertifikat diterbitkan.');

      // the participant's result screen: lulus, the predikat and the figures the staff see
      await page.goto(`${base}/${course.id}/_evaluasi/hasil/`);
      await poll(() => page.getByTestId('outcome-state').innerText()).toBe('Lulus');
      expect(await page.getByTestId('outcome-predikat').innerText()).toBe(live?.predikat);
      expect(await page.getByTestId('outcome-final').innerText()).toBe(
        (live?.final ?? 0).toLocaleString('id-ID', { maximumFractionDigits: 2 }),
      );
      const number = await page.getByTestId('certificate-number').innerText();
      expect(number).toMatch(/^\d{4}\/.+\/\d{4}$/);
      await checkScreen(page, 'w-01-result-lulus');

      // the PDF, with her name in it
      const downloading = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Unduh sertifikat (PDF)' }).click();
      const download = await downloading;
      const pdf = join(server.temp, 'sertifikat.pdf');
      await download.saveAs(pdf);
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (has('pdftotext')) {
        const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
        expect(text).toContain('Ani Rahmawati');
        expect(text).toContain(number);
      }
      verifyUrl = (await page.getByTestId('verify-link').getAttribute('href')) ?? '';
      expect(verifyUrl).toMatch(new RegExp(`^${base}/verify/[0-9A-Z]{5}-[0-9A-Z]{5}$`));
      // the QR code on the certificate holds that very address
      if (has('pdftoppm') && has('zbarimg')) {
        execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', pdf, join(server.temp, 'sertifikat')]);
        const scanned = execFileSync('zbarimg', ['-q', '--raw', join(server.temp, 'sertifikat.png')], {
          encoding: 'utf8',
        }).trim();
        expect(scanned).toBe(verifyUrl);
      }

      // anyone can verify it, without an account
      const stranger = await browser.newContext();
      const verify = await stranger.newPage();
      await verify.goto(verifyUrl);
      const body = () => verify.locator('body').innerText();
      expect(await body()).toContain('Ani Rahmawati');
      expect(await body()).toMatch(/\bSah\b/);
      expect(await body()).not.toMatch(/Dicabut/);

      // the facilitator revokes it: the verify page and the participant's screen say so
      await staff.reload();
      const certs = staff.locator('table', {
        has: staff.locator('caption', { hasText: 'Sertifikat yang diterbitkan' }),
      });
      const cert = certs.locator('tbody tr', { hasText: 'Ani Rahmawati' });
      await cert.getByRole('button', { name: 'Cabut sertifikat Ani Rahmawati' }).click();
      const revoke = staff.getByRole('dialog', { name: 'Cabut sertifikat?' });
      await revoke
        .getByLabel('Alasan pencabutan')
        .fill('Data NIP peserta keliru; diterbitkan ulang setelah perbaikan.');
      await revoke.getByRole('button', { name: 'Ya, cabut sertifikat' }).click();
      await poll(() => cert.innerText()).toContain('Dicabut');
      await verify.reload();
      expect(await body()).toMatch(/Dicabut/);
      expect(await body()).toContain('Ani Rahmawati');
      await stranger.close();

      await page.reload();
      await poll(() => page.getByTestId('certificate').innerText()).toContain('Sertifikat ini dicabut');
      expect(await page.getByRole('link', { name: 'Unduh sertifikat (PDF)' }).count()).toBe(0);
      await checkScreen(page, 'w-02-result-revoked');
    });
  },
  600_000,
);
