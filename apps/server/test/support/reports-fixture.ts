import { expect } from 'vitest';
import { idCardCheckCharacter } from '@huzhu/domain';
import type { TestApp } from './test-app.js';

/** A valid 身份证号 for a test household (Chongqing prefix, a real birth date, right check digit). */
export function testIdCard(serial: number): string {
  const first17 = `5002291960${String(1 + (serial % 12)).padStart(2, '0')}${String(10 + (serial % 18))}${String(100 + serial).slice(-3)}`;
  return `${first17}${idCardCheckCharacter(first17)}`;
}

/** What the fixture built: ids to ask reports about. */
export interface BuiltFund {
  fundId: number;
  fundName: string;
  members: number[];
  loans: { A: number; B: number; C: number; D: number; E: number };
  repaymentVoucherId: number;
}

type Call = (method: string, url: string, body?: unknown) => Promise<unknown>;

/**
 * Builds 东河村's books through the API (clock 2026-11-27):
 *  2025-05-10 fiscal funds 150,000.00 to bank; 20,000.00 withdrawn to cash
 *  2025-05-12 ten households join: eight pay 2 shares (200.00 each, cash), two poor get 配股
 *  loans (group G1 = members 1–5, G2 = members 6–10):
 *   B member 1, 5,000.00, 3 months, disbursed 2025-05-29 (bank), due 2025-08-29, never repaid
 *   D member 9, 2,000.00, 3 months, disbursed 2025-06-01 (bank), written off 2026-02-15
 *   C member 6, 3,000.00, 6 months, disbursed 2025-09-10 (bank), due 2026-03-10, never repaid
 *   A member 4, 5,000.00, 12 months, disbursed 2026-10-17 (bank); 1,000.00 repaid 2026-10-30 (cash)
 *   E member 10, 3,000.00, in 公示 from 2026-11-25
 *  May and June 2025 closed; October 2026: expense 300.00 (cash), bank interest 12.34.
 */
export async function buildFund(t: TestApp): Promise<BuiltFund> {
  const bookkeeper = await t.login('bookkeeper');
  const board = await t.login('board');
  const supervisor = await t.login('supervisor');
  let requestNo = 0;
  const as =
    (token: string): Call =>
    async (method, url, body) => {
      const response = await t.call(method, `/api/v1${url}`, token, body);
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
      return response.body === '' ? null : response.json<unknown>();
    };
  const bk = as(bookkeeper);
  const requestId = (): string => `fixture-${String(++requestNo).padStart(4, '0')}`;
  const funds = (await bk('GET', '/funds')) as { items: { id: number; name: string }[] };
  const fund = funds.items[0];
  if (fund === undefined) throw new Error('the bookkeeper sees no fund');
  const f = `/funds/${fund.id}`;

  await bk('PUT', `${f}/registration`, {
    registrationNo: '渝民登字2019第017号',
    registeredOn: '2019-05-06',
    bankName: '重庆农村商业银行修齐支行',
    bankAccountNo: '6228 4801 2345 6789',
  });
  await bk('POST', `${f}/household-counts`, {
    asOf: '2025-01-01',
    totalHouseholds: 312,
    poorHouseholds: 47,
  });
  const cash = (kind: string, on: string, amountFen: number, extra: object = {}) =>
    bk('POST', `${f}/cash-events`, { requestId: requestId(), kind, on, amountFen, ...extra });
  await cash('fiscal_funds', '2025-05-10', 15_000_000);
  await cash('bank_to_cash', '2025-05-10', 2_000_000);

  const names = [
    '张大山',
    '李二妹',
    '王三',
    '赵四',
    '钱五',
    '孙六',
    '周七',
    '吴八',
    '郑九',
    '冯十',
  ];
  const members: number[] = [];
  for (const [index, headName] of names.entries()) {
    const poor = index >= 8;
    const member = (await bk('POST', `${f}/members`, {
      requestId: requestId(),
      headName,
      idCardNo: testIdCard(index + 1),
      villagerGroup: `${(index % 3) + 1}组`,
      householdSize: 3 + (index % 4),
      category: poor ? 'poor' : 'ordinary',
      joinedOn: '2025-05-12',
      shares: poor ? 0 : 2,
      method: 'cash',
    })) as { id: number };
    members.push(member.id);
  }
  const m = (n: number): number => {
    const id = members[n - 1];
    if (id === undefined) throw new Error(`member ${n}`);
    return id;
  };
  await bk('POST', `${f}/groups`, {
    name: '第一联保小组',
    formedOn: '2025-05-12',
    memberIds: [1, 2, 3, 4, 5].map(m),
  });
  await bk('POST', `${f}/groups`, {
    name: '第二联保小组',
    formedOn: '2025-05-12',
    memberIds: [6, 7, 8, 9, 10].map(m),
  });
  await bk('POST', `${f}/officers`, {
    memberId: m(2),
    body: 'board',
    title: '理事长',
    fromOn: '2025-05-12',
  });

  const loan = async (input: {
    member: number;
    amountFen: number;
    termMonths: number;
    applied: string;
    guarantors: [number, number];
    dates: [string, string, string, string];
    contract?: string;
    disburse?: string;
    purpose?: string;
  }): Promise<number> => {
    const created = (await bk('POST', `${f}/loans`, {
      requestId: requestId(),
      memberId: m(input.member),
      amountFen: input.amountFen,
      termMonths: input.termMonths,
      purpose: input.purpose ?? '养殖',
      purposeDetail: '生猪养殖',
      appliedOn: input.applied,
    })) as { id: number };
    const l = `${f}/loans/${created.id}`;
    const [group, approve, review, publicize] = input.dates;
    await bk('POST', `${l}/steps`, {
      action: 'group_review',
      on: group,
      guarantor1MemberId: m(input.guarantors[0]),
      guarantor2MemberId: m(input.guarantors[1]),
    });
    await as(board)('POST', `${l}/steps`, { action: 'board_approve', on: approve });
    await as(supervisor)('POST', `${l}/steps`, { action: 'supervisor_review', on: review });
    await bk('POST', `${l}/steps`, { action: 'publicize', on: publicize });
    if (input.contract !== undefined) {
      await bk('POST', `${l}/steps`, {
        action: 'contract',
        on: input.contract,
        contractNo: `HT-${input.contract}-${input.member}`,
      });
    }
    if (input.disburse !== undefined) {
      await bk('POST', `${l}/disburse`, {
        requestId: requestId(),
        on: input.disburse,
        method: 'bank',
      });
    }
    return created.id;
  };
  const B = await loan({
    member: 1,
    amountFen: 500_000,
    termMonths: 3,
    applied: '2025-05-20',
    guarantors: [2, 3],
    dates: ['2025-05-21', '2025-05-22', '2025-05-23', '2025-05-24'],
    contract: '2025-05-28',
    disburse: '2025-05-29',
  });
  const D = await loan({
    member: 9,
    amountFen: 200_000,
    termMonths: 3,
    applied: '2025-05-20',
    guarantors: [10, 7],
    dates: ['2025-05-21', '2025-05-22', '2025-05-23', '2025-05-24'],
    contract: '2025-05-28',
    disburse: '2025-06-01',
    purpose: '种植',
  });
  await bk('POST', `${f}/periods/2025-05/close`);
  await bk('POST', `${f}/periods/2025-06/close`);
  const C = await loan({
    member: 6,
    amountFen: 300_000,
    termMonths: 6,
    applied: '2025-09-01',
    guarantors: [7, 8],
    dates: ['2025-09-02', '2025-09-03', '2025-09-04', '2025-09-05'],
    contract: '2025-09-08',
    disburse: '2025-09-10',
  });
  await bk('POST', `${f}/loans/${D}/write-off`, {
    requestId: requestId(),
    on: '2026-02-15',
    resolutionNo: '会员大会决议〔2026〕1号',
    resolutionDate: '2026-02-10',
  });
  const A = await loan({
    member: 4,
    amountFen: 500_000,
    termMonths: 12,
    applied: '2026-10-12',
    guarantors: [5, 2],
    dates: ['2026-10-12', '2026-10-13', '2026-10-13', '2026-10-13'],
    contract: '2026-10-16',
    disburse: '2026-10-17',
  });
  await cash('expense', '2026-10-20', 30_000, { method: 'cash', memo: '购买账簿和办公用品' });
  await cash('bank_interest', '2026-10-21', 1_234);
  const repaid = (await bk('POST', `${f}/loans/${A}/repayments`, {
    requestId: requestId(),
    on: '2026-10-30',
    amountFen: 100_000,
    method: 'cash',
  })) as { voucherId: number; normalFeeFen: number; principalFen: number };
  // 5,000.00 × 840 bp × 13 days ÷ 360 = 15.1666… → 15.17 (half up, once).
  expect(repaid.normalFeeFen).toBe(1_517);
  expect(repaid.principalFen).toBe(98_483);
  const E = await loan({
    member: 10,
    amountFen: 300_000,
    termMonths: 6,
    applied: '2026-11-20',
    guarantors: [8, 7],
    dates: ['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-25'],
  });
  return {
    fundId: fund.id,
    fundName: fund.name,
    members,
    loans: { A, B, C, D, E },
    repaymentVoucherId: repaid.voucherId,
  };
}
