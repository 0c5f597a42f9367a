import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';

// The two account pages a person reaches from a printed or mailed one-time link: first-run setup and
// password reset. Plain HTML with one external script (the CSP allows no inline script).

const read = (name: string) => readFileSync(new URL(`../pages/${name}`, import.meta.url));
const PAGES = {
  setup: read('setup.html'),
  reset: read('reset.html'),
  script: read('account.js'),
  style: read('account.css'),
};

const pages: FastifyPluginAsync = async (app) => {
  const html = (body: Buffer) => async (_request: unknown, reply: import('fastify').FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .send(body);
  app.get('/setup', html(PAGES.setup));
  app.get('/reset', html(PAGES.reset));
  app.get('/account/account.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(PAGES.script),
  );
  app.get('/account/account.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(PAGES.style),
  );
};

export default pages;
