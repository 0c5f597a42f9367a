import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { parseRoute, type RouteOutline } from '../../player/routing/route.ts';
import { errorBody } from '../errors.ts';

// The learner player of each course, as the static export built it, at /<course-id>/: prerendered HTML
// for every route, scripts, data and media under content-hashed names (cached for a year) and a service
// worker (never cached, so a new version reaches learners at once). A course lives under its own path
// so its service worker's scope never covers /api/. `/` leads to the first course.
// An address with no prerendered page (routes that exist only with the server, such as the tests at
// `_evaluasi/pretest/`, or an unknown address) gets the home page as the player's shell, with its URLs
// made absolute so its scripts load at any depth; the player then shows the screen the address names.

const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$|^assets\//;

export interface PlayerSite {
  courseId: string;
  /** folder written by the static export */
  root: string;
  /** the course's materials and pages: an address the player knows is answered 200, any other 404 */
  outline?: RouteOutline;
}

/**
 * The home page as a shell for a deeper address: its relative URLs (`./assets/…`, `./akuntabel/`) are
 * written from the player's root, so they resolve from any depth. A `<base>` would do the same, but the
 * content security policy rightly forbids it (`base-uri 'none'`).
 */
export function shellFor(home: string, prefix: string): string {
  return home.replace(/(\s(?:href|src))="\.\//g, `$1="${prefix}`);
}

async function player(app: FastifyInstance, options: { sites: PlayerSite[] }): Promise<void> {
  const shells = new Map<string, { html: string; outline: RouteOutline | undefined }>();
  for (const site of options.sites) {
    const prefix = `/${site.courseId}/`;
    shells.set(prefix, {
      html: shellFor(readFileSync(join(site.root, 'index.html'), 'utf8'), prefix),
      outline: site.outline,
    });
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
    const found = [...shells].find(([prefix]) => path.startsWith(prefix));
    if (found && request.method === 'GET') {
      const [prefix, shell] = found;
      // the player shows the screen the address names, or its own "not found" screen
      const known =
        shell.outline && parseRoute(path.slice(prefix.length), shell.outline).kind !== 'not-found';
      return reply
        .code(known ? 200 : 404)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(shell.html);
    }
    return reply.code(404).send(errorBody('NOT_FOUND', `No route ${request.method} ${path}`));
  });
}

export default fp(player, { name: 'lentera-player' });
