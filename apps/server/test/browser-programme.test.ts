import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoOrganisation } from '../src/demo/demo-organisation.js';
import { openBooks, registerMember, rid, type Books } from './support/books-fixture.js';
import type { TestApp } from './support/test-app.js';
import { buttonName, openPage, SCREENSHOTS, serveApp, WAIT } from './support/browser.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

/**
 * The city's programme in a real browser against the real server. The city enters a plan like
 * the founding notice's 2012 plan (市级资金 4000万 of which 3900万 allocated: the page shows the
 * 100.00万元 remainder; an over-allocation first shows red with its problem) and issues it; 东河村
 * confirms its allocation, which posts a voucher; the city starts the 2026 evaluation run; the
 * county scores 东河村's manual items and sees its score rise; the city approves, changing one
 * outcome with a reason; the county enters a satisfaction survey and a typical case and reads
 * them in the annual summary. The server's clock is the real today.
 * Screenshots: apps/server/test-results/programme-*.png.
 */

const YEAR = new Date().getFullYear();

describe('the city’s programme in Chromium', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let t: TestApp;
  let books: Books;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  let runPath = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemoOrganisation(db.db);
    ({ app, baseUrl } = await serveApp(db));

    // 东河村's books, through the HTTP API: members and its first fiscal money.
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
      clock: { now: new Date() },
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
    for (let n = 1; n <= 3; n += 1)
      await registerMember(books, n, { joinedOn: `${String(YEAR)}-03-01` });
    const fiscal = await books.post('/cash-events', {
      requestId: rid(),
      kind: 'fiscal_funds',
      on: `${String(YEAR)}-03-02`,
      amountFen: 15_000_000,
    });
    expect(fiscal.status).toBeLessThan(300);

    ({ browser, page } = await openPage(pageErrors));
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      await page.screenshot({
        path: path.join(SCREENSHOTS, 'programme-failure.png'),
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
    await page.waitForTimeout(500);
    if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(SCREENSHOTS, `programme-${name}.png`), fullPage });
  }

  async function openMenu(label: string): Promise<void> {
    await page.locator('.ant-menu').getByText(label, { exact: true }).click();
  }

  async function expectMessage(text: string | RegExp): Promise<void> {
    await page.locator('.ant-message').getByText(text).first().waitFor(WAIT);
  }

  function dialog(): Locator {
    return page.locator('.ant-modal-wrap:visible .ant-modal').last();
  }

  /** Opens an antd Select and picks the option showing `text` (typing `search` first). */
  async function choose(select: Locator, text: string, search?: string): Promise<void> {
    await select.click();
    if (search !== undefined) await page.keyboard.type(search);
    const option = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
      .first();
    await option.click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), WAIT).toBe(0);
  }

  /** The text inputs inside a cell, whether antd put the class on the input or its wrapper. */
  function input(scope: Locator, className: string): Locator {
    return scope.locator(`input.${className}, .${className} input`).first();
  }

  function allocationRow(index: number): Locator {
    return page.locator('.plan-allocations tbody tr.ant-table-row').nth(index);
  }

  async function fillLine(
    index: number,
    line: {
      county: string;
      village?: string;
      category: string;
      source?: string;
      count?: string;
      amount?: string;
    },
  ): Promise<void> {
    const row = allocationRow(index);
    await row.waitFor(WAIT);
    await choose(row.locator('.plan-county'), line.county, line.county.slice(0, 2));
    if (line.village !== undefined)
      await choose(row.locator('.plan-village'), line.village, line.village.slice(0, 2));
    await choose(row.locator('.plan-category'), line.category);
    if (line.source !== undefined) await choose(row.locator('.plan-source'), line.source);
    if (line.count !== undefined) await input(row, 'plan-count').fill(line.count);
    if (line.amount !== undefined) await input(row, 'plan-amount').fill(line.amount);
  }

  it('enters a plan like the 2012 one: an over-allocation is red, the 100万 remainder shown', async () => {
    await login('city');
    await openMenu('年度计划');
    await page.getByRole('heading', { name: '年度计划' }).waitFor(WAIT);
    await page.getByRole('button', { name: /新建计划/ }).click();
    await page.getByRole('heading', { name: '新建年度计划' }).waitFor(WAIT);
    await page.getByLabel('计划名称').fill('2012年贫困村村级互助资金试点项目计划');
    await page.getByLabel('年度').fill('2012');
    await page.getByLabel('文号').fill('渝扶办发〔2012〕93号');
    await page.getByLabel('发文机关').fill('重庆市扶贫开发办公室　重庆市财政局');
    await page.getByLabel('中央奖励资金（万元）').fill('200');
    await page.getByLabel('市级资金（万元）').fill('4000');

    // 300 new pilot villages × 15万 = 4500万: over the city money by 500万.
    await fillLine(0, { county: '城口县', category: '新启动试点村', count: '300' });
    const panel = page.locator('.plan-reconciliation');
    await panel.getByText('超出预算 500.00万元').waitFor(WAIT);
    await page
      .locator('.plan-problems')
      .getByText(/市级资金预算4000万元/)
      .waitFor(WAIT);
    await screenshot('plan-over-allocated');

    await input(allocationRow(0), 'plan-count').fill('160');
    const add = page.getByRole('button', { name: /添加分配行/ });
    await add.click();
    await fillLine(1, { county: '巫溪县', category: '奖励扩大规模试点村', count: '99' });
    await add.click();
    await fillLine(2, { county: '城口县', village: '东河村', category: '奖励扩大规模试点村' });
    await add.click();
    await fillLine(3, {
      county: '城口县',
      category: '中央奖励村',
      count: '14',
      amount: '200',
    });
    expect(
      await allocationRow(3)
        .locator('.plan-source .ant-select-content, .plan-source')
        .first()
        .textContent(),
    ).toContain('中央奖励资金');
    // 160 + 99 + 1 villages × 15万 = 3900万 of 4000万.
    await panel.getByText('未分配结余 100.00万元').waitFor(WAIT);
    await expect.poll(() => page.locator('.plan-problems').count(), WAIT).toBe(0);

    await page.getByRole('button', { name: /保存草稿/ }).click();
    await expectMessage(/计划已保存/);
    await page.waitForURL(/\/plans\/\d+$/, WAIT);
    await page.getByText('（已保存）').waitFor(WAIT);
    await panel.getByText('未分配结余 100.00万元').waitFor(WAIT);
    expect(await panel.textContent()).toContain('4,000.00');
    expect(await panel.textContent()).toContain('3,900.00');
    const attachment = page.locator('.plan-attachment-1');
    await attachment.getByText('2012年贫困村村级互助资金试点项目计划表').waitFor(WAIT);
    await attachment.getByText('资金（万元）').waitFor(WAIT);
    await attachment
      .getByText(/市级资金未分配结余100万元/)
      .first()
      .waitFor(WAIT);
    const totals = await attachment.locator('.report-totals').textContent();
    expect(totals).toContain('274');
    expect(totals).toContain('4,100.00');
    await screenshot('plan-saved');
  });

  it('issues the plan; 东河村 confirms its allocation and gets a voucher', async () => {
    const issue = page.getByRole('button', { name: /下\s*达/ });
    expect(await issue.isEnabled()).toBe(true);
    await issue.click();
    await page
      .locator('.ant-popover:visible')
      .getByRole('button', { name: buttonName('下达') })
      .click();
    await expectMessage('计划已下达，生成资金到位确认 1 笔');
    await page.locator('.ant-tag').getByText('已下达').waitFor(WAIT);
    expect(await page.getByRole('button', { name: /保存草稿/ }).count()).toBe(0);
    await openMenu('年度计划');
    const list = page.locator('.plans-table');
    await list.getByText('未分配结余 100.00万元').waitFor(WAIT);
    await screenshot('plans-list', false);

    await login('bookkeeper');
    await openMenu('计划资金到位');
    const receipts = page.locator('.plan-receipts-table');
    await receipts.getByText('待确认').waitFor(WAIT);
    expect(await receipts.textContent()).toContain('150,000.00');
    await receipts.getByRole('button', { name: /确认到账/ }).click();
    const form = dialog();
    await form.getByLabel('到账日期').waitFor(WAIT);
    await form.getByRole('button', { name: /确认到账/ }).click();
    const done = page.locator('.ant-modal-confirm');
    await done.getByText(/已记账，凭证号 \d{4}-\d{2}-\d{4}/).waitFor(WAIT);
    await screenshot('plan-receipt-confirmed', false);
    await done.locator('.ant-modal-confirm-btns button').click();
    await receipts.getByText('已到位').waitFor(WAIT);
  });

  it('shows a scheme’s refused weights and starts the year’s evaluation run', async () => {
    await login('city');
    await openMenu('绩效考评');
    await page.getByRole('heading', { name: '绩效考评' }).waitFor(WAIT);
    const scheme = page.locator('.scheme-items');
    await scheme.getByText('组织建设（15）').waitFor(WAIT);
    await scheme.getByText('贫困户入社率').first().waitFor(WAIT);

    await page.getByRole('button', { name: /另存为新方案/ }).click();
    const editor = dialog();
    await input(editor, 'scheme-weight-0').fill('20');
    await editor.locator('.scheme-weight-sum').getByText('105').waitFor(WAIT);
    await editor.getByRole('button', { name: /保存方案/ }).click();
    await editor
      .locator('.scheme-problems')
      .getByText(/考评维度权重之和须为 100/)
      .waitFor(WAIT);
    await screenshot('scheme-refused', false);
    await editor.getByRole('button', { name: buttonName('取消') }).click();
    await screenshot('scheme');

    await page.getByRole('button', { name: /开始考评/ }).click();
    await page.waitForURL(/\/evaluation\/runs\/\d+/, WAIT);
    runPath = new URL(page.url()).pathname;
    const funds = page.locator('.run-funds');
    await funds.getByText('东河村扶贫互助社').waitFor(WAIT);
    expect(await funds.locator('tbody tr.ant-table-row').count()).toBe(6);
    await page.locator('.run-incomplete').first().waitFor(WAIT);
    await screenshot('run-started');
  });

  it('lets the county score 东河村’s manual items, and its score rises', async () => {
    await login('county');
    await page.goto(`${baseUrl}${runPath}`);
    const row = page.locator('.run-funds tbody tr.ant-table-row', { hasText: '东河村扶贫互助社' });
    await row.waitFor(WAIT);
    // The county sees its own four funds.
    expect(await page.locator('.run-funds tbody tr.ant-table-row').count()).toBe(4);
    const before = Number(await row.locator('.fund-score').textContent());
    await row.getByRole('button', { name: /人工评分/ }).click();
    const drawer = page.locator('.manual-score-drawer');
    const items = drawer.locator('.manual-item');
    await items.first().waitFor(WAIT);
    const count = await items.count();
    expect(count).toBe(9);
    for (let i = 0; i < count; i += 1) {
      const item = items.nth(i);
      const label = (await item.locator('label').first().textContent()) ?? '';
      const max = /满分 ([\d.]+)/.exec(label)?.[1] ?? '0';
      await item.locator('.ant-input-number input').fill(max);
      await item.locator('input.ant-input').fill('现场检查，资料齐全');
    }
    await screenshot('manual-scores', false);
    await drawer.getByRole('button', { name: /保存评分/ }).click();
    await expectMessage(/已保存评分：东河村扶贫互助社/);
    await expect
      .poll(async () => Number(await row.locator('.fund-score').textContent()), WAIT)
      .toBeGreaterThanOrEqual(before + 34);
    await row.getByText('完整').waitFor(WAIT);
    await screenshot('run-scored');
  });

  it('lets the city approve, a changed outcome needing its reason', async () => {
    await login('city');
    await page.goto(`${baseUrl}${runPath}`);
    await page.getByRole('button', { name: /审定结果/ }).click();
    const modal = dialog();
    const row = modal.locator('.approve-table tbody tr.ant-table-row', {
      hasText: '岭南村扶贫互助社',
    });
    await choose(row.locator('.approve-outcome'), '退出');
    await modal.getByRole('button', { name: buttonName('审定') }).click();
    await modal.getByText('请为每个改变的处理意见写明理由。').waitFor(WAIT);
    await row.locator('.approve-reason').fill('账实不符，经核查存在挪用');
    await screenshot('approve', false);
    await modal.getByRole('button', { name: buttonName('审定') }).click();
    await expectMessage('考评结果已审定');
    await page.locator('.ant-tag').getByText('已审定').waitFor(WAIT);
    const approved = page.locator('.run-funds tbody tr.ant-table-row', {
      hasText: '岭南村扶贫互助社',
    });
    await approved.getByText('退出').first().waitFor(WAIT);
    await screenshot('run-approved');
  });

  it('shows a fund’s history; the county closes a rectification task', async () => {
    await login('county');
    await page.goto(`${baseUrl}${runPath}`);
    const row = page.locator('.run-funds tbody tr.ant-table-row', { hasText: '太和村扶贫互助社' });
    await row.getByText('限期整改').first().waitFor(WAIT);
    await row.getByRole('link', { name: '太和村扶贫互助社' }).click();
    await page.getByRole('heading', { name: /考评记录：太和村扶贫互助社/ }).waitFor(WAIT);
    await page.locator('.fund-evaluations').getByText('不合格').waitFor(WAIT);
    const tasks = page.locator('.rectifications');
    await tasks.getByText('整改中').waitFor(WAIT);
    await tasks.getByRole('button', { name: /整改完成/ }).click();
    const form = dialog();
    await form.getByLabel('整改材料').fill('已补建档案，会员大会已召开');
    await form.getByRole('button', { name: /确认整改完成/ }).click();
    await expectMessage('整改已完成');
    await tasks.getByText('已完成').waitFor(WAIT);
    await screenshot('fund-history');
  });

  it('takes a survey and a typical case and shows them in the annual summary', async () => {
    await openMenu('年度总结');
    await page.getByRole('heading', { name: '年度工作总结' }).first().waitFor(WAIT);
    const row = page.locator('.surveys-table tbody tr.ant-table-row', {
      hasText: '东河村扶贫互助社',
    });
    await row.getByRole('button', { name: /录入/ }).click();
    await row.getByLabel('受访户数').fill('20');
    await row.getByLabel('满意', { exact: true }).fill('18');
    await row.getByLabel('一般', { exact: true }).fill('2');
    await row.getByLabel('不满意').fill('0');
    await row.getByLabel('农户意见').fill('借款手续简便');
    await row.getByRole('button', { name: buttonName('保存') }).click();
    await expectMessage('东河村扶贫互助社 的满意度调查已保存');
    await row.getByText('90.00%').waitFor(WAIT);

    const form = page.locator('.typical-case-form');
    await form.getByLabel('标题').fill('东河村养殖增收');
    await choose(form.locator('.ant-select'), '东河村扶贫互助社');
    await form.getByLabel('做法与成效').fill('互助社借款支持养殖，户均增收三千元。');
    await form.getByRole('button', { name: /添加案例/ }).click();
    await expectMessage('典型案例已添加');
    await page.locator('.typical-cases').getByText('东河村养殖增收').waitFor(WAIT);

    const summary = page.locator('.summary-document');
    await summary.getByText(`城口县村级互助资金${String(YEAR)}年度工作总结`).waitFor(WAIT);
    await summary
      .getByText(/满意率 90\.00%/)
      .first()
      .waitFor(WAIT);
    await summary
      .getByText(/东河村扶贫互助社：借款手续简便/)
      .first()
      .waitFor(WAIT);
    await summary
      .getByText(/东河村养殖增收/)
      .first()
      .waitFor(WAIT);
    await summary.locator('.report-table').first().waitFor(WAIT);
    const word = page.getByRole('link', { name: /下载 Word/ });
    expect(await word.getAttribute('href')).toContain('format=docx');
    await screenshot('annual-summary');
  });

  it('shows the exit page of the bookkeeper’s fund', async () => {
    await login('bookkeeper');
    await openMenu('退出');
    await page.getByRole('heading', { name: '互助社退出' }).waitFor(WAIT);
    await page.locator('.exit-status').getByText('未作出退出决定').waitFor(WAIT);
    await screenshot('exit', false);
  });
});
