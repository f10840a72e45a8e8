import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, countRows, type TestApp } from './support/test-app.js';
import {
  approvedLoan,
  openBooks,
  registerMember,
  rid,
  type Books,
} from './support/books-fixture.js';

let t: TestApp;
let books: Books;
const members: number[] = [];

async function ledgerTotals(): Promise<{ debit: number; credit: number; vouchers: number }> {
  const result = await t.db.pool.query<{ d: string; c: string; n: string }>(
    `SELECT coalesce(sum(amount_fen) FILTER (WHERE side='debit'),0) AS d, coalesce(sum(amount_fen) FILTER (WHERE side='credit'),0) AS c,
            (SELECT count(*) FROM voucher) AS n FROM voucher_line`,
  );
  const row = result.rows[0];
  return { debit: Number(row?.d), credit: Number(row?.c), vouchers: Number(row?.n) };
}

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
  for (let n = 1; n <= 5; n += 1)
    members.push(await registerMember(books, n, { category: n <= 2 ? 'poor' : 'ordinary' }));
  const group = await books.post('/groups', {
    name: '第一联保小组',
    formedOn: '2026-01-06',
    memberIds: members,
  });
  expect(group.status).toBe(201);
  const fiscal = await books.post('/cash-events', {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2026-01-10',
    amountFen: 15_000_000,
  });
  expect(fiscal.status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe('a month of a village fund', () => {
  it('registers members: ordinary households pay shares, poor households get 配股 without a voucher', async () => {
    const list = await books.get('/members');
    const items = list.body.items as {
      headName: string;
      ownContributionFen: number;
      allottedFen: number;
      groupName: string;
    }[];
    expect(items).toHaveLength(5);
    expect(items[0]).toMatchObject({
      ownContributionFen: 0,
      allottedFen: 10_000,
      groupName: '第一联保小组',
    });
    expect(items[2]).toMatchObject({ ownContributionFen: 20_000, allottedFen: 0 });
    expect(await balance('220901')).toBe(-60_000);
    expect(await balance('1001')).toBe(60_000);
  });

  it('refuses a bad 身份证号 and a second membership of the same household, writing nothing', async () => {
    const before = await countRows(t.db, 'member');
    const badChecksum = await books.post('/members', {
      requestId: rid(),
      headName: '错号',
      idCardNo: '500229198001010010',
      householdSize: 3,
      category: 'ordinary',
      joinedOn: '2026-01-05',
      shares: 1,
      method: 'cash',
    });
    expect(badChecksum.status).toBe(400);
    expect(['id_card_invalid_checksum', 'id_card_invalid_format']).toContain(badChecksum.body.code);
    const again = await books.post('/members', {
      requestId: rid(),
      headName: '重复',
      idCardNo: (await books.get(`/members/${members[0]}`)).body.idCardNo,
      householdSize: 3,
      category: 'ordinary',
      joinedOn: '2026-01-05',
      shares: 1,
      method: 'cash',
    });
    expect(again.body).toMatchObject({
      code: 'member_already_registered',
      message: '该户（身份证号）已是本社会员，一户只能入社一次',
    });
    expect(await countRows(t.db, 'member')).toBe(before);
  });

  it('walks a loan through every step, disburses after 公示, and charges the fee to the fen', async () => {
    const [m3, m1, m2] = [members[2] ?? 0, members[0] ?? 0, members[1] ?? 0];
    await books.post('/cash-events', {
      requestId: rid(),
      kind: 'bank_to_cash',
      on: '2026-02-01',
      amountFen: 500_000,
    });
    const loanId = await approvedLoan(books, m3, [m1, m2], {
      amountFen: 300_000,
      appliedOn: '2026-02-02',
      noticeOn: '2026-02-03',
    });
    // 公示 3 days from 02-03 runs through 02-05: disbursing on 02-05 is refused, on 02-06 allowed.
    const early = await books.post(`/loans/${loanId}/disburse`, {
      requestId: rid(),
      on: '2026-02-05',
      method: 'cash',
    });
    expect(early.body).toMatchObject({ code: 'public_notice_not_ended' });
    const disbursed = await books.post(`/loans/${loanId}/disburse`, {
      requestId: rid(),
      on: '2026-02-06',
      method: 'cash',
    });
    expect(disbursed.status).toBe(200);
    const detail = await books.get(`/loans/${loanId}`);
    expect(detail.body).toMatchObject({
      status: 'disbursed',
      dueOn: '2027-02-06',
      principalOutstandingFen: 300_000,
    });
    expect((detail.body.steps as { step: string }[]).map((s) => s.step)).toEqual([
      'apply',
      'group_review',
      'board_approve',
      'supervisor_review',
      'publicize',
      'contract',
      'disburse',
    ]);
    // Early full repayment on 2026-08-05 (180 days): fee = 300000 × 840 × 180 / (10000 × 360) = 12600 fen.
    const quote = await books.get(`/loans/${loanId}/quote?on=2026-08-05`);
    expect(quote.body).toMatchObject({
      principalFen: 300_000,
      normalFeeFen: 12_600,
      overdueFeeFen: 0,
      totalFen: 312_600,
    });
    const repaid = await books.post(`/loans/${loanId}/repayments`, {
      requestId: rid(),
      on: '2026-08-05',
      amountFen: 312_600,
      method: 'cash',
    });
    expect(repaid.body).toMatchObject({
      principalFen: 300_000,
      normalFeeFen: 12_600,
      overdueFeeFen: 0,
      settled: true,
    });
    expect(await balance('430101')).toBe(-12_600);
    expect(await balance('1121')).toBe(0);
  });

  it('a retried repayment with the same request id moves money once', async () => {
    const loanId = await approvedLoan(books, members[3] ?? 0, [members[0] ?? 0, members[1] ?? 0], {
      amountFen: 200_000,
      appliedOn: '2026-03-01',
    });
    await books.post(`/loans/${loanId}/disburse`, {
      requestId: rid(),
      on: '2026-03-10',
      method: 'bank',
    });
    const before = await ledgerTotals();
    const requestId = rid();
    const body = { requestId, on: '2026-04-10', amountFen: 50_000, method: 'cash' };
    const first = await books.post(`/loans/${loanId}/repayments`, body);
    const second = await books.post(`/loans/${loanId}/repayments`, body);
    expect(second.body).toEqual(first.body);
    const after = await ledgerTotals();
    expect(after.vouchers).toBe(before.vouchers + 1);
    const reused = await books.post(`/loans/${loanId}/repayments`, { ...body, amountFen: 40_000 });
    expect(reused.body).toMatchObject({ code: 'request_id_reused' });
  });

  it('refuses a board step by the bookkeeper and a disbursement beyond cash and bank', async () => {
    const applied = await books.post('/loans', {
      requestId: rid(),
      memberId: members[4],
      amountFen: 400_000,
      termMonths: 6,
      purpose: '种植',
      appliedOn: '2026-03-02',
    });
    expect(applied.status).toBe(201);
    const loanId = applied.body.id as number;
    await books.post(`/loans/${loanId}/steps`, {
      action: 'group_review',
      on: '2026-03-02',
      guarantor1MemberId: members[2],
      guarantor2MemberId: members[3],
    });
    const byKeeper = await books.post(`/loans/${loanId}/steps`, {
      action: 'board_approve',
      on: '2026-03-02',
    });
    expect(byKeeper.status).toBe(403);
    expect(byKeeper.body).toMatchObject({ code: 'forbidden' });
  });

  it('an instalment loan: equal principal every two months, fee on the outstanding principal', async () => {
    const ids = [];
    for (const n of [6, 7, 8]) ids.push(await registerMember(books, n, { joinedOn: '2026-01-05' }));
    await books.post('/groups', { name: '第二联保小组', formedOn: '2026-01-06', memberIds: ids });
    const applied = await books.post('/loans', {
      requestId: rid(),
      memberId: ids[0],
      amountFen: 120_000,
      termMonths: 6,
      instalments: 3,
      purpose: '加工',
      appliedOn: '2026-01-06',
    });
    expect(applied.status).toBe(201);
    const loanId = applied.body.id as number;
    const steps: [Record<string, unknown>, string][] = [
      [
        {
          action: 'group_review',
          on: '2026-01-06',
          guarantor1MemberId: ids[1],
          guarantor2MemberId: ids[2],
        },
        books.keeper,
      ],
      [{ action: 'board_approve', on: '2026-01-06' }, books.board],
      [{ action: 'supervisor_review', on: '2026-01-06' }, books.supervisor],
      [{ action: 'publicize', on: '2026-01-06' }, books.keeper],
      [{ action: 'contract', on: '2026-01-09', contractNo: 'HT-2026-009' }, books.keeper],
    ];
    for (const [body, token] of steps)
      expect((await books.post(`/loans/${loanId}/steps`, body, token)).status).toBe(200);
    expect(
      (
        await books.post(`/loans/${loanId}/disburse`, {
          requestId: rid(),
          on: '2026-01-10',
          method: 'bank',
        })
      ).status,
    ).toBe(200);
    const detail = await books.get(`/loans/${loanId}`);
    expect(detail.body.schedule).toEqual([
      { dueOn: '2026-03-10', principalFen: 40_000 },
      { dueOn: '2026-05-10', principalFen: 40_000 },
      { dueOn: '2026-07-10', principalFen: 40_000 },
    ]);
    // 59 days on 120,000 at 840 bp: 120000 × 840 × 59 / 3,600,000 = 1,652 fen.
    const first = await books.post(`/loans/${loanId}/repayments`, {
      requestId: rid(),
      on: '2026-03-10',
      amountFen: 41_652,
      method: 'cash',
    });
    expect(first.body).toMatchObject({
      normalFeeFen: 1_652,
      overdueFeeFen: 0,
      principalFen: 40_000,
      principalOutstandingFen: 80_000,
      settled: false,
    });
  });

  it('the ledger balances and the books reconcile: fund total on both sides', async () => {
    const totals = await ledgerTotals();
    expect(totals.debit).toBe(totals.credit);
    const assets =
      (await balance('1001')) +
      (await balance('1002')) +
      (await balance('1121')) +
      (await balance('1122'));
    const fundsSide = -(
      (await balance('2209')) +
      (await balance('3')) +
      (await balance('4')) +
      (await balance('5'))
    );
    expect(assets).toBe(fundsSide);
  });
});
