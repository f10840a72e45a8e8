import { afterAll, beforeAll, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp } from './support/test-app.js';
import { idCard, openBooks, rid, type Books } from './support/books-fixture.js';

/** Every change leaves an audit entry: each successful state-changing request adds at least one. */
let t: TestApp;
let books: Books;
let county: string;
let city: string;
const checked: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  books = await openBooks(t);
  county = await t.login('county');
  city = await t.login('city');
});
afterAll(async () => {
  await t.close();
});

async function change(
  method: string,
  url: string,
  token: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const before = await countRows(t.db, 'audit_log');
  const response = await t.call(method, `/api/v1${url}`, token, body);
  expect(response.statusCode, `${method} ${url}: ${response.body.slice(0, 300)}`).toBeLessThan(300);
  expect(
    await countRows(t.db, 'audit_log'),
    `${method} ${url} left no audit entry`,
  ).toBeGreaterThan(before);
  checked.push(`${method} ${url}`);
  return response.statusCode === 204 ? {} : response.json<Record<string, unknown>>();
}

it('records who changed what for every kind of change', async () => {
  const f = `/funds/${String(books.fundId)}`;
  const keeper = books.keeper;
  await change('PUT', `${f}/registration`, keeper, {
    registrationNo: '渝民社字001号',
    registeredOn: '2025-01-01',
    bankName: '农商行',
    bankAccountNo: '6230 0000 1111',
  });
  await change('POST', `${f}/household-counts`, keeper, {
    asOf: '2025-01-01',
    totalHouseholds: 50,
    poorHouseholds: 10,
  });
  const members: number[] = [];
  for (let n = 1; n <= 4; n += 1) {
    const member = await change('POST', `${f}/members`, keeper, {
      requestId: rid(),
      headName: `户主${String(n)}`,
      idCardNo: idCard(n),
      householdSize: 3,
      category: 'ordinary',
      joinedOn: '2025-01-05',
      shares: 2,
      method: 'cash',
    });
    members.push(member.id as number);
  }
  const [a = 0, b = 0, c = 0, d = 0] = members;
  await change('POST', `${f}/officers`, keeper, {
    memberId: a,
    body: 'board',
    title: '理事长',
    fromOn: '2025-01-05',
  });
  await change('POST', `${f}/members/${String(a)}/contributions`, keeper, {
    requestId: rid(),
    on: '2025-01-06',
    shares: 1,
    method: 'cash',
  });
  await change('POST', `${f}/members/${String(d)}/category`, keeper, {
    effectiveOn: '2025-01-07',
    category: 'poor',
    dibao: true,
    wubao: false,
  });
  await change('POST', `${f}/groups`, keeper, {
    name: '一组',
    formedOn: '2025-01-08',
    memberIds: [a, b, c],
  });
  await change('POST', `${f}/cash-events`, keeper, {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2025-01-10',
    amountFen: 15_000_000,
  });
  const expense = await change('POST', `${f}/cash-events`, keeper, {
    requestId: rid(),
    kind: 'expense',
    on: '2025-01-11',
    amountFen: 1_000,
    method: 'cash',
    memo: '文具',
  });
  await change('POST', `${f}/vouchers/${String(expense.voucherId)}/reverse`, keeper, {
    requestId: rid(),
    on: '2025-01-12',
    reason: '记错',
  });
  await change('POST', `${f}/vouchers`, keeper, {
    requestId: rid(),
    date: '2025-01-13',
    memo: '利息',
    lines: [
      { accountCode: '1002', side: 'debit', amountFen: 50 },
      { accountCode: '4901', side: 'credit', amountFen: 50 },
    ],
  });
  const loan = await change('POST', `${f}/loans`, keeper, {
    requestId: rid(),
    memberId: b,
    amountFen: 100_000,
    termMonths: 3,
    purpose: '种植',
    appliedOn: '2025-02-01',
  });
  const l = `${f}/loans/${String(loan.id)}`;
  await change('POST', `${l}/steps`, keeper, {
    action: 'group_review',
    on: '2025-02-01',
    guarantor1MemberId: a,
    guarantor2MemberId: c,
  });
  await change('POST', `${l}/steps`, books.board, { action: 'board_approve', on: '2025-02-02' });
  await change('POST', `${l}/steps`, books.supervisor, {
    action: 'supervisor_review',
    on: '2025-02-02',
  });
  await change('POST', `${l}/steps`, keeper, { action: 'publicize', on: '2025-02-03' });
  await change('POST', `${l}/steps`, keeper, {
    action: 'contract',
    on: '2025-02-06',
    contractNo: 'HT-1',
  });
  await change('POST', `${l}/disburse`, keeper, {
    requestId: rid(),
    on: '2025-02-07',
    method: 'bank',
  });
  await change('POST', `${l}/extend`, books.board, {
    approvedOn: '2025-04-01',
    newDueOn: '2025-08-07',
    reason: '旱灾',
  });
  await change('POST', `${l}/repayments`, keeper, {
    requestId: rid(),
    on: '2025-05-07',
    amountFen: 30_000,
    method: 'bank',
  });
  await change('POST', `${l}/write-off`, keeper, {
    requestId: rid(),
    on: '2025-12-20',
    resolutionNo: '〔2025〕9号',
    resolutionDate: '2025-12-18',
  });
  await change('POST', `${f}/members/${String(d)}/exit`, keeper, {
    requestId: rid(),
    on: '2025-06-01',
    method: 'cash',
  });
  await change('POST', `${f}/periods/2025-01/close`, keeper, {});
  await change('POST', `${f}/year-end`, keeper, { requestId: rid(), year: 2025 });
  const report = await change('POST', `${f}/quarterly-reports/submit`, keeper, {
    period: '2025Q4',
  });
  await change('POST', `/quarterly-reports/${String(report.id)}/decision`, county, {
    action: 'approve',
  });
  const warnings = (await t.call('GET', '/api/v1/warnings', county)).json<{
    items: { id: number }[];
  }>();
  await change('POST', `/warnings/${String(warnings.items[0]?.id ?? 0)}/actions`, county, {
    action: 'acknowledge',
    note: '已知悉',
  });
  const countyId =
    (await t.call('GET', '/api/v1/regions', county)).json<{ items: { id: number }[] }>().items[0]
      ?.id ?? 0;
  await change('PUT', `/regions/${String(countyId)}/warning-thresholds`, county, {
    overdueRatePercent: 4,
  });
  await change('PUT', `${f}/surveys/2025`, county, {
    respondents: 10,
    satisfied: 9,
    neutral: 1,
    dissatisfied: 0,
  });
  await change('POST', `/regions/${String(countyId)}/typical-cases`, county, {
    year: 2025,
    title: '案例',
    body: '做法',
  });
  await change('POST', '/evaluation/runs', city, { year: 2025, evaluatedOn: '2025-12-31' });
  await change('POST', `${f}/exit/decision`, city, { decidedOn: '2026-01-05', reason: '发生损失' });
  const admin = await t.login('admin');
  const user = await change('POST', '/users', admin, {
    username: 'newkeeper',
    displayName: '新会计',
    role: 'auditor',
    regionId: countyId,
    password: 'Newkeeper2026',
  });
  await change('PATCH', `/users/${String(user.id)}`, admin, { disabled: true });
  expect(checked.length).toBeGreaterThan(35);
});
