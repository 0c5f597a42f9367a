// biome-ignore-all lint/performance/useDomNodeTextContent: this is Playwright's Locator.innerText, the text a person sees, not the DOM property
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Course, Question } from '../../src/course/model.ts';
import { seriousViolations } from './support/axe.ts';
import { hasChromium, launchChromium } from './support/browser.ts';
import { horizontalOverflow, ready, tabTo } from './support/player.ts';
import {
  apiCall,
  browserApiSwitch,
  createAdministrator,
  isoDay,
  PASSWORD,
  signInWithResetLink,
  startTestServer,
  type TestServer,
} from './support/server.ts';
import { REPO } from './support/site.ts';

/** a request made while the test has the network cut */

// A participant takes the pre-test and the post-test in the real player on the real server (a fresh
// SQLite file, a random port). The account comes from the facilitator's CSV import; the participant
// logs in through the player's menu. The facilitator (here the administrator) opens each test through
// the API. The pre-test is opened from the home screen and by deep link, answered through the question
// map with a flag and partly with the keyboard; three answers are chosen without a network, survive a
// reload without a network (the page comes from the service worker, the attempt from the tab's
// sessionStorage, the queue from localStorage) and reach the server when it returns. Each test screen
// is checked with axe-core at 1280 and 360 px and photographed into dist/e2e/participant-screens/. Scores, per-value counts, the post-test review and the
// normalized gain are checked against the course's own answer keys, computed here.

const SHOTS = join(REPO, 'dist/e2e/participant-screens');
const CSV = [
  'NIP,Nama,Email,Instansi,Jabatan',
  '199104172019032001,Siti Aminah,siti.aminah@example.go.id,BPVP Semarang,Pengantar Kerja Ahli Pertama',
].join('\r\n');

interface AttemptView {
  id: string;
  questions: { itemId: string; options: { id: string }[] }[];
  answers: { itemId: string; optionId: string | null }[];
  result: {
    score: number;
    byValue: { value: string; name: string; correct: number; total: number }[];
    review: {
      available: boolean;
      items:
        | {
            itemId: string;
            correct: boolean;
            page: { material: string; page: string; title: string } | null;
          }[]
        | null;
    };
  } | null;
}

const score = (n: number) => n.toLocaleString('id-ID', { maximumFractionDigits: 1 });
const round2 = (n: number) => Math.round(n * 100) / 100;

describe.skipIf(!hasChromium())(
  'participant: pre-test and post-test in the player',
  () => {
    let browser: Browser;
    let server: TestServer;
    let api: ReturnType<typeof browserApiSwitch>;
    let base: string;
    let course: Course;
    let admin: APIRequestContext;
    let context: BrowserContext;
    let page: Page;
    let cohortId = '';
    const pageErrors: string[] = [];
    /** the scores the answers chosen below must give, computed from the course's keys */
    const expected = { pre: 0, post: 0, preItems: [] as string[] };

    const poll = <T>(fn: () => T | Promise<T>, timeout = 15_000) =>
      expect.poll(fn, { timeout, interval: 100 });

    const call = apiCall(() => base);

    function bankItem(itemId: string): Question {
      const item = course.questions.find((q) => q.id === itemId);
      if (!item) throw new Error(`${itemId} is not in the course bank`);
      return item;
    }
    const keyOf = (itemId: string) => bankItem(itemId).options.find((o) => o.correct)?.id as string;

    /** the option this test chooses for a question: the key, or the first other option shown */
    function plan(q: AttemptView['questions'][number], right: boolean): string {
      const key = keyOf(q.itemId);
      return right ? key : (q.options.find((o) => o.id !== key)?.id as string);
    }

    /** the score and per-value counts the server must report for these answers */
    function expectedResult(questions: AttemptView['questions'], chosen: Map<string, string>) {
      const byValue = new Map<string, { correct: number; total: number }>();
      let correct = 0;
      for (const q of questions) {
        const right = chosen.get(q.itemId) === keyOf(q.itemId);
        if (right) correct += 1;
        const value = bankItem(q.itemId).value;
        if (value === undefined) continue;
        const row = byValue.get(value) ?? { correct: 0, total: 0 };
        row.total += 1;
        if (right) row.correct += 1;
        byValue.set(value, row);
      }
      return { score: round2((correct * 100) / questions.length), byValue };
    }

    async function openAttempt(test: 'pretest' | 'posttest'): Promise<AttemptView> {
      const overview = await call<{ tests: { test: string; mine: { openAttemptId: string | null } }[] }>(
        context.request,
        'GET',
        `/cohorts/${cohortId}/tests`,
      );
      const id = overview.tests.find((t) => t.test === test)?.mine.openAttemptId;
      if (!id) throw new Error(`no open ${test} attempt`);
      return (await call<{ attempt: AttemptView }>(context.request, 'GET', `/attempts/${id}`)).attempt;
    }

    /** axe-core clean at 1280 px and at 360 px, no sideways scroll at 360 px, a photograph at both */
    async function checkScreen(name: string): Promise<void> {
      expect(await seriousViolations(page), `${name}: axe-core`).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
      await page.setViewportSize({ width: 360, height: 780 });
      expect(await horizontalOverflow(page), `${name}: 360 px`).toBe(0);
      expect(await seriousViolations(page), `${name}: axe-core at 360 px`).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `${name}-360.png`), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    const save = () => page.getByTestId('save-state');
    const mapCell = (index: number) => page.locator('nav.map li button').nth(index);
    const questionHeading = () => page.locator('h2#question-title');

    /** goes to a question through the map and chooses an option with the mouse */
    async function answer(index: number, optionId: string): Promise<void> {
      await mapCell(index).click();
      await poll(() => questionHeading().innerText()).toMatch(new RegExp(`^Soal ${index + 1} dari`));
      await page.locator(`fieldset input[type=radio][value="${optionId}"]`).check();
    }

    beforeAll(async () => {
      server = await startTestServer({ name: 'lentera-participant-e2e-', player: true });
      api = browserApiSwitch(server);
      course = server.course;
      base = server.url;
      mkdirSync(SHOTS, { recursive: true });
      browser = await launchChromium();

      // the administrator, a cohort running today, and the participant from a CSV import
      admin = (await browser.newContext()).request;
      await createAdministrator(call, admin, server.printed);
      const { cohort } = await call<{ cohort: { id: string } }>(admin, 'POST', '/cohorts', {
        name: 'Pengantar Kerja Angkatan II 2026',
        courseId: course.id,
        courseVersion: course.version,
        opensOn: isoDay(-1),
        closesOn: isoDay(30),
      });
      cohortId = cohort.id;
      const imported = await admin.post(`${base}/api/v1/cohorts/${cohortId}/import`, {
        headers: { 'content-type': 'text/csv' },
        data: CSV,
      });
      expect(imported.status(), await imported.text()).toBe(200);
      const { members } = await call<{ members: { id: string; email: string }[] }>(
        admin,
        'GET',
        `/cohorts/${cohortId}/members`,
      );
      const siti = members.find((m) => m.email === 'siti.aminah@example.go.id');
      if (!siti) throw new Error('the participant was not imported');
      const fresh = await browser.newContext();
      await signInWithResetLink(call, admin, siti.id, fresh.request);
      await fresh.close();

      context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
    });

    afterEach(() => {
      // a script error is a failure even when the screen looks right
      expect(pageErrors.splice(0)).toEqual([]);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('logs in in the player; the pre-test is closed until the facilitator opens it', async () => {
      await page.goto(`/${course.id}/`);
      await ready(page);
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByLabel('Email atau NIP').fill('199104172019032001');
      await page.getByLabel('Kata sandi').fill(PASSWORD);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await poll(() => page.getByText('Masuk sebagai Siti Aminah').count()).toBe(1);
      await page.keyboard.press('Escape');
      const tests = page.getByTestId('home-tests');
      await poll(() => tests.innerText()).toMatch(/Pre-test\s*Tes ini belum dibuka oleh fasilitator\./);

      await call(admin, 'PUT', `/cohorts/${cohortId}/tests/pretest/window`, { open: true });
      await page.reload();
      await ready(page);
      // the entry point: the home screen's pre-test link
      await tests.getByRole('link', { name: /^Mulai\s?: Pre-test$/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Pre-test' }).waitFor();
      await poll(() =>
        page.getByText('20 soal pilihan ganda, waktu 30 menit.', { exact: false }).count(),
      ).toBe(1);
      expect(page.url()).toBe(`${base}/${course.id}/_evaluasi/pretest/`);
      expect(await page.getByText('Sisa kesempatan: 1').count()).toBe(1);
      await checkScreen('intro');
    });

    it('opens by deep link, answers through the map, with a flag and the keyboard, and through an offline reload', async () => {
      // the deep link: the server has no page for it, its shell must still start the player
      const response = await page.goto(`/${course.id}/_evaluasi/pretest/`);
      expect(response?.status()).toBe(200);
      await page.getByRole('button', { name: 'Mulai' }).click();
      await poll(() => questionHeading().innerText()).toMatch(/^Soal 1 dari 20$/);
      expect(await page.locator('.timer strong').innerText()).toMatch(/^(30:00|29:[0-5]\d)$/);
      await checkScreen('question');

      const attempt = await openAttempt('pretest');
      const { questions } = attempt;
      expect(questions).toHaveLength(20);
      expect(await page.locator('nav.map li').count()).toBe(20);
      // the browser holds no answer key before the attempt is finished
      expect(JSON.stringify(attempt)).not.toMatch(/"correct"\s*:/);
      // two of three right: the first of every three wrong
      const chosen = new Map(questions.map((q, i) => [q.itemId, plan(q, i % 3 !== 0)]));
      const pick = (i: number) => chosen.get(questions[i]?.itemId as string) as string;

      // question 1 with the keyboard only: Tab into the options, arrows to the choice, Space, flag
      await tabTo(page, (el) => el.matches('fieldset input[type=radio]'));
      for (let n = 0; n < 6; n++) {
        const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
        if (focused === pick(0)) break;
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Space');
      expect(await page.locator(`fieldset input[value="${pick(0)}"]`).isChecked()).toBe(true);
      await tabTo(page, (el) => el.matches('.flag input[type=checkbox]'), 10);
      await page.keyboard.press('Space');
      await poll(() => mapCell(0).getAttribute('aria-label')).toBe('Soal 1, terjawab, ditandai');
      await poll(() => save().innerText()).toContain('Tersimpan');
      // on to the next question by keyboard; focus moves to its title
      await tabTo(page, (el) => el.textContent?.trim() === 'Berikutnya', 10);
      await page.keyboard.press('Enter');
      await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('question-title');
      expect(await questionHeading().innerText()).toBe('Soal 2 dari 20');
      // no focus trap: Tab goes on past the test and around to the page's header
      await tabTo(page, (el) => el.textContent?.trim() === 'Menu', 80);

      // through the map, out of order, each saved at once; question 3 flagged with the mouse
      for (const i of [4, 2, 1, 3]) {
        await answer(i, pick(i));
        await poll(() => save().innerText()).toContain('Tersimpan');
      }
      await mapCell(2).click();
      await page.getByLabel('Tandai untuk ditinjau').check();
      await poll(() => mapCell(2).getAttribute('aria-label')).toBe('Soal 3, terjawab, ditandai');

      // the service worker holds the player, so a reload without a network still opens the screen
      await poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), 60_000).toBe(true);

      // three answers without a network: waiting on the device, never "tersimpan"
      // the page's network is cut, and the server drops its API calls too: a service worker restarted by
      // a reload comes up without Chromium's offline emulation, and requests fall through it to the network
      await context.setOffline(true);
      api.cut();
      for (const i of [5, 6, 7]) await answer(i, pick(i));
      await poll(() => save().innerText()).toMatch(/^Offline: 3 jawaban disimpan di perangkat/);
      expect(await save().innerText()).not.toContain('Tersimpan');
      for (const i of [5, 6, 7]) {
        expect(await mapCell(i).getAttribute('aria-label')).toBe(`Soal ${i + 1}, terjawab, belum terkirim`);
      }
      const stored = await page.evaluate(
        (id) => JSON.parse(localStorage.getItem(`lentera:attempt:${id}`) ?? '{}').pending?.length,
        attempt.id,
      );
      expect(stored).toBe(3);
      expect((await openAttempt('pretest')).answers).toHaveLength(5);

      // reload, still offline: the test comes back from the device — the same questions, the answers
      // saved before, the three still waiting, the flags and the time left
      await page.reload();
      await poll(() => questionHeading().innerText()).toMatch(/^Soal 1 dari 20$/);
      await poll(() => save().innerText()).toMatch(/^Offline: 3 jawaban disimpan di perangkat/);
      for (const i of [1, 2, 3, 4]) {
        expect(await mapCell(i).getAttribute('aria-label')).toMatch(
          new RegExp(`^Soal ${i + 1}, terjawab(, ditandai)?$`),
        );
      }
      for (const i of [5, 6, 7]) {
        expect(await mapCell(i).getAttribute('aria-label')).toBe(`Soal ${i + 1}, terjawab, belum terkirim`);
      }
      expect(await mapCell(0).getAttribute('aria-label')).toBe('Soal 1, terjawab, ditandai');
      expect(await mapCell(2).getAttribute('aria-label')).toBe('Soal 3, terjawab, ditandai');
      await mapCell(6).click();
      await poll(() => questionHeading().innerText()).toBe('Soal 7 dari 20');
      await poll(() => page.locator(`fieldset input[value="${pick(6)}"]`).isChecked()).toBe(true);
      expect(await page.locator('.timer strong').innerText()).toMatch(/^(30:00|2\d:[0-5]\d)$/);
      await checkScreen('question-offline-after-reload');
      expect((await openAttempt('pretest')).answers).toHaveLength(5);

      // the network returns: the queue is sent by itself
      api.restore();
      await context.setOffline(false);
      await poll(() => save().innerText(), 20_000).toContain('Tersimpan');
      for (const i of [5, 6, 7]) {
        await poll(() => mapCell(i).getAttribute('aria-label')).toBe(`Soal ${i + 1}, terjawab`);
      }
      expect((await openAttempt('pretest')).answers).toHaveLength(8);

      for (let i = 8; i < questions.length; i++) await answer(i, pick(i));
      await poll(() => save().innerText()).toContain('Tersimpan');

      // every question shows its own choice, and only it (option ids repeat from question to question)
      for (let i = 0; i < questions.length; i++) {
        await mapCell(i).click();
        await poll(() => questionHeading().innerText()).toBe(`Soal ${i + 1} dari 20`);
        await poll(() =>
          page
            .locator('fieldset input[type=radio]:checked')
            .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
        ).toEqual([pick(i)]);
      }

      // the server holds exactly the answers chosen
      const held = await openAttempt('pretest');
      expect(new Map(held.answers.map((a) => [a.itemId, a.optionId]))).toEqual(chosen);

      // submit, with a confirmation that lists the flagged questions
      await page.getByRole('button', { name: 'Kumpulkan' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Kumpulkan jawaban?' });
      await poll(() => dialog.innerText()).toContain('Semua soal sudah dijawab.');
      expect(await dialog.innerText()).toContain('Masih ditandai: soal 1, 3.');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirm-title');
      await checkScreen('confirm');
      await dialog.getByRole('button', { name: 'Ya, kumpulkan' }).click();

      const want = expectedResult(questions, chosen);
      expected.pre = want.score;
      expected.preItems = questions.map((q) => q.itemId);
      await page.getByTestId('test-score').waitFor();
      expect(await page.getByTestId('test-score').innerText()).toMatch(
        new RegExp(`^Nilai\\s+${score(want.score)}$`),
      );
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('result-title');
      const correct = questions.filter((q) => chosen.get(q.itemId) === keyOf(q.itemId)).length;
      expect(await page.getByText(`${correct} benar dari 20 soal`).count()).toBe(1);
      const finished = await call<{ attempt: AttemptView }>(
        context.request,
        'GET',
        `/attempts/${attempt.id}`,
      );
      const result = finished.attempt.result;
      if (!result) throw new Error('the attempt has no result');
      expect(result.score).toBe(want.score);
      // per value: the server's counts, and the screen's, are the ones the keys give
      const table = page.locator('section[aria-labelledby="by-value"] table');
      expect(result.byValue).toHaveLength(want.byValue.size);
      for (const row of result.byValue) {
        const mine = want.byValue.get(row.value);
        expect({ correct: row.correct, total: row.total }, row.value).toEqual(mine);
        const cells = await table
          .locator('tr', { has: page.locator('th', { hasText: row.name }) })
          .locator('td')
          .allInnerTexts();
        expect(cells[0], row.name).toBe(`${mine?.correct}/${mine?.total}`);
      }
      // the pre-test never shows its answers
      expect(result.review.available).toBe(false);
      expect(await page.getByText('Pembahasan pre-test tidak ditampilkan').count()).toBe(1);
      await checkScreen('pretest-result');

      // home: the pre-test score; the post-test not yet open
      await page.getByRole('button', { name: 'Kembali ke beranda' }).click();
      await poll(() => page.getByTestId('home-pre').innerText()).toBe(score(want.score));
      expect(await page.getByTestId('home-post').innerText()).toBe('–');
      await poll(() =>
        page
          .getByTestId('home-tests')
          .getByRole('link', { name: /^Hasil\s?: Pre-test$/ })
          .count(),
      ).toBe(1);
    });

    it('post-test: review with the correct answer, explanation and page; home shows pre, post and N-gain', async () => {
      await call(admin, 'PUT', `/cohorts/${cohortId}/tests/posttest/window`, { open: true });
      await page.reload();
      await ready(page);
      await page
        .getByTestId('home-tests')
        .getByRole('link', { name: /^Mulai\s?: Post-test$/ })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Post-test' }).waitFor();
      await page.getByRole('button', { name: 'Mulai' }).click();
      await poll(() => questionHeading().innerText()).toMatch(/^Soal 1 dari 20$/);
      const attempt = await openAttempt('posttest');
      // a different form from the pre-test's: the BerAKHLAK bank holds at least twice the blueprint's
      // items for every material, so no pre-test item comes back
      const preItems = new Set(expected.preItems);
      expect(attempt.questions.filter((q) => preItems.has(q.itemId))).toEqual([]);

      // all right but the 2nd and the 5th
      const chosen = new Map(attempt.questions.map((q, i) => [q.itemId, plan(q, i !== 1 && i !== 4)]));
      for (let i = 0; i < attempt.questions.length; i++) {
        await answer(i, chosen.get(attempt.questions[i]?.itemId as string) as string);
      }
      await poll(() => save().innerText()).toContain('Tersimpan');
      await page.getByRole('button', { name: 'Kumpulkan' }).click();
      await page.getByRole('button', { name: 'Ya, kumpulkan' }).click();
      const want = expectedResult(attempt.questions, chosen);
      expected.post = want.score;
      await page.getByTestId('test-score').waitFor();
      expect(await page.getByTestId('test-score').innerText()).toMatch(
        new RegExp(`^Nilai\\s+${score(want.score)}$`),
      );
      expect(await page.getByText('Batas nilai 70 · Lulus batas nilai').count()).toBe(
        want.score >= 70 ? 1 : 0,
      );

      // the review, as the policy allows after submission: every item, the right answer where the
      // participant missed it, the explanation, and a link to the page that teaches it
      const finished = await call<{ attempt: AttemptView }>(
        context.request,
        'GET',
        `/attempts/${attempt.id}`,
      );
      const review = finished.attempt.result?.review;
      expect(review?.available).toBe(true);
      expect(review?.items).toHaveLength(attempt.questions.length);
      const items = page.locator('ol.review > li');
      expect(await items.count()).toBe(attempt.questions.length);
      for (const [n, item] of (review?.items ?? []).entries()) {
        const li = items.nth(n);
        const text = await li.innerText();
        const bank = bankItem(item.itemId);
        const right = chosen.get(item.itemId) === keyOf(item.itemId);
        expect(item.correct, item.itemId).toBe(right);
        expect(text, item.itemId).toContain(right ? 'Benar.' : 'Salah.');
        if (!right) {
          const key = bank.options.find((o) => o.correct);
          const keyText = await page.evaluate((html) => {
            const div = document.createElement('div');
            div.innerHTML = html;
            return div.textContent?.trim() ?? '';
          }, key?.html ?? '');
          expect(text, item.itemId).toContain(`Jawaban benar: ${keyText}`);
        }
        if (bank.explanation.trim() !== '')
          expect(await li.locator('.explanation').count(), item.itemId).toBe(1);
        const link = li.getByRole('link', { name: /^Baca lagi: / });
        expect(await link.getAttribute('href'), item.itemId).toMatch(
          new RegExp(`/${bank.material}/${bank.page}/$`),
        );
      }
      await checkScreen('posttest-result-review');

      // the link of a missed item leads to its page
      const missed = (review?.items ?? []).findIndex((i) => !i.correct);
      const target = review?.items?.[missed]?.page;
      await items
        .nth(missed)
        .getByRole('link', { name: /^Baca lagi: / })
        .click();
      await poll(() => page.url()).toBe(`${base}/${course.id}/${target?.material}/${target?.page}/`);
      await page.getByRole('heading', { level: 1, name: target?.title }).waitFor();

      // home: pre, post and g = (post − pre) / (100 − pre) with its band
      await page.goto(`/${course.id}/`);
      await ready(page);
      const g = (expected.post - expected.pre) / (100 - expected.pre);
      const shown = round2(g);
      const band = shown >= 0.7 ? 'tinggi' : shown >= 0.3 ? 'sedang' : 'rendah';
      await poll(() => page.getByTestId('home-gain').innerText()).toBe(
        `${shown.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} (${band})`,
      );
      expect(await page.getByTestId('home-pre').innerText()).toBe(score(expected.pre));
      expect(await page.getByTestId('home-post').innerText()).toBe(score(expected.post));
      expect(await seriousViolations(page), 'home with scores: axe-core').toEqual([]);
    });
  },
  300_000,
);
