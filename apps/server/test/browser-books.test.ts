import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { idCardCheckCharacter } from '@huzhu/domain';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoOrganisation } from '../src/demo/demo-organisation.js';
import { buttonName, openPage, SCREENSHOTS, serveApp, WAIT } from './support/browser.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

/**
 * A month of a village fund's books, clicked through in a real browser against the real server:
 * fiscal money arrives, three households join, form a group, one borrows 3,000 元 through every
 * approval step, the loan is disbursed and partly repaid; the vouchers show their 大写金额; an
 * over-limit application shows every broken rule. Screenshots: apps/server/test-results/books-*.png.
 * Business dates are in 2026-10 (the server's clock is the real today, after that month).
 */

/** A valid 身份证号 of a household born in 1975 (region 500229), with its check character. */
function idCard(sequence: number): string {
  const first17 = `50022919750101${String(sequence).padStart(3, '0')}`;
  return `${first17}${idCardCheckCharacter(first17)}`;
}

const HOUSEHOLDS = [
  { name: '王大山', id: idCard(11), group: '一组' },
  { name: '李秀英', id: idCard(12), group: '一组' },
  { name: '张建国', id: idCard(13), group: '二组' },
] as const;

describe('the books of a village fund in Chromium', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  let loanPath = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemoOrganisation(db.db);
    ({ app, baseUrl } = await serveApp(db));
    ({ browser, page } = await openPage(pageErrors));
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      // What the screen showed when a step failed, for the person reading the failure.
      await page.screenshot({ path: path.join(SCREENSHOTS, 'books-failure.png'), fullPage: true });
    }
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser.close();
    await app.close();
    await db.drop();
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
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SCREENSHOTS, `books-${name}.png`), fullPage });
  }

  async function openMenu(label: string): Promise<void> {
    await page.locator('.ant-menu').getByText(label, { exact: true }).click();
  }

  /** The open dialog (antd keeps closed ones in the DOM, hidden). */
  function dialog(): Locator {
    return page.locator('.ant-modal-wrap:visible .ant-modal').last();
  }

  /** Types a date into an antd DatePicker and leaves it (Enter would also submit the form). */
  async function fillDate(input: Locator, date: string): Promise<void> {
    await input.click();
    await input.fill(date);
    await input.press('Tab');
    await expect.poll(() => input.inputValue(), WAIT).toBe(date);
  }

  /** Opens an antd Select and picks the option showing `text` (typing it first when searchable). */
  async function choose(select: Locator, text: string, search = false): Promise<void> {
    await select.click();
    if (search) await select.pressSequentially(text.slice(0, 2));
    const option = page
      .locator('.ant-select-dropdown .ant-select-item-option', { hasText: text })
      .filter({ visible: true });
    await option.first().click();
    // Let the dropdown close before the next one opens (two open at once confuse the locator).
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), WAIT).toBe(0);
  }

  async function expectMessage(text: string | RegExp): Promise<void> {
    await page.locator('.ant-message').getByText(text).first().waitFor(WAIT);
  }

  it('records the fiscal money as the first voucher of the month', async () => {
    await login('bookkeeper');
    await openMenu('凭证');
    await page.getByRole('heading', { name: '凭证与账务' }).waitFor(WAIT);
    await page.getByRole('button', { name: /资金收支/ }).click();
    const form = dialog();
    await form.getByLabel('金额（元）').waitFor(WAIT);
    expect(await form.textContent()).toContain('财政资金到账');
    await form.getByText('银行存款（财政资金拨入专户）').waitFor(WAIT);
    await fillDate(form.getByLabel('日期'), '2026-10-08');
    await form.getByLabel('金额（元）').fill('150000');
    await form.getByLabel('摘要').fill('2026 年市级财政扶贫互助资金到账');
    await screenshot('cash-event-form', false);
    await form.getByRole('button', { name: buttonName('记账') }).click();
    await expectMessage(/已记账，凭证号 2026-10-0001/);
  });

  it('registers three households, checking the 身份证号 check digit in the form', async () => {
    await openMenu('会员');
    await page.getByRole('heading', { name: '会员' }).waitFor(WAIT);
    for (const [index, household] of HOUSEHOLDS.entries()) {
      await page.getByRole('button', { name: /会员入社/ }).click();
      const form = dialog();
      await form.getByLabel('户主姓名').waitFor(WAIT);
      await form.getByLabel('户主姓名').fill(household.name);
      const idInput = form.getByLabel('身份证号');
      if (index === 0) {
        // A wrong check character is caught before the server is asked.
        const wrong = `${household.id.slice(0, 17)}${household.id.endsWith('1') ? '2' : '1'}`;
        await idInput.fill(wrong);
        await form.getByText('身份证号校验位不正确').waitFor(WAIT);
        await screenshot('member-form-bad-id', false);
      }
      await idInput.fill(household.id);
      await form.getByLabel('村民小组').fill(household.group);
      await fillDate(form.getByLabel('入社日期'), '2026-10-10');
      await form.getByRole('button', { name: buttonName('入社') }).click();
      await expectMessage(`${household.name} 已入社，会员编号 ${String(index + 1)}`);
      await form.waitFor({ state: 'hidden', ...WAIT });
    }
    const table = page.locator('.members-table');
    await page.getByText('共 3 户').waitFor(WAIT);
    // The list masks the 身份证号 and shows each household's own 互助金 (1 share of 100 元).
    const first = HOUSEHOLDS[0];
    await table.getByText(`${first.id.slice(0, 6)}****${first.id.slice(-4)}`).waitFor(WAIT);
    expect(await table.textContent()).not.toContain(first.id);
    expect(await table.locator('.money').getByText('100.00').count()).toBe(3);
    await screenshot('members');

    // The member drawer shows the record and the statement.
    await table.getByText(first.name).click();
    const drawer = page.locator('.member-drawer');
    await drawer.getByText(first.id).waitFor(WAIT);
    await drawer.getByRole('heading', { name: '会员对账单' }).waitFor(WAIT);
    await drawer.locator('.report-table').getByText('100.00').first().waitFor(WAIT);
    await screenshot('member-drawer', false);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...WAIT });
  });

  it('forms a joint-liability group of the three', async () => {
    await openMenu('联保小组');
    await page.getByRole('button', { name: /组建联保小组/ }).click();
    const form = dialog();
    await form.getByLabel('小组名称').waitFor(WAIT);
    expect(await form.getByLabel('小组名称').inputValue()).toBe('第1联保小组');
    await fillDate(form.getByLabel('组建日期'), '2026-10-12');
    // One open dropdown of a multiple select: pick each household in turn.
    await form.locator('.ant-select').last().click();
    for (const household of HOUSEHOLDS) {
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', {
          hasText: household.name,
        })
        .click();
    }
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: buttonName('组建') }).click();
    await expectMessage('第1联保小组 已组建');
    const table = page.locator('.groups-table');
    for (const household of HOUSEHOLDS) await table.getByText(household.name).waitFor(WAIT);
    await screenshot('groups');
  });

  it('takes a 3,000 元 application through the group review', async () => {
    await openMenu('借款');
    await page.getByRole('heading', { name: '借款' }).waitFor(WAIT);
    await page.getByRole('button', { name: /借款申请/ }).click();
    const form = dialog();
    await form.getByLabel('借款金额（元）').waitFor(WAIT);
    await form.getByText('首次借款不超过 5,000.00 元').waitFor(WAIT);
    await choose(form.getByLabel('借款人'), HOUSEHOLDS[0].name, true);
    await form.getByLabel('借款金额（元）').fill('3000');
    await form.getByLabel('期限（月）').fill('6');
    await choose(form.locator('#purpose'), '养殖');
    await form.getByLabel('用途说明').fill('购买仔猪 20 头');
    await fillDate(form.getByLabel('申请日期'), '2026-10-13');
    await screenshot('loan-apply-form', false);
    await form.getByRole('button', { name: buttonName('提交申请') }).click();
    await expectMessage('借款申请已登记（第 1 号）');
    await page.getByRole('heading', { name: /借款第 1 号：王大山/ }).waitFor(WAIT);
    loanPath = new URL(page.url()).pathname;
    expect(loanPath).toMatch(/^\/loans\/\d+$/);

    // 联保小组意见 names the two 代偿人 from the borrower's group.
    await page.getByRole('button', { name: buttonName('联保小组意见') }).click();
    const review = dialog();
    await fillDate(review.getByLabel('小组意见日期'), '2026-10-13');
    await choose(review.getByLabel('第一代偿人'), HOUSEHOLDS[1].name);
    await choose(review.getByLabel('第二代偿人'), HOUSEHOLDS[2].name);
    await review.getByRole('button', { name: buttonName('确认') }).click();
    await expectMessage('联保小组意见已办理');
    await page.locator('.ant-tag').getByText('联保小组已审').waitFor(WAIT);
    expect(await page.locator('.ant-descriptions').textContent()).toContain('李秀英、张建国');
    // The bookkeeper cannot approve for the board.
    expect(await page.getByRole('button', { name: buttonName('理事会审批') }).count()).toBe(0);
  });

  it('lets the board approve and the supervisory board review', async () => {
    for (const [user, action, dateLabel, date, status] of [
      ['board', '理事会审批', '审批日期', '2026-10-14', '理事会已批'],
      ['supervisor', '监事会审查', '审查日期', '2026-10-15', '监事会已审'],
    ] as const) {
      await login(user);
      await openMenu('借款');
      await page.locator('.loans-table').getByRole('link', { name: HOUSEHOLDS[0].name }).click();
      await page.getByRole('button', { name: buttonName(action) }).click();
      const form = dialog();
      await fillDate(form.getByLabel(dateLabel), date);
      await form.getByLabel('意见').fill('同意');
      await form.getByRole('button', { name: buttonName('确认') }).click();
      await expectMessage(`${action}已办理`);
      await page.locator('.ant-tag').getByText(status).waitFor(WAIT);
      // Neither may disburse.
      expect(await page.getByRole('button', { name: buttonName('放款') }).count()).toBe(0);
    }
    await screenshot('loan-reviewed');
  });

  it('publicizes, signs, disburses and takes a partial repayment after the quote', async () => {
    await login('bookkeeper');
    await page.goto(`${baseUrl}${loanPath}`);
    await page.getByRole('button', { name: buttonName('公示') }).click();
    let form = dialog();
    await form.getByText('章程规定公示 3 天').waitFor(WAIT);
    await fillDate(form.getByLabel('公示开始日期'), '2026-10-16');
    await form.getByRole('button', { name: buttonName('确认') }).click();
    await expectMessage('公示已办理');
    await page.getByText('2026-10-16 至 2026-10-18').waitFor(WAIT);

    await page.getByRole('button', { name: buttonName('签合同') }).click();
    form = dialog();
    expect(await form.getByLabel('合同编号').inputValue()).toBe('JK-2026-001');
    await fillDate(form.getByLabel('签约日期'), '2026-10-20');
    await form.getByRole('button', { name: buttonName('确认') }).click();
    await expectMessage('签合同已办理');

    await page.getByRole('button', { name: buttonName('放款') }).click();
    form = dialog();
    await fillDate(form.getByLabel('放款日期'), '2026-10-21');
    await form.getByRole('button', { name: buttonName('确认') }).click();
    await expectMessage(/已放款，凭证号 2026-10-0005/);
    await page.locator('.ant-tag').getByText('已放款').waitFor(WAIT);
    await page.getByText('2027-04-21', { exact: true }).first().waitFor(WAIT);

    // 还款试算 on 2026-10-31: 3,000 元 × 月息7‰ (840 bp a year) × 10 days / 360 = 7.00 元.
    await page.getByRole('button', { name: buttonName('还款') }).click();
    form = dialog();
    await fillDate(form.getByLabel('还款日期'), '2026-10-31');
    const quote = form.locator('.repay-quote');
    await quote.getByText('3,007.00 元').waitFor(WAIT);
    expect(await quote.textContent()).toContain('3,000.00');
    expect(await quote.textContent()).toContain('7.00');
    expect(await form.getByLabel('还款金额（元）').inputValue()).toBe('3007.00');
    await form.getByLabel('还款金额（元）').fill('1000');
    await screenshot('loan-repay-quote', false);
    await form.getByRole('button', { name: buttonName('确认还款') }).click();
    const done = page.locator('.ant-modal-confirm');
    await done.locator('.ant-modal-confirm-title').getByText('还款成功').waitFor(WAIT);
    expect(await done.textContent()).toContain('2,007.00 元');
    await done.locator('.ant-modal-confirm-btns button').click();
    const repayments = page.locator('.repayments-table');
    await repayments.getByText('1,000.00').waitFor(WAIT);
    expect(await repayments.textContent()).toContain('993.00');
    await page.locator('.loan-steps').getByText('放款').waitFor(WAIT);
    await screenshot('loan-detail');
  });

  it('lists the month’s vouchers with their 大写金额 and lines', async () => {
    await openMenu('凭证');
    const month = page.locator('.voucher-month input');
    await fillDate(month, '2026-10');
    await page.getByText('共 6 张凭证').waitFor(WAIT);
    const table = page.locator('.vouchers-table');
    for (const words of ['壹拾伍万元整', '叁仟元整', '壹仟元整', '壹佰元整']) {
      await table.getByText(words).first().waitFor(WAIT);
    }
    for (const no of ['2026-10-0001', '2026-10-0004', '2026-10-0006']) {
      await table.getByText(no).waitFor(WAIT);
    }
    const fiscal = table.locator('tr', { hasText: '2026-10-0001' });
    expect(await fiscal.textContent()).toContain('财政资金到账');
    await fiscal.locator('.ant-table-row-expand-icon').click();
    const lines = table.locator('.voucher-lines').first();
    await lines.getByText('1002 银行存款').waitFor(WAIT);
    await lines.getByText('4401 政府补助收入').waitFor(WAIT);
    await screenshot('vouchers');

    await page.getByRole('tab', { name: '会计期间' }).click();
    await page.locator('.periods-table').getByText('2026-10').waitFor(WAIT);
    await screenshot('periods', false);
  });

  it('refuses a 60,000 元 application, listing every broken rule', async () => {
    await openMenu('借款');
    await page.getByRole('button', { name: /借款申请/ }).click();
    const form = dialog();
    await choose(form.getByLabel('借款人'), HOUSEHOLDS[1].name, true);
    await form.getByLabel('借款金额（元）').fill('60000');
    await form.getByLabel('期限（月）').fill('6');
    await choose(form.locator('#purpose'), '种植');
    await fillDate(form.getByLabel('申请日期'), '2026-10-31');
    await form.getByRole('button', { name: buttonName('提交申请') }).click();
    const failures = form.locator('.ant-alert-error');
    await failures.getByText('借款金额超过章程规定的限额').waitFor(WAIT);
    // 李秀英 also guarantees 王大山's outstanding loan: both rules are listed.
    await failures.getByText('借款人正在为他人未还清的借款担保，不能借款').waitFor(WAIT);
    await screenshot('loan-refused', false);
    await form.getByRole('button', { name: buttonName('取消') }).click();
  });

  it('shows who borrows in the group, the reports and the fund settings', async () => {
    await openMenu('联保小组');
    await page.locator('.groups-table').getByText('王大山（借款中）').waitFor(WAIT);
    expect(await page.locator('.groups-table').textContent()).toContain('1 / 3');

    await openMenu('报表');
    await page.getByRole('heading', { name: '报表' }).waitFor(WAIT);
    const params = page.locator('.report-params');
    await choose(params.locator('.report-select'), '借款台账');
    const report = page.locator('.report-table');
    await report.getByText('借款台账').first().waitFor(WAIT);
    await report.getByText(HOUSEHOLDS[0].name).first().waitFor(WAIT);
    const excel = page.getByRole('link', { name: /导出 Excel/ });
    expect(await excel.getAttribute('href')).toContain('format=xlsx');
    await screenshot('reports');

    await openMenu('本社设置');
    await page.getByRole('heading', { name: '本社设置' }).waitFor(WAIT);
    const bylaws = page.locator('.bylaws-view');
    await bylaws.getByText('月息7‰').waitFor(WAIT);
    await bylaws.getByText('5,000.00 元').waitFor(WAIT);
    await screenshot('fund-setup');
  });
});
