import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balancesAsOf, fundComposition, trialBalance, type IsoDate } from '@huzhu/domain';
import { loadChart, loadPostedLines } from '../src/db/repositories/ledger.js';
import { verifyChain } from '../src/db/repositories/seals.js';
import { booksDigest } from '../src/demo/simulator/digest.js';
import {
  simulateScale,
  type ScaleSpec,
  type SimulationTotals,
} from '../src/demo/simulator/simulate.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

/** A tiny scale: one township of three funds, a year and a half of books. */
const TINY: ScaleSpec = {
  counties: 1,
  townshipsPerCounty: 1,
  fundsPerTownship: [3, 3],
  historyYears: 2,
  members: [14, 20],
  codeBase: 600,
};
const NOW = new Date('2026-11-27T02:00:00Z');
const TODAY = '2026-11-27' as IsoDate;

interface Run {
  db: TestDatabase;
  totals: SimulationTotals & { plans: { code: string; fundId: number }[] };
}

const runs: Run[] = [];

async function simulateOnce(): Promise<Run> {
  const db = await createTestDatabase();
  const totals = await simulateScale(db.db, TINY, { seed: 7, now: NOW, concurrency: 2 });
  return { db, totals };
}

beforeAll(async () => {
  runs.push(await simulateOnce());
  runs.push(await simulateOnce());
}, 120_000);

afterAll(async () => {
  for (const run of runs) await run.db.drop();
});

describe('the simulator', () => {
  it('builds the same books twice from the same seed', async () => {
    const [a, b] = runs;
    if (a === undefined || b === undefined) throw new Error('runs missing');
    const codes = a.totals.plans.map((p) => p.code);
    expect(codes).toHaveLength(3);
    const first = await booksDigest(a.db.db, codes);
    const second = await booksDigest(b.db.db, codes);
    expect(first.counts.members).toBeGreaterThan(30);
    expect(first.counts.loans).toBeGreaterThan(20);
    expect(first.counts.vouchers).toBeGreaterThan(100);
    expect(second).toEqual(first);
    expect(b.totals.calls).toBe(a.totals.calls);
  });

  it('generates books that keep every invariant', async () => {
    const run = runs[0];
    if (run === undefined) throw new Error('run missing');
    const db = run.db.db;
    for (const plan of run.totals.plans) {
      const chart = await loadChart(db, plan.fundId);
      const lines = await loadPostedLines(db, plan.fundId);
      expect(lines.length).toBeGreaterThan(0);
      // Trial balance balances.
      const tb = trialBalance(chart, lines, { from: '2000-01-01' as IsoDate, through: TODAY });
      expect(tb.balanced, `${plan.code} trial balance`).toBe(true);
      // The fund total from both sides reconciles.
      const composition = fundComposition(chart, balancesAsOf(chart, lines, TODAY));
      expect(composition.fundTotalFen).toBe(composition.assetSideTotalFen);
      expect(composition.fundFiscalFen).toBeGreaterThanOrEqual(15_000_000);
      expect(composition.cashFen).toBeGreaterThanOrEqual(0);
      expect(composition.bankFen).toBeGreaterThanOrEqual(0);
      // Loans outstanding in the ledger = the loan register.
      const register = await db
        .selectFrom('loan')
        .select((eb) => eb.fn.sum<string>('principal_outstanding_fen').as('n'))
        .where('fund_id', '=', plan.fundId)
        .executeTakeFirstOrThrow();
      expect(Number(register.n)).toBe(composition.loansOutstandingFen);
      // Every voucher sealed, the chain intact.
      const chain = await verifyChain(db, plan.fundId);
      expect(chain.problems).toEqual([]);
      expect(chain.sealed).toBe(chain.vouchers);
    }
    // No business date after today; the season, the poor share and the outcomes look real.
    const latest = await db
      .selectFrom('voucher')
      .select((eb) => eb.fn.max('date').as('d'))
      .executeTakeFirstOrThrow();
    expect(latest.d <= TODAY).toBe(true);
    const members = await db.selectFrom('member').select(['category']).execute();
    const poorShare = members.filter((m) => m.category === 'poor').length / members.length;
    expect(poorShare).toBeGreaterThan(0.15);
    expect(poorShare).toBeLessThan(0.55);
    const statuses = await db
      .selectFrom('loan')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('status')
      .execute();
    const count = (status: string): number =>
      Number(statuses.find((s) => s.status === status)?.n ?? 0);
    expect(count('settled')).toBeGreaterThan(10);
    expect(count('disbursed') + count('extended')).toBeGreaterThan(0);
    const reports = await db.selectFrom('quarterly_report').select(['status']).execute();
    expect(reports.length).toBeGreaterThanOrEqual(12);
    expect(reports.some((r) => r.status === 'locked')).toBe(true);
  });
});
