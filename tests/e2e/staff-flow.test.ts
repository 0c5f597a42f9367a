// biome-ignore-all lint/performance/useDomNodeTextContent: this is Playwright's Locator.innerText, the text a person sees, not the DOM property
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { hasChromium, launchChromium } from './support/browser.ts';
import { horizontalOverflow, ready } from './support/player.ts';
import { PASSWORD, setupLink, startTestServer, type TestServer } from './support/server.ts';
import { REPO } from './support/site.ts';

// The staff room end to end, on the real server (a fresh SQLite file, a random port on 127.0.0.1) with
// the real player: first-run setup through the printed link, a cohort, a CSV import with one bad row,
// accounts, a participant who studies online and offline, and the facilitator's progress table. Every
// staff screen is checked with axe-core and photographed (dist/e2e/staff-screens/) at 1280 and 360 px.

const SHOTS = join(REPO, 'dist/e2e/staff-screens');
const CSV = [
  'NIP,Nama,Email,Instansi,Jabatan',
  '199001012015031001,Ani Rahmawati,ani@example.go.id,BPVP Bandung,Instruktur Ahli Pertama',
  '198805122010122002,Siti Nurhaliza,siti@example.go.id,Ditjen Binalavotas,Analis SDM Aparatur',
  '19920315201903100,Budi Santoso,budi@example.go.id,BBPVP Serang,Pranata Komputer',
  '199203152019031003,Rudi Hartono,rudi@example.go.id,BPVP Surakarta,Instruktur Ahli Muda',
].join('\r\n');

describe.skipIf(!hasChromium())(
  'staff room: from first run to the progress table',
  () => {
    let browser: Browser;
    let server: TestServer;
    let base: string;
    let admin: BrowserContext;
    let adminPage: Page;
    let cohortPath = '';
    let participantLink = '';
    let facilitatorLink = '';

    beforeAll(async () => {
      await build({ configFile: join(REPO, 'vite.dashboard.config.ts'), logLevel: 'warn' });
      server = await startTestServer({ name: 'lentera-staff-e2e-', player: true });
      base = server.url;
      mkdirSync(SHOTS, { recursive: true });
      browser = await launchChromium();
      admin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await admin.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      adminPage = await admin.newPage();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** axe-core clean, no sideways scroll at 360 px, and a photograph at both widths */
    async function checkScreen(page: Page, name: string): Promise<void> {
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page), `${name}: axe-core`).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
      const size = page.viewportSize();
      await page.setViewportSize({ width: 360, height: 780 });
      expect(await horizontalOverflow(page), `${name}: 360 px`).toBe(0);
      expect(await seriousViolations(page), `${name}: axe-core at 360 px`).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `${name}-360.png`), fullPage: true });
      if (size) await page.setViewportSize(size);
    }

    /** waits for the UI: logins hash with scrypt and axe runs make a busy CI machine slow */
    const poll = <T>(fn: () => T | Promise<T>, options: { timeout?: number } = {}) =>
      expect.poll(fn, { timeout: options.timeout ?? 15_000, interval: 100 });

    const title = (page: Page) => page.locator('h1').first().innerText();

    it('first run: the printed one-time link creates the administrator', async () => {
      const link = setupLink(server.printed);
      expect(link, server.printed.join('\n')).toBeDefined();
      await adminPage.goto(link as string);
      await adminPage.getByLabel(/^Nama lengkap/).fill('Admin PPSDM');
      await adminPage.getByLabel(/^Email/).fill('admin@ppsdm.example.go.id');
      await adminPage.getByLabel(/^Kata sandi/).fill(PASSWORD);
      await adminPage.getByLabel(/^Ulangi kata sandi/).fill(PASSWORD);
      const created = adminPage.waitForResponse(
        (r) => r.url().endsWith('/api/v1/setup') && r.request().method() === 'POST',
      );
      await adminPage.locator('button[type="submit"]').click();
      expect((await created).status()).toBe(201);
      // the link is single use
      const again = await admin.request.get(
        `${base}/api/v1/setup?token=${encodeURIComponent(link?.split('#')[1] ?? '')}`,
      );
      expect(await again.json()).toEqual({ needed: false, tokenValid: false });

      await adminPage.goto(`${base}/staff/`);
      await poll(() => title(adminPage)).toBe('Angkatan pelatihan');
      await poll(() => adminPage.getByRole('status').first().innerText()).toContain('Belum ada angkatan');
      await checkScreen(adminPage, '01-cohorts-empty');
    });

    it('login: a wrong password and then throttling are explained in Indonesian', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/staff/angkatan/abc`);
      await poll(() => new URL(page.url()).pathname).toBe('/staff/masuk');
      expect(await title(page)).toBe('Masuk ke Ruang Staf');
      await checkScreen(page, '02-login');
      await page.getByLabel('Email atau NIP').fill('tamu@example.go.id');
      await page.getByLabel('Kata sandi', { exact: true }).fill('bukan-kata-sandinya');
      await page.getByRole('button', { name: 'Masuk' }).click();
      await poll(() => page.getByRole('alert').innerText()).toContain('Email/NIP atau kata sandi salah');
      await checkScreen(page, '03-login-failed');
      for (let i = 0; i < 5; i++) {
        await page.getByLabel('Kata sandi', { exact: true }).fill(`salah-lagi-${i}`);
        const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
        await page.getByRole('button', { name: 'Masuk' }).click();
        await answered;
      }
      await poll(() => page.getByRole('alert').innerText()).toMatch(
        /Terlalu banyak percobaan.*tunggu \d+ menit/,
      );
      await checkScreen(page, '04-login-throttled');
      await context.close();
    });

    it('an administrator creates a cohort and gets its join code with a copy button', async () => {
      await adminPage.getByRole('link', { name: 'Buat angkatan' }).click();
      await poll(() => title(adminPage)).toBe('Buat angkatan baru');
      await poll(() => adminPage.locator('#cohort-course').inputValue()).not.toBe('');
      await checkScreen(adminPage, '05-new-cohort');
      // a missing name is named next to its field
      await adminPage.getByRole('button', { name: 'Buat angkatan' }).click();
      await poll(() => adminPage.locator('#cohort-name-error').innerText()).toBe('Isi nama angkatan.');
      await adminPage.getByLabel('Nama angkatan').fill('Latsar CPNS Angkatan III 2025');
      await adminPage.getByRole('button', { name: 'Buat angkatan' }).click();
      const code = adminPage.locator('.created code');
      await poll(() => code.innerText()).toMatch(/^[A-Z2-9]{8}$/);
      await adminPage.getByRole('button', { name: /^Salin kode bergabung/ }).click();
      await poll(() => adminPage.locator('.created [role="status"]').innerText()).toBe('Tersalin');
      expect(await adminPage.evaluate(() => navigator.clipboard.readText())).toBe(await code.innerText());
      await checkScreen(adminPage, '06-cohort-created');
      await adminPage.locator('.created').getByRole('link', { name: 'Impor peserta' }).click();
      await poll(() => adminPage.url()).toMatch(/\/staff\/angkatan\/[\w-]+\/impor$/);
      cohortPath = new URL(adminPage.url()).pathname.replace(/\/impor$/, '');
    });

    it('imports participants from a CSV: the bad row is reported and stays on screen; a second import adds nobody', async () => {
      expect(await title(adminPage)).toContain('Latsar CPNS Angkatan III 2025');
      await checkScreen(adminPage, '07-import-empty');
      const file = { name: 'peserta-angkatan-3.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) };
      await adminPage.setInputFiles('#import-file', file);
      await adminPage.getByRole('button', { name: 'Periksa berkas' }).click();
      const report = adminPage.locator('section.report');
      await poll(() => report.locator('h3').innerText()).toBe('Hasil pemeriksaan (belum disimpan)');
      const rejected = report.locator('table.rejected tbody tr');
      expect(await rejected.count()).toBe(1);
      expect(await rejected.locator('th').innerText()).toBe('4');
      expect(await rejected.locator('td').first().innerText()).toBe('NIP');
      expect(await rejected.locator('td').nth(1).innerText()).toBe(
        'NIP harus 18 angka; yang tertulis 17 angka.',
      );
      await checkScreen(adminPage, '08-import-checked');

      await adminPage.getByRole('button', { name: 'Impor 3 peserta' }).click();
      await poll(() => report.locator('h3').innerText()).toBe('Hasil impor (tersimpan)');
      expect(await report.locator('.counts').innerText()).toMatch(/Peserta baru di angkatan\s*3/);
      // the rejected row is still listed after the import
      expect(await report.locator('table.rejected tbody th').innerText()).toBe('4');
      await checkScreen(adminPage, '09-import-done');

      await adminPage.getByRole('button', { name: 'Impor berkas lain' }).click();
      await adminPage.setInputFiles('#import-file', file);
      await adminPage.getByRole('button', { name: 'Periksa berkas' }).click();
      await poll(() => report.locator('h3').innerText()).toBe('Hasil pemeriksaan (belum disimpan)');
      expect(await report.locator('.counts').innerText()).toMatch(/Sudah terdaftar \(tidak diubah\)\s*3/);
      expect(await report.locator('.counts').innerText()).toMatch(/Peserta baru di angkatan\s*0/);
      expect(await adminPage.getByRole('button', { name: /^Impor \d+ peserta/ }).count()).toBe(0);
    });

    it('accounts: staff are created, given roles and reset links; mentors and supervisors are assigned', async () => {
      await adminPage
        .getByRole('navigation', { name: 'Navigasi utama' })
        .getByRole('link', { name: 'Akun' })
        .click();
      await poll(() => title(adminPage)).toBe('Akun pengguna');
      for (const [name, email] of [
        ['Dewi Lestari', 'dewi@ppsdm.example.go.id'],
        ['Bayu Pratama', 'bayu@ppsdm.example.go.id'],
      ] as const) {
        await adminPage.getByLabel('Nama lengkap').fill(name);
        await adminPage.getByLabel('Email', { exact: true }).fill(email);
        await adminPage.getByRole('button', { name: 'Buat akun' }).click();
        await expect
          .poll(() => adminPage.locator('.create [role="status"]').innerText())
          .toBe(`Akun ${name} dibuat.`);
      }
      await adminPage
        .getByRole('button', { name: 'Buat tautan atur ulang kata sandi untuk Dewi Lestari' })
        .click();
      const dewiLink = adminPage.getByRole('textbox', { name: 'Tautan sekali pakai untuk Dewi Lestari' });
      facilitatorLink = await dewiLink.inputValue();
      expect(facilitatorLink).toMatch(/\/reset#.+/);
      await checkScreen(adminPage, '10-accounts');

      await adminPage.goto(`${base}${cohortPath}/anggota`);
      await poll(() => adminPage.locator('h2#panel-title').innerText()).toBe('Anggota angkatan');
      for (const [email, role] of [
        ['dewi@ppsdm.example.go.id', 'Fasilitator'],
        ['bayu@ppsdm.example.go.id', 'Mentor'],
      ] as const) {
        await adminPage.getByLabel('Email atau NIP akun').fill(email);
        await adminPage.getByLabel('Peran').selectOption({ label: role });
        await adminPage.getByRole('button', { name: 'Tambahkan' }).click();
        await expect
          .poll(() => adminPage.locator('.add [role="status"]').innerText())
          .toContain(`sebagai ${role}`);
      }
      expect(await adminPage.locator('section.role', { hasText: 'Peserta' }).locator('li').count()).toBe(3);
      await adminPage
        .getByRole('button', { name: 'Buat tautan atur ulang kata sandi untuk Ani Rahmawati' })
        .click();
      participantLink = await adminPage
        .getByRole('textbox', { name: 'Tautan sekali pakai untuk Ani Rahmawati' })
        .inputValue();
      await checkScreen(adminPage, '11-members');

      await adminPage.getByRole('link', { name: 'Mentor dan atasan' }).click();
      await adminPage.getByLabel('Mentor untuk Ani Rahmawati').selectOption({ label: 'Bayu Pratama' });
      await poll(() => adminPage.getByRole('status').filter({ hasText: 'Penugasan' }).innerText()).toBe(
        'Penugasan Ani Rahmawati tersimpan.',
      );
      await adminPage.reload();
      await poll(() => adminPage.getByLabel('Mentor untuk Ani Rahmawati').inputValue()).not.toBe('');
      await checkScreen(adminPage, '12-assignments');
    });

    it('a participant sets a password, studies a page, goes offline, studies another and reconnects', async () => {
      const context = await browser.newContext({ viewport: { width: 412, height: 900 } });
      const page = await context.newPage();
      await page.goto(participantLink);
      await page.getByLabel(/^Kata sandi/).fill(PASSWORD);
      await page.getByLabel(/^Ulangi kata sandi/).fill(PASSWORD);
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/auth/password-reset') && r.request().method() === 'POST',
      );
      await page.locator('button[type="submit"]').click();
      expect((await saved).status()).toBe(200);

      // a participant who opens the staff room is sent to the course
      await page.goto(`${base}/staff/`);
      await poll(() => title(page)).toBe('Akun ini akun peserta');
      await checkScreen(page, '13-participant-account');

      await page.clock.install();
      await page.goto(`${base}/berakhlak/akuntabel/pengertian-akuntabilitas/`);
      await ready(page);
      await page.clock.runFor(12_000);
      await context.setOffline(true);
      await page.keyboard.press('ArrowRight');
      await poll(() => page.locator('h1').textContent()).toBe('Lima Tingkatan Akuntabilitas');
      await page.clock.runFor(12_000);
      await page.keyboard.press('ArrowRight');
      await context.setOffline(false);
      await page.clock.runFor(12_000);
      // what the learner did reaches the server once the connection is back
      await poll(
        async () => {
          await page.clock.runFor(5_000);
          const response = await context.request.get(`${base}/api/v1/progress/state?courseId=berakhlak`);
          const { state } = (await response.json()) as {
            state: { pages: Record<string, { seen?: boolean }> };
          };
          return Object.keys(state.pages).length;
        },
        { timeout: 20_000 },
      ).toBeGreaterThanOrEqual(2);
      await context.close();
    });

    it('the facilitator sees the progress in the cohort table, sortable and readable at 360 px', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      let page = await context.newPage();
      await page.goto(facilitatorLink);
      await page.getByLabel(/^Kata sandi/).fill(PASSWORD);
      await page.getByLabel(/^Ulangi kata sandi/).fill(PASSWORD);
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/auth/password-reset') && r.request().method() === 'POST',
      );
      await page.locator('button[type="submit"]').click();
      expect((await saved).status()).toBe(200);
      // the reset logged her in; log in again by hand, as she will every day
      await page.close();
      await context.clearCookies();
      page = await context.newPage();
      await page.goto(`${base}/staff/`);
      await page.getByLabel('Email atau NIP').fill('dewi@ppsdm.example.go.id');
      await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await poll(() => title(page)).toBe('Angkatan pelatihan');
      // the title shows before the list has loaded
      await poll(() => page.locator('ul.cohorts > li').count()).toBe(1);
      await checkScreen(page, '14-cohorts-facilitator');

      await page.getByRole('link', { name: 'Latsar CPNS Angkatan III 2025' }).click();
      const table = page.locator('.progress table');
      await table.waitFor();
      await poll(() => table.locator('tbody tr').count()).toBe(3);
      const ani = table.locator('tbody tr', { has: page.locator('th', { hasText: 'Ani Rahmawati' }) });
      const headers = await table.locator('thead th').allInnerTexts();
      const akuntabel = headers.findIndex((h) => h.trim() === 'Akuntabel');
      expect(akuntabel).toBeGreaterThan(0);
      const cell = ani.locator('th, td').nth(akuntabel);
      expect(await cell.innerText()).toMatch(/^[2-9]\d*\/\d+/);
      expect(await ani.locator('td.when').innerText()).not.toBe('Belum mulai');
      // sorting by total puts Ani first and says so to assistive technology
      await table.getByRole('button', { name: 'Total' }).click();
      expect(await table.locator('thead th', { hasText: 'Total' }).getAttribute('aria-sort')).toBe(
        'descending',
      );
      expect(await table.locator('tbody tr').first().locator('th').innerText()).toContain('Ani Rahmawati');
      await checkScreen(page, '15-progress');
      await page.getByLabel('Cari peserta').fill('zzz');
      await poll(() => page.getByRole('status').filter({ hasText: 'Tidak ada peserta' }).count()).toBe(1);
      await checkScreen(page, '16-progress-filter-empty');
      await context.close();
    });
  },
  180_000,
);
