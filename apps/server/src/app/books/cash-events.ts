import type { Kysely } from 'kysely';
import {
  bankInterest,
  bankWithdrawal,
  cashDepositToBank,
  donationReceived,
  expense,
  fen,
  fiscalFundsReceived,
  type Voucher,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../actor.js';
import { AppError } from '../errors.js';
import { auditFund, businessDate, voucherNo } from './context.js';
import { post } from './posting.js';
import { fundCommand } from './fund-command.js';

export interface CashEventInput {
  requestId: string;
  kind: 'fiscal_funds' | 'donation' | 'bank_interest' | 'expense' | 'cash_to_bank' | 'bank_to_cash';
  on: string;
  amountFen: number;
  method?: 'cash' | 'bank' | undefined;
  memo?: string | undefined;
}

function voucherFor(input: CashEventInput, on: Voucher['date']): Voucher {
  const amountFen = fen(input.amountFen);
  const memo = input.memo !== undefined && input.memo !== '' ? input.memo : undefined;
  const via = input.method ?? 'cash';
  const withMemo = memo === undefined ? {} : { memo };
  switch (input.kind) {
    case 'fiscal_funds':
      return fiscalFundsReceived({ on, amountFen, ...withMemo });
    case 'donation':
      return donationReceived({ on, amountFen, via, ...withMemo });
    case 'bank_interest':
      return bankInterest({ on, amountFen, ...withMemo });
    case 'expense':
      if (memo === undefined)
        throw new AppError('validation_failed', { field: 'memo', reason: '费用须写明摘要' });
      return expense({ on, amountFen, via, memo });
    case 'cash_to_bank':
      return cashDepositToBank({ on, amountFen, ...withMemo });
    case 'bank_to_cash':
      return bankWithdrawal({ on, amountFen, ...withMemo });
  }
}

/** Fiscal money received, donations, bank interest, expenses, and cash ↔ bank transfers. */
export async function recordCashEvent(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  input: CashEventInput,
  now: Date,
): Promise<{ voucherId: number; voucherNo: string }> {
  return fundCommand(
    db,
    actor,
    fundId,
    {
      permission: 'books.write',
      requestId: input.requestId,
      command: 'cash_event',
      payload: { fundId, ...input },
    },
    async (trx, fund) => {
      const on = businessDate(input.on, now);
      const posted = await post(trx, fund, voucherFor(input, on), actor);
      await auditFund(trx, actor, fund, {
        command: `ledger.${input.kind}`,
        entities: [{ type: 'voucher', id: String(posted.id) }],
        details: { amountFen: input.amountFen, on },
      });
      return { voucherId: posted.id, voucherNo: voucherNo(posted.period, posted.number) };
    },
  );
}
