import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHART,
  fen,
  fundExitTransfer,
  isoDate,
  voucherTotals,
  type Fen,
} from '../src/index.js';

const on = isoDate('2026-10-31');

function balances(entries: Record<string, number>): ReadonlyMap<string, Fen> {
  return new Map(Object.entries(entries).map(([code, amount]) => [code, fen(amount)]));
}

describe('fund exit transfer', () => {
  it('hands over cash and bank against fiscal money, reserves and unclosed income', () => {
    // Bank 15,080,000 + cash 20,000 = fiscal 15,000,000 + reserve 50,000 + fee income 60,000 − expenses 10,000.
    const result = fundExitTransfer({
      on,
      chart: DEFAULT_CHART,
      balances: balances({
        '1002': 15_080_000,
        '1001': 20_000,
        '310201': -15_000_000,
        '310103': -50_000,
        '430101': -60_000,
        '5201': 10_000,
      }),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.handedOverFen).toBe(15_100_000);
    const voucher = result.value.voucher;
    expect(voucher?.kind).toBe('fund_exit_transfer');
    expect(voucher === null ? null : voucherTotals(voucher)).toEqual({
      debitFen: 15_110_000,
      creditFen: 15_110_000,
    });
    expect(voucher?.lines).toEqual(
      expect.arrayContaining([
        { accountCode: '310201', side: 'debit', amountFen: 15_000_000 },
        { accountCode: '5201', side: 'credit', amountFen: 10_000 },
        { accountCode: '1002', side: 'credit', amountFen: 15_080_000 },
      ]),
    );
  });

  it('is refused while loans or members’ own funds are still on the books', () => {
    const result = fundExitTransfer({
      on,
      chart: DEFAULT_CHART,
      balances: balances({ '1121': 100_000, '220901': -20_000, '1002': 80_000 }),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('exit_books_not_clear');
    expect((result.details.accounts as { code: string }[]).map((a) => a.code)).toEqual([
      '1121',
      '220901',
    ]);
  });
});
