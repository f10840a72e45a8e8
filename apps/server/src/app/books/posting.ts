import type { Transaction } from 'kysely';
import { MAX_FUND_TOTAL_FEN, validateVoucher, type Voucher } from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import {
  closedThrough,
  insertVoucher,
  loadChart,
  netDebitBalances,
  type PostedVoucher,
} from '../../db/repositories/ledger.js';
import type { Actor } from '../actor.js';
import { AppError } from '../errors.js';
import { unwrap, type FundRef } from './context.js';

/**
 * Posts a voucher for a fund inside the caller's transaction (which holds the fund lock): checks it
 * against the fund's chart and closed periods, records it, then refuses the whole transaction if
 * cash or bank would go negative.
 */
export async function post(
  trx: Transaction<Database>,
  fund: FundRef,
  voucher: Voucher,
  actor: Actor,
): Promise<PostedVoucher> {
  const closed = await trx
    .selectFrom('fund_exit')
    .select('closed_on')
    .where('fund_id', '=', fund.id)
    .executeTakeFirst();
  if (closed?.closed_on !== null && closed?.closed_on !== undefined)
    throw new AppError('fund_closed', { closedOn: closed.closed_on });
  const chart = await loadChart(trx, fund.id);
  unwrap(validateVoucher(voucher, chart, { closedThrough: await closedThrough(trx, fund.id) }));
  await assertSubledgersBelong(trx, fund.id, voucher);
  const posted = await insertVoucher(trx, fund.id, voucher, actor.userId);
  const credited = new Set(
    voucher.lines.filter((l) => l.side === 'credit').map((l) => l.accountCode),
  );
  if (credited.has('1001') || credited.has('1002')) {
    const balances = await netDebitBalances(trx, fund.id, ['1001', '1002']);
    if ((balances.get('1001') ?? 0) < 0)
      throw new AppError('insufficient_cash', { cashFen: balances.get('1001') });
    if ((balances.get('1002') ?? 0) < 0)
      throw new AppError('insufficient_bank', { bankFen: balances.get('1002') });
  }
  await assertAssetsWithinLimit(trx, fund.id, voucher);
  return posted;
}

/** Money coming in may not take the fund's assets past MAX_FUND_TOTAL_FEN (issue 17.1). */
async function assertAssetsWithinLimit(
  trx: Transaction<Database>,
  fundId: number,
  voucher: Voucher,
): Promise<void> {
  if (!voucher.lines.some((l) => l.side === 'debit' && l.accountCode.startsWith('1'))) return;
  const assetsFen = (await netDebitBalances(trx, fundId, ['1'])).get('1') ?? 0;
  if (assetsFen > MAX_FUND_TOTAL_FEN)
    throw new AppError('fund_total_exceeds_limit', { assetsFen, limitFen: MAX_FUND_TOTAL_FEN });
}

async function assertSubledgersBelong(
  trx: Transaction<Database>,
  fundId: number,
  voucher: Voucher,
): Promise<void> {
  for (const line of voucher.lines) {
    if (line.subledger === undefined) continue;
    const id = Number(line.subledger.id);
    const table = line.subledger.kind === 'loan' ? 'loan' : 'member';
    const row = await trx
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .where('fund_id', '=', fundId)
      .executeTakeFirst();
    if (row === undefined)
      throw new AppError('subledger_unknown', { kind: line.subledger.kind, id });
  }
}
