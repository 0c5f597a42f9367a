import type { Course } from '../course/model.ts';
import type { PasswordHasher } from './auth/passwords.ts';
import type { Sessions } from './auth/sessions.ts';
import type { LoginThrottle } from './auth/throttle.ts';
import type { DatabaseKind } from './db/index.ts';
import type { Db } from './db/types.ts';

/** The person behind a request's session. */
export interface SessionUser {
  id: string;
  name: string;
  email: string | null;
  nip: string | null;
  isAdmin: boolean;
}

/** What every route reaches through `app.lentera`. */
export interface AppContext {
  db: Db;
  dbKind: DatabaseKind;
  version: string;
  hasher: PasswordHasher;
  sessions: Sessions;
  throttle: LoginThrottle;
  courses: CourseRegistry;
  now(): number;
  /** the address people use (https://lentera.example.go.id), for links in setup and reset mails */
  publicUrl: string | undefined;
}

export interface CourseRegistry {
  list(): readonly Course[];
  /** that exact version, or the newest installed version of the course when `version` is not given */
  get(id: string, version?: string): Course | undefined;
}

export function courseRegistry(courses: readonly Course[]): CourseRegistry {
  return {
    list: () => courses,
    get: (id, version) =>
      version === undefined
        ? courses.findLast((c) => c.id === id)
        : courses.find((c) => c.id === id && c.version === version),
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    lentera: AppContext;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    sessionToken: string | null;
  }
}
