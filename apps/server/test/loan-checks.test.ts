import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp } from './support/test-app.js';
import {
  approvedLoan,
  openBooks,
  registerMember,
  rid,
  type Books,
} from './support/books-fixture.js';

/** Each borrowing rule of DOMAIN §6: the violation is refused with its code and nothing is written. */
let t: TestApp;
let books: Books;
const m: number[] = [];

async function snapshot(): Promise<number[]> {
  return Promise.all(
    ['loan', 'loan_step', 'voucher', 'voucher_line', 'repayment'].map((table) =>
      countRows(t.db, table),
    ),
  );
}

async function apply(memberId: number, overrides: Record<string, unknown> = {}) {
  return books.post('/loans', {
    requestId: rid(),
    memberId,
    amountFen: 200_000,
    termMonths: 6,
    purpose: '种植',
    appliedOn: '2026-03-01',
    ...overrides,
  });
}

async function expectRefused(
  response: { status: number; body: Record<string, unknown> },
  code: string,
  before: number[],
) {
  expect(response.status).toBe(400);
  expect(response.body.code).toBe(code);
  expect(String(response.body.message)).toMatch(/[\u4e00-\u9fa5]/);
  expect(await snapshot()).toEqual(before);
}

beforeAll(async () => {
  t = await createTestApp();
  books = await openBooks(t);
  for (let n = 1; n <= 9; n += 1)
    m.push(await registerMember(books, n, { joinedOn: '2026-01-05' }));
  const id = (i: number) => m[i] ?? 0;
  expect(
    (
      await books.post('/groups', {
        name: '甲组',
        formedOn: '2026-01-06',
        memberIds: [id(0), id(1), id(2), id(3), id(4)],
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await books.post('/groups', {
        name: '乙组',
        formedOn: '2026-01-06',
        memberIds: [id(5), id(6), id(7)],
      })
    ).status,
  ).toBe(201);
  // m[8] is in no group.
  await books.post('/cash-events', {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2026-01-10',
    amountFen: 1_000_000,
  });
});
afterAll(async () => {
  await t.close();
});

describe('loan checks at application', () => {
  it('purpose must be productive', async () => {
    const before = await snapshot();
    await expectRefused(
      await apply(m[0] ?? 0, { purpose: '婚丧' }),
      'purpose_not_productive',
      before,
    );
  });

  it('a first loan may not exceed 5,000 元, and every broken rule is listed', async () => {
    const before = await snapshot();
    const response = await apply(m[0] ?? 0, {
      amountFen: 500_001,
      termMonths: 13,
      purpose: '购车',
    });
    await expectRefused(response, 'purpose_not_productive', before);
    const codes = (response.body.details as { failures: { code: string }[] }).failures.map(
      (f) => f.code,
    );
    expect(codes).toEqual(
      expect.arrayContaining([
        'purpose_not_productive',
        'loan_amount_exceeds_limit',
        'loan_term_exceeds_limit',
      ]),
    );
  });

  it('the amount limit alone', async () => {
    const before = await snapshot();
    await expectRefused(
      await apply(m[0] ?? 0, { amountFen: 500_001 }),
      'loan_amount_exceeds_limit',
      before,
    );
  });

  it('the term limit alone', async () => {
    const before = await snapshot();
    await expectRefused(
      await apply(m[0] ?? 0, { termMonths: 13 }),
      'loan_term_exceeds_limit',
      before,
    );
  });

  it('a borrower must be in a joint-liability group', async () => {
    const before = await snapshot();
    await expectRefused(await apply(m[8] ?? 0), 'borrower_no_group', before);
  });

  it('one outstanding loan per member; a guarantor may not borrow; at most 2 of a group at once', async () => {
    const [a, b, c, d, e] = [m[0] ?? 0, m[1] ?? 0, m[2] ?? 0, m[3] ?? 0, m[4] ?? 0];
    const first = await approvedLoan(books, a, [b, c], {
      amountFen: 200_000,
      appliedOn: '2026-03-01',
    });
    expect(
      (
        await books.post(`/loans/${first}/disburse`, {
          requestId: rid(),
          on: '2026-03-05',
          method: 'bank',
        })
      ).status,
    ).toBe(200);
    let before = await snapshot();
    await expectRefused(
      await apply(a, { appliedOn: '2026-03-06' }),
      'borrower_has_outstanding_loan',
      before,
    );
    await expectRefused(
      await apply(b, { appliedOn: '2026-03-06' }),
      'borrower_is_guarantor',
      before,
    );
    const second = await approvedLoan(books, d, [b, c], {
      amountFen: 100_000,
      appliedOn: '2026-03-06',
    });
    expect(
      (
        await books.post(`/loans/${second}/disburse`, {
          requestId: rid(),
          on: '2026-03-10',
          method: 'bank',
        })
      ).status,
    ).toBe(200);
    before = await snapshot();
    // a and d borrow (b and c guarantee both): e, free of any guarantee, is the third of 甲组.
    await expectRefused(
      await apply(e, { appliedOn: '2026-03-11' }),
      'group_concurrent_borrowers_exceeded',
      before,
    );
  });

  it('no loan to a member with an overdue loan', async () => {
    const [f, g, h] = [m[5] ?? 0, m[6] ?? 0, m[7] ?? 0];
    const loan = await approvedLoan(books, f, [g, h], {
      amountFen: 50_000,
      termMonths: 1,
      appliedOn: '2026-04-01',
    });
    expect(
      (
        await books.post(`/loans/${loan}/disburse`, {
          requestId: rid(),
          on: '2026-04-05',
          method: 'bank',
        })
      ).status,
    ).toBe(200);
    // Due 2026-05-05 and unpaid: on 2026-06-01 it is overdue; repaying part of it keeps it overdue.
    await books.post(`/loans/${loan}/repayments`, {
      requestId: rid(),
      on: '2026-06-01',
      amountFen: 1_000,
      method: 'cash',
    });
    const before = await snapshot();
    // f still has the loan outstanding, so two rules apply; the overdue one is among them.
    const response = await apply(f, { appliedOn: '2026-06-02' });
    expect(response.status).toBe(400);
    expect(
      (response.body.details as { failures: { code: string }[] }).failures.map((x) => x.code),
    ).toContain('borrower_has_overdue_loan');
    expect(await snapshot()).toEqual(before);
  });

  it('an exited member may not borrow', async () => {
    const exited = await books.post(`/members/${m[8] ?? 0}/exit`, {
      requestId: rid(),
      on: '2026-04-01',
      method: 'cash',
    });
    expect(exited.body).toMatchObject({ refundFen: 20_000 });
    const before = await snapshot();
    const response = await apply(m[8] ?? 0, { appliedOn: '2026-04-02' });
    expect(response.body.code).toBe('borrower_not_active_member');
    expect(await snapshot()).toEqual(before);
  });
});

describe('loan checks at disbursement', () => {
  it('no disbursement before the contract is signed', async () => {
    const applied = await apply(m[6] ?? 0, { appliedOn: '2026-07-01', amountFen: 10_000 });
    // m[6] guarantees an outstanding loan: pick the refusal, then use a clean member below.
    expect(applied.status).toBe(400);
    const clean = await registerMember(books, 20, { joinedOn: '2026-07-01' });
    const other = await registerMember(books, 21, { joinedOn: '2026-07-01' });
    const third = await registerMember(books, 22, { joinedOn: '2026-07-01' });
    await books.post('/groups', {
      name: '丙组',
      formedOn: '2026-07-01',
      memberIds: [clean, other, third],
    });
    const ok = await apply(clean, { appliedOn: '2026-07-02', amountFen: 10_000 });
    expect(ok.status).toBe(201);
    const before = await snapshot();
    const early = await books.post(`/loans/${String(ok.body.id)}/disburse`, {
      requestId: rid(),
      on: '2026-07-03',
      method: 'cash',
    });
    await expectRefused(early, 'loan_not_approved', before);
  });

  it('never beyond the cash and bank available', async () => {
    const a = await registerMember(books, 30, { joinedOn: '2026-07-01' });
    const b = await registerMember(books, 31, { joinedOn: '2026-07-01' });
    const c = await registerMember(books, 32, { joinedOn: '2026-07-01' });
    await books.post('/groups', { name: '丁组', formedOn: '2026-07-01', memberIds: [a, b, c] });
    const available = (await books.get('/profile')).body.balances as {
      cashFen: number;
      bankFen: number;
    };
    const limit = available.cashFen + available.bankFen;
    // Raise the first-loan limit so that the fund, not the bylaws, is what runs out.
    const profile = (await books.get('/profile')).body.bylaws as Record<string, unknown>[];
    const bylaws = {
      ...profile[0],
      effectiveOn: '2026-07-01',
      firstLoanLimitFen: limit + 100_000,
      laterLoanLimitFen: limit + 100_000,
    };
    expect((await books.post('/bylaws', bylaws)).status).toBe(204);
    const loan = await approvedLoan(books, a, [b, c], {
      amountFen: limit + 1,
      appliedOn: '2026-07-02',
    });
    const before = await snapshot();
    await expectRefused(
      await books.post(`/loans/${loan}/disburse`, {
        requestId: rid(),
        on: '2026-07-10',
        method: 'bank',
      }),
      'insufficient_funds',
      before,
    );
  });

  it('two concurrent disbursements that together exceed the bank balance: exactly one succeeds', async () => {
    const ids = [];
    for (const n of [40, 41, 42, 43])
      ids.push(await registerMember(books, n, { joinedOn: '2026-07-01' }));
    const [p, q, r, s2] = ids.map((x) => x);
    await books.post('/groups', { name: '戊组', formedOn: '2026-07-01', memberIds: ids });
    const bank = ((await books.get('/profile')).body.balances as { bankFen: number }).bankFen;
    const amountFen = Math.floor(bank * 0.6);
    const one = await approvedLoan(books, p ?? 0, [r ?? 0, s2 ?? 0], {
      amountFen,
      appliedOn: '2026-07-02',
    });
    const two = await approvedLoan(books, q ?? 0, [r ?? 0, s2 ?? 0], {
      amountFen,
      appliedOn: '2026-07-02',
    });
    const vouchersBefore = await countRows(t.db, 'voucher');
    const results = await Promise.all(
      [one, two].map((loan) =>
        books.post(`/loans/${loan}/disburse`, {
          requestId: rid(),
          on: '2026-07-10',
          method: 'bank',
        }),
      ),
    );
    expect(results.map((x) => x.status).sort()).toEqual([200, 400]);
    expect(['insufficient_bank', 'insufficient_funds']).toContain(
      results.find((x) => x.status === 400)?.body.code,
    );
    expect(await countRows(t.db, 'voucher')).toBe(vouchersBefore + 1);
    const after = ((await books.get('/profile')).body.balances as { bankFen: number }).bankFen;
    expect(after).toBe(bank - amountFen);
  });
});
