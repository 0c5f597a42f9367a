import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Course } from '../course/model.ts';
import { PasswordHasher } from './auth/passwords.ts';
import { Sessions } from './auth/sessions.ts';
import { LoginThrottle, type ThrottleLimits } from './auth/throttle.ts';
import { type AppContext, courseRegistry } from './context.ts';
import type { DatabaseKind } from './db/index.ts';
import type { Db } from './db/types.ts';
import authPlugin from './plugins/auth.ts';
import errorsPlugin from './plugins/errors.ts';
import playerPlugin, { type PlayerSite } from './plugins/player.ts';
import securityPlugin from './plugins/security.ts';
import assignmentRoutes from './routes/assignments.ts';
import attemptRoutes from './routes/attempts.ts';
import auditRoutes from './routes/audit.ts';
import authRoutes from './routes/auth.ts';
import caseRoutes from './routes/cases.ts';
import certificateRoutes from './routes/certificates.ts';
import cohortProgressRoutes from './routes/cohort-progress.ts';
import cohortRoutes from './routes/cohorts.ts';
import courseRoutes from './routes/courses.ts';
import docsRoutes from './routes/docs.ts';
import feedbackRoutes from './routes/feedback.ts';
import healthRoutes from './routes/health.ts';
import importRoutes from './routes/import.ts';
import memberRoutes from './routes/members.ts';
import pageRoutes from './routes/pages.ts';
import progressRoutes from './routes/progress.ts';
import ratingLinkRoutes from './routes/rating-links.ts';
import ratingRoutes from './routes/ratings.ts';
import reportRoutes from './routes/reports.ts';
import resultRoutes from './routes/results.ts';
import setupRoutes from './routes/setup.ts';
import userRoutes from './routes/users.ts';
import verifyRoutes from './routes/verify.ts';
import { VERSION } from './version.ts';

export interface AppOptions {
  db: Db;
  dbKind?: DatabaseKind;
  /** compiled courses that cohorts can use */
  courses?: readonly Course[];
  /** each course's player, as the static export wrote it, served at /<course-id>/ */
  players?: PlayerSite[];
  hasher?: PasswordHasher;
  throttle?: Partial<ThrottleLimits>;
  now?: () => number;
  publicUrl?: string;
  logger?: FastifyServerOptions['logger'];
  /** behind nginx: trust X-Forwarded-* from it */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** largest JSON body in bytes (default 1 MiB) */
  bodyLimit?: number;
}

/** Builds the Lentera server: plugins, API routes and the player, ready to `listen` or `inject`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // ids in URLs are 22 characters; nothing legitimate needs long paths
    routerOptions: { maxParamLength: 100 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const now = options.now ?? Date.now;
  const context: AppContext = {
    db: options.db,
    dbKind: options.dbKind ?? 'sqlite',
    version: VERSION,
    hasher: options.hasher ?? new PasswordHasher(),
    sessions: new Sessions({ db: options.db, now }),
    throttle: new LoginThrottle({
      db: options.db,
      now,
      ...(options.throttle ? { limits: options.throttle } : {}),
    }),
    courses: courseRegistry(options.courses ?? []),
    now,
    publicUrl: options.publicUrl,
  };
  app.decorate('lentera', context);

  await app.register(errorsPlugin);
  await app.register(securityPlugin);
  await app.register(authPlugin);

  await app.register(docsRoutes);
  await app.register(pageRoutes);
  await app.register(verifyRoutes);
  await app.register(healthRoutes, { prefix: '/api' });
  for (const routes of [
    setupRoutes,
    authRoutes,
    userRoutes,
    courseRoutes,
    cohortRoutes,
    cohortProgressRoutes,
    memberRoutes,
    importRoutes,
    assignmentRoutes,
    progressRoutes,
    auditRoutes,
    attemptRoutes,
    caseRoutes,
    ratingRoutes,
    ratingLinkRoutes,
    feedbackRoutes,
    resultRoutes,
    certificateRoutes,
    reportRoutes,
  ]) {
    await app.register(routes, { prefix: '/api/v1' });
  }

  await app.register(playerPlugin, { sites: options.players ?? [] });
  await app.register(import('./plugins/dashboard.ts'));
  return app;
}
