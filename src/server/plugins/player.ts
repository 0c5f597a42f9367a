import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { errorBody } from '../errors.ts';

// The learner player of each course, as the static export built it, at /<course-id>/: prerendered HTML
// for every route, scripts, data and media under content-hashed names (cached for a year) and a service
// worker (never cached, so a new version reaches learners at once). A course lives under its own path
// so its service worker's scope never covers /api/. `/` leads to the first course.

const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$|^assets\//;

export interface PlayerSite {
  courseId: string;
  /** folder written by the static export */
  root: string;
}

async function player(app: FastifyInstance, options: { sites: PlayerSite[] }): Promise<void> {
  const shells = new Map<string, Buffer>();
  for (const site of options.sites) {
    const prefix = `/${site.courseId}/`;
    shells.set(prefix, readFileSync(join(site.root, 'index.html')));
    await app.register(fastifyStatic, {
      root: site.root,
      prefix,
      index: ['index.html'],
      redirect: true,
      wildcard: true,
      // the export writes .br and .gz beside each text file: send them as they are
      preCompressed: true,
      decorateReply: false,
      cacheControl: false,
      setHeaders(res, path) {
        const rel = path.slice(site.root.length).replace(/^\/+/, '');
        res.header('cache-control', HASHED.test(rel) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const first = options.sites[0];
  if (first) app.get('/', (_request, reply) => reply.redirect(`/${first.courseId}/`));

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const shell = [...shells].find(([prefix]) => path.startsWith(prefix))?.[1];
    if (shell && request.method === 'GET') {
      // the player's shell shows its own "not found" screen for an address it does not know
      return reply.code(404).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(shell);
    }
    return reply.code(404).send(errorBody('NOT_FOUND', `No route ${request.method} ${path}`));
  });
}

export default fp(player, { name: 'lentera-player' });
