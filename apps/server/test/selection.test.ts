import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CandidateView, ReportModelBody } from '@huzhu/contract';
import { ratioValue } from '@huzhu/domain';
import { createTestApp, type TestApp } from './support/test-app.js';
import {
  approvedLoan,
  openBooks,
  registerMember,
  rid,
  type Books,
} from './support/books-fixture.js';

/**
 * Reward-and-expand eligibility on funds built through the API to fail one criterion each, the
 * rankings, 附件2 and scope. Reference date: today, 2026-11-27.
 */
let t: TestApp;
let admin: string;
let city: string;
let county: string;
let wuxiCounty: string;
const REFERENCE = '2026-11-27';
const villages = new Map<string, { regionId: number; fundId: number | null; code: string }>();
const funds = new Map<string, Books>();

function village(name: string): { regionId: number; fundId: number | null; code: string } {
  const found = villages.get(name);
  if (found === undefined) throw new Error(`no village ${name}`);
  return found;
}

function fund(name: string): Books {
  const found = funds.get(name);
  if (found === undefined) throw new Error(`no books for ${name}`);
  return found;
}

async function user(username: string, role: string, regionId: number): Promise<string> {
  const response = await t.call('POST', '/api/v1/users', admin, {
    username,
    displayName: username,
    role,
    regionId,
    password: 'Selection2026pass',
  });
  if (response.statusCode !== 201) throw new Error(`user ${username}: ${response.body}`);
  return t.login(username, 'Selection2026pass');
}

/** Logins for a demo village fund's bookkeeper, board and supervisor. */
async function booksOf(name: string, n: number): Promise<Books> {
  const v = village(name);
  const keeper = await user(`keeper${n}`, 'bookkeeper', v.regionId);
  const board = await user(`board${n}`, 'board_member', v.regionId);
  const supervisor = await user(`supervisor${n}`, 'supervisor', v.regionId);
  const base = `/api/v1/funds/${v.fundId}`;
  return {
    t,
    fundId: v.fundId ?? 0,
    keeper,
    board,
    supervisor,
    post: async (url, body, token = keeper) => {
      const response = await t.call('POST', `${base}${url}`, token, body);
      return {
        status: response.statusCode,
        body: response.statusCode === 204 ? {} : response.json(),
      };
    },
    get: async (url, token = keeper) => {
      const response = await t.call('GET', `${base}${url}`, token);
      return { status: response.statusCode, body: response.json() };
    },
  };
}

interface FundPlan {
  fiscalFen: number;
  members: number;
  registered: boolean;
  /** When the one loan was disbursed, and how it ended by the reference date. */
  loanOn: string;
  loanEnd: 'repaid' | 'unpaid' | 'written_off';
  /** A pending application of this amount (demand), if any. */
  pendingFen?: number;
}

/** Books of a fund: members, a group, fiscal money, one loan of 3,000元 for 6 months. */
async function build(books: Books, n: number, plan: FundPlan): Promise<void> {
  const m: number[] = [];
  for (let i = 1; i <= plan.members; i += 1)
    m.push(await registerMember(books, n * 10 + i, { joinedOn: '2024-12-01' }));
  const group = await books.post('/groups', { name: '一组', formedOn: '2024-12-02', memberIds: m });
  if (group.status !== 201) throw new Error(`group: ${JSON.stringify(group.body)}`);
  const fiscal = await books.post('/cash-events', {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2024-12-05',
    amountFen: plan.fiscalFen,
  });
  if (fiscal.status !== 200) throw new Error(`fiscal: ${JSON.stringify(fiscal.body)}`);
  const appliedOn = plan.loanOn.replace(/-\d\d$/, '-01');
  const loanId = await approvedLoan(books, m[0] ?? 0, [m[1] ?? 0, m[2] ?? 0], {
    amountFen: 300_000,
    termMonths: 6,
    appliedOn,
  });
  const disbursed = await books.post(`/loans/${loanId}/disburse`, {
    requestId: rid(),
    on: plan.loanOn,
    method: 'bank',
  });
  if (disbursed.status !== 200) throw new Error(`disburse: ${JSON.stringify(disbursed.body)}`);
  if (plan.loanEnd === 'repaid') {
    const on = '2025-07-10';
    const quote = await books.get(`/loans/${loanId}/quote?on=${on}`);
    const repaid = await books.post(`/loans/${loanId}/repayments`, {
      requestId: rid(),
      on,
      amountFen: quote.body.totalFen,
      method: 'bank',
    });
    if (repaid.status !== 200) throw new Error(`repay: ${JSON.stringify(repaid.body)}`);
  }
  if (plan.loanEnd === 'written_off') {
    const written = await books.post(`/loans/${loanId}/write-off`, {
      requestId: rid(),
      on: '2026-01-20',
      resolutionNo: '会员大会决议〔2026〕1号',
      resolutionDate: '2026-01-18',
    });
    if (written.status !== 200) throw new Error(`write-off: ${JSON.stringify(written.body)}`);
  }
  if (plan.pendingFen !== undefined) {
    const applied = await books.post('/loans', {
      requestId: rid(),
      memberId: m[0],
      amountFen: plan.pendingFen,
      termMonths: 6,
      purpose: '养殖',
      appliedOn: '2026-11-01',
    });
    if (applied.status !== 201) throw new Error(`apply: ${JSON.stringify(applied.body)}`);
  }
  if (plan.registered) await register(books, n);
}

async function register(books: Books, n: number): Promise<void> {
  const response = await t.call('PUT', `/api/v1/funds/${books.fundId}/registration`, books.keeper, {
    registrationNo: `渝民登字2024第${String(n).padStart(3, '0')}号`,
    registeredOn: '2024-06-01',
    bankName: '城口农商行',
    bankAccountNo: `6228 0000 ${String(n).padStart(4, '0')}`,
  });
  if (response.statusCode !== 204) throw new Error(`registration: ${response.body}`);
}

async function submit(token: string, payload: Record<string, unknown>) {
  const response = await t.call('POST', '/api/v1/selection/candidates', token, payload);
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

async function reward(name: string, token = county): Promise<CandidateView> {
  const response = await submit(token, {
    kind: 'reward_expand',
    year: 2026,
    villageId: village(name).regionId,
    referenceDate: REFERENCE,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as unknown as CandidateView;
}

function criterion(candidate: CandidateView, code: string) {
  const found = candidate.eligibility?.criteria.find((c) => c.code === code);
  if (found === undefined) throw new Error(`no criterion ${code}`);
  return found;
}

/** Exactly one criterion failed: the named one. */
function failsOnly(candidate: CandidateView, code: string) {
  expect(candidate.eligibility?.eligible).toBe(false);
  expect(candidate.eligibility?.criteria.filter((c) => !c.met).map((c) => c.code)).toEqual([code]);
  return criterion(candidate, code);
}

const CHECKLIST = {
  in_poverty_exit_plan: true,
  has_resources_and_industry: true,
  strong_demand: true,
  rural_tourism_pilot: false,
  good_leadership: true,
  honest_customs_self_managed: true,
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  city = await t.login('city');
  county = await t.login('county');
  const wuxi = await t.db.pool.query<{ id: number }>(
    `SELECT id FROM region WHERE code = '500238000000'`,
  );
  const xiuqi = await t.db.pool.query<{ id: number }>(
    `SELECT id FROM region WHERE code = '500229101000'`,
  );
  const created = await t.call('POST', '/api/v1/regions', admin, {
    code: '500229101209',
    name: '新建村',
    parentId: xiuqi.rows[0]?.id,
  });
  expect(created.statusCode, created.body).toBe(201);
  const rows = await t.db.pool.query<{ id: number; code: string; name: string; fund_id: number }>(
    `SELECT r.id, r.code, r.name, f.id AS fund_id FROM region r LEFT JOIN fund f ON f.region_id = r.id WHERE r.level = 'village'`,
  );
  for (const r of rows.rows)
    villages.set(r.name, { regionId: r.id, fundId: r.fund_id, code: r.code });
  wuxiCounty = await user('wuxi_county', 'county_officer', wuxi.rows[0]?.id ?? 0);

  const good = { fiscalFen: 15_000_000, members: 3, registered: true, loanOn: '2025-01-10' };
  funds.set('东河村', await openBooks(t));
  funds.set('岭南村', await booksOf('岭南村', 2));
  funds.set('太和村', await booksOf('太和村', 3));
  funds.set('新华村', await booksOf('新华村', 4));
  funds.set('宝坪村', await booksOf('宝坪村', 5));
  funds.set('双河村', await booksOf('双河村', 6));
  await build(fund('东河村'), 1, { ...good, loanEnd: 'repaid' });
  // 岭南村: bigger (20万, 4 members) with demand, but not registered.
  await build(fund('岭南村'), 2, {
    ...good,
    fiscalFen: 20_000_000,
    members: 4,
    registered: false,
    loanEnd: 'repaid',
    pendingFen: 200_000,
  });
  // 太和村: first loan on 2026-06-05, not yet a year; not yet due either (6 months).
  await build(fund('太和村'), 3, { ...good, loanOn: '2026-06-05', loanEnd: 'unpaid' });
  // 新华村: the loan fell due on 2025-07-10 and is unpaid.
  await build(fund('新华村'), 4, { ...good, loanEnd: 'unpaid' });
  // 宝坪村: the loan was written off (a loss).
  await build(fund('宝坪村'), 5, { ...good, loanEnd: 'written_off' });
  // 双河村: 40万 of fiscal money; with a 15万 reward it would pass 50万.
  await build(fund('双河村'), 6, { ...good, fiscalFen: 40_000_000, loanEnd: 'repaid' });
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('reward-and-expand eligibility, from the books as of the reference date', () => {
  it('a fund meeting every criterion is eligible, each criterion explained', async () => {
    const candidate = await reward('东河村');
    expect(candidate.eligibility?.eligible).toBe(true);
    expect(candidate.eligibility).toMatchObject({
      referenceDate: REFERENCE,
      rewardFen: 15_000_000,
    });
    expect(criterion(candidate, 'registered').message).toContain('渝民登字2024第001号');
    expect(criterion(candidate, 'lending_one_year')).toMatchObject({
      met: true,
      figure: '2025-01-10',
    });
    expect(criterion(candidate, 'cumulative_cap')).toMatchObject({ figure: 30_000_000 });
  });

  it('not registered', async () => {
    const failed = failsOnly(await reward('岭南村'), 'registered');
    expect(failed.message).toContain('未在民政部门正式登记注册');
  });

  it('lending for less than a year', async () => {
    const failed = failsOnly(await reward('太和村'), 'lending_one_year');
    expect(failed.figure).toBe('2026-06-05');
    expect(failed.message).toContain('首笔借款发放于2026年6月5日');
    expect(failed.message).toContain('不满一年');
  });

  it('an overdue balance', async () => {
    const failed = failsOnly(await reward('新华村'), 'no_overdue');
    expect(failed.figure).toBe(300_000);
    expect(failed.message).toContain('逾期余额3,000.00元');
  });

  it('a loss (written off)', async () => {
    const failed = failsOnly(await reward('宝坪村', wuxiCounty), 'no_loss');
    expect(failed.figure).toBe(300_000);
    expect(failed.message).toContain('累计核销借款3,000.00元');
  });

  it('over the 50万 cumulative cap', async () => {
    const failed = failsOnly(await reward('双河村', wuxiCounty), 'cumulative_cap');
    expect(failed.figure).toBe(55_000_000);
    expect(failed.message).toContain('累计财政投入400,000.00元 + 本次奖励150,000.00元');
    expect(failed.message).toContain('超过500,000.00元上限50,000.00元');
  });

  it('an earlier reference date judges the books of that day', async () => {
    // On 2025-06-30, 新华村's loan was not yet due, but lending was under a year.
    const response = await submit(county, {
      kind: 'reward_expand',
      year: 2026,
      villageId: village('新华村').regionId,
      referenceDate: '2025-06-30',
    });
    const candidate = response.body as unknown as CandidateView;
    expect(failsOnly(candidate, 'lending_one_year').figure).toBe('2025-01-10');
    expect(criterion(candidate, 'no_overdue').figure).toBe(0);
    await reward('新华村');
  });

  it('ranks the eligible funds: registered, the bigger 岭南村 comes first', async () => {
    await register(fund('岭南村'), 2);
    expect((await reward('岭南村')).eligibility?.eligible).toBe(true);
    const list = await t.call(
      'GET',
      '/api/v1/selection/candidates?year=2026&kind=reward_expand',
      city,
    );
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<{ items: CandidateView[] }>().items;
    expect(items.map((c) => [c.village.name, c.ranking?.position ?? null])).toEqual([
      ['岭南村', 1],
      ['东河村', 2],
      ['太和村', null],
      ['新华村', null],
      ['宝坪村', null],
      ['双河村', null],
    ]);
    const first = items[0]?.ranking;
    expect(first?.measureRanks).toMatchObject({ scale: 1, members: 1, demand: 1 });
    expect(first?.figures).toMatchObject({ members: 4, pendingApplicationsFen: 200_000 });
    expect(items[1]?.ranking?.figures).toMatchObject({ members: 3, pendingApplicationsFen: 0 });
  });
});

describe('new pilot candidates', () => {
  it('are ranked qualified first, by score with the rural-tourism bonus', async () => {
    const submitted = [
      ['新建村', 80, { ...CHECKLIST, rural_tourism_pilot: true }],
      ['东河村', 84, CHECKLIST],
      ['岭南村', 95, { ...CHECKLIST, good_leadership: false }],
    ] as const;
    for (const [name, score, checklist] of submitted) {
      const response = await submit(county, {
        kind: 'new_pilot',
        year: 2026,
        villageId: village(name).regionId,
        checklist,
        score,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
    const invalid = await submit(county, {
      kind: 'new_pilot',
      year: 2026,
      villageId: village('太和村').regionId,
      checklist: CHECKLIST,
      score: 101,
    });
    expect(invalid.body.code).toBe('selection_score_invalid');
    const list = await t.call(
      'GET',
      '/api/v1/selection/candidates?year=2026&kind=new_pilot',
      county,
    );
    const items = list.json<{ items: CandidateView[] }>().items;
    expect(items.map((c) => [c.village.name, c.ranking?.position, c.ranking?.qualified])).toEqual([
      ['新建村', 1, true],
      ['东河村', 2, true],
      ['岭南村', 3, false],
    ]);
    expect(items[0]?.ranking?.rankingScoreTenths).toBe(850);
    expect(items[2]?.ranking?.missingCriteria).toEqual(['good_leadership']);
  });
});

describe('scope', () => {
  it('a county officer cannot see or submit candidates outside their county', async () => {
    const foreign = await submit(county, {
      kind: 'reward_expand',
      year: 2026,
      villageId: village('宝坪村').regionId,
      referenceDate: REFERENCE,
    });
    expect(foreign.status).toBe(404);
    const other = await submit(wuxiCounty, {
      kind: 'new_pilot',
      year: 2026,
      villageId: village('东河村').regionId,
      checklist: CHECKLIST,
      score: 70,
    });
    expect(other.status).toBe(404);
    const wuxiRegion = await t.db.pool.query<{ id: number }>(
      `SELECT id FROM region WHERE code = '500238000000'`,
    );
    const byRegion = await t.call(
      'GET',
      `/api/v1/selection/candidates?year=2026&regionId=${wuxiRegion.rows[0]?.id}`,
      county,
    );
    expect(byRegion.statusCode).toBe(404);
    const own = await t.call('GET', '/api/v1/selection/candidates?year=2026', county);
    const names = own.json<{ items: CandidateView[] }>().items.map((c) => c.village.name);
    expect(names).not.toContain('宝坪村');
    expect(names).not.toContain('双河村');
    const theirs = await t.call('GET', '/api/v1/selection/candidates?year=2026', wuxiCounty);
    expect(
      theirs
        .json<{ items: CandidateView[] }>()
        .items.map((c) => c.village.name)
        .sort(),
    ).toEqual(['双河村', '宝坪村']);
    const keeper = await t.login('bookkeeper');
    const byKeeper = await submit(keeper, {
      kind: 'reward_expand',
      year: 2026,
      villageId: village('东河村').regionId,
      referenceDate: REFERENCE,
    });
    expect(byKeeper.status).toBe(403);
  });
});

describe('附件2', () => {
  it('lists rewarded and new villages; the .xlsx holds the json’s figures', async () => {
    // An issued plan's central reward to 双河村 lists it too.
    const plan = await t.call('POST', '/api/v1/plans', city, {
      title: '2026年中央奖励',
      year: 2026,
      issuingOffice: '重庆市扶贫开发办公室',
      budget: [{ source: 'central_reward', amountFen: 5_000_000 }],
      allocations: [
        {
          countyCode: '500238000000',
          villageCode: village('双河村').code,
          category: 'central_reward',
          source: 'central_reward',
          amountFen: 5_000_000,
        },
      ],
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const planId = plan.json<{ id: number }>().id;
    expect((await t.call('POST', `/api/v1/plans/${planId}/issue`, city)).statusCode).toBe(200);

    const json = await t.call('GET', '/api/v1/selection/attachment-2?year=2026', city);
    expect(json.statusCode, json.body).toBe(200);
    const model = json.json<ReportModelBody>();
    expect(model.rows.map((r) => [r.village, r.category])).toEqual([
      ['东河村', '奖励扩大规模试点村'],
      ['岭南村', '奖励扩大规模试点村'],
      ['东河村', '新启动试点村'],
      ['新建村', '新启动试点村'],
      ['双河村', '中央奖励村'],
    ]);
    const dongheReward = model.rows[0];
    expect(dongheReward).toMatchObject({
      county: '城口县',
      township: '修齐镇',
      startYear: 2019,
      registration: '渝民登字2024第001号',
      members: 3,
      fundFiscal: 15_000_000,
      fiscalInput: 15_000_000,
      thisYear: 15_000_000,
      lending: 300_000,
      outstanding: 0,
      recoveryRate: { numerator: 300_000, denominator: 300_000 },
      overdue: 0,
    });
    expect(model.rows[3]).toMatchObject({
      village: '新建村',
      registration: '未登记',
      members: null,
      recoveryRate: { numerator: 0, denominator: 0 },
    });
    expect(model.rows[4]).toMatchObject({ thisYear: 5_000_000, fiscalInput: 40_000_000 });
    expect(model.totals).toMatchObject({ thisYear: 15_000_000 * 4 + 5_000_000 });

    const file = await t.call('GET', '/api/v1/selection/attachment-2?year=2026&format=xlsx', city);
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    if (sheet === undefined) throw new Error('no sheet');
    expect(sheet.getCell('A1').value).toBe(`重庆市\u3000${model.title}`);
    const header = 4;
    model.columns.forEach((c, index) => {
      expect(sheet.getRow(header).getCell(index + 1).value).toBe(c.title);
    });
    const all = [...model.rows, ...(model.totals === undefined ? [] : [model.totals])];
    all.forEach((data, r) => {
      model.columns.forEach((c, index) => {
        const cell = sheet.getRow(header + 1 + r).getCell(index + 1);
        const value = data[c.key];
        if (value === null || value === undefined) expect(cell.value).toBeNull();
        else if (c.kind === 'money') expect(cell.value).toBe((value as number) / 100);
        else if (typeof value === 'object') expect(cell.value).toBe(ratioValue(value) ?? '—');
        else expect(cell.value).toBe(value);
      });
    });

    // A county sees its own villages only.
    const own = await t.call('GET', '/api/v1/selection/attachment-2?year=2026', wuxiCounty);
    expect(own.json<ReportModelBody>().rows.map((r) => r.village)).toEqual(['双河村']);
  });
});
