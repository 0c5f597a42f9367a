import { newId } from '../auth/tokens.ts';
import type { Db, UserTable } from '../db/types.ts';
import { ApiError } from '../errors.ts';

export interface NewUser {
  name: string;
  email?: string | null | undefined;
  nip?: string | undefined;
  instansi?: string | undefined;
  jabatan?: string | undefined;
  passwordHash?: string | null;
  isAdmin?: boolean;
}

/** the public view of a user row */
export function userView(
  row: Pick<UserTable, 'id' | 'name' | 'email' | 'nip' | 'instansi' | 'jabatan' | 'is_admin'>,
) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    nip: row.nip,
    instansi: row.instansi,
    jabatan: row.jabatan,
    isAdmin: row.is_admin === 1,
  };
}
export type UserView = ReturnType<typeof userView>;

/** refuses an email or NIP that belongs to someone else */
export async function assertUnique(
  db: Db,
  fields: { email?: string | null | undefined; nip?: string | null | undefined },
  exceptId?: string,
): Promise<void> {
  if (fields.email) {
    const row = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', fields.email)
      .executeTakeFirst();
    if (row && row.id !== exceptId) throw new ApiError('EMAIL_TAKEN');
  }
  if (fields.nip) {
    const row = await db.selectFrom('users').select('id').where('nip', '=', fields.nip).executeTakeFirst();
    if (row && row.id !== exceptId) throw new ApiError('NIP_TAKEN');
  }
}

export async function insertUser(db: Db, user: NewUser, now: number): Promise<string> {
  const id = newId();
  await db
    .insertInto('users')
    .values({
      id,
      name: user.name,
      email: user.email ?? null,
      nip: user.nip ?? null,
      instansi: user.instansi || null,
      jabatan: user.jabatan || null,
      password_hash: user.passwordHash ?? null,
      is_admin: user.isAdmin ? 1 : 0,
      created_at: now,
    })
    .execute();
  return id;
}

export async function findUser(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}
