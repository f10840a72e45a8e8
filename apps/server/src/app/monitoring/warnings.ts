import { sql, type Kysely, type Transaction } from 'kysely';
import {
  DEFAULT_WARNING_THRESHOLDS,
  validateWarningThresholds,
  type WarningThresholds,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { findRegionInScope, regionLineage } from '../../db/repositories/regions.js';
import { requirePermission, type Actor } from '../actor.js';
import { recordAudit } from '../audit.js';
import { AppError, notFound } from '../errors.js';
import { chinaToday, fundInScope } from '../books/context.js';
import { evaluateFundWarningsAsOf } from './warnings-as-of.js';
import { pageTotal } from '../paging.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The thresholds in force for a fund's region: defaults, overridden by the city, then the county. */
export async function thresholdsFor(db: Db, regionPath: string): Promise<WarningThresholds> {
  const lineage = await regionLineage(db, regionPath);
  const rows =
    lineage.length === 0
      ? []
      : await db
          .selectFrom('warning_threshold')
          .select(['region_id', 'thresholds'])
          .where(
            'region_id',
            'in',
            lineage.map((r) => r.id),
          )
          .execute();
  let merged: WarningThresholds = DEFAULT_WARNING_THRESHOLDS;
  for (const region of lineage) {
    const row = rows.find((r) => r.region_id === region.id);
    if (row !== undefined)
      merged = { ...merged, ...(row.thresholds as Partial<WarningThresholds>) };
  }
  return merged;
}

/** Sets a city's or county's thresholds (the given fields; the rest are inherited). */
export async function setThresholds(
  db: Kysely<Database>,
  actor: Actor,
  regionId: number,
  input: Record<string, number>,
) {
  requirePermission(actor, 'monitoring.manage');
  await db.transaction().execute(async (trx) => {
    const region = await findRegionInScope(trx, regionId, actor.regionPath);
    if (region === undefined) throw notFound('region');
    const known = new Set(Object.keys(DEFAULT_WARNING_THRESHOLDS));
    const unknown = Object.keys(input).filter((k) => !known.has(k) || k === 'costCoverageMin');
    if (unknown.length > 0) throw new AppError('warning_threshold_unknown', { fields: unknown });
    const merged = { ...(await thresholdsFor(trx, region.path)), ...input };
    const checked = validateWarningThresholds(merged);
    if (!checked.ok) throw new AppError(checked.code, checked.details);
    await trx
      .insertInto('warning_threshold')
      .values({
        region_id: region.id,
        thresholds: JSON.stringify(input),
        updated_by: actor.userId > 0 ? actor.userId : null,
      })
      .onConflict((oc) =>
        oc
          .column('region_id')
          .doUpdateSet({ thresholds: JSON.stringify(input), updated_at: new Date() }),
      )
      .execute();
    await trx
      .updateTable('fund')
      .set({ warnings_checked_at: null })
      .where(
        'region_id',
        'in',
        trx.selectFrom('region').select('id').where('path', 'like', `${region.path}%`),
      )
      .execute();
    await recordAudit(trx, actor, {
      command: 'monitoring.thresholds',
      region: { id: region.id, path: region.path },
      entities: [{ type: 'region', id: String(region.id) }],
      details: input,
    });
  });
}

/** Recomputes one fund's warnings as of today and records what appeared, changed or cleared. */
export async function refreshFundWarnings(
  db: Kysely<Database>,
  fundId: number,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const fund = await trx
      .selectFrom('fund as f')
      .innerJoin('region as r', 'r.id', 'f.region_id')
      .select(['f.id', 'r.path'])
      .where('f.id', '=', fundId)
      .forUpdate('f')
      .executeTakeFirstOrThrow();
    const thresholds = await thresholdsFor(trx, fund.path);
    const warnings = await evaluateFundWarningsAsOf(trx, fundId, thresholds, chinaToday(now));
    const existing = await trx
      .selectFrom('fund_warning')
      .selectAll()
      .where('fund_id', '=', fundId)
      .execute();
    for (const w of warnings) {
      const current = existing.find((e) => e.code === w.code && e.subject === '');
      if (current === undefined) {
        const { id } = await trx
          .insertInto('fund_warning')
          .values({
            fund_id: fundId,
            code: w.code,
            subject: '',
            severity: w.severity,
            message: w.message,
            evidence: JSON.stringify(w.evidence),
            status: 'open',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('fund_warning_event')
          .values({
            warning_id: id,
            action: 'raise',
            to_status: 'open',
            actor_id: null,
            actor_name: '系统',
            note: w.message,
          })
          .execute();
      } else {
        const reopened = current.status === 'resolved';
        await trx
          .updateTable('fund_warning')
          .set({
            severity: w.severity,
            message: w.message,
            evidence: JSON.stringify(w.evidence),
            last_seen_at: now,
            ...(reopened ? { status: 'open' as const } : {}),
          })
          .where('id', '=', current.id)
          .execute();
        if (reopened)
          await trx
            .insertInto('fund_warning_event')
            .values({
              warning_id: current.id,
              action: 'recur',
              to_status: 'open',
              actor_id: null,
              actor_name: '系统',
              note: w.message,
            })
            .execute();
      }
    }
    for (const gone of existing.filter(
      (e) => e.status !== 'resolved' && !warnings.some((w) => w.code === e.code),
    )) {
      await trx
        .updateTable('fund_warning')
        .set({ status: 'resolved' })
        .where('id', '=', gone.id)
        .execute();
      await trx
        .insertInto('fund_warning_event')
        .values({
          warning_id: gone.id,
          action: 'clear',
          to_status: 'resolved',
          actor_id: null,
          actor_name: '系统',
          note: '账簿变化后不再触发',
        })
        .execute();
    }
    await trx
      .updateTable('fund')
      .set({ warnings_checked_at: now })
      .where('id', '=', fundId)
      .execute();
  });
}

/** Refreshes every fund under a path whose books changed since its warnings were last computed. */
export async function refreshStaleWarnings(
  db: Kysely<Database>,
  path: string,
  now: Date,
): Promise<number> {
  const stale = await db
    .selectFrom('fund as f')
    .innerJoin('region as r', 'r.id', 'f.region_id')
    .select('f.id')
    .where('r.path', 'like', `${path}%`)
    .where((eb) =>
      eb.or([
        eb('f.warnings_checked_at', 'is', null),
        eb('f.warnings_checked_at', '<', eb.ref('f.books_changed_at')),
      ]),
    )
    .execute();
  for (const fund of stale) await refreshFundWarnings(db, fund.id, now);
  return stale.length;
}

export async function listWarnings(
  db: Kysely<Database>,
  actor: Actor,
  query: {
    regionId?: number | undefined;
    fundId?: number | undefined;
    status: 'open' | 'acknowledged' | 'resolved' | 'active';
    code?: string | undefined;
    page: number;
    pageSize: number;
  },
  now: Date,
) {
  let path = actor.regionPath;
  if (query.regionId !== undefined) {
    const region = await findRegionInScope(db, query.regionId, actor.regionPath);
    if (region === undefined) throw notFound('region');
    path = region.path;
  }
  if (query.fundId !== undefined) path = (await fundInScope(db, actor, query.fundId)).regionPath;
  await refreshStaleWarnings(db, path, now);
  let base = db
    .selectFrom('fund_warning as w')
    .innerJoin('fund as f', 'f.id', 'w.fund_id')
    .innerJoin('region as v', 'v.id', 'f.region_id')
    .innerJoin('region as t', 't.id', 'v.parent_id')
    .innerJoin('region as c', 'c.id', 't.parent_id')
    .select([
      'w.id',
      'w.fund_id',
      'f.name as fund_name',
      'c.name as county',
      'w.code',
      'w.severity',
      'w.message',
      'w.evidence',
      'w.status',
      'w.first_seen_at',
      'w.last_seen_at',
    ])
    .where('v.path', 'like', `${path}%`);
  base =
    query.status === 'active'
      ? base.where('w.status', '<>', 'resolved')
      : base.where('w.status', '=', query.status);
  if (query.code !== undefined) base = base.where('w.code', '=', query.code);
  const rows = await base
    .select(sql<number>`(count(*) OVER ())::int`.as('total'))
    .orderBy(sql`CASE w.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`)
    .orderBy('w.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      fundId: r.fund_id,
      fundName: r.fund_name,
      county: r.county,
      code: r.code,
      severity: r.severity,
      message: r.message,
      evidence: r.evidence,
      status: r.status,
      firstSeenAt: r.first_seen_at.toISOString(),
      lastSeenAt: r.last_seen_at.toISOString(),
    })),
    total: await pageTotal(base, rows),
  };
}

/** 确认 / 解除 / 重新打开 a warning, with who and why. */
export async function actOnWarning(
  db: Kysely<Database>,
  actor: Actor,
  warningId: number,
  input: { action: 'acknowledge' | 'resolve' | 'reopen'; note: string },
) {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('fund_warning as w')
      .innerJoin('fund as f', 'f.id', 'w.fund_id')
      .innerJoin('region as r', 'r.id', 'f.region_id')
      .select(['w.id', 'w.status', 'r.id as region_id', 'r.path'])
      .where('w.id', '=', warningId)
      .where('r.path', 'like', `${actor.regionPath}%`)
      .forUpdate('w')
      .executeTakeFirst();
    if (row === undefined) throw notFound('warning');
    // A village's own people do not clear their fund's warnings: the township or county does.
    if (row.region_id === actor.regionId) throw new AppError('warning_action_not_for_village');
    if (
      !(['monitoring.manage', 'books.write'] as const).some((p) => {
        try {
          requirePermission(actor, p);
          return true;
        } catch {
          return false;
        }
      })
    )
      requirePermission(actor, 'monitoring.manage');
    if (input.note.trim() === '') throw new AppError('warning_note_required');
    const to =
      input.action === 'acknowledge'
        ? 'acknowledged'
        : input.action === 'resolve'
          ? 'resolved'
          : 'open';
    await trx.updateTable('fund_warning').set({ status: to }).where('id', '=', warningId).execute();
    const user =
      actor.userId > 0
        ? await trx
            .selectFrom('app_user')
            .select('display_name')
            .where('id', '=', actor.userId)
            .executeTakeFirst()
        : undefined;
    await trx
      .insertInto('fund_warning_event')
      .values({
        warning_id: warningId,
        action: input.action,
        to_status: to,
        actor_id: actor.userId > 0 ? actor.userId : null,
        actor_name: user?.display_name ?? actor.username,
        note: input.note,
      })
      .execute();
    await recordAudit(trx, actor, {
      command: `warning.${input.action}`,
      region: { id: row.region_id, path: row.path },
      entities: [{ type: 'warning', id: String(warningId) }],
      details: { note: input.note },
    });
  });
}

export async function warningHistory(db: Kysely<Database>, actor: Actor, warningId: number) {
  const row = await db
    .selectFrom('fund_warning as w')
    .innerJoin('fund as f', 'f.id', 'w.fund_id')
    .innerJoin('region as r', 'r.id', 'f.region_id')
    .select('w.id')
    .where('w.id', '=', warningId)
    .where('r.path', 'like', `${actor.regionPath}%`)
    .executeTakeFirst();
  if (row === undefined) throw notFound('warning');
  const events = await db
    .selectFrom('fund_warning_event')
    .selectAll()
    .where('warning_id', '=', warningId)
    .orderBy('id')
    .execute();
  return {
    items: events.map((e) => ({
      action: e.action,
      toStatus: e.to_status,
      actorName: e.actor_name,
      note: e.note,
      at: e.at.toISOString(),
    })),
  };
}
