import type { Kysely } from 'kysely';
import {
  fen,
  fiscalFundsReceived,
  PLAN_CATEGORY_NAMES,
  PLAN_SOURCE_NAMES,
  type PlanCategory,
  type PlanSource,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';
import type { Actor } from '../actor.js';
import { AppError, notFound } from '../errors.js';
import { auditFund, businessDate, fundInScope, voucherNo } from '../books/context.js';
import { post } from '../books/posting.js';
import { fundCommand } from '../books/fund-command.js';

function receiptQuery(db: Kysely<Database>) {
  return db
    .selectFrom('plan_allocation_receipt as a')
    .innerJoin('yearly_plan as p', 'p.id', 'a.plan_id')
    .select([
      'a.id',
      'a.plan_id',
      'a.line_no',
      'a.fund_id',
      'a.category',
      'a.source',
      'a.amount_fen',
      'a.received_on',
      'a.voucher_id',
      'p.title',
      'p.year',
      'p.document_no',
      'p.issued_on',
    ]);
}

/** The allocations of issued plans to a fund: pending (not yet confirmed) and received. */
export async function listPlanReceipts(db: Kysely<Database>, actor: Actor, fundId: number) {
  const fund = await fundInScope(db, actor, fundId);
  const rows = await receiptQuery(db)
    .where('a.fund_id', '=', fund.id)
    .orderBy('p.year', 'desc')
    .orderBy('a.plan_id', 'desc')
    .orderBy('a.line_no')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      planTitle: r.title,
      planYear: r.year,
      documentNumber: r.document_no ?? '',
      lineNo: r.line_no,
      category: r.category as PlanCategory,
      categoryName: PLAN_CATEGORY_NAMES[r.category as PlanCategory],
      source: r.source as PlanSource,
      sourceName: PLAN_SOURCE_NAMES[r.source as PlanSource],
      amountFen: toSafeInt(r.amount_fen),
      status: r.received_on === null ? ('pending' as const) : ('received' as const),
      receivedOn: r.received_on,
      voucherId: r.voucher_id === null ? null : toSafeInt(r.voucher_id),
    })),
  };
}

/**
 * The fund confirms that a plan's allocation arrived (资金到位): posts the fiscal money to its
 * books through the ordinary posting path (Dr 1002 银行存款, Cr 4401 政府补助收入, memo naming the
 * plan) and links the voucher to the receipt. A retry with the same request id answers the same
 * voucher; a second confirmation is `allocation_already_received`.
 */
export async function confirmPlanReceipt(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  receiptId: number,
  input: { requestId: string; on: string },
  now: Date,
) {
  return fundCommand(
    db,
    actor,
    fundId,
    {
      permission: 'books.write',
      requestId: input.requestId,
      command: 'plan_receipt.confirm',
      payload: { fundId, receiptId, on: input.on },
    },
    async (trx, fund) => {
      const receipt = await receiptQuery(trx)
        .where('a.id', '=', receiptId)
        .where('a.fund_id', '=', fund.id)
        .forUpdate('a')
        .executeTakeFirst();
      if (receipt === undefined) throw notFound('plan_receipt');
      if (receipt.received_on !== null) {
        throw new AppError('allocation_already_received', {
          receiptId,
          receivedOn: receipt.received_on,
          voucherId: receipt.voucher_id === null ? null : toSafeInt(receipt.voucher_id),
        });
      }
      const on = businessDate(input.on, now);
      if (receipt.issued_on !== null && on < receipt.issued_on) {
        throw new AppError('allocation_receipt_before_plan', {
          on,
          planIssuedOn: receipt.issued_on,
        });
      }
      const amountFen = fen(toSafeInt(receipt.amount_fen));
      const document = receipt.document_no === null ? '' : `（${receipt.document_no}）`;
      const memo = `收到财政扶贫资金：${receipt.title}${document}${PLAN_CATEGORY_NAMES[receipt.category as PlanCategory]}`;
      const posted = await post(trx, fund, fiscalFundsReceived({ on, amountFen, memo }), actor);
      await trx
        .updateTable('plan_allocation_receipt')
        .set({ received_on: on, voucher_id: posted.id })
        .where('id', '=', receipt.id)
        .execute();
      await auditFund(trx, actor, fund, {
        command: 'programme.plan_receipt.confirm',
        entities: [
          { type: 'plan_allocation_receipt', id: String(receipt.id) },
          { type: 'voucher', id: String(posted.id) },
        ],
        details: { planId: receipt.plan_id, amountFen, on },
      });
      return {
        receiptId: receipt.id,
        voucherId: posted.id,
        voucherNo: voucherNo(posted.period, posted.number),
        receivedOn: on,
        amountFen,
      };
    },
  );
}
