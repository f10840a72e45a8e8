import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModelBody } from '@huzhu/contract';
import { column, ratio, type ReportModel, type ReportRow } from '@huzhu/domain';
import { renderXlsx } from '../src/export/xlsx.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildFund, type BuiltFund } from './support/reports-fixture.js';

let t: TestApp;
let fund: BuiltFund;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  fund = await buildFund(t);
  token = await t.login('bookkeeper');
});
afterAll(async () => {
  await t.close();
});

async function report(name: string, query: string): Promise<ReportModelBody> {
  const response = await t.call(
    'GET',
    `/api/v1/funds/${fund.fundId}/reports/${name}?${query}`,
    token,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ReportModelBody>();
}

function row(model: ReportModelBody, key: string, value: string): Record<string, unknown> {
  const found = model.rows.find((r) => r[key] === value);
  if (found === undefined) throw new Error(`no row with ${key} = ${value}`);
  return found;
}

describe('科目余额表', () => {
  it('balances, with the hand-computed totals of October 2026', async () => {
    const tb = await report('trial-balance', 'from=2026-10-01&through=2026-10-31');
    expect(tb.title).toBe('科目余额表');
    expect(tb.notes[0]).toBe('借贷平衡。');
    // Opening: bank 12,000,000 + cash 2,160,000 + loans 800,000 + 其他费用 200,000 (write-off)
    //        = 220901 160,000 + 4401 15,000,000.
    // Period: disbursement 500,000 + expense 30,000 + interest 1,234 + repayment 100,000.
    // Closing: bank 11,501,234 + cash 2,230,000 + loans 1,201,517 + 5201 30,000 + 5401 200,000
    //        = 220901 160,000 + 4401 15,000,000 + 4901 1,234 + 430101 1,517.
    expect(tb.totals).toMatchObject({
      openingDebit: 15_160_000,
      openingCredit: 15_160_000,
      debit: 631_234,
      credit: 631_234,
      closingDebit: 15_162_751,
      closingCredit: 15_162_751,
    });
    expect(row(tb, 'code', '1001')).toMatchObject({
      openingDebit: 2_160_000,
      debit: 100_000,
      credit: 30_000,
      closingDebit: 2_230_000,
    });
    expect(row(tb, 'code', '1002')).toMatchObject({
      openingDebit: 12_000_000,
      debit: 1_234,
      credit: 500_000,
      closingDebit: 11_501_234,
    });
    expect(row(tb, 'code', '1121')).toMatchObject({
      openingDebit: 800_000,
      debit: 500_000,
      credit: 98_483,
      closingDebit: 1_201_517,
    });
    expect(row(tb, 'code', '430101')).toMatchObject({ credit: 1_517, closingCredit: 1_517 });
    expect(row(tb, 'code', '5401')).toMatchObject({ openingDebit: 200_000, closingDebit: 200_000 });
  });

  it('the .xlsx holds the same numbers as the screen (in 元)', async () => {
    const query = 'from=2026-10-01&through=2026-10-31';
    const model = await report('trial-balance', query);
    const response = await t.call(
      'GET',
      `/api/v1/funds/${fund.fundId}/reports/trial-balance?${query}&format=xlsx`,
      token,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(String(response.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent(`${fund.fundName}_科目余额表_2026-10-01_2026-10-31.xlsx`)}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    if (sheet === undefined) throw new Error('no sheet');
    expect(sheet.getCell('A1').value).toBe(`${fund.fundName}\u3000科目余额表`);
    expect(sheet.getCell('A2').value).toBe(model.subtitle);
    expect(sheet.getCell('A3').text).toContain('借贷平衡');
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
        else if (c.kind === 'money') {
          expect(cell.value).toBe((value as number) / 100);
          expect(cell.numFmt).toBe('#,##0.00');
        } else expect(cell.value).toBe(value);
      });
    });
    const totals = sheet.getRow(header + all.length);
    expect(totals.getCell(2).value).toBe('合计');
    expect(totals.getCell(2).font.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
  });
});

describe('other ledger reports', () => {
  it('资产负债表 balances: assets = liabilities + net assets', async () => {
    const bs = await report('balance-sheet', 'asOf=2026-10-31');
    expect(row(bs, 'item', '资产合计').closing).toBe(14_932_751);
    expect(row(bs, 'item', '负债合计').closing).toBe(160_000);
    expect(row(bs, 'item', '非限定性净资产').closing).toBe(1_517 + 1_234 - 30_000 - 200_000);
    expect(row(bs, 'item', '限定性净资产').closing).toBe(15_000_000);
    expect(row(bs, 'item', '负债和净资产总计').closing).toBe(14_932_751);
    // The start of 2026: after 2025's events only.
    expect(row(bs, 'item', '资产合计').yearStart).toBe(15_160_000);
  });

  it('业务活动表 for October and the year to date', async () => {
    const activity = await report('activity', 'from=2026-10-01&through=2026-10-31');
    expect(row(activity, 'item', '收入合计')).toMatchObject({ period: 2_751, yearToDate: 2_751 });
    expect(row(activity, 'item', '费用合计')).toMatchObject({
      period: 30_000,
      yearToDate: 230_000,
    });
    expect(row(activity, 'item', '三、净资产变动额')).toMatchObject({ period: -27_249 });
  });

  it('现金日记账 with its running balance, 银行日记账 too', async () => {
    const cash = await report('cash-journal', 'from=2026-10-01&through=2026-10-31');
    expect(cash.title).toBe('现金日记账');
    expect(cash.rows.map((r) => r.balance)).toEqual([2_160_000, 2_130_000, 2_230_000]);
    expect(cash.totals).toMatchObject({ debit: 100_000, credit: 30_000, balance: 2_230_000 });
    const bank = await report('bank-journal', 'from=2025-05-01&through=2025-05-31');
    expect(bank.rows.map((r) => r.balance)).toEqual([0, 15_000_000, 13_000_000, 12_500_000]);
  });
});

describe('借款台账', () => {
  it('ages each loan as of a date; a written-off loan shows its status', async () => {
    const april = await report('loan-register', 'asOf=2026-04-15');
    expect(april.rows.map((r) => r.loanNo)).toEqual(['第1号', '第2号', '第3号']);
    // B: due 2025-08-29 → 229 days; C: due 2026-03-10 → 36 days; D written off 2026-02-15.
    expect(row(april, 'borrowerName', '张大山')).toMatchObject({
      daysPastDue: 229,
      aging: '逾期181–365天',
      principalUnpaid: 500_000,
      status: '已放款',
    });
    expect(row(april, 'borrowerName', '孙六')).toMatchObject({
      daysPastDue: 36,
      aging: '逾期31–90天',
    });
    expect(row(april, 'borrowerName', '郑九')).toMatchObject({
      status: '已核销',
      principalUnpaid: 0,
      aging: null,
      category: '建档立卡贫困户',
    });
    expect(april.totals).toMatchObject({ principal: 1_000_000, principalUnpaid: 800_000 });
    expect(april.notes[0]).toContain('月息7‰');

    // Before the write-off, D was simply overdue: due 2025-09-01, 153 days on 2026-02-01.
    const february = await report('loan-register', 'asOf=2026-02-01');
    expect(row(february, 'borrowerName', '郑九')).toMatchObject({
      status: '已放款',
      daysPastDue: 153,
      aging: '逾期91–180天',
      principalUnpaid: 200_000,
    });

    const today = await report('loan-register', '');
    expect(row(today, 'borrowerName', '赵四')).toMatchObject({
      aging: '正常',
      principalRepaid: 98_483,
      principalUnpaid: 401_517,
      feePaid: 1_517,
    });
    expect(row(today, 'borrowerName', '张大山')).toMatchObject({
      daysPastDue: 455,
      aging: '逾期365天以上',
    });
  });
});

describe('对账单, 公示, 凭证', () => {
  it('a member statement lists contributions, the loan and the repayment', async () => {
    const id = fund.members[3];
    const statement = await report(
      'member-statement',
      `memberId=${String(id)}&from=2025-01-01&through=2026-11-27`,
    );
    expect(statement.rows.map((r) => r.memo)).toEqual([
      '期初余额',
      '缴纳互助金',
      '借款（第4号）',
      '还款（第4号）',
    ]);
    expect(statement.totals).toMatchObject({
      contributionBalance: 20_000,
      loanBalance: 401_517,
      feePaid: 1_517,
      allotment: 0,
    });
  });

  it('a poor member statement shows the fiscal 配股, outside the 互助金 balance', async () => {
    const id = fund.members[9];
    const statement = await report(
      'member-statement',
      `memberId=${String(id)}&from=2025-01-01&through=2026-11-27`,
    );
    expect(statement.columns.map((c) => c.key)).toContain('allotment');
    const allotment = statement.rows.find((r) => r.allotment === 10_000);
    expect(allotment?.memo).toContain('配股');
    expect(statement.totals).toMatchObject({ contributionBalance: 0, allotment: 10_000 });
  });

  it('the public notice lists the loan in 公示 with its guarantors, also as a print page', async () => {
    const notice = await report('public-notice', 'asOf=2026-11-27');
    expect(notice.rows).toHaveLength(1);
    expect(notice.rows[0]).toMatchObject({
      borrowerName: '冯十',
      amount: 300_000,
      termMonths: 6,
      guarantors: '吴八、周七',
      noticeFrom: '2026-11-25',
      noticeUntil: '2026-11-27',
    });
    const page = await t.call(
      'GET',
      `/api/v1/funds/${fund.fundId}/reports/public-notice/print`,
      token,
    );
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('冯十');
    expect(page.body).toContain('3,000.00');
    expect(page.body).toContain('@media print');
  });

  it('prints a voucher with its 大写金额', async () => {
    const page = await t.call(
      'GET',
      `/api/v1/funds/${fund.fundId}/vouchers/${fund.repaymentVoucherId}/print`,
      token,
    );
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).toContain('记 账 凭 证');
    expect(page.body).toContain('壹仟元整');
    expect(page.body).toContain('第4号借款（赵四）');
    expect(page.body).toContain('984.83');
  });
});

describe('parameters and scope', () => {
  it('refuses bad parameters with named codes', async () => {
    const base = `/api/v1/funds/${fund.fundId}/reports`;
    const code = async (url: string): Promise<[number, string]> => {
      const response = await t.call('GET', url, token);
      return [response.statusCode, response.json<{ code: string }>().code];
    };
    expect(await code(`${base}/no-such-report`)).toEqual([400, 'validation_failed']);
    expect(await code(`${base}/trial-balance?from=2026-02-30`)).toEqual([400, 'validation_failed']);
    expect(await code(`${base}/trial-balance?from=2026-1-01`)).toEqual([400, 'validation_failed']);
    expect(await code(`${base}/trial-balance?format=pdf`)).toEqual([400, 'validation_failed']);
    expect(await code(`${base}/trial-balance?from=2026-10-31&through=2026-10-01`)).toEqual([
      400,
      'report_range_invalid',
    ]);
    expect(await code(`${base}/trial-balance?through=2026-12-31`)).toEqual([
      400,
      'report_date_in_future',
    ]);
    expect(await code(`${base}/balance-sheet?asOf=2027-01-01`)).toEqual([
      400,
      'report_date_in_future',
    ]);
    expect(await code(`${base}/member-statement`)).toEqual([400, 'report_param_missing']);
    expect(await code(`${base}/member-statement?memberId=999999`)).toEqual([404, 'not_found']);
  });

  it('answers 404 outside the reader’s scope', async () => {
    const other = await t.login('township');
    const admin = await t.login('admin');
    const funds = await t.call('GET', '/api/v1/funds?pageSize=200', admin);
    const foreign = funds
      .json<{ items: { id: number; village: { name: string } }[] }>()
      .items.find((f) => f.village.name === '宝坪村');
    if (foreign === undefined) throw new Error('no foreign fund');
    const response = await t.call(
      'GET',
      `/api/v1/funds/${foreign.id}/reports/trial-balance`,
      other,
    );
    expect(response.statusCode).toBe(404);
    const print = await t.call(
      'GET',
      `/api/v1/funds/${foreign.id}/vouchers/${fund.repaymentVoucherId}/print`,
      other,
    );
    expect(print.statusCode).toBe(404);
    // The voucher exists, but not in that fund.
    const wrongFund = await t.call(
      'GET',
      `/api/v1/funds/${foreign.id}/vouchers/${fund.repaymentVoucherId}/print`,
      admin,
    );
    expect(wrongFund.statusCode).toBe(404);
  });
});

describe('xlsx renderer', () => {
  // Its time (target < 5 s) is measured by bench/xlsx.ts against plain exceljs, not asserted here.
  it('writes 20,000 rows, ratios as percent or —', async () => {
    const rows: ReportRow[] = Array.from({ length: 20_000 }, (_, i) => ({
      no: `第${i + 1}号`,
      name: `会员${i}`,
      date: '2026-10-17',
      amount: 123_456 + i,
      count: i,
      share: i % 10 === 0 ? ratio(1, 0) : ratio(i, 20_000),
    }));
    const model: ReportModel = {
      title: '压力测试',
      subtitle: '单位：元',
      columns: [
        column('no', '编号', 'text'),
        column('name', '姓名', 'text'),
        column('date', '日期', 'date'),
        column('amount', '金额', 'money'),
        column('count', '笔数', 'int'),
        column('share', '占比', 'ratio'),
      ],
      rows,
      totals: { no: '合计', amount: 999 },
      notes: [],
    };
    const file = await renderXlsx(model, { fundName: '测试互助社' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    if (sheet === undefined) throw new Error('no sheet');
    expect(sheet.rowCount).toBe(3 + 20_000 + 1);
    expect(sheet.getCell('D4').value).toBe(1_234.56);
    expect(sheet.getCell('F4').value).toBe('—');
    expect(sheet.getCell('F5').value).toBe(1 / 20_000);
    expect(sheet.getCell('F5').numFmt).toBe('0.00%');
    expect(sheet.getCell(`D${3 + 20_001}`).value).toBe(9.99);
  });
});

describe('OpenAPI', () => {
  it('documents the report, print and package endpoints', async () => {
    const response = await t.call('GET', '/api/v1/openapi.json', null);
    expect(response.statusCode, response.body).toBe(200);
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/funds/{id}/reports/{report}',
        '/api/v1/funds/{id}/reports/public-notice/print',
        '/api/v1/funds/{id}/vouchers/{voucherId}/print',
        '/api/v1/funds/{id}/package',
        '/api/v1/packages/import',
      ]),
    );
  });
});
