import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import {
  addDays,
  nextPeriod,
  parsePeriod,
  periodEnd,
  periodKind,
  periodStart,
  type IsoDate,
  type Period,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { findRegionInScope } from '../../db/repositories/regions.js';
import { requirePermission, type Actor } from '../actor.js';
import { AppError, notFound } from '../errors.js';
import { auditFund, chinaToday, fundInScope, type FundRef } from '../books/context.js';
import { fundIndicators } from './fund-indicators.js';

/** Quarterly reports are due on this day of the first month of the next quarter [default]. */
export const REPORT_DEADLINE_DAY = 5;

export type ReportStatus = 'draft' | 'submitted' | 'reviewed' | 'returned' | 'locked';

/** The last day a quarter's report may be submitted on time: 2025Q4 → 2026-01-05. */
export function reportDeadline(period: Period): IsoDate {
  return addDays(periodStart(nextPeriod(period)), REPORT_DEADLINE_DAY - 1);
}

/** A quarter that has ended (its last day is before today). */
export function endedQuarter(input: string, now: Date): Period {
  const parsed = parsePeriod(input);
  if (!parsed.ok || periodKind(parsed.value) !== 'quarter')
    throw new AppError('report_period_not_quarter', { period: input });
  if (periodEnd(parsed.value) >= chinaToday(now))
    throw new AppError('period_not_ended', { period: input, endsOn: periodEnd(parsed.value) });
  return parsed.value;
}

async function actorName(trx: Transaction<Database>, actor: Actor): Promise<string> {
  if (actor.userId <= 0) return actor.username;
  const row = await trx
    .selectFrom('app_user')
    .select('display_name')
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  return row?.display_name ?? actor.username;
}

/** Sets first_submitted_at on the first submission only. */
export function firstSubmission(now: Date): RawBuilder<Date> {
  return sql<Date>`COALESCE(first_submitted_at, ${now})`;
}

/** 逾期报送: judged on the first submission, so a corrected resubmission is not late. */
export function submissionLate(firstSubmittedAt: Date | null, period: Period): boolean {
  return firstSubmittedAt !== null && chinaToday(firstSubmittedAt) > reportDeadline(period);
}

/** 更正重报: submitted again after a return or an unlock. */
function isCorrected(firstSubmittedAt: Date | null, submittedAt: Date | null): boolean {
  return (
    firstSubmittedAt !== null &&
    submittedAt !== null &&
    submittedAt.getTime() > firstSubmittedAt.getTime()
  );
}

async function recordEvent(
  trx: Transaction<Database>,
  actor: Actor,
  reportId: number,
  action: string,
  from: ReportStatus | null,
  to: ReportStatus,
  reason: string | null,
) {
  await trx
    .insertInto('quarterly_report_event')
    .values({
      report_id: reportId,
      action,
      from_status: from,
      to_status: to,
      actor_id: actor.userId > 0 ? actor.userId : null,
      actor_name: await actorName(trx, actor),
      reason,
    })
    .execute();
}

async function reportRow(
  trx: Kysely<Database> | Transaction<Database>,
  fund: FundRef,
  period: Period,
  lock = false,
) {
  let query = trx
    .selectFrom('quarterly_report')
    .selectAll()
    .where('fund_id', '=', fund.id)
    .where('period', '=', period);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * 生成季报: (re)computes a fund's quarter from its books into a draft. A submitted, reviewed or
 * locked report keeps its snapshot: the books changing later do not move its figures.
 */
export async function generateReport(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  periodInput: string,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const fund = await fundInScope(trx, actor, fundId);
    requirePermission(actor, 'reports.submit');
    const period = endedQuarter(periodInput, now);
    const existing = await reportRow(trx, fund, period, true);
    if (existing !== undefined && existing.status !== 'draft' && existing.status !== 'returned') {
      throw new AppError(
        existing.status === 'locked' ? 'report_locked' : 'report_invalid_transition',
        { status: existing.status },
      );
    }
    const indicators = JSON.stringify(await fundIndicators(trx, fund.id, period));
    let id: number;
    if (existing === undefined) {
      id = (
        await trx
          .insertInto('quarterly_report')
          .values({ fund_id: fund.id, period, status: 'draft', indicators, generated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await recordEvent(trx, actor, id, 'generate', null, 'draft', null);
    } else {
      id = existing.id;
      await trx
        .updateTable('quarterly_report')
        .set({ indicators, generated_at: now })
        .where('id', '=', id)
        .execute();
      await recordEvent(trx, actor, id, 'regenerate', existing.status, existing.status, null);
    }
    await auditFund(trx, actor, fund, {
      command: 'report.generate',
      entities: [{ type: 'quarterly_report', id: String(id) }],
      details: { period },
    });
    return id;
  });
}

/** 提交: the fund (or its township) submits; the figures are recomputed from the books and frozen. */
export async function submitReport(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  periodInput: string,
  now: Date,
) {
  const id = await generateReport(db, actor, fundId, periodInput, now);
  await db.transaction().execute(async (trx) => {
    const fund = await fundInScope(trx, actor, fundId);
    const row = await trx
      .selectFrom('quarterly_report')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.status !== 'draft' && row.status !== 'returned')
      throw new AppError('report_invalid_transition', { status: row.status });
    await trx
      .updateTable('quarterly_report')
      .set({
        status: 'submitted',
        submitted_at: now,
        first_submitted_at: firstSubmission(now),
        submitted_by: actor.userId > 0 ? actor.userId : null,
        returned_reason: null,
      })
      .where('id', '=', id)
      .execute();
    await recordEvent(trx, actor, id, 'submit', row.status, 'submitted', null);
    await auditFund(trx, actor, fund, {
      command: 'report.submit',
      entities: [{ type: 'quarterly_report', id: String(id) }],
      details: { period: row.period },
    });
  });
  return id;
}

async function reportInScope(trx: Transaction<Database>, actor: Actor, reportId: number) {
  const row = await trx
    .selectFrom('quarterly_report as q')
    .innerJoin('fund as f', 'f.id', 'q.fund_id')
    .innerJoin('region as r', 'r.id', 'f.region_id')
    .selectAll('q')
    .select([
      'f.code as fund_code',
      'f.name as fund_name',
      'r.id as region_id',
      'r.path as region_path',
    ])
    .where('q.id', '=', reportId)
    .where('r.path', 'like', `${actor.regionPath}%`)
    .forUpdate('q')
    .executeTakeFirst();
  if (row === undefined) throw notFound('quarterly_report');
  const fund: FundRef = {
    id: row.fund_id,
    code: row.fund_code,
    name: row.fund_name,
    regionId: row.region_id,
    regionPath: row.region_path,
  };
  return { row, fund };
}

/** The county's decisions: 审核通过, 退回 (with a reason), 锁定. */
export async function decideReport(
  db: Kysely<Database>,
  actor: Actor,
  reportId: number,
  input: { action: 'approve' | 'return' | 'lock'; reason?: string | undefined },
  now: Date,
) {
  await db.transaction().execute(async (trx) => {
    const { row, fund } = await reportInScope(trx, actor, reportId);
    requirePermission(actor, 'reports.review');
    const from = row.status;
    const allowed: Record<typeof input.action, ReportStatus[]> = {
      approve: ['submitted'],
      return: ['submitted', 'reviewed'],
      lock: ['reviewed'],
    };
    if (from === 'locked') throw new AppError('report_locked', { status: from });
    if (!allowed[input.action].includes(from))
      throw new AppError('report_invalid_transition', { status: from, action: input.action });
    const reason = input.reason?.trim() ?? '';
    if (input.action === 'return' && reason === '')
      throw new AppError('report_return_needs_reason');
    const to: ReportStatus =
      input.action === 'approve' ? 'reviewed' : input.action === 'return' ? 'returned' : 'locked';
    const userId = actor.userId > 0 ? actor.userId : null;
    await trx
      .updateTable('quarterly_report')
      .set({
        status: to,
        ...(to === 'reviewed' ? { reviewed_at: now, reviewed_by: userId } : {}),
        ...(to === 'returned' ? { returned_reason: reason } : {}),
        ...(to === 'locked' ? { locked_at: now, locked_by: userId } : {}),
      })
      .where('id', '=', reportId)
      .execute();
    await recordEvent(trx, actor, reportId, input.action, from, to, reason === '' ? null : reason);
    await auditFund(trx, actor, fund, {
      command: `report.${input.action}`,
      entities: [{ type: 'quarterly_report', id: String(reportId) }],
      details: { period: row.period, reason },
    });
  });
}

/** 解锁申请: a locked report changes only through an unlock request the county approves. */
export async function requestUnlock(
  db: Kysely<Database>,
  actor: Actor,
  reportId: number,
  reasonInput: string,
) {
  return db.transaction().execute(async (trx) => {
    const { row, fund } = await reportInScope(trx, actor, reportId);
    requirePermission(actor, 'reports.submit');
    const reason = reasonInput.trim();
    if (reason === '') throw new AppError('unlock_needs_reason');
    if (row.status !== 'locked') throw new AppError('report_not_locked', { status: row.status });
    const pending = await trx
      .selectFrom('unlock_request')
      .select('id')
      .where('report_id', '=', reportId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending !== undefined)
      throw new AppError('unlock_request_pending', { requestId: pending.id });
    const { id } = await trx
      .insertInto('unlock_request')
      .values({ report_id: reportId, reason, requested_by: actor.userId > 0 ? actor.userId : null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditFund(trx, actor, fund, {
      command: 'report.unlock_request',
      entities: [{ type: 'quarterly_report', id: String(reportId) }],
      details: { reason },
    });
    return id;
  });
}

/** The county approves (the report returns to 退回, to be corrected and resubmitted) or rejects. */
export async function decideUnlock(
  db: Kysely<Database>,
  actor: Actor,
  reportId: number,
  input: { approve: boolean; note?: string | undefined },
  now: Date,
) {
  await db.transaction().execute(async (trx) => {
    const { row, fund } = await reportInScope(trx, actor, reportId);
    requirePermission(actor, 'reports.review');
    const request = await trx
      .selectFrom('unlock_request')
      .selectAll()
      .where('report_id', '=', reportId)
      .where('status', '=', 'pending')
      .forUpdate()
      .executeTakeFirst();
    if (request === undefined) throw new AppError('unlock_request_missing');
    await trx
      .updateTable('unlock_request')
      .set({
        status: input.approve ? 'approved' : 'rejected',
        decided_by: actor.userId > 0 ? actor.userId : null,
        decided_at: now,
        decision_note: input.note ?? null,
      })
      .where('id', '=', request.id)
      .execute();
    if (input.approve) {
      await trx
        .updateTable('quarterly_report')
        .set({
          status: 'returned',
          returned_reason: `解锁：${request.reason}`,
          locked_at: null,
          locked_by: null,
        })
        .where('id', '=', reportId)
        .execute();
      await recordEvent(trx, actor, reportId, 'unlock', row.status, 'returned', request.reason);
    }
    await auditFund(trx, actor, fund, {
      command: input.approve ? 'report.unlock_approve' : 'report.unlock_reject',
      entities: [{ type: 'quarterly_report', id: String(reportId) }],
      details: { reason: request.reason, note: input.note ?? null },
    });
  });
}

export async function getReport(db: Kysely<Database>, actor: Actor, reportId: number) {
  const row = await db
    .selectFrom('quarterly_report as q')
    .innerJoin('fund as f', 'f.id', 'q.fund_id')
    .innerJoin('region as r', 'r.id', 'f.region_id')
    .selectAll('q')
    .select(['f.code as fund_code', 'f.name as fund_name'])
    .where('q.id', '=', reportId)
    .where('r.path', 'like', `${actor.regionPath}%`)
    .executeTakeFirst();
  if (row === undefined) throw notFound('quarterly_report');
  const events = await db
    .selectFrom('quarterly_report_event')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
  const unlocks = await db
    .selectFrom('unlock_request')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
  return {
    id: row.id,
    fundId: row.fund_id,
    fundCode: row.fund_code,
    fundName: row.fund_name,
    period: row.period,
    status: row.status,
    indicators: row.indicators as Record<string, unknown>,
    generatedAt: row.generated_at.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    firstSubmittedAt: row.first_submitted_at?.toISOString() ?? null,
    deadline: reportDeadline(row.period as Period),
    late: submissionLate(row.first_submitted_at, row.period as Period),
    corrected: isCorrected(row.first_submitted_at, row.submitted_at),
    source: row.source,
    returnedReason: row.returned_reason,
    events: events.map((e) => ({
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.actor_name,
      reason: e.reason,
      at: e.at.toISOString(),
    })),
    unlockRequests: unlocks.map((u) => ({
      id: u.id,
      reason: u.reason,
      status: u.status,
      requestedAt: u.requested_at.toISOString(),
      decisionNote: u.decision_note,
    })),
  };
}

/**
 * 报送情况: every fund under a region for a quarter — its report status, or 未报 — with the
 * deadline, and which are late (submitted after it) or missing (none submitted, deadline passed).
 */
export async function reportStatusBoard(
  db: Kysely<Database>,
  actor: Actor,
  regionId: number | undefined,
  periodInput: string,
  now: Date,
) {
  const parsed = parsePeriod(periodInput);
  if (!parsed.ok || periodKind(parsed.value) !== 'quarter')
    throw new AppError('report_period_not_quarter', { period: periodInput });
  const period = parsed.value;
  const region =
    regionId === undefined ? null : await findRegionInScope(db, regionId, actor.regionPath);
  if (regionId !== undefined && region === null) throw notFound('region');
  const path = region?.path ?? actor.regionPath;
  const deadline = reportDeadline(period);
  const today = chinaToday(now);
  const rows = await db
    .selectFrom('fund as f')
    .innerJoin('region as v', 'v.id', 'f.region_id')
    .innerJoin('region as t', 't.id', 'v.parent_id')
    .innerJoin('region as c', 'c.id', 't.parent_id')
    .leftJoin('quarterly_report as q', (join) =>
      join.onRef('q.fund_id', '=', 'f.id').on('q.period', '=', period),
    )
    .select([
      'f.id as fund_id',
      'f.code',
      'f.name',
      'v.name as village',
      't.name as township',
      'c.name as county',
      'c.id as county_id',
      'q.id as report_id',
      'q.status',
      'q.submitted_at',
      'q.first_submitted_at',
    ])
    .where('v.path', 'like', `${path}%`)
    .orderBy('c.code')
    .orderBy('v.code')
    .execute();
  const items = rows.map((r) => {
    const submittedOn = r.submitted_at === null ? null : chinaToday(r.submitted_at);
    return {
      fundId: r.fund_id,
      fundCode: r.code,
      fundName: r.name,
      village: r.village,
      township: r.township,
      county: r.county,
      countyId: r.county_id,
      reportId: r.report_id,
      status: r.status ?? ('missing' as const),
      submittedOn,
      firstSubmittedOn: r.first_submitted_at === null ? null : chinaToday(r.first_submitted_at),
      late: submissionLate(r.first_submitted_at, period),
      corrected: isCorrected(r.first_submitted_at, r.submitted_at),
      missing: submittedOn === null && today > deadline,
    };
  });
  return {
    period,
    deadline,
    items,
    summary: {
      funds: items.length,
      submitted: items.filter((i) => i.submittedOn !== null).length,
      late: items.filter((i) => i.late).length,
      missing: items.filter((i) => i.missing).length,
      locked: items.filter((i) => i.status === 'locked').length,
    },
  };
}
