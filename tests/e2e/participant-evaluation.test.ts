// biome-ignore-all lint/performance/useDomNodeTextContent: this is Playwright's Locator.innerText, the text a person sees, not the DOM property
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Course } from '../../src/course/model.ts';
import { seriousViolations } from './support/axe.ts';
import { hasChromium, launchChromium } from './support/browser.ts';
import { horizontalOverflow, ready } from './support/player.ts';
import {
  apiCall,
  browserApiSwitch,
  createAdministrator,
  isoDay,
  signInWithResetLink,
  startTestServer,
  type TestServer,
} from './support/server.ts';
import { REPO } from './support/site.ts';

/** a request made while the test has the network cut */

// The participant's side of issue 7 in the player, on the real server (a fresh SQLite file, a random
// port) with the real player export: a case study typed online and offline, reloaded without a network
// and sent when it returns; submitted after a confirmation, returned for revision, resubmitted, graded
// and released by the facilitator (through the API) and read back with its grade per criterion; a
// stored-XSS payload typed as an answer stays text. The feedback survey is answered once; the result
// screen waits for the cohort to close. Every screen is checked with axe-core at 1280 and 360 px, and
// photographed into dist/e2e/participant-screens/.

const SHOTS = join(REPO, 'dist/e2e/participant-screens');
const XSS =
  '<img src=x onerror=window.__xss=1> <script>window.__xss=2</script> Antrean hanya dipanggil lewat suara.';
const CSV = [
  'NIP,Nama,Email,Instansi,Jabatan',
  '199001012015031001,Ani Rahmawati,ani@example.go.id,BPVP Bandung,Instruktur Ahli Pertama',
  '198805122010122002,Siti Nurhaliza,siti@example.go.id,Ditjen Binalavotas,Analis SDM Aparatur',
].join('\r\n');

describe.skipIf(!hasChromium())(
  'participant: case studies, feedback and the result in the player',
  () => {
    let browser: Browser;
    let server: TestServer;
    let api: ReturnType<typeof browserApiSwitch>;
    let base: string;
    let course: Course;
    let staff: APIRequestContext;
    let context: BrowserContext;
    let page: Page;
    let cohortId = '';
    let aniId = '';

    const call = apiCall(() => base);

    beforeAll(async () => {
      server = await startTestServer({ name: 'lentera-participant-e2e-', player: true });
      api = browserApiSwitch(server);
      course = server.course;
      base = server.url;
      mkdirSync(SHOTS, { recursive: true });
      browser = await launchChromium();

      // the administrator (also the cohort's facilitator), the cohort and two participants, by API
      const admin = await browser.newContext();
      staff = admin.request;
      const user = await createAdministrator(call, staff, server.printed);
      const { cohort } = await call<{ cohort: { id: string } }>(staff, 'POST', '/cohorts', {
        name: 'Pelatihan Pengantar Kerja Angkatan II 2026',
        courseId: course.id,
        courseVersion: course.version,
        opensOn: isoDay(-1),
        closesOn: isoDay(30),
      });
      cohortId = cohort.id;
      await call(staff, 'POST', `/cohorts/${cohortId}/members`, { role: 'fasilitator', userId: user.id });
      const imported = await staff.post(`${base}/api/v1/cohorts/${cohortId}/import`, {
        headers: { 'content-type': 'text/csv' },
        data: CSV,
      });
      expect(imported.status(), await imported.text()).toBe(200);
      const { members } = await call<{ members: { id: string; email: string }[] }>(
        staff,
        'GET',
        `/cohorts/${cohortId}/members`,
      );
      const ani = members.find((m) => m.email === 'ani@example.go.id');
      if (!ani) throw new Error('Ani was not imported');
      aniId = ani.id;
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      // setting the password signs Ani in: the session cookie is the context's, pages share it
      await signInWithResetLink(call, staff, aniId, context.request);
      page = await context.newPage();
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
    const xss = () => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
    const answerBox = (n: number) =>
      page.getByRole('textbox', { name: new RegExp(`^Jawaban pertanyaan ${n}:`) });
    const saveState = () => page.locator('[data-testid="case-save-state"]').innerText();

    it('case study: typed online and offline, reloaded offline, sent when the network returns, submitted, returned, resubmitted and graded', async () => {
      const first = course.cases[0];
      if (!first) throw new Error('the course has no case study');
      await page.goto(`${base}/berakhlak/`);
      await ready(page);
      // the service worker takes over first, so the player opens offline after a reload
      await poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 30_000,
      }).toBe(true);

      const entries = page.locator('[data-testid="home-evaluation"]');
      await poll(() => entries.locator('[data-entry="cases"]').innerText()).toContain(
        `0 dari ${course.cases.length} dikumpulkan`,
      );
      await entries.getByRole('link', { name: /^Kerjakan\s*: Studi kasus$/ }).click();
      await poll(() => page.locator('h1').innerText()).toBe('Studi kasus');
      expect(new URL(page.url()).pathname).toBe('/berakhlak/_evaluasi/kasus/');
      await poll(() => page.locator('ol.list > li').count()).toBe(course.cases.length);
      await checkScreen(page, 'p-01-cases');

      await page.getByRole('link', { name: first.title }).click();
      await poll(() => page.locator('h1').innerText()).toBe(first.title);
      expect(await page.locator('[data-testid="case-status"]').innerText()).toBe('Belum dikumpulkan');
      expect(await saveState()).toBe('Jawaban tersimpan otomatis saat Anda mengetik.');

      // online: typed, counted, saved
      await answerBox(1).click();
      await page.keyboard.type(XSS, { delay: 2 });
      const q1 = first.questions[0]?.id ?? '';
      await poll(() => page.locator(`[data-testid="words-${q1}"]`).innerText()).toBe(
        `${XSS.trim().split(/\s+/).length} kata`,
      );
      await poll(saveState).toBe('Semua jawaban tersimpan');

      // offline: kept on the device, and said so
      // the page's network is cut, and the server drops its API calls too: a service worker restarted by
      // a reload comes up without Chromium's offline emulation, and requests fall through it to the network
      await context.setOffline(true);
      api.cut();
      const offlineText = 'Saya akan menyapa Andi dengan tulisan di layar dan menyelesaikan AK/1 hari itu.';
      await answerBox(2).fill(offlineText);
      await poll(saveState).toContain('Belum terkirim: 1 jawaban disimpan di perangkat ini');
      const q2 = first.questions[1]?.id ?? '';
      expect(await page.locator(`#meta-${q2}`).innerText()).toContain('belum terkirim');

      // reload without a network: the service worker's shell, the device copy and the queue
      await page.reload();
      await poll(() => page.locator('h1').innerText(), { timeout: 20_000 }).toBe(first.title);
      expect(await page.locator('.note.offline').innerText()).toContain('Luring: menampilkan salinan');
      expect(await answerBox(1).inputValue()).toBe(XSS);
      expect(await answerBox(2).inputValue()).toBe(offlineText);
      await poll(saveState).toContain('Belum terkirim: 1 jawaban');
      await answerBox(2).press('End');
      await page.keyboard.type(' Lalu mencatat kebutuhan akomodasinya.');
      await poll(saveState).toContain('Belum terkirim');

      // back online: sent, and the server has it
      api.restore();
      await context.setOffline(false);
      await poll(saveState, { timeout: 20_000 }).toBe('Semua jawaban tersimpan');
      expect(await page.locator('.note.offline').count()).toBe(0);
      const stored = await call<{ submission: { answers: { questionId: string; text: string }[] } }>(
        context.request,
        'GET',
        `/cohorts/${cohortId}/cases/${first.id}/mine`,
      );
      expect(stored.submission.answers.find((a) => a.questionId === q2)?.text).toBe(
        `${offlineText} Lalu mencatat kebutuhan akomodasinya.`,
      );
      expect(stored.submission.answers.find((a) => a.questionId === q1)?.text).toBe(XSS);

      // submitting with a question unanswered is stopped, and says which
      await page.getByRole('button', { name: 'Kumpulkan jawaban' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Kumpulkan jawaban studi kasus ini?' });
      await confirm.waitFor();
      const blank = first.questions.slice(2).map((_, i) => i + 3);
      expect(await confirm.innerText()).toContain(`Pertanyaan ${blank.join(', ')} belum dijawab`);
      expect(await confirm.getByRole('button', { name: 'Ya, kumpulkan' }).isDisabled()).toBe(true);
      await confirm.getByRole('button', { name: 'Batal' }).click();
      for (let n = 3; n <= first.questions.length; n++) {
        await answerBox(n).fill(`Jawaban saya untuk pertanyaan ${n}: usulan yang dapat dilaksanakan unit.`);
      }
      await checkScreen(page, 'p-02-case-writing');
      await page.getByRole('button', { name: 'Kumpulkan jawaban' }).click();
      await confirm.getByRole('button', { name: 'Ya, kumpulkan' }).click();
      await poll(() => page.locator('[data-testid="case-status"]').innerText()).toMatch(
        /^Dikumpulkan, menunggu penilaian\. Dikumpulkan /,
      );
      expect(await page.locator('textarea').count()).toBe(0);
      // the payload is shown as the characters typed, never run
      expect(await page.locator(`[data-testid="answer-${q1}"]`).innerText()).toBe(XSS);
      expect(await page.locator('.questions img, .questions script').count()).toBe(0);
      expect(await xss()).toBeUndefined();
      await checkScreen(page, 'p-03-case-submitted');

      // the facilitator returns it for revision; the participant revises and resubmits
      await call(staff, 'POST', `/cohorts/${cohortId}/cases/${first.id}/submissions/${aniId}/return`, {
        note: 'Tambahkan dasar hukum <b>UU 8/2016</b> pada pertanyaan terakhir.',
      });
      await page.reload();
      await poll(() => page.locator('[data-testid="case-status"]').innerText()).toBe(
        'Dikembalikan untuk revisi',
      );
      expect(await page.locator('[data-testid="return-note"]').innerText()).toBe(
        'Tambahkan dasar hukum <b>UU 8/2016</b> pada pertanyaan terakhir.',
      );
      const last = first.questions.length;
      await answerBox(last).fill('Dasar hukumnya UU 8/2016 tentang Penyandang Disabilitas, Pasal 53.');
      await poll(saveState).toBe('Semua jawaban tersimpan');
      await checkScreen(page, 'p-04-case-returned');
      await page.getByRole('button', { name: 'Kumpulkan revisi' }).click();
      await confirm.getByRole('button', { name: 'Ya, kumpulkan' }).click();
      await poll(() => page.locator('[data-testid="case-status"]').innerText()).toMatch(/^Dikumpulkan/);

      // graded and released: the grade per criterion and the feedback, as text
      const levels = Object.fromEntries(first.rubric.map((r, i) => [r.id, i === 0 ? 3 : 4]));
      await call(staff, 'PUT', `/cohorts/${cohortId}/cases/${first.id}/submissions/${aniId}/grade`, {
        levels,
        feedback: 'Langkah konkret; <script>window.__xss=3</script> pertahankan.',
      });
      await page.reload();
      // not released yet: still waiting
      await poll(() => page.locator('[data-testid="case-status"]').innerText()).toMatch(/menunggu penilaian/);
      expect(await page.locator('[data-testid="case-grade"]').count()).toBe(0);
      await call(staff, 'POST', `/cohorts/${cohortId}/cases/${first.id}/release`, {});
      await page.reload();
      const grade = page.locator('[data-testid="case-grade"]');
      await grade.waitFor();
      const weights = first.rubric.reduce((s, r) => s + r.weight, 0);
      const score =
        Math.round(
          (first.rubric.reduce((s, r, i) => s + r.weight * ((i === 0 ? 2 : 3) / 3) * 100, 0) / weights) * 100,
        ) / 100;
      expect(await grade.locator('.score').innerText()).toBe(
        `Nilai ${score.toLocaleString('id-ID', { maximumFractionDigits: 2 })} dari 100`,
      );
      const firstRow = grade.locator('ul.criteria li').first();
      expect(await firstRow.innerText()).toContain(first.rubric[0]?.criterion ?? '');
      expect(await firstRow.innerText()).toContain('Tingkat 3 dari 4');
      expect(await firstRow.innerText()).toContain(first.rubric[0]?.levels[2] ?? '');
      expect(await page.locator('[data-testid="case-feedback"]').innerText()).toBe(
        'Langkah konkret; <script>window.__xss=3</script> pertahankan.',
      );
      expect(await page.locator('[data-testid="case-status"]').innerText()).toMatch(/^Sudah dinilai/);
      expect(await xss()).toBeUndefined();
      await checkScreen(page, 'p-05-case-graded');

      // the list and home say so
      await page.getByRole('link', { name: 'Semua studi kasus' }).click();
      await poll(() => page.locator('[data-testid="cases-progress"]').innerText()).toBe(
        `1 dari ${course.cases.length} studi kasus dikumpulkan`,
      );
      expect(await page.locator('ol.list > li').first().innerText()).toMatch(/Sudah dinilai\s*Nilai\s*\d/);
    });

    it('feedback: required questions are named, the survey is sent once and then says "Sudah diisi"', async () => {
      const survey = course.feedback;
      if (!survey) throw new Error('the course has no feedback.yaml');
      const likert = survey.sections.flatMap((s) => s.items.filter((i) => i.kind === 'likert'));
      const required = survey.sections.flatMap((s) => s.items.filter((i) => i.required));
      await page.goto(`${base}/berakhlak/`);
      await ready(page);
      await page
        .locator('[data-testid="home-evaluation"]')
        .getByRole('link', { name: /^Isi\s*: Umpan balik$/ })
        .click();
      await poll(() => page.locator('h1').innerText()).toBe(survey.title);
      expect(await page.locator('fieldset').count()).toBe(likert.length);
      // every scale item is a group named by its question, each option a radio named by its label
      const firstItem = page.getByRole('group', { name: likert[0]?.text ?? '' });
      expect(await firstItem.getByRole('radio').count()).toBe(5);
      await checkScreen(page, 'p-06-feedback');

      await page.getByRole('button', { name: 'Kirim umpan balik' }).click();
      const errors = page.locator('[data-testid="feedback-errors"]');
      await errors.waitFor();
      expect(await errors.innerText()).toContain(`${required.length} pertanyaan wajib belum dijawab`);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'feedback-errors',
      );
      await checkScreen(page, 'p-07-feedback-missing');

      for (const [i, item] of likert.entries()) {
        await page
          .getByRole('group', { name: item.text })
          .getByRole('radio', { name: i % 3 === 0 ? '5. Sangat setuju' : '4. Setuju' })
          .check();
      }
      const open = survey.sections.flatMap((s) => s.items.filter((i) => i.kind === 'text'));
      await page.getByLabel(open[0]?.text ?? '').fill(XSS);
      // a reload in the middle loses nothing: the answers wait on the device until sent
      await page.reload();
      await poll(() => page.locator('h1').innerText()).toBe(survey.title);
      await poll(() =>
        page
          .getByRole('group', { name: likert[1]?.text ?? '' })
          .getByRole('radio', { name: '4. Setuju' })
          .isChecked(),
      ).toBe(true);
      expect(await page.getByLabel(open[0]?.text ?? '').inputValue()).toBe(XSS);
      await page.getByRole('button', { name: 'Kirim umpan balik' }).click();
      await poll(() => errors.count()).toBe(0);
      const thanks = page.getByRole('heading', { name: 'Terima kasih, umpan balik Anda sudah terkirim' });
      await thanks.waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('thanks-title');
      expect(
        await page.evaluate(() =>
          Object.keys(localStorage).filter((k) => k.startsWith('lentera:feedback-draft:')),
        ),
      ).toEqual([]);
      expect(await xss()).toBeUndefined();
      await checkScreen(page, 'p-08-feedback-sent');

      // once: the screen and home say so, and the server refuses a second answer
      await page.reload();
      await poll(() => page.locator('[data-testid="feedback-done"] h2').innerText()).toBe('Sudah diisi');
      expect(await page.locator('form').count()).toBe(0);
      const again = await context.request.post(`${base}/api/v1/cohorts/${cohortId}/feedback`, {
        data: { answers: Object.fromEntries(likert.map((i) => [i.id, 3])) },
      });
      expect((await again.json()).code).toBe('FEEDBACK_SUBMITTED');
      await page.goto(`${base}/berakhlak/`);
      await ready(page);
      await poll(() =>
        page.locator('[data-testid="home-evaluation"] [data-entry="feedback"]').innerText(),
      ).toContain('Sudah diisi');
    });

    it('result: before the cohort closes it waits, with the components already known', async () => {
      await page
        .locator('[data-testid="home-evaluation"]')
        .getByRole('link', { name: /^Lihat\s*: Hasil dan sertifikat$/ })
        .click();
      await poll(() => page.locator('h1').innerText()).toBe('Hasil akhir dan sertifikat');
      await poll(() => page.locator('[data-testid="outcome-state"]').innerText()).toBe('Menunggu penilaian');
      const rows = page.locator('tbody tr');
      expect(await rows.nth(0).innerText()).toMatch(/Post-test\s*40\s*belum dikerjakan/);
      expect(await rows.nth(1).innerText()).toMatch(/Studi kasus\s*30\s*menunggu nilai semua studi kasus/);
      expect(await page.locator('[data-testid="certificate"]').innerText()).toContain(
        'Sertifikat diterbitkan bagi peserta yang lulus setelah angkatan ditutup.',
      );
      await checkScreen(page, 'p-09-result-waiting');
    });
  },
  300_000,
);
