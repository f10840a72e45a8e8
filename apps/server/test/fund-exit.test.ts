import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp } from './support/test-app.js';
import {
  approvedLoan,
  openBooks,
  registerMember,
  rid,
  type Books,
} from './support/books-fixture.js';

let t: TestApp;
let books: Books;
let city: string;
let loanId = 0;

async function balances(): Promise<Map<string, number>> {
  const rows = await t.db.pool.query<{ code: string; b: string }>(
    `SELECT account_code AS code, sum(CASE WHEN side='debit' THEN amount_fen ELSE -amount_fen END) AS b FROM voucher_line WHERE fund_id = $1 GROUP BY account_code`,
    [books.fundId],
  );
  return new Map(rows.rows.map((r) => [r.code, Number(r.b)]));
}

beforeAll(async () => {
  t = await createTestApp();
  books = await openBooks(t);
  city = await t.login('city');
  const m: number[] = [];
  for (let n = 1; n <= 3; n += 1)
    m.push(await registerMember(books, n, { joinedOn: '2026-03-01', shares: 3 }));
  await books.post('/groups', { name: '一组', formedOn: '2026-03-01', memberIds: m });
  await books.post('/cash-events', {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2026-03-02',
    amountFen: 15_000_000,
  });
  await books.post('/cash-events', {
    requestId: rid(),
    kind: 'donation',
    on: '2026-03-03',
    amountFen: 200_000,
    method: 'bank',
  });
  await books.post('/cash-events', {
    requestId: rid(),
    kind: 'expense',
    on: '2026-03-04',
    amountFen: 5_000,
    method: 'cash',
    memo: '账簿',
  });
  loanId = await approvedLoan(books, m[0] ?? 0, [m[1] ?? 0, m[2] ?? 0], {
    amountFen: 200_000,
    termMonths: 6,
    appliedOn: '2026-03-05',
  });
  await books.post(`/loans/${loanId}/disburse`, {
    requestId: rid(),
    on: '2026-03-10',
    method: 'bank',
  });
});
afterAll(async () => {
  await t.close();
});

describe('exit (退出)', () => {
  it('needs the city’s decision, then every loan recovered', async () => {
    const early = await books.post('/exit/close', { requestId: rid(), on: '2026-10-01' });
    expect(early.body.code).toBe('exit_not_decided');
    const byKeeper = await books.post('/exit/decision', {
      decidedOn: '2026-09-30',
      reason: '整改后仍不合格',
    });
    expect(byKeeper.status).toBe(403);
    const decided = await t.call('POST', `/api/v1/funds/${books.fundId}/exit/decision`, city, {
      decidedOn: '2026-09-30',
      reason: '整改后仍不合格',
    });
    expect(decided.statusCode).toBe(204);
    const before = await countRows(t.db, 'voucher');
    const blocked = await books.post('/exit/close', { requestId: rid(), on: '2026-10-01' });
    expect(blocked.body.code).toBe('exit_loans_outstanding');
    expect(await countRows(t.db, 'voucher')).toBe(before);
  });

  it('refunds members, hands the rest to the county, and proves every fen is accounted for', async () => {
    const quote = await books.get(`/loans/${loanId}/quote?on=2026-10-10`);
    await books.post(`/loans/${loanId}/repayments`, {
      requestId: rid(),
      on: '2026-10-10',
      amountFen: quote.body.totalFen,
      method: 'bank',
    });
    const held = await balances();
    const cashAndBank = (held.get('1001') ?? 0) + (held.get('1002') ?? 0);
    const memberFunds = -(held.get('220901') ?? 0);
    const closed = await books.post('/exit/close', { requestId: rid(), on: '2026-10-15' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      membersRefunded: 3,
      memberRefundsFen: 90_000,
      nonZeroAccounts: [],
      vouchersBalanced: true,
      fiscalFen: 15_000_000,
      donationFen: 200_000,
    });
    expect(memberFunds).toBe(90_000);
    expect(closed.body.handedOverFen).toBe(cashAndBank - memberFunds);
    expect(
      Number(closed.body.fiscalFen) +
        Number(closed.body.donationFen) +
        Number(closed.body.reservesFen) +
        Number(closed.body.unclosedSurplusFen),
    ).toBe(closed.body.handedOverFen);
    for (const [, value] of await balances()) expect(value).toBe(0);
    const members = await books.get('/members?status=active');
    expect(members.body.total).toBe(0);
  });

  it('a closed fund takes no more postings', async () => {
    const response = await books.post('/cash-events', {
      requestId: rid(),
      kind: 'bank_interest',
      on: '2026-10-20',
      amountFen: 10,
    });
    expect(response.body.code).toBe('fund_closed');
  });
});
