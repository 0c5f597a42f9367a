import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { normalizeVerificationCode } from '../../export/certificate/index.ts';
import { certificateByCode } from '../services/certificates.ts';
import { evalDb } from '../services/evaluation-db.ts';
import { RateWindow } from '../services/rate-window.ts';
import { askPage, certificatePage, notFoundPage, rateLimitedPage } from '../services/verify-page.ts';

// The public verification page a certificate's QR code opens (issue 7): GET /verify/<code>, plain
// server-rendered HTML, no login, rate-limited per address. GET /verify?code=… (the form on the page)
// leads to the canonical address of the code typed.

/** checks per minute per address */
export const VERIFY_RATE_LIMIT = 30;

const verify: FastifyPluginAsync = async (app) => {
  const ctx = app.lentera;
  const db = evalDb(ctx.db);
  const limiter = new RateWindow({ limit: VERIFY_RATE_LIMIT, windowMs: 60_000, now: ctx.now });

  const html = (reply: FastifyReply, status: number, body: string) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex')
      .send(body);

  app.get<{ Params: { code: string } }>('/verify/:code', async (request, reply) => {
    const wait = limiter.take(request.ip);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return html(reply, 429, rateLimitedPage(wait));
    }
    const typed = request.params.code.slice(0, 40);
    const row = await certificateByCode(db, typed);
    if (!row) return html(reply, 404, notFoundPage(normalizeVerificationCode(typed)));
    return html(reply, 200, certificatePage(row));
  });

  app.get<{ Querystring: { code?: string } }>('/verify', async (request, reply) => {
    const typed = typeof request.query.code === 'string' ? request.query.code.slice(0, 40) : '';
    const code = normalizeVerificationCode(typed);
    if (code) return reply.header('cache-control', 'no-store').redirect(`/verify/${code}`, 303);
    return typed === '' ? html(reply, 200, askPage()) : html(reply, 404, notFoundPage(null));
  });
};

export default verify;
