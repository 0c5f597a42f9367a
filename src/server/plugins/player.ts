import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { errorBody } from '../errors.ts';

// The learner player as the static export built it: prerendered HTML for every route, scripts, data
// and media under content-hashed names (cached for a year) and a service worker (never cached, so a
// new version reaches learners at once).

const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$|^assets\//;

async function player(app: FastifyInstance, options: { root: string }): Promise<void> {
  const notFoundPage = readFileSync(join(options.root, 'index.html'));
  await app.register(fastifyStatic, {
    root: options.root,
    prefix: '/',
    index: ['index.html'],
    redirect: true,
    wildcard: true,
    cacheControl: false,
    setHeaders(res, path) {
      const rel = path.slice(options.root.length).replace(/^\/+/, '');
      res.header('cache-control', HASHED.test(rel) ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (rel === 'sw.js') res.header('service-worker-allowed', '/');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply
        .code(404)
        .send(errorBody('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`));
    }
    // the player's shell shows its own "not found" screen for an address it does not know
    return reply
      .code(404)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(notFoundPage);
  });
}

export default fp(player, { name: 'lentera-player' });
