import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, makeApp, type TestApp, testCourse } from './helpers.ts';

// The player's shell at an address without a prerendered page: the test screens (`_evaluasi/…`) exist
// only with the server, so the static export writes no page for them. The home page is sent instead,
// and its relative URLs must be made absolute: from `/<course>/_evaluasi/pretest/`, `./assets/main.js`
// would ask for `/<course>/_evaluasi/pretest/assets/main.js`, get the shell back, and the app would
// never start (the participant saw the home page's text and no test).

const HOME = `<!doctype html>
<html lang="id">
<head>
<link rel="manifest" href="./manifest.webmanifest">
<script type="module" src="./assets/main-0a1b2c3d.js"></script>
<link rel="modulepreload" href="./assets/context-4e5f6a7b.js">
</head>
<body><div id="app"><a href="./pendahuluan/">Pendahuluan</a> <a href="https://jdih.example.go.id/">JDIH</a></div></body>
</html>
`;

describe('player shell for addresses without a page', () => {
  let t: TestApp;
  let root: string;
  let prefix: string;
  let material: { id: string; pages: { id: string }[] };

  beforeAll(async () => {
    const course = await testCourse();
    root = mkdtempSync(join(tmpdir(), 'lentera-shell-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), HOME);
    writeFileSync(join(root, 'assets/main-0a1b2c3d.js'), 'console.log(1);');
    prefix = `/${course.id}/`;
    material = course.materials[0] as typeof material;
    const database = databases[0];
    if (!database) throw new Error('no database');
    t = await makeApp(database, { players: [{ courseId: course.id, root, outline: course }] });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers a route only the server has with the shell, its URLs absolute', async () => {
    for (const test of ['pretest', 'posttest']) {
      const response = await t.app.inject({ url: `${prefix}_evaluasi/${test}/` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain(`<script type="module" src="${prefix}assets/main-0a1b2c3d.js">`);
      expect(response.body).toContain(`href="${prefix}assets/context-4e5f6a7b.js"`);
      expect(response.body).toContain(`href="${prefix}manifest.webmanifest"`);
      expect(response.body).toContain(`<a href="${prefix}pendahuluan/">`);
      expect(response.body).toContain('<a href="https://jdih.example.go.id/">');
      expect(response.body).not.toMatch(/(?:href|src)="\.\//);
      // why not a <base href>: the policy forbids it
      expect(response.headers['content-security-policy']).toContain("base-uri 'none'");
    }
  });

  it('answers a page of the course the export did not write with the shell and 200', async () => {
    const page = material.pages[0]?.id;
    const response = await t.app.inject({ url: `${prefix}${material.id}/${page}/` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`src="${prefix}assets/main-0a1b2c3d.js"`);
  });

  it('answers an unknown address, however deep, with the shell and 404 (the player says not found)', async () => {
    for (const path of ['tidak-ada/', '_evaluasi/ujian-lain/', 'a/b/c/d/e']) {
      const response = await t.app.inject({ url: `${prefix}${path}` });
      expect(response.statusCode, path).toBe(404);
      expect(response.body, path).toContain(`src="${prefix}assets/main-0a1b2c3d.js"`);
    }
  });

  it('serves the files themselves, and the home page as written', async () => {
    const script = await t.app.inject({ url: `${prefix}assets/main-0a1b2c3d.js` });
    expect(script.statusCode).toBe(200);
    expect(script.body).toBe('console.log(1);');
    const home = await t.app.inject({ url: prefix });
    expect(home.statusCode).toBe(200);
    expect(home.body).toBe(HOME);
    const missing = await t.app.inject({ url: `${prefix}assets/missing-00000000.js` });
    expect(missing.statusCode).toBe(404);
  });

  it('keeps API errors as JSON', async () => {
    const response = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
