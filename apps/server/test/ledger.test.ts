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
const m: number[] = [];

async function balance(code: string): Promise<number> {
  const result = await t.db.pool.query<{ b: string | null }>(
    `SELECT sum(CASE WHEN side='debit' THEN amount_fen ELSE -amount_fen END) AS b FROM voucher_line WHERE fund_id = $1 AND account_code LIKE $2`,
    [books.fundId, `${code}%`],
  );
  return Number(result.rows[0]?.b ?? 0);
}

beforeAll(async () => {
  t = await createTestApp();
  books = await openBooks(t);
  for (let n = 1; n <= 3; n += 1)
    m.push(await registerMember(books, n, { joinedOn: '2025-01-05' }));
  await books.post('/groups', { name: '一组', formedOn: '2025-01-06', memberIds: m });
  await books.post('/cash-events', {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2025-01-10',
    amountFen: 15_000_000,
  });
});
afterAll(async () => {
  await t.close();
});

describe('vouchers', () => {
  it('numbers vouchers per month without gaps and prints the total in 大写', async () => {
    const list = await books.get('/vouchers?period=2025-01');
    const items = list.body.items as {
      voucherNo: string;
      totalFen: number;
      totalInWords: string;
      kind: string;
    }[];
    expect(items.map((v) => v.voucherNo).sort()).toEqual([
      '2025-01-0001',
      '2025-01-0002',
      '2025-01-0003',
      '2025-01-0004',
    ]);
    const fiscal = items.find((v) => v.kind === 'fiscal_funds_received');
    expect(fiscal).toMatchObject({ totalFen: 15_000_000, totalInWords: '壹拾伍万元整' });
  });

  it('refuses an unbalanced manual voucher and writes nothing', async () => {
    const before = await countRows(t.db, 'voucher_line');
    const response = await books.post('/vouchers', {
      requestId: rid(),
      date: '2025-02-01',
      memo: '不平衡',
      lines: [
        { accountCode: '5201', side: 'debit', amountFen: 1000 },
        { accountCode: '1001', side: 'credit', amountFen: 999 },
      ],
    });
    expect(response.body).toMatchObject({
      code: 'voucher_unbalanced',
      message: '借贷不平衡：借方合计须等于贷方合计',
    });
    const parent = await books.post('/vouchers', {
      requestId: rid(),
      date: '2025-02-01',
      memo: '记到上级科目',
      lines: [
        { accountCode: '4301', side: 'credit', amountFen: 1000 },
        { accountCode: '1001', side: 'debit', amountFen: 1000 },
      ],
    });
    expect(parent.body.code).toBe('account_not_postable');
    expect(await countRows(t.db, 'voucher_line')).toBe(before);
  });

  it('the database itself refuses an unbalanced voucher and any edit of a posted one', async () => {
    const client = await t.db.pool.connect();
    try {
      await client.query('BEGIN');
      const v = await client.query<{ id: string }>(
        `INSERT INTO voucher (fund_id, period, number, date, kind, memo) VALUES ($1, '2025-03', 999, '2025-03-01', 'manual', 'x') RETURNING id`,
        [books.fundId],
      );
      await client.query(
        `INSERT INTO voucher_line (voucher_id, line_no, fund_id, account_code, side, amount_fen) VALUES ($1, 1, $2, '1001', 'debit', 5)`,
        [v.rows[0]?.id, books.fundId],
      );
      await expect(client.query('COMMIT')).rejects.toThrow(/unbalanced/);
    } finally {
      client.release();
    }
    await expect(
      t.db.pool.query('UPDATE voucher_line SET amount_fen = amount_fen + 1'),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.pool.query('DELETE FROM voucher')).rejects.toThrow(/append-only/);
  });

  it('reverses a manual voucher once (红字冲销), netting its effect to zero', async () => {
    const cashBefore = await balance('1001');
    const posted = await books.post('/cash-events', {
      requestId: rid(),
      kind: 'expense',
      on: '2025-02-03',
      amountFen: 5_000,
      method: 'cash',
      memo: '办公用品',
    });
    expect(await balance('1001')).toBe(cashBefore - 5_000);
    const reversed = await books.post(`/vouchers/${String(posted.body.voucherId)}/reverse`, {
      requestId: rid(),
      on: '2025-02-04',
      reason: '重复记账',
    });
    expect(reversed.status).toBe(200);
    expect(await balance('1001')).toBe(cashBefore);
    const again = await books.post(`/vouchers/${String(posted.body.voucherId)}/reverse`, {
      requestId: rid(),
      on: '2025-02-04',
      reason: '再冲',
    });
    expect(again.body.code).toBe('voucher_already_reversed');
  });

  it('a closed month takes no new vouchers; months close in order', async () => {
    const outOfOrder = await books.post('/periods/2025-02/close', {});
    expect(outOfOrder.body.code).toBe('period_close_out_of_order');
    expect((await books.post('/periods/2025-01/close', {})).status).toBe(204);
    const before = await countRows(t.db, 'voucher');
    const late = await books.post('/cash-events', {
      requestId: rid(),
      kind: 'bank_interest',
      on: '2025-01-31',
      amountFen: 100,
    });
    expect(late.body).toMatchObject({ code: 'period_closed', message: '该月已结账，不能再记账' });
    expect(await countRows(t.db, 'voucher')).toBe(before);
  });
});

describe('loans in the books', () => {
  it('an overdue loan pays overdue fee at 1.5× after the due date, then is written off against the risk reserve', async () => {
    const loan = await approvedLoan(books, m[0] ?? 0, [m[1] ?? 0, m[2] ?? 0], {
      amountFen: 100_000,
      termMonths: 3,
      appliedOn: '2025-02-05',
    });
    await books.post(`/loans/${loan}/disburse`, {
      requestId: rid(),
      on: '2025-02-10',
      method: 'bank',
    });
    // Due 2025-05-10. Pay 20,000 on 2025-06-09: normal fee 89 days (02-10 → 05-10) = 100000×840×89/3600000 = 2076.67 → 2077;
    // overdue 30 days at 1260 bp = 100000×1260×30/3600000 = 1050. Remaining 16,873 goes to principal.
    const repaid = await books.post(`/loans/${loan}/repayments`, {
      requestId: rid(),
      on: '2025-06-09',
      amountFen: 20_000,
      method: 'cash',
    });
    expect(repaid.body).toMatchObject({
      overdueFeeFen: 1_050,
      normalFeeFen: 2_077,
      principalFen: 16_873,
      principalOutstandingFen: 83_127,
    });
    expect(await balance('430102')).toBe(-1_050);
    const noResolution = await books.post(`/loans/${loan}/write-off`, {
      requestId: rid(),
      on: '2025-12-20',
      resolutionNo: ' ',
      resolutionDate: '2025-12-18',
    });
    expect(noResolution.status).toBe(400);
    const written = await books.post(`/loans/${loan}/write-off`, {
      requestId: rid(),
      on: '2025-12-20',
      resolutionNo: '会员大会决议〔2025〕3号',
      resolutionDate: '2025-12-18',
    });
    expect(written.status).toBe(200);
    // No risk reserve yet: the whole 83,127 goes to 5401 其他费用.
    expect(await balance('5401')).toBe(83_127);
    expect(await balance('1121')).toBe(0);
  });

  it('extends once before the due date; a second extension is refused', async () => {
    const loan = await approvedLoan(books, m[1] ?? 0, [m[0] ?? 0, m[2] ?? 0], {
      amountFen: 50_000,
      termMonths: 6,
      appliedOn: '2025-03-01',
    });
    await books.post(`/loans/${loan}/disburse`, {
      requestId: rid(),
      on: '2025-03-05',
      method: 'bank',
    });
    const byKeeper = await books.post(`/loans/${loan}/extend`, {
      approvedOn: '2025-08-01',
      newDueOn: '2025-12-05',
      reason: '受灾',
    });
    expect(byKeeper.status).toBe(403);
    const extended = await books.post(
      `/loans/${loan}/extend`,
      { approvedOn: '2025-08-01', newDueOn: '2025-12-05', reason: '受灾' },
      books.board,
    );
    expect(extended.body).toMatchObject({
      status: 'extended',
      dueOn: '2025-12-05',
      originalDueOn: '2025-09-05',
    });
    const twice = await books.post(
      `/loans/${loan}/extend`,
      { approvedOn: '2025-09-01', newDueOn: '2026-01-05', reason: '再展' },
      books.board,
    );
    expect(twice.body.code).toBe('loan_already_extended');
    // Repaid on the new due date: fee at the normal rate for all 275 days, no overdue fee.
    const quote = await books.get(`/loans/${loan}/quote?on=2025-12-05`);
    expect(quote.body).toMatchObject({ normalFeeFen: 3_208, overdueFeeFen: 0 });
  });

  it('a member with an outstanding loan or guarantee cannot exit', async () => {
    const response = await books.post(`/members/${m[0] ?? 0}/exit`, {
      requestId: rid(),
      on: '2025-12-21',
      method: 'cash',
    });
    expect(response.status).toBe(400);
    expect(['member_is_guarantor', 'member_has_outstanding_loan']).toContain(response.body.code);
  });
});

describe('year end', () => {
  it('closes income and expenses and splits the surplus 50/20/30 with exact rounding', async () => {
    const feeIncome = -(await balance('4301'));
    const otherIncome = -(await balance('4901'));
    const expenses = (await balance('5201')) + (await balance('5401'));
    const surplus = feeIncome + otherIncome - expenses + 0;
    const result = await books.post('/year-end', { requestId: rid(), year: 2025 });
    expect(result.status).toBe(200);
    expect(result.body.netSurplusFen).toBe(surplus);
    expect(await balance('4')).toBe(0);
    expect(await balance('5')).toBe(0);
    expect(-(await balance('310201'))).toBe(15_000_000);
    if (surplus > 0) {
      expect(Number(result.body.welfareFundFen)).toBe(Math.round(surplus * 0.2));
      expect(
        Number(result.body.commonReserveFen) +
          Number(result.body.welfareFundFen) +
          Number(result.body.riskReserveFen),
      ).toBe(surplus);
    } else {
      expect(0 - (await balance('310104'))).toBe(surplus);
    }
    const twice = await books.post('/year-end', { requestId: rid(), year: 2025 });
    expect(twice.body.code).toBe('year_end_already_done');
  });
});
