import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentText } from './support/docx-text.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import {
  approvedLoan,
  openBooks,
  registerMember,
  rid,
  type Books,
} from './support/books-fixture.js';

/**
 * Two demo funds of different sizes in two counties, built through the API (clock 2026-11-27):
 *  东河村 (城口县 修齐镇): fiscal 100,000.00; 4 members (1 poor); a 3,000.00 loan to the poor member
 *    disbursed 2026-05-10 for 2 months (due 2026-07-10, never repaid: overdue and in PAR30 at the
 *    end of Q3, not yet due at the end of Q2) and a 5,000.00 loan disbursed 2026-08-03 for 12 months.
 *  宝坪村 (巫溪县 尖山镇): fiscal 300,000.00; 4 members (2 poor); loans of 5,000.00 (2026-05-15) and
 *    4,000.00 (2026-08-05), both for 12 months: nothing overdue in either quarter.
 * 城口县's overdue rate rises from Q2 to Q3; 巫溪县's does not.
 */
let t: TestApp;
let dongHe: Books;
let baoPing: Books;
let county = '';
let city = '';
let wuxiCountyId = 0;
let chengkouCountyId = 0;
let dongHeOverdueLoan = 0;

type Value = number | { numerator: number; denominator: number };
interface Rolled {
  period: string;
  fundCount: number;
  indicators: Record<string, Value>;
}
interface Unit {
  kind: string;
  id: number;
  name: string;
  fundCount: number;
  indicators: Record<string, Value>;
}
interface Breakdown {
  total: { fundCount: number; indicators: Record<string, Value> };
  children: Unit[];
}
interface MonitoringDoc {
  title: string;
  issuer: string;
  period: string;
  figures: { current: Rolled; previous: Rolled; children: Unit[]; trend: Rolled[] };
  sections: {
    heading: string;
    blocks: { kind: string; text?: string; items?: string[] }[];
  }[];
}
interface TableModel {
  columns: { key: string; title: string; kind: string }[];
  rows: Record<string, Value | string | null>[];
  totals: Record<string, Value | string | null>;
}

function booksOf(t: TestApp, fundId: number, tokens: Omit<Books, 't' | 'fundId' | 'post' | 'get'>) {
  const base = `/api/v1/funds/${String(fundId)}`;
  const books: Books = {
    t,
    fundId,
    ...tokens,
    post: async (url, body, token = tokens.keeper) => {
      const response = await t.call('POST', `${base}${url}`, token, body);
      return {
        status: response.statusCode,
        body: response.statusCode === 204 ? {} : response.json(),
      };
    },
    get: async (url, token = tokens.keeper) => {
      const response = await t.call('GET', `${base}${url}`, token);
      return { status: response.statusCode, body: response.json() };
    },
  };
  return books;
}

async function regionId(admin: string, name: string): Promise<number> {
  const response = await t.call('GET', `/api/v1/regions?q=${encodeURIComponent(name)}`, admin);
  const found = response.json<{ items: { id: number; name: string; fundId?: number }[] }>().items;
  const region = found.find((r) => r.name === name);
  if (region === undefined) throw new Error(`region ${name} missing`);
  return region.id;
}

async function ok(books: Books, url: string, body: unknown): Promise<void> {
  const response = await books.post(url, body);
  expect(response.status, `${url}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
}

async function lend(
  books: Books,
  borrower: number,
  guarantors: [number, number],
  amountFen: number,
  termMonths: number,
  on: string,
): Promise<number> {
  // Applied a week before: the 公示 must have ended by the disbursement.
  const appliedOn = new Date(Date.parse(`${on}T00:00:00Z`) - 7 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const loanId = await approvedLoan(books, borrower, guarantors, {
    amountFen,
    termMonths,
    appliedOn,
  });
  await ok(books, `/loans/${String(loanId)}/disburse`, { requestId: rid(), on, method: 'bank' });
  return loanId;
}

async function fourMembers(books: Books, first: number, poor: number): Promise<number[]> {
  const members: number[] = [];
  for (let n = first; n < first + 4; n += 1)
    members.push(
      await registerMember(books, n, {
        joinedOn: '2026-04-01',
        category: n - first < poor ? 'poor' : 'ordinary',
      }),
    );
  await ok(books, '/groups', { name: '一组', formedOn: '2026-04-01', memberIds: members });
  return members;
}

function member(list: number[], index: number): number {
  const id = list[index];
  if (id === undefined) throw new Error(`member ${String(index)}`);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  county = await t.login('county');
  city = await t.login('city');
  chengkouCountyId = await regionId(admin, '城口县');
  wuxiCountyId = await regionId(admin, '巫溪县');

  dongHe = await openBooks(t);
  const a = await fourMembers(dongHe, 1, 1);
  await ok(dongHe, '/household-counts', {
    asOf: '2026-04-01',
    totalHouseholds: 40,
    poorHouseholds: 8,
  });
  await ok(dongHe, '/cash-events', {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2026-04-02',
    amountFen: 10_000_000,
  });
  dongHeOverdueLoan = await lend(
    dongHe,
    member(a, 0),
    [member(a, 1), member(a, 2)],
    300_000,
    2,
    '2026-05-10',
  );
  await lend(dongHe, member(a, 3), [member(a, 1), member(a, 2)], 500_000, 12, '2026-08-03');

  // 宝坪村: its own bookkeeper, board member and supervisor.
  const villages = await t.call(
    'GET',
    `/api/v1/regions?parentId=${String(await regionId(admin, '尖山镇'))}`,
    admin,
  );
  const village = villages
    .json<{ items: { id: number; name: string; fundId: number }[] }>()
    .items.find((v) => v.name === '宝坪村');
  if (village === undefined) throw new Error('宝坪村 missing');
  const users: Record<string, string> = {};
  for (const [username, role] of [
    ['bp_keeper', 'bookkeeper'],
    ['bp_board', 'board_member'],
    ['bp_supervisor', 'supervisor'],
  ] as const) {
    const created = await t.call('POST', '/api/v1/users', admin, {
      username,
      displayName: `宝坪村 ${role}`,
      role,
      regionId: village.id,
      password: 'Baoping2026pass',
    });
    expect(created.statusCode, created.body).toBe(201);
    users[role] = await t.login(username, 'Baoping2026pass');
  }
  baoPing = booksOf(t, village.fundId, {
    keeper: users.bookkeeper ?? '',
    board: users.board_member ?? '',
    supervisor: users.supervisor ?? '',
  });
  const b = await fourMembers(baoPing, 101, 2);
  await ok(baoPing, '/household-counts', {
    asOf: '2026-04-01',
    totalHouseholds: 60,
    poorHouseholds: 12,
  });
  await ok(baoPing, '/cash-events', {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2026-04-02',
    amountFen: 30_000_000,
  });
  await lend(baoPing, member(b, 0), [member(b, 1), member(b, 2)], 500_000, 12, '2026-05-15');
  await lend(baoPing, member(b, 3), [member(b, 1), member(b, 2)], 400_000, 12, '2026-08-05');
  // 东河村 reports Q3 (late: the deadline was 2026-10-05); 宝坪村 does not report.
  await ok(dongHe, '/quarterly-reports/submit', { period: '2026Q3' });
}, 120_000);
afterAll(async () => {
  await t.close();
});

async function getJson<T>(url: string, token: string): Promise<T> {
  const response = await t.call('GET', url, token);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json<T>();
}

function paragraphs(doc: MonitoringDoc): string[] {
  return doc.sections.flatMap((s) =>
    s.blocks.flatMap((b) => [...(b.text === undefined ? [] : [b.text]), ...(b.items ?? [])]),
  );
}

function ratioOf(value: Value | undefined): { numerator: number; denominator: number } {
  if (value === undefined || typeof value === 'number') throw new Error('not a ratio');
  return value;
}

/** The percent the report prints: two decimals, half up (exact for these figures). */
function percent(value: Value | undefined): string {
  const r = ratioOf(value);
  return r.denominator === 0 ? '—' : `${((r.numerator / r.denominator) * 100).toFixed(2)}%`;
}

function wan(value: Value | undefined): string {
  if (typeof value !== 'number') throw new Error('not an amount');
  return (value / 1_000_000).toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}

describe('monitoring report (监测报告)', () => {
  it('has exactly the dashboard figures of the region, the quarter before and the children', async () => {
    const doc = await getJson<MonitoringDoc>('/api/v1/monitoring-report?period=2026Q3', county);
    const dashboard = await getJson<Breakdown>('/api/v1/indicators?period=2026Q3', county);
    const before = await getJson<Breakdown>('/api/v1/indicators?period=2026Q2', county);
    expect(doc.title).toBe('城口县村级互助资金2026年第3季度监测报告');
    expect(doc.issuer).toBe('城口县扶贫办');
    expect(doc.figures.current.indicators).toEqual(dashboard.total.indicators);
    expect(doc.figures.current.fundCount).toBe(dashboard.total.fundCount);
    expect(doc.figures.previous.indicators).toEqual(before.total.indicators);
    expect(doc.figures.children).toEqual(dashboard.children);
    expect(doc.figures.trend.map((q) => q.period)).toEqual([
      '2025Q4',
      '2026Q1',
      '2026Q2',
      '2026Q3',
    ]);
    expect(doc.figures.trend[3]?.indicators).toEqual(dashboard.total.indicators);
    // The figures in the text are the dashboard's.
    const v = dashboard.total.indicators;
    expect(v.fund_total).toBe(10_000_000 + 60_000);
    expect(ratioOf(v.overdue_rate)).toEqual({ numerator: 300_000, denominator: 800_000 });
    const text = paragraphs(doc).join('\n');
    expect(text).toContain(`互助资金总额 ${wan(v.fund_total)} 万元`);
    expect(text).toContain(`季末借款余额 ${wan(v.outstanding)} 万元`);
    expect(text).toContain(
      `逾期率由上季度的 0.00% 上升到 ${percent(v.overdue_rate)}，上升 37.50 个百分点`,
    );
    expect(text).toContain(
      `30天以上逾期借款率（PAR30）由上季度的 0.00% 上升到 ${percent(v.par30)}`,
    );
    expect(text).toContain('本季度发放借款 1 笔、金额 0.50 万元');
    // The city sees the same county with the same numbers.
    const byCity = await getJson<MonitoringDoc>(
      `/api/v1/monitoring-report?period=2026Q3&regionId=${String(chengkouCountyId)}`,
      city,
    );
    expect(byCity.figures).toEqual(doc.figures);
    // Lagging funds, late and missing reports, typical-case candidates with their figures.
    expect(text).toContain('30天以上逾期借款率最高的：东河村扶贫互助社（37.50%）');
    expect(text).toContain('逾期报送 1 个');
    expect(text).toContain('未报 3 个');
    // 东河村 has an overdue loan: not a typical case; the county has no other lending fund.
    expect(text).toContain('暂无典型案例候选');
  });

  it('renders the .docx with those numbers, Chinese fonts, A4 and the charts', async () => {
    const response = await t.call(
      'GET',
      '/api/v1/monitoring-report?period=2026Q3&format=docx',
      county,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml.document');
    expect(response.headers['content-disposition']).toContain('.docx');
    const file = response.rawPayload;
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    const { text, entries } = documentText(file);
    const dashboard = await getJson<Breakdown>('/api/v1/indicators?period=2026Q3', county);
    const v = dashboard.total.indicators;
    expect(text).toContain('城口县村级互助资金2026年第3季度监测报告');
    expect(text).toContain('城口县扶贫办');
    expect(text).toContain('2026年11月27日');
    expect(text).toContain(`互助资金总额 ${wan(v.fund_total)} 万元`);
    expect(text).toContain(percent(v.overdue_rate));
    expect(text).toContain(percent(v.utilization_rate));
    expect(text).toContain('表1');
    expect(text).toContain('修齐镇');
    expect(text).toContain('东河村扶贫互助社');
    const xml = entries.get('word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const styles = entries.get('word/styles.xml')?.toString('utf8') ?? '';
    expect(styles).toContain('w:eastAsia="宋体"');
    expect(styles).toContain('w:ascii="Times New Roman"');
    const media = [...entries.keys()].filter((name) => name.startsWith('word/media/'));
    expect(media.filter((name) => name.endsWith('.png'))).toHaveLength(2);
    expect(media.filter((name) => name.endsWith('.svg'))).toHaveLength(2);
  });

  it('the city report names the county whose overdue rate rose, and by how much', async () => {
    const doc = await getJson<MonitoringDoc>('/api/v1/monitoring-report?period=2026Q3', city);
    const dashboard = await getJson<Breakdown>('/api/v1/indicators?period=2026Q3', city);
    expect(doc.title).toBe('重庆市村级互助资金2026年第3季度监测报告');
    expect(doc.figures.current.indicators).toEqual(dashboard.total.indicators);
    expect(doc.figures.children).toEqual(dashboard.children);
    const rise = paragraphs(doc).find((p) => p.includes('逾期率上升的区县'));
    expect(rise).toBeDefined();
    const chengkou = dashboard.children.find((c) => c.id === chengkouCountyId);
    expect(rise).toContain(
      `1. 城口县由上季度的 0.00% 上升到 ${percent(chengkou?.indicators.overdue_rate)}，上升 37.50 个百分点`,
    );
    expect(rise).not.toContain('巫溪县');
    // 宝坪村 lends without arrears: the one typical-case candidate, with its figures.
    expect(paragraphs(doc).join('\n')).toMatch(
      /1\. 宝坪村扶贫互助社（巫溪县尖山镇）：累计回收率 —，年周转率 0\.03次/,
    );
    const file = (await t.call('GET', '/api/v1/monitoring-report?period=2026Q3&format=docx', city))
      .rawPayload;
    expect(documentText(file).text).toContain('逾期率上升的区县有 1 个');
  });

  it('reads stored quarterly-report snapshots with source=snapshot', async () => {
    const doc = await getJson<MonitoringDoc>(
      '/api/v1/monitoring-report?period=2026Q3&source=snapshot',
      county,
    );
    const dashboard = await getJson<Breakdown>(
      '/api/v1/indicators?period=2026Q3&source=snapshot',
      county,
    );
    expect(doc.figures.current.fundCount).toBe(1);
    expect(doc.figures.current.indicators).toEqual(dashboard.total.indicators);
    expect(paragraphs(doc).join('')).toContain('其中已报送本季度季报的 1 个');
  });

  it('refuses a quarter that has not ended, a month, and a region outside the scope', async () => {
    const open = await t.call('GET', '/api/v1/monitoring-report?period=2026Q4', county);
    expect(open.statusCode).toBe(400);
    expect(open.json()).toMatchObject({ code: 'period_not_ended' });
    const month = await t.call('GET', '/api/v1/monitoring-report?period=2026-09', county);
    expect(month.json()).toMatchObject({ code: 'report_period_not_quarter' });
    for (const url of [
      `/api/v1/monitoring-report?period=2026Q3&regionId=${String(wuxiCountyId)}`,
      `/api/v1/monitoring-report?period=2026Q3&format=docx&regionId=${String(wuxiCountyId)}`,
      `/api/v1/indicators/table?period=2026Q3&regionId=${String(wuxiCountyId)}`,
      `/api/v1/indicators/table?period=2026Q3&format=xlsx&regionId=${String(wuxiCountyId)}`,
    ]) {
      const response = await t.call('GET', url, county);
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('巫溪县');
    }
  });
});

describe('indicator table (监测指标表)', () => {
  it('has a row per child and a total row with every indicator, equal to the dashboard', async () => {
    const model = await getJson<TableModel>('/api/v1/indicators/table?period=2026Q3', county);
    const dashboard = await getJson<Breakdown>('/api/v1/indicators?period=2026Q3', county);
    expect(model.columns).toHaveLength(2 + 29);
    expect(model.columns.map((c) => c.title)).toEqual(
      expect.arrayContaining([
        '乡镇',
        '互助社数',
        '会员户数',
        '资金使用率',
        '逾期率',
        '30天以上逾期借款率',
      ]),
    );
    expect(model.rows.map((r) => r.name)).toEqual(dashboard.children.map((c) => c.name));
    dashboard.children.forEach((child, i) => {
      expect(model.rows[i]?.fund_total).toBe(child.indicators.fund_total);
      expect(model.rows[i]?.overdue_rate).toEqual(child.indicators.overdue_rate);
      expect(model.rows[i]?.fundCount).toBe(child.fundCount);
    });
    expect(model.totals.outstanding).toBe(dashboard.total.indicators.outstanding);
    expect(model.totals.par30).toEqual(dashboard.total.indicators.par30);
    // 笔均借款 in fen; — where nothing was disbursed.
    expect(model.totals.avg_loan).toBe(500_000);
    expect(model.rows[1]?.avg_loan).toBe('—');
  });

  it('opens as .xlsx with exceljs, its cells equal to the json', async () => {
    const model = await getJson<TableModel>('/api/v1/indicators/table?period=2026Q3', county);
    const response = await t.call(
      'GET',
      '/api/v1/indicators/table?period=2026Q3&format=xlsx',
      county,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (sheet === undefined) throw new Error('no sheet');
    expect(sheet.getCell(1, 1).text).toContain('城口县');
    const header = 4;
    model.columns.forEach((column, c) => {
      expect(sheet.getCell(header, c + 1).value).toBe(column.title);
    });
    const expected = (kind: string, cell: Value | string | null | undefined): unknown => {
      if (cell === null || cell === undefined) return null;
      if (typeof cell === 'object')
        return cell.denominator === 0 ? '—' : cell.numerator / cell.denominator;
      if (typeof cell === 'number' && kind === 'money') return cell / 100;
      return cell;
    };
    [...model.rows, model.totals].forEach((row, r) => {
      model.columns.forEach((column, c) => {
        expect(sheet.getCell(header + 1 + r, c + 1).value, `${String(r)} ${column.key}`).toEqual(
          expected(column.kind, row[column.key]),
        );
      });
    });
  });
});

describe('huzhu indicators (CLI)', () => {
  const run = promisify(execFile);
  const bin = path.resolve(import.meta.dirname, '../bin/huzhu.js');
  const huzhu = (args: string[]) =>
    run(process.execPath, [bin, 'indicators', ...args], {
      env: { ...process.env, DATABASE_URL: t.db.url, HUZHU_LOG_LEVEL: 'silent' },
    });

  it('prints a fund quarter as JSON: fen, and ratios with numerator, denominator and value', async () => {
    const { stdout } = await huzhu([
      '--fund',
      'F229101201',
      '--period',
      '2026Q3',
      '--format',
      'json',
    ]);
    const printed = JSON.parse(stdout) as {
      fund: { name: string };
      indicators: Record<
        string,
        number | { numerator: number; denominator: number; value: number | null }
      >;
    };
    const api = await getJson<{ indicators: Record<string, Value> }>(
      `/api/v1/funds/${String(dongHe.fundId)}/indicators?period=2026Q3`,
      dongHe.keeper,
    );
    expect(printed.fund.name).toBe('东河村扶贫互助社');
    for (const [code, value] of Object.entries(api.indicators)) {
      const shown = printed.indicators[code];
      if (typeof value === 'number') expect(shown, code).toBe(value);
      else
        expect(shown, code).toEqual({
          ...value,
          value: value.denominator === 0 ? null : value.numerator / value.denominator,
        });
    }
  });

  it('prints a region as an aligned table with 元, % and —', async () => {
    const { stdout } = await huzhu(['--region', '500229000000', '--period', '2026Q3']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toContain('城口县');
    expect(lines).toHaveLength(30);
    const overdue = lines.find((l) => l.startsWith('overdue_rate '));
    expect(overdue).toMatch(/逾期率\s+37\.50%$/);
    expect(lines.find((l) => l.startsWith('fund_total '))).toMatch(/100,600\.00 元$/);
    expect(lines.find((l) => l.startsWith('cost_coverage '))).toMatch(/—$/);
  });
});

describe("a quarter's report says what was true at its end", () => {
  it('printed after the overdue loan is repaid in November, 2026Q3 equals the copy printed on 2026-10-01', async () => {
    // A fresh login at each clock: moving the clock months back and forth ends sessions.
    const printed = async (): Promise<MonitoringDoc> =>
      getJson<MonitoringDoc>('/api/v1/monitoring-report?period=2026Q3', await t.login('county'));
    const section = (doc: MonitoringDoc, heading: string) =>
      doc.sections.find((s) => s.heading === heading);
    const saved = t.clock.now;
    try {
      t.clock.now = new Date('2026-10-01T02:00:00Z');
      const october = await printed();
      const warnings = section(october, '四、风险预警');
      const text = JSON.stringify(warnings);
      // At 2026-09-30 东河村's 3,000.00 loan was overdue: the report's warnings say so.
      expect(text).toContain('截至2026年9月30日');
      expect(text).toContain('逾期率过高');
      // In November the borrower repays everything; the live warnings clear.
      t.clock.now = new Date('2026-11-27T06:00:00Z');
      const keeper = await t.login('bookkeeper');
      const quote = await dongHe.get(
        `/loans/${String(dongHeOverdueLoan)}/quote?on=2026-11-20`,
        keeper,
      );
      expect(quote.status).toBe(200);
      const total = (quote.body as { totalFen: number }).totalFen;
      const repaid = await dongHe.post(
        `/loans/${String(dongHeOverdueLoan)}/repayments`,
        { requestId: rid(), on: '2026-11-20', amountFen: total, method: 'cash' },
        keeper,
      );
      expect(repaid.status, JSON.stringify(repaid.body)).toBe(200);
      const live = await getJson<{ items: { code: string; fundId: number }[] }>(
        `/api/v1/warnings?fundId=${String(dongHe.fundId)}&status=active`,
        await t.login('county'),
      );
      expect(live.items.map((w) => w.code)).not.toContain('overdue_rate_high');
      const november = await printed();
      expect(november.figures).toEqual(october.figures);
      for (const heading of ['四、风险预警', '六、典型案例候选'])
        expect(section(november, heading), heading).toEqual(section(october, heading));
    } finally {
      t.clock.now = saved;
    }
  });
});
