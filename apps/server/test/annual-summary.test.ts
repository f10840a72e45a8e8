import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pdftotext, soffice } from './support/required-tools.js';
import { documentText } from './support/docx-text.js';
import { createTestApp, type TestApp } from './support/test-app.js';
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
let countyId = 0;
const dir = mkdtempSync(path.join(tmpdir(), 'huzhu-summary-'));

beforeAll(async () => {
  t = await createTestApp();
  books = await openBooks(t);
  county = await t.login('county');
  countyId =
    (await t.call('GET', '/api/v1/regions', county)).json<{ items: { id: number }[] }>().items[0]
      ?.id ?? 0;
  const m: number[] = [];
  for (let n = 1; n <= 3; n += 1)
    m.push(await registerMember(books, n, { joinedOn: '2026-02-01' }));
  await books.post('/groups', { name: '一组', formedOn: '2026-02-02', memberIds: m });
  await books.post('/cash-events', {
    requestId: rid(),
    kind: 'fiscal_funds',
    on: '2026-02-03',
    amountFen: 15_000_000,
  });
  const loan = await approvedLoan(books, m[0] ?? 0, [m[1] ?? 0, m[2] ?? 0], {
    amountFen: 400_000,
    termMonths: 6,
    appliedOn: '2026-02-05',
  });
  await books.post(`/loans/${loan}/disburse`, {
    requestId: rid(),
    on: '2026-02-10',
    method: 'bank',
  });
  const quote = await books.get(`/loans/${loan}/quote?on=2026-08-10`);
  await books.post(`/loans/${loan}/repayments`, {
    requestId: rid(),
    on: '2026-08-10',
    amountFen: quote.body.totalFen,
    method: 'bank',
  });
  await t.call('PUT', `/api/v1/funds/${books.fundId}/surveys/2026`, county, {
    respondents: 20,
    satisfied: 18,
    neutral: 2,
    dissatisfied: 0,
    opinions: '借款手续简便',
  });
  for (const title of ['东河村养殖增收', '互助社规范运行']) {
    await t.call('POST', `/api/v1/regions/${countyId}/typical-cases`, county, {
      year: 2026,
      fundId: books.fundId,
      title,
      body: `${title}的做法与成效。`,
    });
  }
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

it('writes the county’s annual summary from the books, the surveys and the typical cases', async () => {
  const response = await t.call('GET', `/api/v1/annual-summary?year=2026`, county);
  expect(response.statusCode).toBe(200);
  const doc = response.json<{
    title: string;
    figures: { current: { indicators: Record<string, unknown> } };
    sections: { heading: string; blocks: { kind: string; text?: string; items?: string[] }[] }[];
  }>();
  expect(doc.title).toBe('城口县村级互助资金2026年度工作总结');
  expect(doc.figures.current.indicators.disbursed_amount).toBe(400_000);
  expect(doc.figures.current.indicators.on_time_rate).toEqual({
    numerator: 400_000,
    denominator: 400_000,
  });
  const text = JSON.stringify(doc.sections);
  expect(text).toContain('满意率 90.00%');
  expect(text).toContain('东河村扶贫互助社：借款手续简便');
  expect(text).toContain('东河村养殖增收');
  expect(doc.sections.map((s) => s.heading)).toEqual([
    '一、项目运行情况',
    '二、资金发放与回收情况',
    '三、农户意见',
    '四、典型案例',
  ]);
});

it('the Word file holds the same figures and LibreOffice converts it to PDF', async () => {
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/v1/annual-summary?year=2026&format=docx',
    headers: { authorization: `Bearer ${county}` },
  });
  expect(response.headers['content-type']).toContain('wordprocessingml');
  const file = response.rawPayload;
  const { text } = documentText(file);
  expect(text).toContain('本年累计发放借款 1 笔、0.40 万元');
  expect(text).toContain('满意率 90.00%');
  const docx = path.join(dir, 'summary.docx');
  writeFileSync(docx, file);
  const office = soffice();
  execFileSync(office, ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
    timeout: 120_000,
    env: { ...process.env, HOME: dir },
  });
  const pdf = path.join(dir, 'summary.pdf');
  expect(statSync(pdf).size).toBeGreaterThan(5_000);
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
}, 180_000);

it('the quarterly monitoring report converts to PDF with the dashboard’s numbers', async () => {
  const office = soffice();
  const pdfText = pdftotext();
  const dashboard = (await t.call('GET', '/api/v1/indicators?period=2026Q3', county)).json<{
    total: { indicators: { fund_total: number } };
  }>();
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/v1/monitoring-report?period=2026Q3&format=docx',
    headers: { authorization: `Bearer ${county}` },
  });
  const docx = path.join(dir, 'monitoring.docx');
  writeFileSync(docx, response.rawPayload);
  execFileSync(office, ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
    timeout: 120_000,
    env: { ...process.env, HOME: dir },
  });
  const text = execFileSync(pdfText, ['-layout', path.join(dir, 'monitoring.pdf'), '-'], {
    encoding: 'utf8',
  });
  // Fund total in 万元 as the report writes it (e.g. 1,506.00).
  const wan = (dashboard.total.indicators.fund_total / 1_000_000).toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  expect(text).toContain('监测报告');
  expect(text.replace(/\s+/g, '')).toContain(wan);
}, 180_000);

it('refuses a year that has not started and a region outside scope', async () => {
  expect((await t.call('GET', '/api/v1/annual-summary?year=2027', county)).json()).toMatchObject({
    code: 'period_not_started',
  });
  const wuxi =
    (await t.call('GET', '/api/v1/regions?q=巫溪县', await t.login('city'))).json<{
      items: { id: number }[];
    }>().items[0]?.id ?? 0;
  expect(
    (await t.call('GET', `/api/v1/annual-summary?year=2026&regionId=${wuxi}`, county)).statusCode,
  ).toBe(404);
});
