import { sql, type Kysely } from 'kysely';
import { fen, isPostable, toChineseUppercase } from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';
import { loadChart } from '../../db/repositories/ledger.js';
import { requirePermission, type Actor } from '../actor.js';
import { AppError, notFound } from '../errors.js';
import { auditFund, fundInScope, voucherNo } from './context.js';
import { pageTotal } from '../paging.js';

/** Vouchers of a fund, newest first, each with its lines, total and 大写金额. */
export async function listVouchers(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  query: { period?: string | undefined; kind?: string | undefined; page: number; pageSize: number },
  only?: number,
) {
  const fund = await fundInScope(db, actor, fundId);
  let base = db
    .selectFrom('voucher as v')
    .leftJoin('app_user as u', 'u.id', 'v.created_by')
    .leftJoin('voucher as r', 'r.reverses_voucher_id', 'v.id')
    .select([
      'v.id',
      'v.period',
      'v.number',
      'v.date',
      'v.kind',
      'v.memo',
      'v.reverses_voucher_id',
      'v.recorded_at',
      'u.display_name',
      'r.id as reversed_by',
    ])
    .where('v.fund_id', '=', fund.id);
  if (only !== undefined) base = base.where('v.id', '=', String(only));
  if (query.period !== undefined) base = base.where('v.period', '=', query.period);
  if (query.kind !== undefined) base = base.where('v.kind', '=', query.kind);
  const headers = await base
    .select(sql<number>`(count(*) OVER ())::int`.as('total'))
    .orderBy('v.date', 'desc')
    .orderBy('v.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const ids = headers.map((h) => h.id);
  const chart = await loadChart(db, fund.id);
  const names = new Map(chart.map((a) => [a.code, a.name]));
  const lines =
    ids.length === 0
      ? []
      : await db
          .selectFrom('voucher_line')
          .selectAll()
          .where('voucher_id', 'in', ids)
          .orderBy('voucher_id')
          .orderBy('line_no')
          .execute();
  const memberIds = lines
    .filter((l) => l.subledger_kind === 'member')
    .map((l) => l.subledger_id ?? 0);
  const loanIds = lines.filter((l) => l.subledger_kind === 'loan').map((l) => l.subledger_id ?? 0);
  const memberNames = new Map(
    (memberIds.length === 0
      ? []
      : await db
          .selectFrom('member')
          .select(['id', 'head_name'])
          .where('id', 'in', memberIds)
          .execute()
    ).map((m) => [m.id, m.head_name]),
  );
  const loanLabels = new Map(
    (loanIds.length === 0
      ? []
      : await db
          .selectFrom('loan as l')
          .innerJoin('member as m', 'm.id', 'l.member_id')
          .select(['l.id', 'l.loan_no', 'm.head_name'])
          .where('l.id', 'in', loanIds)
          .execute()
    ).map((l) => [l.id, `第${l.loan_no}号 ${l.head_name}`]),
  );
  const items = headers.map((h) => {
    const own = lines.filter((l) => l.voucher_id === h.id);
    const totalFen = own
      .filter((l) => l.side === 'debit')
      .reduce((sum, l) => sum + toSafeInt(l.amount_fen), 0);
    return {
      id: toSafeInt(h.id),
      voucherNo: voucherNo(h.period, h.number),
      period: h.period,
      number: h.number,
      date: h.date,
      kind: h.kind,
      memo: h.memo,
      reversesVoucherId: h.reverses_voucher_id === null ? null : toSafeInt(h.reverses_voucher_id),
      reversedByVoucherId: h.reversed_by === null ? null : toSafeInt(h.reversed_by),
      createdBy: h.display_name,
      recordedAt: h.recorded_at.toISOString(),
      totalFen,
      totalInWords: toChineseUppercase(fen(totalFen)),
      lines: own.map((l) => ({
        lineNo: l.line_no,
        accountCode: l.account_code,
        accountName: names.get(l.account_code) ?? l.account_code,
        side: l.side,
        amountFen: toSafeInt(l.amount_fen),
        subledger:
          l.subledger_kind === null || l.subledger_id === null
            ? null
            : {
                kind: l.subledger_kind,
                id: l.subledger_id,
                label:
                  (l.subledger_kind === 'member'
                    ? memberNames.get(l.subledger_id)
                    : loanLabels.get(l.subledger_id)) ?? String(l.subledger_id),
              },
      })),
    };
  });
  return { items, total: await pageTotal(base, headers) };
}

export async function getVoucher(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  voucherId: number,
) {
  const { items } = await listVouchers(db, actor, fundId, { page: 1, pageSize: 1 }, voucherId);
  const [voucher] = items;
  if (voucher === undefined) throw notFound('voucher');
  return voucher;
}

/** The fund's chart of accounts; only leaf accounts are postable. */
export async function listAccounts(db: Kysely<Database>, actor: Actor, fundId: number) {
  const fund = await fundInScope(db, actor, fundId);
  const chart = await loadChart(db, fund.id);
  return {
    items: chart.map((a) => ({
      code: a.code,
      name: a.name,
      kind: a.kind,
      parentCode: a.parentCode,
      postable: isPostable(chart, a.code),
    })),
  };
}

/**
 * Adds a sub-account (明细科目) under an existing account: its code is the parent's plus two
 * digits. A parent that already has postings cannot take sub-accounts (its balance would strand).
 */
export async function createAccount(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  input: { parentCode: string; code: string; name: string },
) {
  await db.transaction().execute(async (trx) => {
    const fund = await fundInScope(trx, actor, fundId);
    requirePermission(actor, 'books.write');
    const chart = await loadChart(trx, fund.id);
    const parent = chart.find((a) => a.code === input.parentCode);
    if (parent === undefined)
      throw new AppError('account_unknown', { accountCode: input.parentCode });
    if (!(
      input.code.startsWith(input.parentCode) && input.code.length === input.parentCode.length + 2
    ))
      throw new AppError('account_code_invalid', { code: input.code });
    if (chart.some((a) => a.code === input.code))
      throw new AppError('account_code_exists', { code: input.code });
    if (isPostable(chart, parent.code)) {
      const used = await trx
        .selectFrom('voucher_line')
        .select('voucher_id')
        .where('fund_id', '=', fund.id)
        .where('account_code', '=', parent.code)
        .limit(1)
        .executeTakeFirst();
      if (used !== undefined)
        throw new AppError('account_not_postable', {
          accountCode: parent.code,
          reason: 'parent has postings',
        });
    }
    await trx
      .insertInto('account')
      .values({
        fund_id: fund.id,
        code: input.code,
        name: input.name,
        kind: parent.kind,
        parent_code: parent.code,
      })
      .execute();
    await auditFund(trx, actor, fund, {
      command: 'ledger.account_create',
      entities: [{ type: 'fund', id: String(fund.id) }],
      details: { ...input },
    });
  });
}
