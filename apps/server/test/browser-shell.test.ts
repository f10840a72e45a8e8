import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoOrganisation } from '../src/demo/demo-organisation.js';
import { openPage, SCREENSHOTS, serveApp, WAIT } from './support/browser.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

/**
 * The web shell in a real browser against the real server and database: log in through the form,
 * land on the page of one's role, open the region tree, log out. Screenshots go to
 * apps/server/test-results/ for a person to look at.
 */

describe('web shell in Chromium', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemoOrganisation(db.db);
    ({ app, baseUrl } = await serveApp(db));
    ({ browser, page } = await openPage(pageErrors, { width: 1366, height: 800 }));
  });

  afterEach(() => {
    // No uncaught exception in the page, whatever the screens showed.
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser.close();
    await app.close();
    await db.drop();
  });

  async function login(username: string, password: string): Promise<void> {
    await page.context().clearCookies();
    await page.goto(`${baseUrl}/login`);
    const user = page.getByLabel('用户名');
    await user.waitFor(WAIT);
    await user.fill('');
    await user.pressSequentially(username);
    const secret = page.getByLabel('密码');
    await secret.fill('');
    await secret.pressSequentially(password);
    // antd puts a space between two Chinese characters of a button: 登 录.
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
  }

  /** Waits for loading spinners and antd's transitions to finish, then takes a screenshot. */
  async function screenshot(name: string, fullPage = true): Promise<void> {
    await page
      .locator('.ant-spin-spinning')
      .first()
      .waitFor({ state: 'detached', ...WAIT });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
  }

  async function logout(): Promise<void> {
    await page.getByRole('button', { name: /退\s*出/ }).click();
    await page.getByRole('button', { name: /^登\s*录$/ }).waitFor(WAIT);
  }

  it('sends an unknown visitor to the login page', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('button', { name: /^登\s*录$/ }).waitFor(WAIT);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.title()).toBe('互助资金管理系统');
    await screenshot('shell-login', false);
  });

  it('shows a county officer their county, its funds and a lazy region tree', async () => {
    await login('county', DEMO_PASSWORD);
    const header = page.locator('.ant-layout-header');
    await header.getByText('城口县扶贫办 李科长').waitFor(WAIT);
    expect(await header.textContent()).toContain('村级互助资金管理系统');
    expect(await header.textContent()).toContain('区县扶贫办/财政局');
    await page.getByRole('heading', { name: '城口县（区县）' }).waitFor(WAIT);

    // The funds of the county (four demo villages), in the table of the landing page.
    const table = page.locator('.ant-table');
    for (const fund of [
      '东河村扶贫互助社',
      '岭南村扶贫互助社',
      '太和村扶贫互助社',
      '新华村扶贫互助社',
    ]) {
      await table.getByText(fund).waitFor(WAIT);
    }
    expect(await page.locator('.scope-stats').textContent()).toMatch(/互助社数4/);

    // The menu of an officer.
    const menu = page.locator('.ant-menu');
    for (const item of ['首页', '区划与互助社', '操作日志']) {
      await menu.getByText(item, { exact: true }).waitFor(WAIT);
    }
    expect(await menu.getByText('用户管理').count()).toBe(0);

    // The tree starts at the county with its townships; a township opens on demand.
    const tree = page.locator('.region-tree');
    await tree.locator('.ant-tree-treenode', { hasText: '修齐镇' }).waitFor(WAIT);
    await tree.locator('.ant-tree-treenode', { hasText: '高观镇' }).waitFor(WAIT);
    expect(await tree.locator('.ant-tree-treenode', { hasText: '东河村' }).count()).toBe(0);
    await tree
      .locator('.ant-tree-treenode', { hasText: '修齐镇' })
      .locator('.ant-tree-switcher')
      .click();
    const village = tree.locator('.ant-tree-treenode', { hasText: '东河村' });
    await village.waitFor(WAIT);
    expect(await village.textContent()).toContain('互助社');
    await tree.locator('.ant-tree-treenode', { hasText: '岭南村' }).waitFor(WAIT);

    // Selecting the township narrows the funds table to its two villages.
    await tree.getByText('修齐镇', { exact: true }).click();
    await page.getByText('修齐镇的互助社').waitFor(WAIT);
    await page.getByText('共 2 个互助社').waitFor(WAIT);
    expect(await table.getByText('太和村扶贫互助社').count()).toBe(0);
    await screenshot('shell-county-home');

    // The regions page follows the same selection.
    await menu.getByText('区划与互助社', { exact: true }).click();
    await page.getByText('修齐镇的下级区划').waitFor(WAIT);
    await page.locator('.ant-table').first().getByText('500229101201').waitFor(WAIT);
    await screenshot('shell-county-regions');

    await logout();
  });

  it('lets the administrator list users, import regions (showing every problem of a bad file) and found a fund', async () => {
    await login('admin', DEMO_PASSWORD);
    const menu = page.locator('.ant-menu');
    await menu.getByText('用户管理', { exact: true }).click();
    await page.getByRole('heading', { name: '用户管理' }).waitFor(WAIT);
    await page.locator('.ant-table').getByText('东河村 刘会计').waitFor(WAIT);
    await screenshot('shell-admin-users');

    // Select 修齐镇 in the tree, then import a file with one good and two bad rows.
    await menu.getByText('区划管理', { exact: true }).click();
    const tree = page.locator('.region-tree');
    const county = tree.locator('.ant-tree-treenode', { hasText: '城口县' });
    await county.locator('.ant-tree-switcher').click();
    await tree.getByText('修齐镇', { exact: true }).click();
    await page.getByText('修齐镇的下级区划').waitFor(WAIT);
    await page.getByRole('button', { name: /导入区划/ }).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByText('选择文件').waitFor(WAIT);
    const csv = (rows: string[]) => Buffer.from(['代码,名称,上级代码', ...rows].join('\n'), 'utf8');
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: csv([
        '500229101203,北坡村,500229101000',
        '12345,坏代码,500229101000',
        '500229101299,,500229101000',
      ]),
    });
    await dialog.getByText('区划导入文件有错误，未导入任何记录').waitFor(WAIT);
    const problems = dialog.locator('.ant-table');
    await problems.getByText('区划代码“12345”须为 12 位数字').waitFor(WAIT);
    await problems.getByText('名称不能为空且不超过 100 字').waitFor(WAIT);
    await screenshot('shell-admin-import-problems', false);

    await dialog.locator('input[type=file]').setInputFiles({
      name: 'good.csv',
      mimeType: 'text/csv',
      buffer: csv(['500229101203,北坡村,500229101000']),
    });
    await dialog.getByText('导入完成：新增 1 个，已存在未变 0 个').waitFor(WAIT);
    await page.keyboard.press('Escape');
    // The new village appears in the children table and in the tree without a reload.
    await page.locator('.ant-table').getByText('500229101203').waitFor(WAIT);
    await tree
      .locator('.ant-tree-treenode', { hasText: '修齐镇' })
      .locator('.ant-tree-switcher')
      .click();
    await tree.locator('.ant-tree-treenode', { hasText: '北坡村' }).waitFor(WAIT);
    await page.locator('.ant-descriptions').getByText('3', { exact: true }).waitFor(WAIT);
    await screenshot('shell-admin-regions');

    // Found the new village's fund from the tree selection; the tree then tags it.
    await tree.getByText('北坡村', { exact: true }).click();
    await page.getByRole('button', { name: /组建互助社/ }).click();
    const fundDialog = page.locator('.ant-modal');
    await fundDialog.getByLabel('互助社名称').waitFor(WAIT);
    expect(await fundDialog.getByLabel('互助社名称').inputValue()).toBe('北坡村扶贫互助社');
    await fundDialog.getByRole('button', { name: /组\s*建/ }).click();
    // The success toast is transient (3 s) and can be gone on a loaded machine: check what stays.
    await page.locator('.ant-descriptions').getByRole('link', { name: '互助社' }).waitFor(WAIT);
    await tree
      .locator('.ant-tree-treenode', { hasText: '北坡村' })
      .getByText('互助社')
      .waitFor(WAIT);
    await logout();
  });

  it('refuses a wrong password with the server message, then shows a bookkeeper their fund', async () => {
    await login('bookkeeper', 'not-the-password-1');
    await page.getByText('用户名或密码错误').waitFor(WAIT);
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot('shell-login-failed', false);

    await login('bookkeeper', DEMO_PASSWORD);
    const card = page.locator('.fund-card');
    await card.getByText('东河村扶贫互助社').waitFor(WAIT);
    const text = (await card.textContent()) ?? '';
    for (const part of ['F229101201', '东河村', '修齐镇', '城口县', '2019-04-01']) {
      expect(text).toContain(part);
    }
    const menu = page.locator('.ant-menu');
    await menu.getByText('本社概况', { exact: true }).waitFor(WAIT);
    expect(await menu.getByText('区划与互助社').count()).toBe(0);
    await screenshot('shell-bookkeeper-home');

    // A page the role may not open says so instead of failing.
    await page.goto(`${baseUrl}/users`);
    await page.getByText('无权访问').waitFor(WAIT);

    await page.goto(`${baseUrl}/audit`);
    await page.getByRole('heading', { name: '操作日志' }).waitFor(WAIT);
    await page.locator('.ant-table').waitFor(WAIT);
    await screenshot('shell-bookkeeper-audit');
    await logout();
  });
});
