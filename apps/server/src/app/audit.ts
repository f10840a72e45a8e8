import type { Transaction } from 'kysely';
import type { Database, AuditEntityRef } from '../db/schema.js';
import type { Actor } from './actor.js';

export interface AuditRecord {
  command: string;
  /** The region the changed data belongs to (its scope). */
  region: { id: number; path: string } | null;
  entities: AuditEntityRef[];
  details?: Record<string, unknown>;
}

/** Appends one audit entry in the same transaction as the change it records. */
export async function recordAudit(
  trx: Transaction<Database>,
  actor: Actor | null,
  record: AuditRecord,
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      // The CLI acts as the system (user 0, the whole tree): recorded by name, without a user row.
      user_id: actor !== null && actor.userId > 0 ? actor.userId : null,
      username: actor?.username ?? null,
      ip: actor?.ip ?? null,
      command: record.command,
      region_id: record.region !== null && record.region.id > 0 ? record.region.id : null,
      region_path: record.region?.path ?? null,
      entities: JSON.stringify(record.entities),
      details: JSON.stringify(record.details ?? {}),
    })
    .execute();
}
