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
let county: string;
const m: number[] = [];
let loanId = 0;

beforeAll(async () => {
  t = await createTestApp();
  books = await openBooks(t);
  county = await t.login('county');
  for (let n = 1; n <= 4; n += 1)
    m.push(
      await registerMember(books, n, {
        joinedOn: '2026-07-01',
        category: n === 1 ? 'poor' : 'ordinary',
      }),
    );
  await books.post('/groups', { name: '一组', formedOn: '2026-07-02', memberIds: m });
  await books.post('/household-counts', {
    asOf: '2026-07-01',
    totalHouseholds: 40,
    poorHouseholds: 8,
  });
  await books.post('/cash-events', {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2026-07-03',
    amountFen: 15_000_000,
  });
  loanId = await approvedLoan(books, m[0] ?? 0, [m[1] ?? 0, m[2] ?? 0], {
    amountFen: 300_000,
    termMonths: 1,
    appliedOn: '2026-07-05',
  });
  await books.post(`/loans/${loanId}/disburse`, {
    requestId: rid(),
    on: '2026-07-10',
    method: 'bank',
  });
});
afterAll(async () => {
  await t.close();
});

describe('indicators', () => {
  it('computes a fund quarter from its books, ratios with numerator and denominator', async () => {
    const response = await books.get('/indicators?period=2026Q3');
    expect(response.status).toBe(200);
    const v = response.body.indicators as Record<string, unknown>;
    expect(v.members).toBe(4);
    expect(v.members_poor).toBe(1);
    expect(v.membership_rate).toEqual({ numerator: 4, denominator: 40 });
    expect(v.poor_membership_rate).toEqual({ numerator: 1, denominator: 8 });
    expect(v.disbursed_amount).toBe(300_000);
    expect(v.disbursed_poor_share).toEqual({ numerator: 300_000, denominator: 300_000 });
    // Due 2026-08-10, unpaid at 2026-09-30: 51 days past due.
    expect(v.due_principal).toBe(300_000);
    expect(v.on_time_rate).toEqual({ numerator: 0, denominator: 300_000 });
    expect(v.par30).toEqual({ numerator: 300_000, denominator: 300_000 });
    expect(v.fund_total).toBe(15_000_000 + 60_000);
    // Nothing due in Q2: on-time rate is not applicable (0 ÷ 0), never 0 or 100%.
    const q2 = await books.get('/indicators?period=2026Q2');
    expect((q2.body.indicators as Record<string, unknown>).on_time_rate).toEqual({
      numerator: 0,
      denominator: 0,
    });
  });

  it('rolls a county up from its funds and drills down to townships', async () => {
    const response = await t.call('GET', '/api/v1/indicators?period=2026Q3', county);
    const body = response.json<{
      total: { name: string; fundCount: number; indicators: Record<string, unknown> };
      children: { name: string; fundCount: number; indicators: Record<string, unknown> }[];
    }>();
    expect(body.total.name).toBe('城口县');
    expect(body.total.fundCount).toBe(4);
    expect(body.total.indicators.outstanding).toBe(300_000);
    expect(body.children.map((c) => c.name)).toEqual(['修齐镇', '高观镇']);
    expect(body.children[0]?.indicators.outstanding).toBe(300_000);
    expect(body.children[1]?.indicators.utilization_rate).toEqual({ numerator: 0, denominator: 0 });
  });

  it('refuses a malformed period', async () => {
    const response = await books.get('/indicators?period=2026Q5');
    expect(response.status).toBe(400);
  });
});

describe('quarterly report workflow', () => {
  let reportId = 0;

  it('refuses a quarter that has not ended', async () => {
    const before = await countRows(t.db, 'quarterly_report');
    const response = await books.post('/quarterly-reports/submit', { period: '2026Q4' });
    expect(response.body).toMatchObject({ code: 'period_not_ended' });
    expect(await countRows(t.db, 'quarterly_report')).toBe(before);
  });

  it('submits, is reviewed and locked by the county; late submissions are flagged', async () => {
    const submitted = await books.post('/quarterly-reports/submit', { period: '2026Q3' });
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      deadline: '2026-10-05',
      late: true,
    });
    reportId = submitted.body.id as number;
    const byKeeper = await t.call(
      'POST',
      `/api/v1/quarterly-reports/${reportId}/decision`,
      books.keeper,
      { action: 'approve' },
    );
    expect(byKeeper.json()).toMatchObject({ code: 'forbidden' });
    const noReason = await t.call(
      'POST',
      `/api/v1/quarterly-reports/${reportId}/decision`,
      county,
      { action: 'return' },
    );
    expect(noReason.json()).toMatchObject({ code: 'report_return_needs_reason' });
    expect(
      (
        await t.call('POST', `/api/v1/quarterly-reports/${reportId}/decision`, county, {
          action: 'approve',
        })
      ).json(),
    ).toMatchObject({ status: 'reviewed' });
    expect(
      (
        await t.call('POST', `/api/v1/quarterly-reports/${reportId}/decision`, county, {
          action: 'lock',
        })
      ).json(),
    ).toMatchObject({ status: 'locked' });
    const board = (await t.call('GET', '/api/v1/report-status?period=2026Q3', county)).json<{
      summary: Record<string, number>;
    }>();
    expect(board.summary).toEqual({ funds: 4, submitted: 1, late: 1, missing: 3, locked: 1 });
  });

  it('a locked report keeps its figures when a voucher is later added to that quarter', async () => {
    await books.post('/cash-events', {
      requestId: rid(),
      kind: 'donation',
      on: '2026-09-20',
      amountFen: 1_000_000,
      method: 'bank',
    });
    const locked = await t.call('GET', `/api/v1/quarterly-reports/${reportId}`, county);
    expect(
      locked.json<{ indicators: { values: Record<string, number> } }>().indicators.values
        .fund_total,
    ).toBe(15_060_000);
    const live = await books.get('/indicators?period=2026Q3');
    expect((live.body.indicators as Record<string, number>).fund_total).toBe(16_060_000);
    const resubmit = await books.post('/quarterly-reports/submit', { period: '2026Q3' });
    expect(resubmit.body).toMatchObject({ code: 'report_locked' });
  });

  it('changes only through an unlock request with a reason, approved by the county', async () => {
    const noReason = await t.call(
      'POST',
      `/api/v1/quarterly-reports/${reportId}/unlock-requests`,
      books.keeper,
      { reason: '  ' },
    );
    expect(noReason.json()).toMatchObject({ code: 'unlock_needs_reason' });
    const asked = await t.call(
      'POST',
      `/api/v1/quarterly-reports/${reportId}/unlock-requests`,
      books.keeper,
      { reason: '漏记九月捐赠' },
    );
    expect(asked.statusCode).toBe(201);
    const approved = await t.call(
      'POST',
      `/api/v1/quarterly-reports/${reportId}/unlock-decision`,
      county,
      { approve: true, note: '同意' },
    );
    expect(approved.json()).toMatchObject({ status: 'returned' });
    const again = await books.post('/quarterly-reports/submit', { period: '2026Q3' });
    expect((again.body.indicators as { values: Record<string, number> }).values.fund_total).toBe(
      16_060_000,
    );
    const events = (again.body.events as { action: string }[]).map((e) => e.action);
    expect(events).toEqual(expect.arrayContaining(['submit', 'approve', 'lock', 'unlock']));
  });

  it('reads the city rollup from stored snapshots', async () => {
    const city = await t.login('city');
    const response = await t.call('GET', '/api/v1/indicators?period=2026Q3&source=snapshot', city);
    const body = response.json<{
      total: { fundCount: number; indicators: Record<string, number> };
    }>();
    expect(body.total.fundCount).toBe(1);
    expect(body.total.indicators.fund_total).toBe(16_060_000);
  });
});

describe('warnings', () => {
  it('raises an overdue warning with its evidence, and it clears when the loan is repaid', async () => {
    const list = await t.call('GET', '/api/v1/warnings', county);
    const items = list.json<{
      items: { id: number; code: string; evidence: { loans?: string[] }; status: string }[];
    }>().items;
    const overdue = items.find((w) => w.code === 'overdue_rate_high');
    expect(overdue?.evidence.loans).toContain(String(loanId));
    const noNote = await t.call('POST', `/api/v1/warnings/${overdue?.id ?? 0}/actions`, county, {
      action: 'acknowledge',
      note: '',
    });
    expect(noNote.statusCode).toBe(400);
    expect(
      (
        await t.call('POST', `/api/v1/warnings/${overdue?.id ?? 0}/actions`, county, {
          action: 'acknowledge',
          note: '已督促还款',
        })
      ).statusCode,
    ).toBe(204);
    const quote = await books.get(`/loans/${loanId}/quote?on=2026-11-20`);
    await books.post(`/loans/${loanId}/repayments`, {
      requestId: rid(),
      on: '2026-11-20',
      amountFen: quote.body.totalFen,
      method: 'bank',
    });
    const after = await t.call('GET', '/api/v1/warnings?status=resolved', county);
    expect(after.json<{ items: { code: string }[] }>().items.map((w) => w.code)).toContain(
      'overdue_rate_high',
    );
    const history = await t.call('GET', `/api/v1/warnings/${overdue?.id ?? 0}/history`, county);
    expect(history.json<{ items: { action: string }[] }>().items.map((e) => e.action)).toEqual([
      'raise',
      'acknowledge',
      'clear',
    ]);
  });

  it('refuses thresholds out of range and writes nothing', async () => {
    const region =
      (await t.call('GET', '/api/v1/regions', county)).json<{ items: { id: number }[] }>().items[0]
        ?.id ?? 0;
    const before = await countRows(t.db, 'warning_threshold');
    const bad = await t.call('PUT', `/api/v1/regions/${region}/warning-thresholds`, county, {
      overdueRatePercent: 150,
    });
    expect(bad.json()).toMatchObject({ code: 'warning_threshold_out_of_range' });
    expect(await countRows(t.db, 'warning_threshold')).toBe(before);
    expect(
      (
        await t.call('PUT', `/api/v1/regions/${region}/warning-thresholds`, county, {
          overdueRatePercent: 3,
        })
      ).statusCode,
    ).toBe(204);
    const read = await t.call('GET', `/api/v1/regions/${region}/warning-thresholds`, county);
    expect(read.json()).toMatchObject({ overdueRatePercent: 3, maxDpdDays: 90 });
  });
});

describe('a returned, corrected report', () => {
  it('keeps its first on-time submission: not late, shown as 更正重报', async () => {
    const saved = t.clock.now;
    const at = async (iso: string, username: string): Promise<string> => {
      t.clock.now = new Date(iso);
      return t.login(username);
    };
    const submit = async (token: string) =>
      t.call('POST', `/api/v1/funds/${String(books.fundId)}/quarterly-reports/submit`, token, {
        period: '2026Q2',
      });
    try {
      // Handed in on 2026-07-03, two days before the deadline.
      const first = await submit(await at('2026-07-03T02:00:00Z', 'bookkeeper'));
      expect(first.json()).toMatchObject({ status: 'submitted', late: false, corrected: false });
      const reportId = first.json<{ id: number }>().id;
      const returned = await t.call(
        'POST',
        `/api/v1/quarterly-reports/${String(reportId)}/decision`,
        await at('2026-07-04T02:00:00Z', 'county'),
        { action: 'return', reason: '户数填写有误，请核对后重报' },
      );
      expect(returned.json()).toMatchObject({ status: 'returned' });
      // Corrected and resubmitted in November, long after the deadline.
      const again = await submit(await at('2026-11-20T02:00:00Z', 'bookkeeper'));
      expect(again.json()).toMatchObject({
        status: 'submitted',
        late: false,
        corrected: true,
        firstSubmittedAt: '2026-07-03T02:00:00.000Z',
        submittedAt: '2026-11-20T02:00:00.000Z',
      });
      const board = await t.call(
        'GET',
        '/api/v1/report-status?period=2026Q2',
        await at('2026-11-20T03:00:00Z', 'county'),
      );
      const item = board
        .json<{ items: { fundId: number; late: boolean; corrected: boolean }[] }>()
        .items.find((i) => i.fundId === books.fundId);
      expect(item).toMatchObject({
        late: false,
        corrected: true,
        firstSubmittedOn: '2026-07-03',
        submittedOn: '2026-11-20',
      });
      expect(board.json<{ summary: { late: number } }>().summary.late).toBe(0);
    } finally {
      t.clock.now = saved;
    }
  });
});
