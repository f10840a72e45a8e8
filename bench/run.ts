// `npm run bench`: builds a fresh database at the chosen scale with the simulator, then runs each
// benchmark against a baseline in the same process and writes bench/results/*.json + README.md.
//
//   npm run bench -- [--scale city|county|village] [--years N] [--only posting,rollup,api,xlsx]
//                    [--seed N] [--keep] [--posting-funds 16] [--posting-loans 64]
//
// PostgreSQL: HUZHU_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); a new
// database is created for each run and dropped at the end (kept with --keep).
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { previousPeriod, quarterOf, type Period } from '@huzhu/domain';
import type { Actor } from '../apps/server/src/app/actor.js';
import { chinaToday } from '../apps/server/src/app/books/context.js';
import { DEMO_PASSWORD, seedDemoOrganisation } from '../apps/server/src/demo/demo-organisation.js';
import { consoleProgress } from '../apps/server/src/demo/simulator/progress.js';
import {
  SCALES,
  simulateScale,
  type ScaleName,
  type ScaleSpec,
} from '../apps/server/src/demo/simulator/simulate.js';
import { apiBench } from './api.js';
import { postingBench } from './posting.js';
import { rollupBench } from './rollup.js';
import { createBenchDatabase, openBenchDatabase, type BenchDatabase } from './support/database.js';
import { writeReadme, writeResult, type BenchResult } from './support/results.js';
import { xlsxBench } from './xlsx.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'city' },
    years: { type: 'string' },
    members: { type: 'string' },
    only: { type: 'string', default: 'posting,rollup,api,xlsx' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    database: { type: 'string' },
    'posting-funds': { type: 'string', default: '16' },
    'posting-loans': { type: 'string', default: '64' },
  },
});

/**
 * The benchmark's city: the full count of funds (38 counties × ~25), with a lighter history than
 * `huzhu demo --scale city` (one year, 25–40 members) so that building it takes about ten minutes
 * on two cores. Override with --years / --members.
 */
const BENCH_SCALES: Record<string, ScaleSpec> = {
  city: { ...SCALES.city, historyYears: 1, members: [25, 40] },
  county: SCALES.county,
  village: SCALES.village,
};

const scaleName = values.scale as ScaleName;
const base = BENCH_SCALES[scaleName];
if (base === undefined) throw new Error(`unknown scale ${scaleName}`);
const members = values.members?.split('-').map(Number);
const spec: ScaleSpec = {
  ...base,
  ...(values.years === undefined ? {} : { historyYears: Number(values.years) }),
  ...(members?.length === 2 ? { members: [members[0] ?? 25, members[1] ?? 40] as const } : {}),
};
const only = new Set(values.only.split(','));
const seed = Number(values.seed);
const progress = consoleProgress();
const now = new Date();
const today = chinaToday(now);
const period: Period = previousPeriod(quarterOf(today));
const runAt = now.toISOString();
const results: BenchResult[] = [];
const context: Record<string, unknown> = { runAt, seed, scaleName, spec };

function report(result: BenchResult): void {
  results.push(result);
  writeResult(result, context);
  const targets = result.targets.map((t) => `${t.met ? 'OK ' : 'MISS'} ${t.what}`).join('; ');
  console.log(
    `\n[${result.name}] ${result.value.toFixed(2)} ${result.unit} vs baseline ${result.baseline.value.toFixed(2)} ${result.unit} → ratio ${result.ratio.toFixed(2)} (${result.ratioMeaning}) — ${targets}`,
  );
}

let city: BenchDatabase | null = null;
try {
  if (only.has('posting')) {
    report(
      await postingBench({
        now,
        funds: Number(values['posting-funds']),
        loansPerFund: Number(values['posting-loans']),
        progress,
      }),
    );
  }
  if (only.has('rollup') || only.has('api') || only.has('xlsx')) {
    let totals: Record<string, number>;
    if (values.database === undefined) {
      city = await createBenchDatabase(scaleName);
      console.log(
        `\n数据库 ${city.name}：演示组织 + ${scaleName} 规模模拟（种子 ${String(seed)}）`,
      );
      await seedDemoOrganisation(city.handle.db);
      const simulated = await simulateScale(city.loader.db, spec, {
        seed,
        now,
        concurrency: Number(values.concurrency),
        progress,
        label: `模拟 ${scaleName}`,
      });
      totals = {
        funds: simulated.funds,
        members: simulated.members,
        disbursed: simulated.disbursed,
        writtenOff: simulated.writtenOff,
        reports: simulated.reports,
        calls: simulated.calls,
        seconds: simulated.seconds,
      };
    } else {
      // Reuse a database kept by an earlier run (--keep): the data as it was built then.
      const reused = openBenchDatabase(values.database);
      city = reused;
      const count = async (what: string): Promise<number> => {
        const row = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.raw(what)}`.execute(
          reused.handle.db,
        );
        return Number(row.rows[0]?.n ?? 0);
      };
      totals = {
        funds: await count('fund f WHERE EXISTS (SELECT 1 FROM voucher v WHERE v.fund_id = f.id)'),
        members: await count('member'),
        disbursed: await count('loan WHERE disbursed_on IS NOT NULL'),
      };
    }
    context.data = totals;
    const scaleText = `${scaleName}: ${String(totals.funds)} funds, ${String(totals.members)} members, ${String(totals.disbursed)} loans (${String(spec.historyYears)}-year history)`;
    const db = city.handle.db;
    const cityRow = await db
      .selectFrom('region')
      .select(['id', 'path'])
      .where('code', '=', '500000000000')
      .executeTakeFirstOrThrow();
    if (only.has('rollup')) {
      const cityActor: Actor = {
        userId: 0,
        username: 'bench',
        role: 'city_officer',
        regionId: cityRow.id,
        regionPath: cityRow.path,
        ip: null,
      };
      for (const result of await rollupBench({
        db,
        actor: cityActor,
        cityId: cityRow.id,
        cityPath: cityRow.path,
        period,
        funds: totals.funds ?? 0,
        scale: scaleText,
        nationalFunds: 20_000,
      }))
        report(result);
    }
    if (only.has('api')) {
      const county = await db
        .selectFrom('region')
        .select(['id', 'path'])
        .where('code', '=', '500229000000')
        .executeTakeFirstOrThrow();
      const fund = await db
        .selectFrom('loan as l')
        .innerJoin('fund as f', 'f.id', 'l.fund_id')
        .innerJoin('region as v', 'v.id', 'f.region_id')
        .select(['f.id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('v.path', 'like', `${county.path}%`)
        .groupBy('f.id')
        .orderBy('n', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      for (const result of await apiBench({
        databaseUrl: city.url,
        username: 'county',
        password: DEMO_PASSWORD,
        countyId: county.id,
        fundId: fund.id,
        fundLoans: Number(fund.n),
        period,
        scale: scaleText,
      }))
        report(result);
    }
    if (only.has('xlsx'))
      report(await xlsxBench({ db, asOf: today, rows: 20_000, scale: scaleText }));
  }
  writeReadme();
} finally {
  if (city !== null) {
    if (values.keep || values.database !== undefined) {
      await city.loader.close();
      await city.handle.close();
      console.log(`保留数据库 ${city.name}`);
    } else await city.drop();
  }
}
