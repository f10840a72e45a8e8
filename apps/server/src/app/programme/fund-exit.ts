import { sql, type Kysely } from 'kysely';
import { contributionRefund, fen, fundExitTransfer } from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';
import { loadChart, netDebitBalances } from '../../db/repositories/ledger.js';
import { requirePermission, type Actor } from '../actor.js';
import { AppError } from '../errors.js';
import { auditFund, businessDate, calendarDate, fundInScope, unwrap } from '../books/context.js';
import { REPAYING_STATUSES } from '../books/loan-queries.js';
import { post } from '../books/posting.js';
import { fundCommand } from '../books/fund-command.js';

/** 退出决定: the city decides that a fund exits (after failed rectification, misuse or loss). */
export async function decideExit(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  input: { decidedOn: string; reason: string },
) {
  await db.transaction().execute(async (trx) => {
    const fund = await fundInScope(trx, actor, fundId);
    requirePermission(actor, 'programme.city');
    const decidedOn = calendarDate(input.decidedOn, 'decidedOn');
    if (input.reason.trim() === '') throw new AppError('exit_needs_reason');
    const existing = await trx
      .selectFrom('fund_exit')
      .select('fund_id')
      .where('fund_id', '=', fund.id)
      .executeTakeFirst();
    if (existing !== undefined) throw new AppError('exit_already_decided');
    await trx
      .insertInto('fund_exit')
      .values({ fund_id: fund.id, decided_on: decidedOn, reason: input.reason.trim() })
      .execute();
    await auditFund(trx, actor, fund, {
      command: 'fund.exit_decide',
      entities: [{ type: 'fund', id: String(fund.id) }],
      details: { ...input },
    });
  });
}

export interface ExitFinalCheck {
  closedOn: string;
  membersRefunded: number;
  memberRefundsFen: number;
  handedOverFen: number;
  /** What was handed over, by where it came from (credit balances before the transfer). */
  fiscalFen: number;
  donationFen: number;
  reservesFen: number;
  unclosedSurplusFen: number;
  /** Every account of the fund after closing: all zero, or the close is refused. */
  nonZeroAccounts: string[];
  vouchersBalanced: boolean;
}

/**
 * 退出清算: with every loan recovered or written off, refunds each remaining member's own 互助金
 * (from the bank account), hands the rest — fiscal money, donations, reserves, unclosed surplus —
 * over to the county from cash and bank, and closes the fund. The final check proves every fen is
 * accounted for: all accounts end at zero and what was handed over equals what the fund held.
 */
export async function closeFund(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  input: { requestId: string; on: string },
  now: Date,
): Promise<ExitFinalCheck> {
  return fundCommand(
    db,
    actor,
    fundId,
    {
      permission: 'books.write',
      requestId: input.requestId,
      command: 'fund.close',
      payload: { fundId, ...input },
    },
    async (trx, fund) => {
      const exit = await trx
        .selectFrom('fund_exit')
        .selectAll()
        .where('fund_id', '=', fund.id)
        .executeTakeFirst();
      if (exit === undefined) throw new AppError('exit_not_decided');
      if (exit.closed_on !== null) throw new AppError('fund_closed', { closedOn: exit.closed_on });
      const on = businessDate(input.on, now);
      const open = await trx
        .selectFrom('loan')
        .select(['id', 'loan_no'])
        .where('fund_id', '=', fund.id)
        .where('status', 'in', REPAYING_STATUSES)
        .execute();
      if (open.length > 0)
        throw new AppError('exit_loans_outstanding', { loans: open.map((l) => l.loan_no) });
      // Refund every remaining member's own 互助金; 配股 returns to the fund.
      const members = await trx
        .selectFrom('member as m')
        .select([
          'm.id',
          'm.head_name',
          sql<string>`coalesce((SELECT sum(CASE kind WHEN 'contribution' THEN amount_fen WHEN 'refund' THEN -amount_fen ELSE 0 END) FROM member_share s WHERE s.member_id = m.id), 0)`.as(
            'own',
          ),
        ])
        .where('m.fund_id', '=', fund.id)
        .where('m.exited_on', 'is', null)
        .execute();
      let memberRefundsFen = 0;
      for (const member of members) {
        const own = toSafeInt(member.own);
        if (own > 0) {
          const posted = await post(
            trx,
            fund,
            contributionRefund({
              on,
              amountFen: fen(own),
              via: 'bank',
              memberId: String(member.id),
              memo: `${member.head_name}（互助社退出）退还互助金`,
            }),
            actor,
          );
          await trx
            .insertInto('member_share')
            .values({
              fund_id: fund.id,
              member_id: member.id,
              kind: 'refund',
              on_date: on,
              shares: 0,
              amount_fen: own,
              method: 'bank',
              voucher_id: posted.id,
            })
            .execute();
          memberRefundsFen += own;
        }
        await trx
          .updateTable('member')
          .set({ exited_on: on })
          .where('id', '=', member.id)
          .execute();
      }
      await trx
        .updateTable('joint_group_member')
        .set({ left_on: on })
        .where('left_on', 'is', null)
        .where(
          'member_id',
          'in',
          trx.selectFrom('member').select('id').where('fund_id', '=', fund.id),
        )
        .execute();
      const chart = await loadChart(trx, fund.id);
      const leafCodes = chart
        .filter((a) => !chart.some((c) => c.parentCode === a.code))
        .map((a) => a.code);
      const before = await netDebitBalances(trx, fund.id, leafCodes);
      const sumOf = (prefix: string) =>
        [...before]
          .filter(([code]) => code.startsWith(prefix))
          .reduce((total, [, v]) => total - v, 0);
      const transfer = unwrap(
        fundExitTransfer({
          on,
          chart,
          balances: new Map([...before].map(([code, v]) => [code, fen(v)])),
        }),
      );
      if (transfer.voucher !== null) await post(trx, fund, transfer.voucher, actor);
      const after = await netDebitBalances(trx, fund.id, leafCodes);
      const nonZeroAccounts = [...after].filter(([, v]) => v !== 0).map(([code]) => code);
      const totals = await trx
        .selectFrom('voucher_line')
        .select([
          sql<string>`coalesce(sum(amount_fen) FILTER (WHERE side = 'debit'), 0)`.as('d'),
          sql<string>`coalesce(sum(amount_fen) FILTER (WHERE side = 'credit'), 0)`.as('c'),
        ])
        .where('fund_id', '=', fund.id)
        .executeTakeFirstOrThrow();
      const check: ExitFinalCheck = {
        closedOn: on,
        membersRefunded: members.length,
        memberRefundsFen,
        handedOverFen: transfer.handedOverFen,
        fiscalFen: sumOf('4401') + sumOf('310201'),
        donationFen: sumOf('4101') + sumOf('310202'),
        reservesFen: sumOf('3101'),
        unclosedSurplusFen:
          sumOf('4301') + sumOf('4901') - (before.get('5201') ?? 0) - (before.get('5401') ?? 0),
        nonZeroAccounts,
        vouchersBalanced: totals.d === totals.c,
      };
      if (nonZeroAccounts.length > 0 || !check.vouchersBalanced)
        throw new Error(`exit left balances: ${nonZeroAccounts.join(',')}`);
      await trx
        .updateTable('fund_exit')
        .set({ closed_on: on, final_check: JSON.stringify(check) })
        .where('fund_id', '=', fund.id)
        .execute();
      await auditFund(trx, actor, fund, {
        command: 'fund.close',
        entities: [{ type: 'fund', id: String(fund.id) }],
        details: { ...check },
      });
      return check;
    },
  );
}

export async function exitStatus(db: Kysely<Database>, actor: Actor, fundId: number) {
  const fund = await fundInScope(db, actor, fundId);
  const row = await db
    .selectFrom('fund_exit')
    .selectAll()
    .where('fund_id', '=', fund.id)
    .executeTakeFirst();
  if (row === undefined) return { decided: false as const };
  return {
    decided: true as const,
    decidedOn: row.decided_on,
    reason: row.reason,
    closedOn: row.closed_on,
    finalCheck: row.final_check as ExitFinalCheck | null,
  };
}
