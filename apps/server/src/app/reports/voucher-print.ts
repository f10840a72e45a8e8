import type { Kysely } from 'kysely';
import { fen, toChineseUppercase, type Fen } from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';
import type { Actor } from '../actor.js';
import { notFound } from '../errors.js';
import { fundInScope, voucherNo } from '../books/context.js';
import { loanNoText } from './loan-register.js';

/** Chinese names of the voucher kinds, for the printed voucher. */
export const VOUCHER_KIND_NAMES: Readonly<Record<string, string>> = {
  member_contribution: '会员缴纳互助金',
  contribution_refund: '退还互助金',
  loan_disbursement: '发放借款',
  loan_repayment: '收回借款',
  fiscal_funds_received: '收到财政扶贫资金',
  donation_received: '收到捐赠',
  bank_interest: '银行利息',
  expense: '费用支出',
  loan_write_off: '核销借款',
  cash_deposit_to_bank: '现金存入银行',
  bank_withdrawal: '从银行提取现金',
  year_end_close: '年终结转',
  surplus_distribution: '收益分配',
  manual: '手工凭证',
  reversal: '红字冲销',
};

/** A 记账凭证 ready to print: lines with account names, totals and the 大写 amount. */
export interface VoucherPrintView {
  readonly fundName: string;
  readonly voucherNo: string;
  readonly date: string;
  readonly kindName: string;
  readonly memo: string;
  readonly lines: readonly {
    readonly accountCode: string;
    readonly accountName: string;
    readonly subledgerLabel: string | null;
    readonly debitFen: Fen | null;
    readonly creditFen: Fen | null;
  }[];
  readonly debitTotalFen: Fen;
  readonly creditTotalFen: Fen;
  /** 大写金额 of the total. */
  readonly totalInWords: string;
  readonly reversesVoucherNo: string | null;
  readonly preparedBy: string | null;
  readonly recordedAt: string;
}

/** The print view of one voucher of a fund in the actor's scope (404 otherwise). */
export async function voucherPrintView(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  voucherId: number,
): Promise<VoucherPrintView> {
  const fund = await fundInScope(db, actor, fundId);
  const header = await db
    .selectFrom('voucher as v')
    .leftJoin('voucher as r', 'r.id', 'v.reverses_voucher_id')
    .leftJoin('app_user as u', 'u.id', 'v.created_by')
    .select([
      'v.id',
      'v.period',
      'v.number',
      'v.date',
      'v.kind',
      'v.memo',
      'v.recorded_at',
      'r.period as r_period',
      'r.number as r_number',
      'u.display_name',
    ])
    .where('v.id', '=', String(voucherId))
    .where('v.fund_id', '=', fund.id)
    .executeTakeFirst();
  if (header === undefined) throw notFound('voucher');
  const lines = await db
    .selectFrom('voucher_line as l')
    .innerJoin('account as a', (join) =>
      join.onRef('a.fund_id', '=', 'l.fund_id').onRef('a.code', '=', 'l.account_code'),
    )
    .leftJoin('loan as lo', (join) =>
      join.onRef('lo.id', '=', 'l.subledger_id').on('l.subledger_kind', '=', 'loan'),
    )
    .leftJoin('member as lm', 'lm.id', 'lo.member_id')
    .leftJoin('member as m', (join) =>
      join.onRef('m.id', '=', 'l.subledger_id').on('l.subledger_kind', '=', 'member'),
    )
    .select([
      'l.line_no',
      'l.account_code',
      'a.name',
      'l.side',
      'l.amount_fen',
      'l.subledger_kind',
      'lo.loan_no',
      'lm.head_name as borrower',
      'm.head_name as member',
    ])
    .where('l.voucher_id', '=', header.id)
    .orderBy('l.line_no')
    .execute();
  let debit = 0;
  let credit = 0;
  const printed = lines.map((line) => {
    const amount = fen(toSafeInt(line.amount_fen));
    if (line.side === 'debit') debit += amount;
    else credit += amount;
    let subledgerLabel: string | null = null;
    if (line.subledger_kind === 'loan' && line.loan_no !== null) {
      subledgerLabel = `${loanNoText(line.loan_no)}借款（${line.borrower ?? ''}）`;
    } else if (line.subledger_kind === 'member' && line.member !== null) {
      subledgerLabel = `会员：${line.member}`;
    }
    return {
      accountCode: line.account_code,
      accountName: line.name,
      subledgerLabel,
      debitFen: line.side === 'debit' ? amount : null,
      creditFen: line.side === 'credit' ? amount : null,
    };
  });
  return {
    fundName: fund.name,
    voucherNo: voucherNo(header.period, header.number),
    date: header.date,
    kindName: VOUCHER_KIND_NAMES[header.kind] ?? header.kind,
    memo: header.memo,
    lines: printed,
    debitTotalFen: fen(debit),
    creditTotalFen: fen(credit),
    totalInWords: toChineseUppercase(fen(debit)),
    reversesVoucherNo:
      header.r_period === null || header.r_number === null
        ? null
        : voucherNo(header.r_period, header.r_number),
    preparedBy: header.display_name,
    recordedAt: header.recorded_at.toISOString(),
  };
}
