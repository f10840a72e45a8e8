/**
 * Random valid sequences of business events posted through the posting rules always give a
 * balanced trial balance, and the fund total from the liability/net-asset side equals the
 * asset-side identity (DOMAIN §7), before and after the year-end close and distribution.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoDate, type IsoDate } from '../src/calendar/iso-date.js';
import { DEFAULT_BYLAWS } from '../src/fund/bylaws.js';
import {
  balancesAsOf,
  bankInterest,
  bankWithdrawal,
  cashDepositToBank,
  contributionRefund,
  DEFAULT_CHART,
  donationReceived,
  expense,
  fiscalFundsReceived,
  fundComposition,
  loanDisbursement,
  loanRepayment,
  loanWriteOff,
  memberContribution,
  normalBalance,
  postedLines,
  surplusDistribution,
  trialBalance,
  validateVoucher,
  yearEndClose,
  type MoneyChannel,
  type Voucher,
} from '../src/ledger/index.js';
import { fen } from '../src/money/fen.js';

const EVENT_KINDS = [
  'fiscal',
  'donation',
  'contribution',
  'refund',
  'disburse',
  'repay',
  'interest',
  'expense',
  'writeOff',
  'deposit',
  'withdraw',
] as const;

const eventArbitrary = fc.record({
  kind: fc.constantFrom(...EVENT_KINDS),
  amount: fc.integer({ min: 1, max: 5_000_000 }),
  pick: fc.nat(),
  fee: fc.integer({ min: 0, max: 50_000 }),
  overdueFee: fc.integer({ min: 0, max: 10_000 }),
  via: fc.constantFrom<MoneyChannel>('cash', 'bank'),
  gapDays: fc.integer({ min: 0, max: 20 }),
});

interface Books {
  cash: number;
  bank: number;
  members: Map<string, number>;
  loans: Map<string, number>;
  vouchers: Voucher[];
}

function post(books: Books, voucher: Voucher): void {
  expect(validateVoucher(voucher, DEFAULT_CHART).ok).toBe(true);
  books.vouchers.push(voucher);
}

function channelBalance(books: Books, via: MoneyChannel): number {
  return via === 'cash' ? books.cash : books.bank;
}

function move(books: Books, via: MoneyChannel, delta: number): void {
  if (via === 'cash') books.cash += delta;
  else books.bank += delta;
}

function pickKey(map: Map<string, number>, pick: number): string | undefined {
  const keys = [...map.keys()].filter((k) => (map.get(k) ?? 0) > 0);
  return keys[pick % Math.max(1, keys.length)];
}

function checkBooks(books: Books, asOf: IsoDate): void {
  const lines = postedLines(books.vouchers.map((voucher, i) => ({ id: `v${i}`, voucher })));
  const tb = trialBalance(DEFAULT_CHART, lines, { from: isoDate('2025-01-01'), through: asOf });
  expect(tb.balanced).toBe(true);
  const composition = fundComposition(DEFAULT_CHART, balancesAsOf(DEFAULT_CHART, lines, asOf));
  expect(composition.fundTotalFen).toBe(composition.assetSideTotalFen);
  expect(composition.cashFen).toBe(books.cash);
  expect(composition.bankFen).toBe(books.bank);
  expect(composition.fundMemberFen).toBe([...books.members.values()].reduce((a, b) => a + b, 0));
  expect(composition.loansOutstandingFen).toBe(
    [...books.loans.values()].reduce((a, b) => a + b, 0),
  );
}

describe('posting rules keep the books balanced', () => {
  it('for any valid sequence of events, and across the year-end close', () => {
    fc.assert(
      fc.property(fc.array(eventArbitrary, { maxLength: 60 }), (events) => {
        const books: Books = {
          cash: 0,
          bank: 0,
          members: new Map(),
          loans: new Map(),
          vouchers: [],
        };
        let on = isoDate('2025-01-01');
        let loanCount = 0;
        for (const event of events) {
          on = addDays(on, event.gapDays);
          if (on > isoDate('2025-12-31')) on = isoDate('2025-12-31');
          const amountFen = fen(event.amount);
          switch (event.kind) {
            case 'fiscal':
              post(books, fiscalFundsReceived({ on, amountFen }));
              books.bank += event.amount;
              break;
            case 'donation':
              post(books, donationReceived({ on, amountFen, via: event.via }));
              move(books, event.via, event.amount);
              break;
            case 'contribution': {
              const memberId = `M${event.pick % 7}`;
              post(books, memberContribution({ on, amountFen, via: event.via, memberId }));
              move(books, event.via, event.amount);
              books.members.set(memberId, (books.members.get(memberId) ?? 0) + event.amount);
              break;
            }
            case 'refund': {
              const memberId = pickKey(books.members, event.pick);
              if (memberId === undefined) break;
              const amount = Math.min(
                event.amount,
                books.members.get(memberId) ?? 0,
                channelBalance(books, event.via),
              );
              if (amount <= 0) break;
              post(
                books,
                contributionRefund({ on, amountFen: fen(amount), via: event.via, memberId }),
              );
              move(books, event.via, -amount);
              books.members.set(memberId, (books.members.get(memberId) ?? 0) - amount);
              break;
            }
            case 'disburse': {
              const amount = Math.min(event.amount, channelBalance(books, event.via));
              if (amount <= 0) break;
              loanCount += 1;
              const loanId = `L${loanCount}`;
              post(books, loanDisbursement({ on, amountFen: fen(amount), via: event.via, loanId }));
              move(books, event.via, -amount);
              books.loans.set(loanId, amount);
              break;
            }
            case 'repay': {
              const loanId = pickKey(books.loans, event.pick);
              if (loanId === undefined) break;
              const principal = Math.min(event.amount, books.loans.get(loanId) ?? 0);
              if (principal + event.fee + event.overdueFee === 0) break;
              post(
                books,
                loanRepayment({
                  on,
                  loanId,
                  via: event.via,
                  allocation: {
                    principalFen: fen(principal),
                    normalFeeFen: fen(event.fee),
                    overdueFeeFen: fen(event.overdueFee),
                  },
                }),
              );
              move(books, event.via, principal + event.fee + event.overdueFee);
              books.loans.set(loanId, (books.loans.get(loanId) ?? 0) - principal);
              break;
            }
            case 'interest':
              post(books, bankInterest({ on, amountFen: fen(event.fee + 1) }));
              books.bank += event.fee + 1;
              break;
            case 'expense': {
              const amount = Math.min(event.fee + 1, channelBalance(books, event.via));
              if (amount <= 0) break;
              post(books, expense({ on, amountFen: fen(amount), via: event.via, memo: '办公费' }));
              move(books, event.via, -amount);
              break;
            }
            case 'writeOff': {
              const loanId = pickKey(books.loans, event.pick);
              if (loanId === undefined) break;
              const lines = postedLines(
                books.vouchers.map((voucher, i) => ({ id: `v${i}`, voucher })),
              );
              const reserve = normalBalance(
                DEFAULT_CHART,
                balancesAsOf(DEFAULT_CHART, lines, on),
                '310103',
              );
              post(
                books,
                loanWriteOff({
                  on,
                  loanId,
                  principalFen: fen(books.loans.get(loanId) ?? 0),
                  riskReserveBalanceFen: reserve,
                }),
              );
              books.loans.set(loanId, 0);
              break;
            }
            case 'deposit': {
              const amount = Math.min(event.amount, books.cash);
              if (amount <= 0) break;
              post(books, cashDepositToBank({ on, amountFen: fen(amount) }));
              books.cash -= amount;
              books.bank += amount;
              break;
            }
            case 'withdraw': {
              const amount = Math.min(event.amount, books.bank);
              if (amount <= 0) break;
              post(books, bankWithdrawal({ on, amountFen: fen(amount) }));
              books.bank -= amount;
              books.cash += amount;
              break;
            }
          }
          checkBooks(books, on);
        }
        const yearEnd = isoDate('2025-12-31');
        const lines = postedLines(books.vouchers.map((voucher, i) => ({ id: `v${i}`, voucher })));
        const before = fundComposition(DEFAULT_CHART, balancesAsOf(DEFAULT_CHART, lines, yearEnd));
        const close = yearEndClose({
          on: yearEnd,
          netDebitByAccount: balancesAsOf(DEFAULT_CHART, lines, yearEnd),
        });
        if (close.voucher !== null) post(books, close.voucher);
        const distribution = surplusDistribution({
          on: yearEnd,
          surplusFen: close.netSurplusFen,
          ratios: DEFAULT_BYLAWS.distribution,
        });
        if (distribution.voucher !== null) post(books, distribution.voucher);
        checkBooks(books, yearEnd);
        const closedLines = postedLines(
          books.vouchers.map((voucher, i) => ({ id: `v${i}`, voucher })),
        );
        const after = balancesAsOf(DEFAULT_CHART, closedLines, yearEnd);
        for (const code of ['4101', '4301', '4401', '4901', '5201', '5401'])
          expect(after.get(code)).toBe(0);
        expect(fundComposition(DEFAULT_CHART, after)).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});
