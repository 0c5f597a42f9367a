import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { SETTINGS_BOOT_SCRIPT } from '../../player/state/settings-store.ts';
import { ApiError } from '../errors.ts';

// Headers on every response, and the CSRF check on every state-changing request.

/** the player's one inline script (theme before first paint), allowed by its hash and nothing else */
const BOOT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(SETTINGS_BOOT_SCRIPT).digest('base64')}'`;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/**
 * Browsers send Sec-Fetch-Site on every request (and Origin on cross-origin POSTs in older ones). A
 * request that says it comes from another site is refused; one with neither header is not from a
 * browser page, so it carries no ambient cookie risk worth refusing.
 */
export function crossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (typeof origin === 'string') return origin !== `${request.protocol}://${request.host}`;
  return false;
}

async function securityPlugin(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", BOOT_SCRIPT_HASH],
        // the player inlines its stylesheet and Svelte writes style attributes
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
    },
    // HSTS only where it means something: set below for HTTPS requests
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    // API answers are personal: no browser or proxy cache keeps them
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    if (isHttps(request)) {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    if (!SAFE_METHODS.has(request.method) && crossSite(request)) {
      throw new ApiError('CSRF_REJECTED');
    }
  });
}

export default fp(securityPlugin, { name: 'lentera-security' });
