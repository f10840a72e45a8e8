import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdftotext, soffice } from './support/required-tools.js';
import type { PlanBody, PlanTableBody, PlanView } from '@huzhu/contract';
import { fen, plan2012Example, type YearlyPlan } from '@huzhu/domain';
import { countRows, createTestApp, type TestApp } from './support/test-app.js';
import { openBooks, rid, type Books } from './support/books-fixture.js';

let t: TestApp;
let city: string;
let county: string;
let admin: string;
let township: string;
let books: Books;
/** Village code → { regionId, fundId } of the demo villages. */
const villages = new Map<string, { code: string; regionId: number; fundId: number | null }>();

const WUXI = '500238000000';

function village(name: string): { code: string; regionId: number; fundId: number | null } {
  const found = villages.get(name);
  if (found === undefined) throw new Error(`no village ${name}`);
  return found;
}

/** The domain plan as the API takes it. */
function body(plan: YearlyPlan, title: string): PlanBody {
  return {
    title,
    year: plan.year,
    documentNumber: plan.documentNumber,
    issuingOffice: plan.issuingOffice,
    issuedOn: plan.issuedOn,
    standardAmountFen: plan.standardAmountFen,
    budget: plan.budget.map((b) => ({ source: b.source, amountFen: b.amountFen })),
    allocations: plan.allocations.map((line) => ({
      countyCode: line.countyCode,
      villageCode: line.villageCode,
      category: line.category,
      source: line.source,
      villageCount: line.villageCount,
      ...(line.amountFen === undefined ? {} : { amountFen: line.amountFen }),
      ...(line.remark === undefined ? {} : { remark: line.remark }),
    })),
  };
}

/** A small 2026 plan of city money (one source), with the given lines. */
function small(title: string, lines: PlanBody['allocations'], budgetFen = 60_000_000): PlanBody {
  return {
    title,
    year: 2026,
    documentNumber: '渝扶办发〔2026〕12号',
    issuingOffice: '重庆市扶贫开发办公室　重庆市财政局',
    standardAmountFen: 15_000_000,
    budget: [{ source: 'city', amountFen: budgetFen }],
    allocations: lines,
  };
}

function rewardLine(name: string, amountFen?: number): PlanBody['allocations'][number] {
  const v = village(name);
  return {
    countyCode: `${v.code.slice(0, 6)}000000`,
    villageCode: v.code,
    category: 'reward_expand',
    source: 'city',
    villageCount: 1,
    ...(amountFen === undefined ? {} : { amountFen }),
  };
}

async function post(url: string, token: string, payload?: unknown) {
  const response = await t.call('POST', `/api/v1${url}`, token, payload);
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

async function refusedWithNothingWritten(payload: PlanBody, code: string) {
  const before = await countRows(t.db, 'yearly_plan');
  const response = await post('/plans', city, payload);
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(response.body.code).toBe(code);
  const details = response.body.details as { problems: { code: string; message: string }[] };
  expect(details.problems.map((p) => p.code)).toContain(code);
  expect(await countRows(t.db, 'yearly_plan')).toBe(before);
  return details;
}

beforeAll(async () => {
  t = await createTestApp();
  city = await t.login('city');
  county = await t.login('county');
  admin = await t.login('admin');
  township = await t.login('township');
  books = await openBooks(t);
  // A village without a fund under 修齐镇.
  const xiuqi = await t.db.pool.query<{ id: number }>(
    `SELECT id FROM region WHERE code = '500229101000'`,
  );
  const created = await post('/regions', admin, {
    code: '500229101209',
    name: '无社村',
    parentId: xiuqi.rows[0]?.id,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const rows = await t.db.pool.query<{ id: number; code: string; name: string; fund_id: number }>(
    `SELECT r.id, r.code, r.name, f.id AS fund_id FROM region r LEFT JOIN fund f ON f.region_id = r.id WHERE r.level = 'village'`,
  );
  for (const r of rows.rows)
    villages.set(r.name, { code: r.code, regionId: r.id, fundId: r.fund_id });
});
afterAll(async () => {
  await t.close();
});

describe('the 2012 plan of the founding notice', () => {
  let planId = 0;

  it('is entered as written and reconciles, the city money’s 100万 remainder shown', async () => {
    const response = await post(
      '/plans',
      city,
      body(plan2012Example(), '2012年村级互助资金试点项目计划'),
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const plan = response.body as unknown as PlanView;
    planId = plan.id ?? 0;
    expect(plan.status).toBe('draft');
    expect(plan.problems).toEqual([]);
    expect(plan.canIssue).toBe(true);
    const cityMoney = plan.reconciliation.sources.find((s) => s.source === 'city');
    expect(cityMoney).toMatchObject({
      name: '市级资金',
      budgetFen: 4_000_000_000,
      allocatedFen: 3_900_000_000,
      remainderFen: 100_000_000,
      villageCount: 260,
      status: 'remainder',
    });
    expect(plan.reconciliation.sources.find((s) => s.source === 'central_reward')).toMatchObject({
      budgetFen: 200_000_000,
      allocatedFen: 200_000_000,
      remainderFen: 0,
      villageCount: 14,
      status: 'balanced',
    });
    expect(plan.reconciliation.total).toEqual({
      budgetFen: 4_200_000_000,
      allocatedFen: 4_100_000_000,
      remainderFen: 100_000_000,
      villageCount: 274,
    });
    const byCategory = Object.fromEntries(
      plan.reconciliation.byCategory.map((c) => [c.category, c.villageCount]),
    );
    expect(byCategory).toEqual({ central_reward: 14, new_pilot: 160, reward_expand: 100 });
    expect(plan.reconciliation.byCounty).toHaveLength(12);
    expect(plan.reconciliation.byCounty[0]).toMatchObject({
      countyName: '城口县',
      villageCount: 24,
      // 30万 central reward + (14 + 8) × 15万 = 360万.
      amountFen: 360_000_000,
    });
  });

  it('reads back the same, and lists it; a county cannot see the city’s draft', async () => {
    const read = await t.call('GET', `/api/v1/plans/${planId}`, city);
    expect(read.statusCode).toBe(200);
    const plan = read.json<PlanView>();
    expect(plan.reconciliation.total.remainderFen).toBe(100_000_000);
    expect(plan.allocations).toHaveLength(plan2012Example().allocations.length);
    const list = await t.call('GET', '/api/v1/plans?year=2012', city);
    expect(list.json<{ items: { id: number; remainderFen: number }[] }>().items).toEqual([
      expect.objectContaining({ id: planId, remainderFen: 100_000_000, villageCount: 274 }),
    ]);
    expect((await t.call('GET', `/api/v1/plans/${planId}`, county)).statusCode).toBe(404);
    expect(
      (await t.call('GET', '/api/v1/plans', county)).json<{ items: unknown[] }>().items,
    ).toEqual([]);
    expect((await post('/plans', county, body(plan2012Example(), 'x'))).status).toBe(403);
  });

  it('附件1: the .xlsx shows the json model’s figures in 万元 under the group headers', async () => {
    const json = await t.call('GET', `/api/v1/plans/${planId}/attachment-1?format=json`, city);
    expect(json.statusCode, json.body).toBe(200);
    const model = json.json<PlanTableBody>();
    expect(model.moneyUnit).toBe('wan_yuan');
    expect(model.rows).toHaveLength(12);
    expect(model.totals).toMatchObject({
      county: '合计',
      villagesTotal: 274,
      amountTotal: 4_100_000_000,
      amountCity: 3_900_000_000,
      amountCentralReward: 200_000_000,
    });
    expect(model.totals?.remarks).toContain('市级资金未分配结余100万元');
    const file = await t.call('GET', `/api/v1/plans/${planId}/attachment-1?format=xlsx`, city);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    if (sheet === undefined) throw new Error('no sheet');
    expect(sheet.getCell('A1').value).toBe(model.title);
    expect(sheet.getCell('A2').value).toBe(model.subtitle);
    expect(sheet.getCell('A2').text).toContain('万元');
    // Row 3: group titles (区县 and 备注 merged down); row 4: the column titles.
    expect(sheet.getCell('A3').value).toBe('区县');
    expect(sheet.getCell('A3').isMerged).toBe(true);
    expect(sheet.getCell('B3').value).toBe('试点村个数（个）');
    expect(sheet.getCell('F3').value).toBe('资金（万元）');
    expect(sheet.getCell('E3').isMerged).toBe(true);
    model.columns.forEach((c, index) => {
      if (c.key !== 'county' && c.key !== 'remarks')
        expect(sheet.getRow(4).getCell(index + 1).value).toBe(c.title);
    });
    const all = [...model.rows, ...(model.totals === undefined ? [] : [model.totals])];
    all.forEach((data, r) => {
      model.columns.forEach((c, index) => {
        const cell = sheet.getRow(5 + r).getCell(index + 1);
        const value = data[c.key];
        if (value === null || value === undefined) expect(cell.value).toBeNull();
        else if (c.kind === 'money') {
          expect(cell.value).toBe((value as number) / 1_000_000);
          expect(cell.numFmt).toBe('#,##0.00####');
        } else expect(cell.value).toBe(value);
      });
    });
    // 城口县: 24 villages, 30万 central + (14 + 8) × 15万 = 360万.
    expect(sheet.getRow(5).getCell(1).value).toBe('城口县');
    expect(sheet.getRow(5).getCell(6).value).toBe(360);
    const totalsRow = sheet.getRow(5 + all.length - 1);
    expect(totalsRow.getCell(6).value).toBe(4_100);
    expect(totalsRow.getCell(8).value).toBe(3_900);
    // The notes (说明) follow the totals.
    expect(sheet.getRow(5 + all.length).getCell(1).text).toContain('说明');
    expect(sheet.getRow(5 + all.length + 1).getCell(1).text).toContain('未分配结余100万元');
    expect(sheet.pageSetup.orientation).toBe('landscape');
    // LibreOffice opens it: converted to PDF, the page shows the same totals.
    const office = soffice();
    const pdfText = pdftotext();
    const dir = mkdtempSync(path.join(tmpdir(), 'huzhu-att1-'));
    try {
      writeFileSync(path.join(dir, 'attachment-1.xlsx'), file.rawPayload);
      execFileSync(
        office,
        ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'attachment-1.xlsx')],
        { timeout: 120_000, env: { ...process.env, HOME: dir } },
      );
      const text = execFileSync(pdfText, ['-layout', path.join(dir, 'attachment-1.pdf'), '-'], {
        encoding: 'utf8',
      });
      expect(text).toContain('城口县');
      expect(text).toMatch(/4,100|4100/);
      expect(text).toMatch(/3,900|3900/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('over-allocated, it is refused with the source named, and nothing is written', async () => {
    const plan = plan2012Example();
    const over: YearlyPlan = {
      ...plan,
      budget: [
        { source: 'central_reward', amountFen: fen(200_000_000) },
        { source: 'city', amountFen: fen(3_800_000_000) },
      ],
    };
    const details = await refusedWithNothingWritten(
      body(over, '超预算的计划'),
      'plan_source_over_allocated',
    );
    expect(details).toMatchObject({ source: 'city', overFen: 100_000_000 });
    expect(details.problems[0]?.message).toContain('市级资金');
    expect(details.problems[0]?.message).toContain('超出预算100万元');
  });
});

describe('named problems, nothing written', () => {
  it('a reward to a village without a fund', async () => {
    const details = await refusedWithNothingWritten(
      small('无社村', [rewardLine('无社村')]),
      'plan_village_without_fund',
    );
    expect(details.problems[0]?.message).toContain('无社村');
  });

  it('a village twice in a plan', async () => {
    const details = await refusedWithNothingWritten(
      small('两次', [rewardLine('东河村'), rewardLine('东河村')]),
      'plan_village_twice',
    );
    expect(details.problems[0]?.message).toContain('东河村在第1行、第2行安排了两次');
  });

  it('an allocation from a source with no budget line', async () => {
    const line = { ...rewardLine('东河村'), source: 'county_match' as const };
    const details = await refusedWithNothingWritten(
      small('来源不明', [line]),
      'plan_source_unknown',
    );
    expect(details.problems[0]?.message).toContain('区县配套资金');
  });

  it('a village at a region code outside the tree', async () => {
    await refusedWithNothingWritten(
      small('区划', [{ ...rewardLine('东河村'), villageCode: '500229101299' }]),
      'plan_region_invalid',
    );
  });

  it('a reward over the 50万 cap: the books’ fiscal input counts, and a draft saved before it is no longer issuable', async () => {
    // Saved while 岭南村 has no fiscal input: 0 + 15万 ≤ 50万.
    const draft = await post('/plans', city, small('岭南村奖励', [rewardLine('岭南村')]));
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const draftId = (draft.body as unknown as PlanView).id ?? 0;
    // Then 岭南村's books receive 40万 of fiscal money.
    const lingnan = village('岭南村');
    const cash = await t.call('POST', `/api/v1/funds/${lingnan.fundId}/cash-events`, township, {
      requestId: rid(),
      kind: 'fiscal_funds',
      on: '2026-05-10',
      amountFen: 40_000_000,
    });
    expect(cash.statusCode, cash.body).toBe(200);
    const read = (await t.call('GET', `/api/v1/plans/${draftId}`, city)).json<PlanView>();
    expect(read.canIssue).toBe(false);
    expect(read.problems[0]).toMatchObject({
      code: 'plan_cumulative_cap_exceeded',
      details: { previousFen: 40_000_000, afterFen: 55_000_000, overFen: 5_000_000 },
    });
    expect(read.problems[0]?.message).toContain('岭南村');
    const receipts = await countRows(t.db, 'plan_allocation_receipt');
    const issued = await post(`/plans/${draftId}/issue`, city);
    expect(issued.status).toBe(400);
    expect(issued.body.code).toBe('plan_cumulative_cap_exceeded');
    expect(await countRows(t.db, 'plan_allocation_receipt')).toBe(receipts);
    expect((await t.call('GET', `/api/v1/plans/${draftId}`, city)).json<PlanView>().status).toBe(
      'draft',
    );
    // A new plan with it is refused at once; 10万 fits exactly (40万 + 10万 = 50万).
    await refusedWithNothingWritten(
      small('岭南村奖励二', [rewardLine('岭南村')]),
      'plan_cumulative_cap_exceeded',
    );
    const fits = await t.call(
      'PUT',
      `/api/v1/plans/${draftId}`,
      city,
      small('岭南村奖励', [rewardLine('岭南村', 10_000_000)]),
    );
    expect(fits.statusCode, fits.body).toBe(200);
    expect(fits.json<PlanView>().canIssue).toBe(true);
  });
});

describe('issue, receipts and the fund’s confirmation', () => {
  let planId = 0;

  it('issues: one receipt per village line with a fund; the county can read it; no second issue', async () => {
    const plan = small('2026年奖励扩大规模试点村计划', [
      rewardLine('东河村'),
      { ...rewardLine('太和村'), category: 'new_pilot' },
      {
        countyCode: WUXI,
        villageCode: null,
        category: 'new_pilot',
        source: 'city',
        villageCount: 2,
      },
    ]);
    plan.budget = [{ source: 'city', amountFen: 70_000_000 }];
    const created = await post('/plans', city, plan);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    planId = (created.body as unknown as PlanView).id ?? 0;
    const issued = await post(`/plans/${planId}/issue`, city);
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(issued.body.receiptsCreated).toBe(2);
    const view = issued.body.plan as PlanView;
    expect(view).toMatchObject({ status: 'issued', canIssue: false });
    expect(view.issuedOn).toBe('2026-11-27');
    expect(view.reconciliation.sources[0]).toMatchObject({ remainderFen: 10_000_000 });
    expect((await post(`/plans/${planId}/issue`, city)).body.code).toBe('plan_already_issued');
    const replace = await t.call('PUT', `/api/v1/plans/${planId}`, city, plan);
    expect(replace.json<{ code: string }>().code).toBe('plan_already_issued');
    const byCounty = await t.call('GET', `/api/v1/plans/${planId}`, county);
    expect(byCounty.statusCode).toBe(200);
    expect((await t.call('GET', `/api/v1/plans/${planId}/attachment-1`, county)).statusCode).toBe(
      200,
    );
    expect(byCounty.json<PlanView>().allocations[2]).toMatchObject({
      countyName: '巫溪县',
      villageCode: null,
      amountFen: 30_000_000,
    });
  });

  it('the fund confirms once: Dr 1002 Cr 4401 naming the plan; a retry answers the same voucher', async () => {
    const list = await books.get('/plan-receipts');
    const items = list.body.items as { id: number; status: string; amountFen: number }[];
    expect(items).toEqual([
      expect.objectContaining({
        status: 'pending',
        amountFen: 15_000_000,
        category: 'reward_expand',
      }),
    ]);
    const receiptId = items[0]?.id ?? 0;
    const vouchers = await countRows(t.db, 'voucher');
    const requestId = rid();
    const byCounty = await t.call(
      'POST',
      `/api/v1/funds/${books.fundId}/plan-receipts/${receiptId}/confirm`,
      county,
      { requestId: rid(), on: '2026-11-20' },
    );
    expect(byCounty.statusCode).toBe(403);
    const early = await books.post(`/plan-receipts/${receiptId}/confirm`, {
      requestId: rid(),
      on: '2026-11-28',
    });
    expect(early.body.code).toBe('date_in_future');
    const beforePlan = await books.post(`/plan-receipts/${receiptId}/confirm`, {
      requestId: rid(),
      on: '2026-11-20',
    });
    expect(beforePlan.body.code).toBe('allocation_receipt_before_plan');
    const first = await books.post(`/plan-receipts/${receiptId}/confirm`, {
      requestId,
      on: '2026-11-27',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ amountFen: 15_000_000, receivedOn: '2026-11-27' });
    const voucherId = first.body.voucherId as number;
    const lines = await t.db.pool.query<{ account_code: string; side: string; amount_fen: string }>(
      `SELECT account_code, side, amount_fen FROM voucher_line WHERE voucher_id = $1 ORDER BY line_no`,
      [voucherId],
    );
    expect(lines.rows).toEqual([
      { account_code: '1002', side: 'debit', amount_fen: '15000000' },
      { account_code: '4401', side: 'credit', amount_fen: '15000000' },
    ]);
    const voucher = await t.db.pool.query<{ memo: string; kind: string }>(
      `SELECT memo, kind FROM voucher WHERE id = $1`,
      [voucherId],
    );
    expect(voucher.rows[0]?.kind).toBe('fiscal_funds_received');
    expect(voucher.rows[0]?.memo).toContain('2026年奖励扩大规模试点村计划');
    expect(voucher.rows[0]?.memo).toContain('渝扶办发〔2026〕12号');
    const retry = await books.post(`/plan-receipts/${receiptId}/confirm`, {
      requestId,
      on: '2026-11-27',
    });
    expect(retry.body.voucherId).toBe(voucherId);
    const second = await books.post(`/plan-receipts/${receiptId}/confirm`, {
      requestId: rid(),
      on: '2026-11-27',
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('allocation_already_received');
    expect(await countRows(t.db, 'voucher')).toBe(vouchers + 1);
    const after = await books.get('/plan-receipts');
    expect(after.body.items).toEqual([
      expect.objectContaining({ status: 'received', receivedOn: '2026-11-27', voucherId }),
    ]);
    // The plan does not count its own received money twice against the cap.
    const plan = (await t.call('GET', `/api/v1/plans/${planId}`, city)).json<PlanView>();
    expect(plan.problems).toEqual([]);
    expect(plan.receipts).toEqual({
      count: 2,
      received: 1,
      amountFen: 30_000_000,
      receivedFen: 15_000_000,
    });
  });

  it('an issued allocation not yet received counts against the cap of the next plan', async () => {
    // 太和村 has 15万 pending from the issued plan; 15万 + 40万 > 50万.
    const line = { ...rewardLine('太和村', 40_000_000) };
    const refused = await post('/plans', city, small('太和村', [line]));
    expect(refused.body.code).toBe('plan_cumulative_cap_exceeded');
    expect(refused.body.details).toMatchObject({ previousFen: 15_000_000 });
  });
});
