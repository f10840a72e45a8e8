import { sql, type Kysely } from 'kysely';
import { fen, surplusDistribution, yearEndClose, type Fen, type IsoDate } from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { lockFund, loadChart } from '../../db/repositories/ledger.js';
import { toSafeInt } from '../../db/connect.js';
import { requirePermission, type Actor } from '../actor.js';
import { AppError } from '../errors.js';
import { auditFund, chinaToday, fundInScope } from './context.js';
import { post } from './posting.js';
import { bylawsOn } from './bylaws-store.js';
import { fundCommand } from './fund-command.js';

/** Months with vouchers or a close, newest first. */
export async function listPeriods(db: Kysely<Database>, actor: Actor, fundId: number) {
  const fund = await fundInScope(db, actor, fundId);
  const rows = await sql<{ period: string; closed_at: Date | null; n: number }>`
    SELECT p.period, c.closed_at, coalesce(v.n, 0)::int AS n
    FROM (SELECT period FROM voucher WHERE fund_id = ${fund.id}
          UNION SELECT period FROM period_close WHERE fund_id = ${fund.id}) p
    LEFT JOIN period_close c ON c.fund_id = ${fund.id} AND c.period = p.period
    LEFT JOIN (SELECT period, count(*) AS n FROM voucher WHERE fund_id = ${fund.id} GROUP BY period) v ON v.period = p.period
    ORDER BY p.period DESC`.execute(db);
  return {
    items: rows.rows.map((r) => ({
      period: r.period,
      closed: r.closed_at !== null,
      closedAt: r.closed_at?.toISOString() ?? null,
      voucherCount: r.n,
    })),
  };
}

/**
 * 月末结账: closes a month that has ended; earlier months with vouchers must be closed first.
 * A closed month takes no new vouchers (checked here and by a database trigger).
 */
export async function closePeriod(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  period: string,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const fund = await fundInScope(trx, actor, fundId);
    requirePermission(actor, 'books.close');
    await lockFund(trx, fund.id);
    const month = Number(period.slice(5, 7));
    if (month < 1 || month > 12) throw new AppError('period_invalid', { period });
    if (chinaToday(now).slice(0, 7) <= period) throw new AppError('period_not_ended', { period });
    const done = await trx
      .selectFrom('period_close')
      .select('period')
      .where('fund_id', '=', fund.id)
      .where('period', '=', period)
      .executeTakeFirst();
    if (done !== undefined) throw new AppError('period_already_closed', { period });
    const open = await trx
      .selectFrom('voucher')
      .select('period')
      .distinct()
      .where('fund_id', '=', fund.id)
      .where('period', '<', period)
      .where(
        'period',
        'not in',
        trx.selectFrom('period_close').select('period').where('fund_id', '=', fund.id),
      )
      .orderBy('period')
      .execute();
    if (open.length > 0)
      throw new AppError('period_close_out_of_order', { openPeriods: open.map((o) => o.period) });
    await trx
      .insertInto('period_close')
      .values({ fund_id: fund.id, period, closed_by: actor.userId > 0 ? actor.userId : null })
      .execute();
    await auditFund(trx, actor, fund, {
      command: 'ledger.close_period',
      entities: [{ type: 'fund', id: String(fund.id) }],
      details: { period },
    });
  });
}

/**
 * 年终结转 and 收益分配 for a year that has ended: closes income and expenses (4401 → 310201,
 * 4101 → 310202, the rest → 310104), then splits a positive net surplus by the bylaws in effect on
 * 31 December. Both vouchers are dated 31 December; a year is closed once.
 */
export async function closeYear(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  input: { requestId: string; year: number },
  now: Date,
) {
  return fundCommand(
    db,
    actor,
    fundId,
    {
      permission: 'books.close',
      requestId: input.requestId,
      command: 'ledger.year_end',
      payload: { fundId, ...input },
    },
    async (trx, fund) => {
      const on = `${input.year}-12-31` as IsoDate;
      if (on >= chinaToday(now)) throw new AppError('year_not_ended', { year: input.year });
      const done = await trx
        .selectFrom('voucher')
        .select('id')
        .where('fund_id', '=', fund.id)
        .where('kind', '=', 'year_end_close')
        .where('date', '=', on)
        .executeTakeFirst();
      if (done !== undefined) throw new AppError('year_end_already_done', { year: input.year });
      const chart = await loadChart(trx, fund.id);
      const leaves = chart.filter(
        (a) =>
          (a.kind === 'income' || a.kind === 'expense') &&
          !chart.some((c) => c.parentCode === a.code),
      );
      const rows = await trx
        .selectFrom('voucher_line as l')
        .innerJoin('voucher as v', 'v.id', 'l.voucher_id')
        .select([
          'l.account_code',
          sql<string>`sum(CASE WHEN l.side = 'debit' THEN l.amount_fen ELSE -l.amount_fen END)`.as(
            'net',
          ),
        ])
        .where('v.fund_id', '=', fund.id)
        .where('v.date', '<=', on)
        .where(
          'l.account_code',
          'in',
          leaves.map((a) => a.code),
        )
        .groupBy('l.account_code')
        .execute();
      const netDebitByAccount = new Map<string, Fen>(
        rows.map((r) => [r.account_code, fen(toSafeInt(r.net))]),
      );
      const close = yearEndClose({ on, netDebitByAccount, chart });
      const voucherIds: number[] = [];
      if (close.voucher !== null) voucherIds.push((await post(trx, fund, close.voucher, actor)).id);
      const bylaws = await bylawsOn(trx, fund.id, on);
      // Distribute this year's surplus only (a deficit stays carried in 310104).
      const distribution = surplusDistribution({
        on,
        surplusFen: close.netSurplusFen,
        ratios: bylaws.distribution,
      });
      if (distribution.voucher !== null)
        voucherIds.push((await post(trx, fund, distribution.voucher, actor)).id);
      await auditFund(trx, actor, fund, {
        command: 'ledger.year_end',
        entities: voucherIds.map((id) => ({ type: 'voucher', id: String(id) })),
        details: { year: input.year, netSurplusFen: close.netSurplusFen },
      });
      return {
        year: input.year,
        netSurplusFen: close.netSurplusFen,
        commonReserveFen: distribution.distribution.commonReserveFen,
        welfareFundFen: distribution.distribution.welfareFundFen,
        riskReserveFen: distribution.distribution.riskReserveFen,
        voucherIds,
      };
    },
  );
}
