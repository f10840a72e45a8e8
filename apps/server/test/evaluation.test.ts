import { DEFAULT_EVALUATION_SCHEME } from '@huzhu/domain';
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
let county: string;
let runId = 0;

const manualItems = DEFAULT_EVALUATION_SCHEME.dimensions.flatMap((d) =>
  d.items.filter((i) => i.kind === 'manual'),
);

beforeAll(async () => {
  t = await createTestApp();
  books = await openBooks(t);
  city = await t.login('city');
  county = await t.login('county');
  // 东河村: a loan in 2026 written off — a loss in the year.
  const m: number[] = [];
  for (let n = 1; n <= 3; n += 1)
    m.push(await registerMember(books, n, { joinedOn: '2026-01-05' }));
  await books.post('/groups', { name: '一组', formedOn: '2026-01-06', memberIds: m });
  await books.post('/cash-events', {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2026-01-10',
    amountFen: 15_000_000,
  });
  const loan = await approvedLoan(books, m[0] ?? 0, [m[1] ?? 0, m[2] ?? 0], {
    amountFen: 100_000,
    termMonths: 2,
    appliedOn: '2026-01-12',
  });
  await books.post(`/loans/${loan}/disburse`, {
    requestId: rid(),
    on: '2026-01-15',
    method: 'bank',
  });
  await books.post(`/loans/${loan}/write-off`, {
    requestId: rid(),
    on: '2026-09-30',
    resolutionNo: '〔2026〕1号',
    resolutionDate: '2026-09-28',
  });
});
afterAll(async () => {
  await t.close();
});

describe('performance evaluation (绩效考评)', () => {
  it('refuses a scheme whose weights do not sum to 100, writing nothing', async () => {
    const before = await countRows(t.db, 'evaluation_scheme');
    const [first, ...rest] = DEFAULT_EVALUATION_SCHEME.dimensions;
    const broken = {
      ...DEFAULT_EVALUATION_SCHEME,
      dimensions: [{ ...first, weight: (first?.weight ?? 0) + 5 }, ...rest],
    };
    const response = await t.call('POST', '/api/v1/evaluation/schemes', city, {
      name: '错误方案',
      scheme: broken,
    });
    expect(response.statusCode).toBe(400);
    const codes = response
      .json<{ details: { problems: { code: string }[] } }>()
      .details.problems.map((p) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining(['evaluation_weights_not_100', 'evaluation_items_not_weight']),
    );
    expect(await countRows(t.db, 'evaluation_scheme')).toBe(before);
  });

  it('scores every fund, ranks them and proposes outcomes', async () => {
    const response = await t.call('POST', '/api/v1/evaluation/runs', city, {
      year: 2026,
      evaluatedOn: '2026-11-20',
    });
    expect(response.statusCode).toBe(201);
    const run = response.json<{
      id: number;
      funds: {
        fundName: string;
        rankInCity: number;
        proposedOutcome: string;
        complete: boolean;
        problems: string[];
        totalTenths: number;
      }[];
    }>();
    runId = run.id;
    expect(run.funds).toHaveLength(6);
    expect(run.funds.map((f) => f.rankInCity).sort((a, b) => a - b)[0]).toBe(1);
    const dongHe = run.funds.find((f) => f.fundName === '东河村扶贫互助社');
    // A write-off in the year is a loss: the proposal is exit, whatever the score.
    expect(dongHe?.proposedOutcome).toBe('exit');
    expect(dongHe?.complete).toBe(false);
    expect(dongHe?.problems).toContain('manual_score_missing');
  });

  it('takes manual scores with evidence; a score outside its band is refused and nothing changes', async () => {
    const fundId = books.fundId;
    const [item] = manualItems;
    const before = await t.db.pool.query<{ manual_scores: unknown }>(
      'SELECT manual_scores FROM evaluation_result WHERE run_id = $1 AND fund_id = $2',
      [runId, fundId],
    );
    const bad = await t.call(
      'PUT',
      `/api/v1/evaluation/runs/${runId}/funds/${fundId}/manual`,
      county,
      { scores: { [item?.code ?? '']: { points: (item?.maxPoints ?? 0) + 1, evidence: '超分' } } },
    );
    expect(bad.json()).toMatchObject({ code: 'manual_score_out_of_band' });
    const after = await t.db.pool.query<{ manual_scores: unknown }>(
      'SELECT manual_scores FROM evaluation_result WHERE run_id = $1 AND fund_id = $2',
      [runId, fundId],
    );
    expect(after.rows).toEqual(before.rows);
    const scores = Object.fromEntries(
      manualItems.map((i) => [i.code, { points: i.maxPoints, evidence: '现场检查，资料齐全' }]),
    );
    const ok = await t.call(
      'PUT',
      `/api/v1/evaluation/runs/${runId}/funds/${fundId}/manual`,
      county,
      { scores },
    );
    const fund = ok
      .json<{ funds: { fundId: number; complete: boolean; totalTenths: number }[] }>()
      .funds.find((f) => f.fundId === fundId);
    expect(fund?.complete).toBe(true);
    const reread = (await t.call('GET', `/api/v1/evaluation/runs/${String(runId)}`, county)).json<{
      schemeName: string;
      funds: { fundId: number; manual: { scores?: Record<string, { points: number }> } }[];
    }>();
    expect(reread.schemeName).toBe(DEFAULT_EVALUATION_SCHEME.name);
    expect(
      Object.keys(reread.funds.find((f) => f.fundId === fundId)?.manual.scores ?? {}),
    ).toHaveLength(manualItems.length);
    const runs = (await t.call('GET', '/api/v1/evaluation/runs?year=2026', county)).json<{
      items: { id: number }[];
    }>();
    expect(runs.items.map((r) => r.id)).toEqual([runId]);
    const manualTenths = manualItems.reduce((sum, i) => sum + i.maxPoints * 10, 0);
    expect(fund?.totalTenths).toBeGreaterThanOrEqual(manualTenths);
  });

  it('the city approves: an exit decision and rectification tasks follow', async () => {
    const other = (await t.call('GET', `/api/v1/evaluation/runs/${runId}`, city))
      .json<{ funds: { fundId: number; fundName: string }[] }>()
      .funds.find((f) => f.fundName !== '东河村扶贫互助社');
    const approved = await t.call('POST', `/api/v1/evaluation/runs/${runId}/approve`, city, {
      overrides: [{ fundId: other?.fundId, outcome: 'rectify', reason: '账务不规范' }],
    });
    expect(approved.json()).toMatchObject({ status: 'approved' });
    const exit = await books.get('/exit');
    expect(exit.body).toMatchObject({ decided: true });
    const history = await t.call('GET', `/api/v1/funds/${other?.fundId ?? 0}/evaluations`, county);
    const body = history.json<{
      evaluations: { approvedOutcome: string }[];
      rectifications: { id: number; deadline: string; status: string }[];
    }>();
    expect(body.evaluations[0]?.approvedOutcome).toBe('rectify');
    // Unscored, it failed: 限期整改 90 days from the evaluation date (2026-11-20).
    expect(body.rectifications[0]).toMatchObject({ status: 'open', deadline: '2027-02-18' });
    const noEvidence = await t.call(
      'POST',
      `/api/v1/rectifications/${body.rectifications[0]?.id ?? 0}/close`,
      county,
      { evidence: ' ', closedOn: '2026-11-25' },
    );
    expect(noEvidence.json()).toMatchObject({ code: 'rectification_needs_evidence' });
    const closed = await t.call(
      'POST',
      `/api/v1/rectifications/${body.rectifications[0]?.id ?? 0}/close`,
      county,
      { evidence: '已补建档案，会员大会已召开', closedOn: '2026-11-25' },
    );
    expect(closed.statusCode).toBe(204);
    const again = await t.call(
      'PUT',
      `/api/v1/evaluation/runs/${runId}/funds/${books.fundId}/manual`,
      county,
      { scores: {} },
    );
    expect(again.json()).toMatchObject({ code: 'evaluation_run_approved' });
  });
});
