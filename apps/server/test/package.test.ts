import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FundPackage, PackageProblem } from '@huzhu/contract';
import type { Actor } from '../src/app/actor.js';
import { AppError } from '../src/app/errors.js';
import { contentChecksum } from '../src/app/package/canonical.js';
import { exportFund } from '../src/app/package/export-fund.js';
import { importFundPackage } from '../src/app/package/import-fund.js';
import { buildReport } from '../src/app/reports/build-report.js';
import { findRegionByCode, insertRegion } from '../src/db/repositories/regions.js';
import { seedChongqing } from '../src/db/seed/seed-regions.js';
import { countRows, createTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';
import { buildFund, type BuiltFund } from './support/reports-fixture.js';

const SYSTEM: Actor = {
  userId: 0,
  username: 'system',
  role: 'admin',
  regionId: 0,
  regionPath: '/',
  ip: null,
};
const NOW = new Date('2026-11-27T02:00:00Z');
const TABLES = [
  'fund',
  'account',
  'fund_bylaws',
  'fund_household_count',
  'member',
  'member_category',
  'member_share',
  'fund_officer',
  'joint_group',
  'joint_group_member',
  'loan',
  'loan_step',
  'repayment',
  'voucher',
  'voucher_line',
  'voucher_counter',
  'period_close',
  'audit_log',
];

let t: TestApp;
let fund: BuiltFund;
let doc: FundPackage;
let fresh: TestDatabase;

/** A database with the regions only (Chongqing, 修齐镇, 东河村): where a package can land. */
async function regionsOnlyDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  await seedChongqing(db.db);
  const county = await findRegionByCode(db.db, '500229000000');
  if (county === undefined) throw new Error('county missing');
  const township = await insertRegion(
    db.db,
    { code: '500229101000', name: '修齐镇', level: 'township' },
    county,
  );
  await insertRegion(db.db, { code: '500229101201', name: '东河村', level: 'village' }, township);
  return db;
}

async function counts(db: TestDatabase): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) result[table] = await countRows(db, table);
  return result;
}

/** A copy of the package with its content changed and, unless told otherwise, re-sealed. */
function edited(change: (content: FundPackage['content']) => void, reseal = true): FundPackage {
  const copy = structuredClone(doc);
  change(copy.content);
  if (reseal) copy.checksum = contentChecksum(copy.content);
  return copy;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  t = await createTestApp();
  fund = await buildFund(t);
  fresh = await regionsOnlyDatabase();
  const token = await t.login('bookkeeper');
  const response = await t.call('GET', `/api/v1/funds/${fund.fundId}/package`, token);
  expect(response.statusCode, response.body).toBe(200);
  expect(String(response.headers['content-disposition'])).toContain("filename*=UTF-8''");
  doc = response.json<FundPackage>();
});
afterAll(async () => {
  await fresh.drop();
  await t.close();
});

describe('export', () => {
  it('holds the whole fund, sealed by the checksum of its canonical content', async () => {
    expect(doc.format).toBe('huzhu-fund-package');
    expect(doc.version).toBe(1);
    expect(doc.checksum).toBe(contentChecksum(doc.content));
    const { content } = doc;
    expect(content.fund).toMatchObject({
      name: fund.fundName,
      village: { code: '500229101201', name: '东河村' },
      registration: { no: '渝民登字2019第017号', registeredOn: '2019-05-06' },
      bank: { name: '重庆农村商业银行修齐支行' },
    });
    expect(content.householdCounts).toEqual([
      { asOf: '2025-01-01', totalHouseholds: 312, poorHouseholds: 47 },
    ]);
    expect(content.members).toHaveLength(10);
    expect(content.members[9]?.shares).toEqual([
      {
        kind: 'allotment',
        on: '2025-05-12',
        shares: 1,
        amountFen: 10_000,
        method: null,
        voucherId: null,
      },
    ]);
    expect(content.groups.map((g) => g.members.length)).toEqual([5, 5]);
    expect(content.officers).toEqual([
      { memberId: 'M2', body: 'board', title: '理事长', fromOn: '2025-05-12', toOn: null },
    ]);
    expect(content.loans.map((l) => [l.id, l.status])).toEqual([
      ['L1', 'disbursed'],
      ['L2', 'written_off'],
      ['L3', 'disbursed'],
      ['L4', 'disbursed'],
      ['L5', 'publicized'],
    ]);
    const a = content.loans[3];
    expect(a?.repayments).toEqual([
      {
        on: '2026-10-30',
        amountFen: 100_000,
        principalFen: 98_483,
        normalFeeFen: 1_517,
        overdueFeeFen: 0,
        method: 'cash',
        voucherId: 'V2026-10-0004',
      },
    ]);
    expect(a?.steps.map((s) => s.step)).toEqual([
      'apply',
      'group_review',
      'board_approve',
      'supervisor_review',
      'publicize',
      'contract',
      'disburse',
    ]);
    expect(a?.steps.at(-1)?.details).toEqual({ voucherId: 'V2026-10-0001' });
    expect(content.periodCloses.map((c) => c.period)).toEqual(['2025-05', '2025-06']);
    // Nothing in the content is a database id.
    expect(JSON.stringify(content)).not.toMatch(/"(id|memberId|loanId|voucherId)":\d/);
    const direct = await exportFund(t.db.db, content.fund.code, NOW);
    expect({ ...direct, exportedAt: doc.exportedAt }).toEqual(doc);
  });
});

describe('import', () => {
  it('into a fresh database, then re-export gives the identical document', async () => {
    const result = await importFundPackage(fresh.db, doc, SYSTEM);
    expect(result).toMatchObject({
      status: 'imported',
      fundCode: doc.content.fund.code,
      counts: { members: 10, loans: 5 },
    });
    const again = await exportFund(fresh.db, doc.content.fund.code, NOW);
    expect(again.content).toEqual(doc.content);
    expect(again.checksum).toBe(doc.checksum);
    // The imported books are live books: the same reports, to the fen.
    for (const report of ['trial-balance', 'loan-register', 'balance-sheet'] as const) {
      const query = { from: '2025-01-01', through: '2026-11-27', asOf: '2026-11-27' };
      const source = await buildReport(t.db.db, SYSTEM, fund.fundId, report, query, NOW);
      const copy = await buildReport(fresh.db, SYSTEM, result.fundId, report, query, NOW);
      expect(copy.model).toEqual(source.model);
    }
  });

  it('twice changes nothing, also into the database it came from (via the API)', async () => {
    const before = await counts(fresh);
    const second = await importFundPackage(fresh.db, doc, SYSTEM);
    expect(second.status).toBe('unchanged');
    expect(await counts(fresh)).toEqual(before);
    const token = await t.login('bookkeeper');
    const response = await t.call('POST', '/api/v1/packages/import', token, doc);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'unchanged', fundId: fund.fundId });
  });

  it('refuses a tampered package (an amount changed) with package_checksum_mismatch', async () => {
    const before = await counts(fresh);
    const tampered = edited((c) => {
      const line = c.vouchers[0]?.lines[0];
      if (line !== undefined) line.amountFen += 100;
    }, false);
    const error = await refusal(importFundPackage(fresh.db, tampered, SYSTEM));
    expect(error.code).toBe('package_checksum_mismatch');
    const token = await t.login('bookkeeper');
    const response = await t.call('POST', '/api/v1/packages/import', token, tampered);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe('package_checksum_mismatch');
    expect(await counts(fresh)).toEqual(before);
  });

  it('lists every problem of a package with several broken records, and writes nothing', async () => {
    const target = await regionsOnlyDatabase();
    try {
      const before = await counts(target);
      const broken = edited((c) => {
        const [m1, m2, m3] = c.members;
        if (m1 === undefined || m2 === undefined || m3 === undefined) throw new Error('members');
        m1.idCardNo = `${m1.idCardNo.slice(0, 17)}${m1.idCardNo.endsWith('0') ? '1' : '0'}`;
        m3.id = m2.id;
        const loan = c.loans[0];
        if (loan !== undefined) loan.memberId = 'M999';
        const repayment = c.loans[3]?.repayments[0];
        if (repayment !== undefined) {
          repayment.principalFen += 1;
          repayment.amountFen += 1;
        }
        const voucher = c.vouchers[2];
        const line = voucher?.lines[0];
        if (line !== undefined) line.amountFen += 5;
        c.vouchers[1]?.lines.push({
          accountCode: '9999',
          side: 'debit',
          amountFen: 1,
          subledger: null,
          memo: null,
        });
        c.householdCounts.push({ asOf: '2025-06-01', totalHouseholds: 10, poorHouseholds: 11 });
      });
      const error = await refusal(importFundPackage(target.db, broken, SYSTEM));
      expect(error.code).toBe('package_invalid');
      const problems = error.details.problems as PackageProblem[];
      const codes = problems.map((p) => p.code);
      expect(codes).toEqual(
        expect.arrayContaining([
          'id_card_invalid_checksum',
          'duplicate_id',
          'reference_missing',
          'repayment_voucher_mismatch',
          'loan_balance_mismatch',
          'voucher_unbalanced',
          'account_unknown',
          'household_counts_invalid',
        ]),
      );
      const idCard = problems.find((p) => p.code === 'id_card_invalid_checksum');
      expect(idCard).toMatchObject({
        record: 'M1',
        field: 'idCardNo',
        path: 'content.members[0].idCardNo',
        message: '身份证号校验位不正确',
      });
      expect(problems.find((p) => p.path === 'content.loans[0].memberId')).toMatchObject({
        record: 'L1',
        field: 'memberId',
        code: 'reference_missing',
      });
      expect(await counts(target)).toEqual(before);

      // Through the API: the same list, nothing written either.
      const token = await t.login('bookkeeper');
      const sourceBefore = await counts(t.db);
      const response = await t.call(
        'POST',
        '/api/v1/packages/import',
        token,
        edited((c) => {
          c.fund.code = 'F-OTHER';
          const m = c.members[0];
          if (m !== undefined) m.idCardNo = '12345';
        }),
      );
      expect(response.statusCode).toBe(400);
      const body = response.json<{ code: string; details: { problems: PackageProblem[] } }>();
      expect(body.code).toBe('package_invalid');
      expect(body.details.problems.map((p) => p.code)).toEqual(
        expect.arrayContaining(['fund_exists_for_village', 'id_card_invalid_format']),
      );
      expect(await counts(t.db)).toEqual(sourceBefore);
    } finally {
      await target.drop();
    }
  });

  it('refuses a schema error with every issue, another version, and a different fund of the same code', async () => {
    const before = await counts(fresh);
    const schema = await refusal(
      importFundPackage(
        fresh.db,
        edited((c) => {
          (c.members[0] as unknown as Record<string, unknown>).joinedOn = '2025-02-30';
          (c.loans[0] as unknown as Record<string, unknown>).amountFen = '5000';
        }),
        SYSTEM,
      ),
    );
    expect(schema.code).toBe('package_invalid');
    const problems = schema.details.problems as PackageProblem[];
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['content.members[0].joinedOn', 'content.loans[0].amountFen']),
    );
    expect(problems.find((p) => p.path === 'content.loans[0].amountFen')?.record).toBe('L1');
    const version = await refusal(importFundPackage(fresh.db, { ...doc, version: 2 }, SYSTEM));
    expect(version.code).toBe('package_version_unsupported');
    const notAPackage = await refusal(importFundPackage(fresh.db, [1, 2], SYSTEM));
    expect(notAPackage.code).toBe('package_invalid');
    const conflict = await refusal(
      importFundPackage(
        fresh.db,
        edited((c) => {
          c.fund.name = '东河村互助社（改名）';
        }),
        SYSTEM,
      ),
    );
    expect(conflict.code).toBe('package_conflict');
    expect(await counts(fresh)).toEqual(before);
  });

  it('needs the village in scope and a role that may write books or found funds', async () => {
    const outside = edited((c) => {
      c.fund.village = { code: '500238103201', name: '宝坪村' };
    });
    const county = await t.login('county');
    const response = await t.call('POST', '/api/v1/packages/import', county, outside);
    expect(response.statusCode).toBe(403);
    expect(response.json<{ code: string }>().code).toBe('region_outside_scope');
    const auditor = await t.login('auditor');
    const forbidden = await t.call('POST', '/api/v1/packages/import', auditor, doc);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json<{ code: string }>().code).toBe('forbidden');
    const other = await t.login('township');
    const admin = await t.login('admin');
    const funds = await t.call('GET', '/api/v1/funds?pageSize=200', admin);
    const foreign = funds
      .json<{ items: { id: number; village: { name: string } }[] }>()
      .items.find((f) => f.village.name === '宝坪村');
    const download = await t.call('GET', `/api/v1/funds/${String(foreign?.id)}/package`, other);
    expect(download.statusCode).toBe(404);
  });
});
