import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import {
  approvedLoan,
  openBooks,
  registerMember,
  rid,
  type Books,
} from './support/books-fixture.js';

/**
 * Many clients disbursing, repaying and spending on one fund at once: no lost update, cash and
 * bank never negative, voucher numbers without gaps or duplicates, registers equal to the ledger.
 */
let t: TestApp;
let books: Books;
const loans: number[] = [];

beforeAll(async () => {
  t = await createTestApp();
  books = await openBooks(t);
  const members: number[] = [];
  for (let n = 1; n <= 30; n += 1)
    members.push(await registerMember(books, n, { joinedOn: '2026-01-05', shares: 1 }));
  for (let g = 0; g < 6; g += 1) {
    await books.post('/groups', {
      name: `第${String(g + 1)}组`,
      formedOn: '2026-01-06',
      memberIds: members.slice(g * 5, g * 5 + 5),
    });
  }
  await books.post('/cash-events', {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2026-01-10',
    amountFen: 2_000_000,
  });
  await books.post('/cash-events', {
    requestId: rid(),
    kind: 'bank_to_cash',
    on: '2026-01-10',
    amountFen: 300_000,
  });
  for (let g = 0; g < 6; g += 1) {
    for (const k of [0, 1]) {
      const borrower = members[g * 5 + k] ?? 0;
      loans.push(
        await approvedLoan(books, borrower, [members[g * 5 + 2] ?? 0, members[g * 5 + 3] ?? 0], {
          amountFen: 150_000,
          appliedOn: '2026-02-01',
        }),
      );
    }
  }
});
afterAll(async () => {
  await t.close();
});

async function balance(code: string): Promise<number> {
  const result = await t.db.pool.query<{ b: string | null }>(
    "SELECT sum(CASE WHEN side='debit' THEN amount_fen ELSE -amount_fen END) AS b FROM voucher_line WHERE fund_id = $1 AND account_code = $2",
    [books.fundId, code],
  );
  return Number(result.rows[0]?.b ?? 0);
}

it('keeps the books whole under concurrent disbursements, repayments and expenses', async () => {
  // 12 disbursements of 1,500 元 against 3,030 元 of cash and 17,000 元 in the bank, half by cash:
  // only two cash disbursements can succeed; the bank ones all can.
  const disbursements = await Promise.all(
    loans.map((loan, i) =>
      books.post(`/loans/${String(loan)}/disburse`, {
        requestId: rid(),
        on: '2026-02-10',
        method: i % 2 === 0 ? 'cash' : 'bank',
      }),
    ),
  );
  const expenses = Promise.all(
    Array.from({ length: 8 }, () =>
      books.post('/cash-events', {
        requestId: rid(),
        kind: 'expense',
        on: '2026-02-10',
        amountFen: 10_000,
        method: 'cash',
        memo: '误工补助',
      }),
    ),
  );
  const okLoans = loans.filter((_, i) => disbursements[i]?.status === 200);
  for (const response of disbursements)
    if (response.status !== 200)
      expect(['insufficient_cash', 'insufficient_funds']).toContain(response.body.code);
  const repayments = await Promise.all(
    okLoans.flatMap((loan) =>
      [1, 2].map(() =>
        books.post(`/loans/${String(loan)}/repayments`, {
          requestId: rid(),
          on: '2026-03-10',
          amountFen: 20_000,
          method: 'bank',
        }),
      ),
    ),
  );
  const spent = await expenses;
  for (const response of [...repayments, ...spent]) expect([200, 400]).toContain(response.status);
  expect(repayments.every((r) => r.status === 200)).toBe(true);

  expect(await balance('1001')).toBeGreaterThanOrEqual(0);
  expect(await balance('1002')).toBeGreaterThanOrEqual(0);
  // Voucher numbers per month: 1..n, no gap, no duplicate.
  const numbers = await t.db.pool.query<{ period: string; n: string; max: number }>(
    'SELECT period, count(*) AS n, max(number) AS max FROM voucher WHERE fund_id = $1 GROUP BY period',
    [books.fundId],
  );
  for (const row of numbers.rows) expect(Number(row.n)).toBe(row.max);
  // Each loan's register equals its ledger subledger.
  const registers = await t.db.pool.query<{
    id: number;
    outstanding: string;
    ledger: string | null;
  }>(
    `SELECT l.id, l.principal_outstanding_fen AS outstanding,
            (SELECT sum(CASE WHEN side='debit' THEN amount_fen ELSE -amount_fen END) FROM voucher_line v
              WHERE v.subledger_kind = 'loan' AND v.subledger_id = l.id) AS ledger
       FROM loan l WHERE l.fund_id = $1 AND l.disbursed_on IS NOT NULL`,
    [books.fundId],
  );
  expect(registers.rowCount).toBe(okLoans.length);
  for (const row of registers.rows) expect(Number(row.ledger)).toBe(Number(row.outstanding));
  expect(okLoans.length).toBeGreaterThanOrEqual(6);
});
