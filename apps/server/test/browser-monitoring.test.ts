import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { fen, formatYuan } from '@huzhu/domain';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoOrganisation } from '../src/demo/demo-organisation.js';
import {
  approvedLoan,
  openBooks,
  registerMember,
  rid,
  type Books,
} from './support/books-fixture.js';
import type { TestApp } from './support/test-app.js';
import { buttonName, openPage, SCREENSHOTS, serveApp, WAIT } from './support/browser.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

/**
 * Monitoring in a real browser against the real server: the books of 东河村 get members, fiscal
 * money and a one-month loan disbursed in 2026-07 and never repaid (so 2026Q3 has figures and an
 * overdue warning); the bookkeeper submits the 2026Q3 report; the county sees it on the 报送情况
 * board among funds that have not reported, approves and locks it; the county's dashboard shows
 * the very figures of GET /indicators and drills down to 修齐镇 and a fund's loans; the county
 * acknowledges the 逾期率过高 warning with a note. The server's clock is the real today (after
 * 2026Q3 ended). Screenshots: apps/server/test-results/monitoring-*.png.
 */

const PERIOD = '2026Q3';

type IndicatorValue = number | { numerator: number; denominator: number };

interface Breakdown {
  total: {
    id: number;
    name: string;
    fundCount: number;
    indicators: Record<string, IndicatorValue>;
  };
  children: { kind: string; id: number; name: string }[];
}

/** The dashboard's text of an indicator: 元 with two decimals, percent with one, '—' for 0 ÷ 0. */
function shown(value: IndicatorValue | undefined, display: 'yuan' | 'percent' | 'integer'): string {
  if (value === undefined) return '—';
  if (typeof value === 'number') return display === 'yuan' ? formatYuan(fen(value)) : String(value);
  if (value.denominator === 0) return '—';
  return `${((value.numerator / value.denominator) * 100).toFixed(1)}%`;
}

describe('monitoring in Chromium', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let t: TestApp;
  let books: Books;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  let loanId = 0;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemoOrganisation(db.db);
    const clock = { now: new Date() };
    ({ app, baseUrl } = await serveApp(db));

    // The books, through the HTTP API (the books pages have their own browser test).
    const call: TestApp['call'] = (method, url, token, body) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: token === null ? {} : { authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    t = {
      app,
      db,
      clock,
      call,
      login: async (username, password = DEMO_PASSWORD) => {
        const response = await call('POST', '/api/v1/auth/login', null, { username, password });
        if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.body}`);
        return response.json<{ token: string }>().token;
      },
      close: async () => {
        await app.close();
        await db.drop();
      },
    };
    books = await openBooks(t);
    const members: number[] = [];
    for (let n = 1; n <= 4; n += 1)
      members.push(
        await registerMember(books, n, {
          joinedOn: '2026-07-01',
          category: n === 1 ? 'poor' : 'ordinary',
        }),
      );
    await books.post('/groups', { name: '一组', formedOn: '2026-07-02', memberIds: members });
    await books.post('/household-counts', {
      asOf: '2026-07-01',
      totalHouseholds: 40,
      poorHouseholds: 8,
    });
    const fiscal = await books.post('/cash-events', {
      requestId: rid(),
      kind: 'fiscal_funds',
      on: '2026-07-03',
      amountFen: 15_000_000,
    });
    expect(fiscal.status).toBeLessThan(300);
    loanId = await approvedLoan(books, members[0] ?? 0, [members[1] ?? 0, members[2] ?? 0], {
      amountFen: 300_000,
      termMonths: 1,
      appliedOn: '2026-07-05',
    });
    const disbursed = await books.post(`/loans/${String(loanId)}/disburse`, {
      requestId: rid(),
      on: '2026-07-10',
      method: 'bank',
    });
    expect(disbursed.status).toBeLessThan(300);

    ({ browser, page } = await openPage(pageErrors));
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      await page.screenshot({
        path: path.join(SCREENSHOTS, 'monitoring-failure.png'),
        fullPage: true,
      });
    }
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    // Each was set only if beforeAll got that far.
    await (browser as Browser | undefined)?.close();
    await (app as FastifyInstance | undefined)?.close();
    await (db as TestDatabase | undefined)?.drop();
  });

  async function login(username: string): Promise<void> {
    await page.context().clearCookies();
    await page.goto(`${baseUrl}/login`);
    const user = page.getByLabel('用户名');
    await user.waitFor(WAIT);
    await user.fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: buttonName('登录') }).click();
    await page.locator('.ant-layout-header').waitFor(WAIT);
  }

  async function screenshot(name: string, fullPage = true): Promise<void> {
    await page
      .locator('.ant-spin-spinning')
      .first()
      .waitFor({ state: 'detached', ...WAIT });
    await page.waitForTimeout(600);
    // A full-page shot of a scrolled page paints the sticky header mid-way: start at the top.
    if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(SCREENSHOTS, `monitoring-${name}.png`), fullPage });
  }

  async function openMenu(label: string): Promise<void> {
    await page.locator('.ant-menu').getByText(label, { exact: true }).click();
  }

  async function expectMessage(text: string | RegExp): Promise<void> {
    await page.locator('.ant-message').getByText(text).first().waitFor(WAIT);
  }

  /** Confirms the open Popconfirm with its OK button. */
  async function confirm(okText: string): Promise<void> {
    await page
      .locator('.ant-popover:visible')
      .getByRole('button', { name: buttonName(okText) })
      .click();
  }

  function dialog(): Locator {
    return page.locator('.ant-modal-wrap:visible .ant-modal').last();
  }

  it('lets the bookkeeper generate and submit the 2026Q3 report', async () => {
    await login('bookkeeper');
    await openMenu('季报');
    await page.getByRole('heading', { name: '季报' }).waitFor(WAIT);
    // The last quarter that has ended is chosen by default.
    await page.getByText('东河村扶贫互助社 · 2026年第3季度').waitFor(WAIT);
    await page.getByText(/本季度尚未生成季报/).waitFor(WAIT);

    await page.getByRole('button', { name: /生成草稿/ }).click();
    await expectMessage('已从账簿生成季报草稿');
    await page.locator('.report-status', { hasText: '草稿' }).first().waitFor(WAIT);
    // The draft's figures come from the books: 4 members, 150,600.00 元 in the fund.
    const figures = page.locator('.snapshot-indicators');
    await figures.waitFor(WAIT);
    expect(await figures.textContent()).toContain('150,600.00');
    await screenshot('report-draft');

    await page.getByRole('button', { name: /提\s*交/ }).click();
    await confirm('提交');
    await expectMessage('季报已提交');
    await page.locator('.report-status', { hasText: '已提交' }).first().waitFor(WAIT);
    // Submitted after the deadline (2026-10-05): flagged late.
    await page.getByText('逾期报送').first().waitFor(WAIT);
    expect(await page.locator('.report-events').textContent()).toContain('提交');
    // Once submitted, the fund can neither regenerate nor resubmit.
    expect(await page.getByRole('button', { name: /生成草稿/ }).count()).toBe(0);
    await screenshot('report-submitted');
  });

  it('shows the county the 报送情况 board; the county approves and locks the report', async () => {
    await login('county');
    await openMenu('季报');
    await page.getByRole('heading', { name: '季报报送情况' }).waitFor(WAIT);
    const summary = async (key: string) =>
      (await page.locator(`[data-summary="${key}"] .ant-statistic-content`).textContent())?.trim();
    await expect.poll(() => summary('funds'), WAIT).toBe('4');
    expect(await summary('submitted')).toBe('1');
    expect(await summary('late')).toBe('1');
    expect(await summary('missing')).toBe('3');
    expect(await summary('locked')).toBe('0');

    const table = page.locator('.report-status-table');
    const row = (fund: string) => table.locator('tr', { hasText: fund });
    expect(await row('东河村扶贫互助社').locator('.report-status').textContent()).toBe('已提交');
    for (const fund of ['岭南村扶贫互助社', '太和村扶贫互助社', '新华村扶贫互助社']) {
      expect(await row(fund).locator('.report-status').textContent()).toBe('未报');
      expect(await row(fund).textContent()).toContain('逾期未报');
    }
    await screenshot('status-board');

    await row('东河村扶贫互助社')
      .getByRole('button', { name: buttonName('审核') })
      .click();
    const drawer = page.locator('.report-drawer');
    await drawer.getByText('季报：东河村扶贫互助社').waitFor(WAIT);
    await drawer.getByRole('button', { name: buttonName('审核通过') }).click();
    await confirm('审核通过');
    await expectMessage('已审核通过');
    await drawer.locator('.report-status', { hasText: '已审核' }).waitFor(WAIT);
    await drawer.getByRole('button', { name: buttonName('锁定') }).click();
    await confirm('锁定');
    await expectMessage('已锁定');
    await drawer.locator('.report-status', { hasText: '已锁定' }).waitFor(WAIT);
    const events = (await drawer.locator('.report-events').textContent()) ?? '';
    for (const step of ['生成草稿', '提交', '审核通过', '锁定']) expect(events).toContain(step);
    await screenshot('report-locked', false);

    await page.keyboard.press('Escape');
    await expect.poll(() => summary('locked'), WAIT).toBe('1');
    expect(await row('东河村扶贫互助社').locator('.report-status').textContent()).toBe('已锁定');
  });

  it('shows the county dashboard with the figures of GET /indicators, and drills down', async () => {
    const token = await t.login('county');
    const county = (await t.call('GET', '/api/v1/regions', token)).json<{
      items: { id: number }[];
    }>().items[0]?.id;
    const api = (
      await t.call('GET', `/api/v1/indicators?regionId=${String(county)}&period=${PERIOD}`, token)
    ).json<Breakdown>();
    expect(api.total.name).toBe('城口县');

    await openMenu('监测看板');
    await page.getByRole('heading', { name: '监测看板' }).waitFor(WAIT);
    await page.getByText(/城口县（区县）· 2026年第3季度 · 账簿实时/).waitFor(WAIT);
    const kpi = async (id: string) =>
      (await page.locator(`[data-kpi="${id}"] .kpi-value`).textContent())?.trim();
    await expect.poll(() => kpi('fundCount'), WAIT).toBe(String(api.total.fundCount));
    const v = api.total.indicators;
    expect(await kpi('members')).toBe(
      `${shown(v.members, 'integer')} （${shown(v.members_poor, 'integer')}）`,
    );
    for (const code of ['fund_total', 'outstanding'])
      expect(await kpi(code)).toBe(shown(v[code], 'yuan'));
    for (const code of [
      'utilization_rate',
      'on_time_rate',
      'recovery_rate',
      'overdue_rate',
      'par30',
      'disbursed_poor_share',
    ])
      expect(await kpi(code)).toBe(shown(v[code], 'percent'));
    // The seeded books: 150,600.00 元, 3,000.00 元 outstanding and all of it overdue.
    expect(await kpi('fund_total')).toBe('150,600.00');
    expect(await kpi('overdue_rate')).toBe('100.0%');

    // Every chart drew on its canvas.
    for (const chart of ['sources', 'usage', 'repayment', 'trend', 'warnings'])
      await page.locator(`.chart-${chart} canvas`).first().waitFor(WAIT);
    // One row per township, with the rolled-up total.
    const table = page.locator('.indicator-table');
    for (const child of api.children) await table.getByText(child.name).first().waitFor(WAIT);
    expect(await table.locator('.indicator-total').textContent()).toContain('合计：城口县');

    // The two downloads link to the server's files for this region and quarter.
    const xlsx = await page.locator('a.export-xlsx').getAttribute('href');
    const docx = await page.locator('a.download-docx').getAttribute('href');
    expect(xlsx).toBe(
      `/api/v1/indicators/table?regionId=${String(county)}&period=${PERIOD}&source=books&format=xlsx`,
    );
    expect(docx).toBe(
      `/api/v1/monitoring-report?regionId=${String(county)}&period=${PERIOD}&source=books&format=docx`,
    );
    for (const url of [xlsx ?? '', docx ?? '']) {
      const response = await t.call('GET', url, token);
      if (response.statusCode === 404) console.warn(`browser-monitoring: ${url} answers 404`);
      else expect(response.statusCode).toBe(200);
    }
    await screenshot('dashboard-county');

    // 已报季报: only the locked report of 东河村 counts, with its frozen figures.
    await page.locator('.source-toggle').getByText('已报季报').click();
    await expect.poll(() => kpi('fundCount'), WAIT).toBe('1');
    expect(await kpi('fund_total')).toBe('150,600.00');
    await page.locator('.source-toggle').getByText('账簿实时').click();
    await expect.poll(() => kpi('fundCount'), WAIT).toBe(String(api.total.fundCount));

    // Drill down: 城口县 → 修齐镇 (its funds) → 东河村扶贫互助社's loans.
    await table.locator('.drill-link', { hasText: '修齐镇' }).click();
    await page.getByText(/修齐镇（乡镇）· 2026年第3季度/).waitFor(WAIT);
    await table.getByText('东河村扶贫互助社').waitFor(WAIT);
    await table.getByText('岭南村扶贫互助社').waitFor(WAIT);
    await expect.poll(() => kpi('fundCount'), WAIT).toBe('2');
    expect(await kpi('outstanding')).toBe('3,000.00');
    await screenshot('dashboard-township');

    await table.locator('.drill-link', { hasText: '东河村扶贫互助社' }).click();
    await page.getByRole('heading', { name: '借款' }).waitFor(WAIT);
    await page.getByText('东河村扶贫互助社 · 贫困户申请优先').waitFor(WAIT);
    await page.locator('.ant-table').getByText('会员1').first().waitFor(WAIT);
  });

  it('lets the county acknowledge the overdue warning with a note, and see its history', async () => {
    // Back to the whole county in the tree.
    await page.locator('.region-tree').getByText('城口县', { exact: true }).click();
    await openMenu('预警');
    await page.getByRole('heading', { name: '风险预警' }).waitFor(WAIT);
    const row = page.locator('.warning-table tr', { hasText: '逾期率过高' });
    await row.waitFor(WAIT);
    expect(await row.locator('.severity-tag').textContent()).toBe('高');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('东河村扶贫互助社');
    expect(text).toContain('城口县');
    expect(text).toContain(`#${String(loanId)}`);
    expect(text).toContain('待处理');
    await screenshot('warnings');

    await row.getByRole('button', { name: buttonName('确认') }).click();
    const form = dialog();
    await form.getByLabel('处理说明').waitFor(WAIT);
    // A note is required.
    await form.getByRole('button', { name: buttonName('确认') }).click();
    await form.getByText('请填写处理说明').waitFor(WAIT);
    await form.getByLabel('处理说明').fill('已电话督促借款人10日内还款');
    await screenshot('warning-acknowledge', false);
    await form.getByRole('button', { name: buttonName('确认') }).click();
    await expectMessage('已确认');
    await expect.poll(async () => row.textContent(), WAIT).toContain('已确认');

    await row.getByRole('button', { name: buttonName('记录') }).click();
    const history = page.locator('.warning-history');
    await history.getByText('已电话督促借款人10日内还款').waitFor(WAIT);
    expect(await history.textContent()).toContain('城口县扶贫办 李科长');
    await screenshot('warning-history', false);
    await page.keyboard.press('Escape');
  });

  it('shows the server refusing a threshold out of range', async () => {
    await page.getByRole('tab', { name: '预警阈值' }).click();
    const form = page.locator('.thresholds-form');
    const overdue = form.getByLabel('逾期率上限（%）');
    await overdue.waitFor(WAIT);
    expect(await overdue.inputValue()).toBe('5');
    await overdue.fill('150');
    await form.getByRole('button', { name: /保存阈值/ }).click();
    await form
      .locator('.thresholds-error')
      .getByText(/预警阈值超出允许范围：逾期率上限（%），允许 0–100/)
      .waitFor(WAIT);
    await screenshot('thresholds-error');
  });
});
