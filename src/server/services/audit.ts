import { newId } from '../auth/tokens.ts';
import type { Db } from '../db/types.ts';

export interface AuditEntry {
  actorId: string | null;
  /** dotted verb, e.g. `cohort.create`, `member.add`, `user.reset-link` */
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends a staff action to the audit log (the table refuses updates and deletes). */
export async function audit(db: Db, entry: AuditEntry, now = Date.now()): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: now,
      actor_id: entry.actorId,
      action: entry.action,
      target: entry.target ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      ip: entry.ip ?? null,
    })
    .execute();
}
