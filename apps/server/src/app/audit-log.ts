import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { requirePermission, type Actor } from './actor.js';
import { pageTotal } from './paging.js';

export interface AuditEntryView {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  ip: string | null;
  command: string;
  regionId: number | null;
  entities: { type: string; id: string }[];
  details: Record<string, unknown>;
}

/** Audit entries of changes inside the actor's subtree, newest first. */
export async function listAudit(
  db: Kysely<Database>,
  actor: Actor,
  query: {
    entityType?: string | undefined;
    entityId?: string | undefined;
    command?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: AuditEntryView[]; total: number }> {
  requirePermission(actor, 'audit.read');
  let base = db
    .selectFrom('audit_log')
    .selectAll()
    .where('region_path', 'like', `${actor.regionPath}%`);
  if (query.command !== undefined) base = base.where('command', '=', query.command);
  if (query.entityType !== undefined) {
    const ref =
      query.entityId === undefined
        ? [{ type: query.entityType }]
        : [{ type: query.entityType, id: query.entityId }];
    base = base.where(sql<boolean>`entities @> ${JSON.stringify(ref)}::jsonb`);
  }
  const rows = await base
    .select(sql<string>`count(*) OVER ()`.as('total'))
    .orderBy('id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map((row) => ({
      id: Number(row.id),
      at: row.at.toISOString(),
      userId: row.user_id,
      username: row.username,
      ip: row.ip,
      command: row.command,
      regionId: row.region_id,
      entities: row.entities,
      details: row.details,
    })),
    total: await pageTotal(base, rows),
  };
}
