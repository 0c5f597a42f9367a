import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';

// The staff app (src/dashboard, built by `npm run build:dashboard` into dist/dashboard) at /staff/.
// Hashed files in assets/ are cached for a year; every other address under /staff/ is a screen of the
// single-page app and gets its index.html, never cached, so a new build reaches staff at once. A
// missing asset is a 404, not the app's HTML (which a browser would try to run as a script).

export const DASHBOARD_DIR = resolve(import.meta.dirname, '../../../dist/dashboard');

async function dashboard(app: FastifyInstance, options: { root?: string }): Promise<void> {
  const root = options.root ?? DASHBOARD_DIR;
  const indexFile = join(root, 'index.html');
  let shell: Buffer | undefined;
  const readShell = () => {
    // read on first use, so building the app after the server started still works
    if (!shell && existsSync(indexFile)) shell = readFileSync(indexFile);
    return shell;
  };

  await app.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/staff/assets/',
    wildcard: true,
    index: false,
    decorateReply: false,
    cacheControl: false,
    setHeaders(res) {
      res.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });

  const sendShell = async (_request: unknown, reply: FastifyReply) => {
    const html = readShell();
    if (!html) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-store')
        .send('The staff app is not built yet: run `npm run build:dashboard`, then reload this page.');
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  };
  app.get('/staff', (_request, reply) => reply.redirect('/staff/'));
  app.get('/staff/', sendShell);
  app.get('/staff/*', sendShell);
}

export default fp(dashboard, { name: 'lentera-dashboard' });
