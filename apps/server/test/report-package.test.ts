import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  FundPackage,
  PackageProblem,
  ReportPackage,
  ReportPackageImportResult,
} from '@huzhu/contract';
import { contentChecksum } from '../src/app/package/canonical.js';
import { compareBooks, emptyContent } from '../src/app/package/fast-forward.js';
import { reportPackageChecksum } from '../src/app/monitoring/report-package.js';
import { countRows, createTestApp, type TestApp } from './support/test-app.js';
import {
  approvedLoan,
  openBooks,
  registerMember,
  rid,
  type Books,
} from './support/books-fixture.js';

/**
 * A village without network and its township, each on its own installation: the village keeps its
 * books and sends a report package each quarter; the township imports it, which brings its copy of
 * the fund forward and records the quarter's report as submitted from the package.
 */
const TABLES = [
  'fund',
  'account',
  'fund_bylaws',
  'fund_household_count',
  'member',
  'member_category',
  'member_share',
  'fund_officer',
  'joint_group',
  'joint_group_member',
  'loan',
  'loan_step',
  'repayment',
  'voucher',
  'voucher_line',
  'voucher_counter',
  'period_close',
  'quarterly_report',
  'quarterly_report_event',
  'audit_log',
];

let village: TestApp;
let township: TestApp;
let books: Books;
let officer: string;
let county: string;
let q2: ReportPackage;
let q3: ReportPackage;
let townshipFundId = 0;
const members: number[] = [];
let loanId = 0;

async function counts(t: TestApp): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) result[table] = await countRows(t.db, table);
  return result;
}

async function exportReport(period: string): Promise<ReportPackage> {
  const response = await village.call(
    'GET',
    `/api/v1/funds/${books.fundId}/quarterly-reports/package?period=${period}`,
    books.keeper,
  );
  expect(response.statusCode, response.body).toBe(200);
  expect(String(response.headers['content-disposition'])).toContain("filename*=UTF-8''");
  return response.json<ReportPackage>();
}

async function importReport(doc: unknown, token = officer) {
  return township.call('POST', '/api/v1/report-packages/import', token, doc);
}

/** A copy with the fund package's content changed and both checksums recomputed. */
function resealed(doc: ReportPackage, change: (content: FundPackage['content']) => void) {
  const copy = structuredClone(doc);
  change(copy.fundPackage.content);
  copy.fundPackage.checksum = contentChecksum(copy.fundPackage.content);
  copy.checksum = reportPackageChecksum(copy);
  return copy;
}

async function indicatorsOf(t: TestApp, fundId: number, token: string, period: string) {
  const response = await t.call(
    'GET',
    `/api/v1/funds/${fundId}/indicators?period=${period}`,
    token,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ indicators: Record<string, unknown> }>().indicators;
}

async function townshipPackage(): Promise<FundPackage> {
  const response = await township.call('GET', `/api/v1/funds/${townshipFundId}/package`, officer);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<FundPackage>();
}

async function report(reportId: number) {
  const response = await township.call('GET', `/api/v1/quarterly-reports/${reportId}`, officer);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{
    status: string;
    source: string;
    period: string;
    indicators: { values: Record<string, unknown> };
    submittedAt: string | null;
    events: { action: string; toStatus: string; actorName: string }[];
  }>();
}

async function post(url: string, body: unknown, token?: string) {
  const response = await books.post(url, body, token);
  expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
  return response.body;
}

beforeAll(async () => {
  village = await createTestApp();
  township = await createTestApp();
  books = await openBooks(village);
  officer = await township.login('township');
  county = await township.login('county');

  // 2026Q2 in the village: five households, a group, fiscal money, one loan, one repayment.
  for (let n = 1; n <= 5; n += 1) {
    members.push(
      await registerMember(books, n, {
        joinedOn: '2026-04-01',
        category: n === 1 ? 'poor' : 'ordinary',
      }),
    );
  }
  const m = (n: number): number => members[n - 1] ?? 0;
  await post('/groups', { name: '一组', formedOn: '2026-04-02', memberIds: members });
  await post('/household-counts', { asOf: '2026-04-01', totalHouseholds: 40, poorHouseholds: 8 });
  await post('/cash-events', {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2026-04-03',
    amountFen: 15_000_000,
  });
  loanId = await approvedLoan(books, m(1), [m(2), m(3)], {
    amountFen: 300_000,
    termMonths: 3,
    appliedOn: '2026-04-05',
  });
  await post(`/loans/${loanId}/disburse`, { requestId: rid(), on: '2026-04-12', method: 'bank' });
  await post(`/loans/${loanId}/repayments`, {
    requestId: rid(),
    on: '2026-05-20',
    amountFen: 100_000,
    method: 'cash',
  });
  await post('/periods/2026-04/close', undefined);
  q2 = await exportReport('2026Q2');
});
afterAll(async () => {
  await village.close();
  await township.close();
});

describe('the report package', () => {
  it('holds the fund package and the report from the same books, sealed by one checksum', async () => {
    expect(q2).toMatchObject({ format: 'huzhu-report-package', version: 1, period: '2026Q2' });
    expect(q2.checksum).toBe(reportPackageChecksum(q2));
    expect(q2.fundPackage.checksum).toBe(contentChecksum(q2.fundPackage.content));
    expect(q2.report.period).toBe('2026Q2');
    const own = await indicatorsOf(village, books.fundId, books.keeper, '2026Q2');
    expect(q2.report.indicators.values).toEqual(own);
    expect(q2.report.indicators.values.members).toBe(5);
    expect(q2.fundPackage.content.vouchers.length).toBeGreaterThan(4);
  });

  it('needs an ended quarter and the permission to submit reports', async () => {
    const open = await village.call(
      'GET',
      `/api/v1/funds/${books.fundId}/quarterly-reports/package?period=2026Q4`,
      books.keeper,
    );
    expect(open.json<{ code: string }>().code).toBe('period_not_ended');
    const month = await village.call(
      'GET',
      `/api/v1/funds/${books.fundId}/quarterly-reports/package?period=2026-05`,
      books.keeper,
    );
    expect(month.statusCode).toBe(400);
    const auditor = await village.login('auditor');
    const forbidden = await village.call(
      'GET',
      `/api/v1/funds/${books.fundId}/quarterly-reports/package?period=2026Q2`,
      auditor,
    );
    expect(forbidden.json<{ code: string }>().code).toBe('forbidden');
  });
});

describe('import at the township', () => {
  it('brings the empty fund forward and records the report as submitted from the package', async () => {
    const before = await counts(township);
    expect(before.voucher).toBe(0);
    const response = await importReport(q2);
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json<ReportPackageImportResult>();
    expect(result).toMatchObject({
      status: 'imported',
      period: '2026Q2',
      books: 'updated',
      fundCode: q2.fundPackage.content.fund.code,
      checksum: q2.checksum,
    });
    townshipFundId = result.fundId;
    // The township now holds the village's books exactly.
    const copy = await townshipPackage();
    expect(copy.content).toEqual(q2.fundPackage.content);
    expect(copy.checksum).toBe(q2.fundPackage.checksum);
    const view = await report(result.reportId);
    expect(view).toMatchObject({ status: 'submitted', source: 'package', period: '2026Q2' });
    expect(view.submittedAt).toBe(township.clock.now.toISOString());
    expect(view.events.map((e) => [e.action, e.toStatus])).toEqual([
      ['import_package', 'submitted'],
    ]);
    expect(view.indicators).toEqual(q2.report.indicators);
    const theirs = await indicatorsOf(township, townshipFundId, officer, '2026Q2');
    expect(theirs).toEqual(q2.report.indicators.values);
    const row = await township.db.pool.query<{ package_checksum: string }>(
      'SELECT package_checksum FROM quarterly_report WHERE id = $1',
      [result.reportId],
    );
    expect(row.rows[0]?.package_checksum).toBe(q2.checksum);
    const audit = await township.db.pool.query<{ command: string }>(
      "SELECT command FROM audit_log WHERE command IN ('package.fast_forward', 'report.import_package')",
    );
    expect(audit.rows.map((r) => r.command).sort()).toEqual([
      'package.fast_forward',
      'report.import_package',
    ]);
  });

  it('twice changes nothing', async () => {
    const before = await counts(township);
    const response = await importReport(q2);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ReportPackageImportResult>()).toMatchObject({
      status: 'unchanged',
      books: 'unchanged',
      fundId: townshipFundId,
    });
    expect(await counts(township)).toEqual(before);
  });

  it('refuses a changed file (checksum kept) and writes nothing', async () => {
    const before = await counts(township);
    const tampered = structuredClone(q2);
    const line = tampered.fundPackage.content.vouchers[0]?.lines[0];
    if (line === undefined) throw new Error('no voucher line');
    line.amountFen += 100;
    const response = await importReport(tampered);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe('package_checksum_mismatch');
    // The report's figures are covered too.
    const figures = structuredClone(q2);
    figures.report.indicators.values.fund_total = 1;
    const second = await importReport(figures);
    expect(second.json<{ code: string }>().code).toBe('package_checksum_mismatch');
    expect(await counts(township)).toEqual(before);
  });

  it('refuses a changed amount with recomputed checksums, and writes nothing', async () => {
    const before = await counts(township);
    // A report whose figures are not those of its books.
    const figures = structuredClone(q2);
    figures.report.indicators.values.fund_total = 1;
    figures.checksum = reportPackageChecksum(figures);
    const inconsistent = await importReport(figures);
    expect(inconsistent.statusCode).toBe(400);
    const body = inconsistent.json<{
      code: string;
      details: { differences: { indicator: string; report: unknown }[] };
    }>();
    expect(body.code).toBe('report_package_inconsistent');
    expect(body.details.differences).toEqual([
      expect.objectContaining({ indicator: 'fund_total', report: 1 }),
    ]);
    // Books whose voucher no longer balances.
    const unbalanced = resealed(q2, (content) => {
      const line = content.vouchers.at(-1)?.lines[0];
      if (line !== undefined) line.amountFen += 100;
    });
    const invalid = await importReport(unbalanced);
    expect(invalid.statusCode).toBe(400);
    const problems = invalid.json<{ code: string; details: { problems: PackageProblem[] } }>();
    expect(problems.code).toBe('package_invalid');
    expect(problems.details.problems.map((p) => p.code)).toContain('voucher_unbalanced');
    expect(await counts(township)).toEqual(before);
  });

  it('needs the village in scope and a township or county role', async () => {
    const auditor = await township.login('auditor');
    const before = await counts(township);
    const foreign = resealed(q2, (content) => {
      content.fund.village = { code: '500238103201', name: '宝坪村' };
    });
    const outside = await importReport(foreign, county);
    expect(outside.statusCode).toBe(403);
    expect(outside.json<{ code: string }>().code).toBe('region_outside_scope');
    const forbidden = await importReport(q2, auditor);
    expect(forbidden.json<{ code: string }>().code).toBe('forbidden');
    const junk = await importReport({ format: 'huzhu-report-package', version: 1 });
    expect(junk.json<{ code: string }>().code).toBe('package_invalid');
    expect(await counts(township)).toEqual(before);
  });
});

describe('the next quarter', () => {
  it('fast-forwards the township books and submits the Q3 report', async () => {
    const m = (n: number): number => members[n - 1] ?? 0;
    // 2026Q3 in the village: a repayment, a change of category, a new member, a new loan.
    await post(`/loans/${loanId}/repayments`, {
      requestId: rid(),
      on: '2026-07-10',
      amountFen: 50_000,
      method: 'bank',
    });
    await post(`/members/${m(2)}/category`, {
      effectiveOn: '2026-07-12',
      category: 'poor',
      dibao: true,
      wubao: false,
    });
    const sixth = await registerMember(books, 6, { joinedOn: '2026-07-15' });
    const seventh = await registerMember(books, 7, { joinedOn: '2026-07-15' });
    await post('/groups', { name: '二组', formedOn: '2026-07-16', memberIds: [sixth, seventh] });
    // Household 5 leaves (its group membership ends, its shares are refunded) and joins again.
    await post(`/members/${m(5)}/exit`, { requestId: rid(), on: '2026-07-20', method: 'cash' });
    await registerMember(books, 5, { joinedOn: '2026-07-25' });
    const second = await approvedLoan(books, m(4), [m(2), m(3)], {
      amountFen: 200_000,
      termMonths: 6,
      appliedOn: '2026-08-01',
    });
    await post(`/loans/${second}/disburse`, { requestId: rid(), on: '2026-08-08', method: 'bank' });
    await post('/cash-events', {
      requestId: rid(),
      kind: 'expense',
      on: '2026-09-15',
      amountFen: 20_000,
      method: 'cash',
      memo: '账簿',
    });
    q3 = await exportReport('2026Q3');

    const response = await importReport(q3, county);
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json<ReportPackageImportResult>();
    expect(result).toMatchObject({ status: 'imported', books: 'updated', period: '2026Q3' });
    expect(result.fundId).toBe(townshipFundId);
    const copy = await townshipPackage();
    expect(copy.content).toEqual(q3.fundPackage.content);
    expect(copy.checksum).toBe(q3.fundPackage.checksum);
    expect((await report(result.reportId)).status).toBe('submitted');
    const theirs = await indicatorsOf(township, townshipFundId, officer, '2026Q3');
    expect(theirs).toEqual(await indicatorsOf(village, books.fundId, books.keeper, '2026Q3'));
    // The Q2 report keeps its snapshot, and its package again changes nothing.
    const before = await counts(township);
    const again = await importReport(q2);
    expect(again.json<ReportPackageImportResult>().status).toBe('unchanged');
    expect(await counts(township)).toEqual(before);
  });

  it('refuses the older fund package, a different history, and a reviewed report', async () => {
    const before = await counts(township);
    const older = await township.call('POST', '/api/v1/packages/import', officer, q2.fundPackage);
    expect(older.statusCode).toBe(409);
    expect(older.json<{ code: string }>().code).toBe('package_older_than_books');

    const rewritten = resealed(q3, (content) => {
      const voucher = content.vouchers[1];
      if (voucher !== undefined) voucher.memo = '改写的摘要';
      const member = content.members[0];
      if (member !== undefined) member.joinedOn = '2026-03-31';
    });
    const diverged = await importReport(rewritten);
    expect(diverged.statusCode).toBe(409);
    const body = diverged.json<{ code: string; details: { problems: PackageProblem[] } }>();
    expect(body.code).toBe('package_diverged');
    expect(body.details.problems.map((p) => [p.record, p.field, p.code])).toEqual([
      ['M1', 'joinedOn', 'record_differs'],
      [q3.fundPackage.content.vouchers[1]?.id, 'memo', 'record_differs'],
    ]);
    expect(await counts(township)).toEqual(before);

    // Reviewed by the county: a new package for the quarter may not replace it, and its books
    // are not brought forward either (all or nothing).
    const q3Report = (await importReport(q3)).json<ReportPackageImportResult>();
    const decision = await township.call(
      'POST',
      `/api/v1/quarterly-reports/${q3Report.reportId}/decision`,
      county,
      { action: 'approve' },
    );
    expect(decision.statusCode, decision.body).toBe(200);
    await post('/cash-events', {
      requestId: rid(),
      kind: 'bank_interest',
      on: '2026-11-20',
      amountFen: 1_234,
    });
    const later = await exportReport('2026Q3');
    expect(later.checksum).not.toBe(q3.checksum);
    const reviewed = await counts(township);
    const refused = await importReport(later);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('report_invalid_transition');
    expect(await counts(township)).toEqual(reviewed);
    // The books alone may still move forward: a fund package carries no report.
    const booksOnly = await township.call(
      'POST',
      '/api/v1/packages/import',
      officer,
      later.fundPackage,
    );
    expect(booksOnly.statusCode, booksOnly.body).toBe(200);
    expect(
      booksOnly.json<{ status: string; changes: { added: Record<string, number> } }>(),
    ).toMatchObject({ status: 'updated', changes: { added: { vouchers: 1 } } });
  });
});

describe('compareBooks (the fast-forward validator)', () => {
  it('lists every record that differs or is missing, and plans the rest', () => {
    const base = q2.fundPackage.content;
    const next = q3.fundPackage.content;
    const forward = compareBooks(base, next);
    expect(forward.outcome).toBe('forward');
    expect(forward.differing).toEqual([]);
    expect(forward.missing).toEqual([]);
    // Category history: M2's change and the first record of each new member.
    expect(forward.added).toMatchObject({ members: 3, loans: 1, groups: 1, categoryHistory: 4 });
    expect(forward.plan.memberUpdate.map((m) => m.id)).toEqual(['M2', 'M5']);
    expect(forward.plan.groupMemberUpdate.map((g) => [g.groupId, g.member.memberId])).toEqual([
      ['G:一组', 'M5'],
    ]);
    expect(forward.plan.shareInsert.map((s) => [s.memberId, s.share.kind])).toEqual(
      expect.arrayContaining([['M5', 'refund']]),
    );
    expect(forward.plan.loanUpdate.map((l) => l.id)).toEqual(['L1']);
    expect(forward.plan.repaymentInsert.map((r) => r.loanId)).toEqual(['L1']);
    expect(forward.plan.groupMemberInsert.map((g) => [g.groupId, g.member.memberId])).toEqual([
      ['G:二组', 'M6'],
      ['G:二组', 'M7'],
    ]);

    const older = compareBooks(next, base);
    expect(older.outcome).toBe('older');
    expect(older.missing.map((p) => p.code)).toEqual(expect.arrayContaining(['record_missing']));
    expect(older.missing.map((p) => p.record)).toEqual(expect.arrayContaining(['M8', 'L2']));

    // A fund registered at the township with another founding date: its initial bylaws give way.
    const registered = {
      ...emptyContent({ ...base.fund, foundedOn: null }),
      bylaws: base.bylaws.map((b) => ({ ...b, effectiveOn: '2025-01-01' })),
    };
    const first = compareBooks(registered, base);
    expect(first).toMatchObject({ outcome: 'forward', differing: [], missing: [] });
    expect(first.plan).toMatchObject({ replaceBylaws: true, fundProfile: true });
    expect(first.plan.bylawsUpsert).toEqual(base.bylaws);

    expect(compareBooks(base, base).outcome).toBe('identical');
    const renamed = structuredClone(base);
    const member = renamed.members[0];
    if (member === undefined) throw new Error('members');
    member.phone = '13800000000';
    expect(compareBooks(base, renamed).outcome).toBe('unordered');

    const broken = structuredClone(next);
    const [m1, m2] = broken.members;
    const loan = broken.loans[0];
    const voucher = broken.vouchers[0];
    if (m1 === undefined || m2 === undefined || loan === undefined || voucher === undefined)
      throw new Error('fixture');
    m1.idCardNo = m2.idCardNo;
    loan.amountFen += 1;
    loan.repayments.shift();
    loan.steps[1] = { ...loan.steps[1], actorName: '别人' } as (typeof loan.steps)[number];
    voucher.lines.reverse();
    broken.periodCloses = [];
    const diverged = compareBooks(base, broken);
    expect(diverged.outcome).toBe('diverged');
    expect(diverged.differing.map((p) => [p.path, p.record, p.field, p.code])).toEqual([
      ['content.members[0]', 'M1', 'idCardNo', 'record_differs'],
      ['content.loans[0]', 'L1', 'amountFen', 'record_differs'],
      ['content.loans[0].steps[1]', 'L1', 'actorName', 'record_differs'],
      ['content.vouchers[0]', voucher.id, 'lines', 'record_differs'],
    ]);
    expect(diverged.missing.map((p) => [p.path, p.record, p.code])).toEqual([
      ['content.loans[0].repayments', 'L1', 'record_missing'],
      ['content.periodCloses', '2026-04', 'record_missing'],
    ]);
    for (const problem of [...diverged.differing, ...diverged.missing])
      expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
