import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { addDays, addMonths, type IsoDate } from '@huzhu/domain';
import type { Role } from '@huzhu/contract';
import type { Database } from '../../db/schema.js';
import { CHONGQING_CSV, seedChongqing } from '../../db/seed/seed-regions.js';
import { parseCsv } from '../../app/region-file.js';
import { importRegions, type RegionImportRow } from '../../app/regions.js';
import { createFund } from '../../app/funds.js';
import type { Actor } from '../../app/actor.js';
import { chinaToday } from '../../app/books/context.js';
import { FundSimulation, type FundActors, type FundPlan, type FundSimStats } from './fund-sim.js';
import { SILENT_PROGRESS, type Progress } from './progress.js';
import { streamFor } from './prng.js';
import { townshipName, villageName } from './names.js';

/** The shape of a simulated organisation. Every count is a parameter. */
export interface ScaleSpec {
  /** Districts/counties of the shipped Chongqing list (1 → 城口县, the demo county). */
  readonly counties: number;
  readonly townshipsPerCounty: number;
  /** Funds per township, drawn between the two bounds. */
  readonly fundsPerTownship: readonly [number, number];
  /** Years of history up to today; funds start at dates spread over them (more early). */
  readonly historyYears: number;
  /** Members a fund grows to, drawn between the two bounds. */
  readonly members: readonly [number, number];
  /**
   * First township number used in the region codes (county + NNN + 000): each scale has its own
   * range, so several scales (and the demo townships 101–103) live side by side in one database.
   */
  readonly codeBase: number;
}

export type ScaleName = 'village' | 'county' | 'city' | 'national';

export const SCALES: Readonly<Record<ScaleName, ScaleSpec>> = {
  // 1 county × 2 townships × 3 funds.
  village: {
    counties: 1,
    townshipsPerCounty: 2,
    fundsPerTownship: [3, 3],
    historyYears: 2,
    members: [30, 50],
    codeBase: 200,
  },
  // 1 county × ~20 funds.
  county: {
    counties: 1,
    townshipsPerCounty: 5,
    fundsPerTownship: [4, 4],
    historyYears: 3,
    members: [40, 80],
    codeBase: 300,
  },
  // 38 counties × ~26 funds ≈ 1,000 funds (Chongqing had about 950 by the mid-2010s).
  city: {
    counties: 38,
    townshipsPerCounty: 5,
    fundsPerTownship: [4, 6],
    historyYears: 2,
    members: [30, 60],
    codeBase: 400,
  },
  // ≈ 20,000 funds: the national programme's size, laid out over the 38 counties.
  national: {
    counties: 38,
    townshipsPerCounty: 40,
    fundsPerTownship: [12, 14],
    historyYears: 2,
    members: [30, 60],
    codeBase: 500,
  },
};

/** The system acting for the city when it lays out regions and founds funds. */
const ORGANISER: Actor = {
  userId: 0,
  username: 'simulator',
  role: 'admin',
  regionId: 0,
  regionPath: '/',
  ip: null,
};

interface RegionInfo {
  id: number;
  code: string;
  name: string;
  path: string;
}

function actor(role: Role, region: RegionInfo, username: string, userId = 0): Actor {
  return { userId, username, role, regionId: region.id, regionPath: region.path, ip: null };
}

/**
 * The people acting for each fund: the users bound to its village (bookkeeper, board member,
 * supervisor) and its county office where they exist (the demo logins), otherwise a stand-in
 * with the same role and scope, recorded by name (e.g. "东河村会计").
 */
export async function fundActors(
  db: Kysely<Database>,
  funds: readonly { village: RegionInfo; county: RegionInfo }[],
): Promise<FundActors[]> {
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'role', 'region_id'])
    .where('disabled', '=', false)
    .where('role', 'in', ['bookkeeper', 'board_member', 'supervisor', 'county_officer'])
    .orderBy('id')
    .execute();
  const userFor = (role: Role, region: RegionInfo, fallback: string): Actor => {
    const user = users.find((u) => u.role === role && u.region_id === region.id);
    return user === undefined
      ? actor(role, region, fallback)
      : actor(role, region, user.username, user.id);
  };
  return funds.map(({ village, county }) => ({
    keeper: userFor('bookkeeper', village, `${village.name}会计`),
    board: userFor('board_member', village, `${village.name}理事会`),
    supervisor: userFor('supervisor', village, `${village.name}监事会`),
    county: userFor('county_officer', county, `${county.name}扶贫办`),
  }));
}

/** The counties of the shipped Chongqing list, in file order. */
function chongqingCounties(): { code: string; name: string }[] {
  const [, ...rows] = parseCsv(readFileSync(CHONGQING_CSV, 'utf8'));
  return rows
    .filter(([code = '', , parent = '']) => code !== '' && parent !== '')
    .map(([code = '', name = '']) => ({ code, name }));
}

/** A fund's first business date: spread over the history, more of them early. */
function startDate(seed: number, code: string, today: IsoDate, years: number): IsoDate {
  const prng = streamFor(seed, `start:${code}`);
  const first = addMonths(today, -12 * years);
  const span = Math.max(0, years * 365 - 240);
  return addDays(first, Math.floor(prng.next() ** 1.6 * span));
}

/**
 * Lays out the townships and villages of a scale under the real counties (through the region
 * import and fund creation use cases) and returns one plan per fund. Refuses when the scale was
 * already built into this database.
 */
export async function buildOrganisation(
  db: Kysely<Database>,
  spec: ScaleSpec,
  seed: number,
  today: IsoDate,
): Promise<FundPlan[]> {
  await seedChongqing(db);
  const all = chongqingCounties();
  const counties =
    spec.counties === 1
      ? all.filter((c) => c.code === '500229000000')
      : all.slice(0, Math.min(spec.counties, all.length));
  const prng = streamFor(seed, 'organisation');
  const rows: RegionImportRow[] = [];
  const funds: { villageCode: string; villageName: string; county: string }[] = [];
  for (const county of counties) {
    const c6 = county.code.slice(0, 6);
    for (let t = 0; t < spec.townshipsPerCounty; t += 1) {
      const township = `${c6}${String(spec.codeBase + t).padStart(3, '0')}000`;
      rows.push({
        row: rows.length + 1,
        code: township,
        name: townshipName(prng, t),
        parentCode: county.code,
      });
      const n = prng.int(spec.fundsPerTownship[0], spec.fundsPerTownship[1]);
      const used = new Set<string>();
      for (let v = 0; v < n; v += 1) {
        const code = `${township.slice(0, 9)}${String(201 + v).padStart(3, '0')}`;
        let name = villageName(prng, v);
        while (used.has(name)) name = villageName(prng, v + 100);
        used.add(name);
        rows.push({ row: rows.length + 1, code, name, parentCode: township });
        funds.push({ villageCode: code, villageName: name, county: county.code });
      }
    }
  }
  const first = rows[0];
  if (first !== undefined) {
    const exists = await db
      .selectFrom('region')
      .select('id')
      .where('code', '=', first.code)
      .executeTakeFirst();
    if (exists !== undefined)
      throw new Error(`模拟数据（区划 ${first.code} 起）已在此数据库中，请使用新的数据库`);
  }
  await importRegions(db, ORGANISER, rows);
  const regions = new Map(
    (
      await db
        .selectFrom('region')
        .select(['id', 'code', 'name', 'path'])
        .where('code', 'in', [...rows.map((r) => r.code), ...counties.map((c) => c.code)])
        .execute()
    ).map((r) => [r.code, r]),
  );
  const region = (code: string): RegionInfo => {
    const r = regions.get(code);
    if (r === undefined) throw new Error(`region ${code} missing`);
    return r;
  };
  const founded: { village: RegionInfo; county: RegionInfo; code: string; startOn: IsoDate }[] = [];
  for (const fund of funds) {
    const code = `F${fund.villageCode.slice(-9)}`;
    const startOn = startDate(seed, code, today, spec.historyYears);
    const village = region(fund.villageCode);
    await createFund(db, ORGANISER, {
      villageId: village.id,
      code,
      name: `${fund.villageName}扶贫互助社`,
      foundedOn: startOn,
    });
    founded.push({ village, county: region(fund.county), code, startOn });
  }
  const ids = new Map(
    (
      await db
        .selectFrom('fund')
        .select(['id', 'code'])
        .where(
          'code',
          'in',
          founded.map((f) => f.code),
        )
        .execute()
    ).map((f) => [f.code, f.id]),
  );
  const actors = await fundActors(db, founded);
  return founded.map((f, i) => {
    const members = streamFor(seed, `members:${f.code}`).int(spec.members[0], spec.members[1]);
    return {
      fundId: ids.get(f.code) ?? 0,
      code: f.code,
      villageName: f.village.name,
      countyName: f.county.name,
      county6: f.county.code.slice(0, 6),
      startOn: f.startOn,
      targetMembers: members,
      actors: actors[i] as FundActors,
    };
  });
}

export interface SimulationTotals extends FundSimStats {
  funds: number;
  seconds: number;
}

/**
 * Simulates the books of the planned funds, `concurrency` funds at a time (each fund's own
 * events in order, under its lock, as the use cases take it). Deterministic for a seed:
 * every fund draws from its own stream, whatever the interleaving.
 */
export async function simulateFunds(
  db: Kysely<Database>,
  plans: readonly FundPlan[],
  options: {
    seed: number;
    now: Date;
    concurrency?: number;
    progress?: Progress;
    label?: string;
  },
): Promise<SimulationTotals> {
  const started = Date.now();
  const today = chinaToday(options.now);
  const progress = options.progress ?? SILENT_PROGRESS;
  const totals: SimulationTotals = {
    funds: plans.length,
    seconds: 0,
    calls: 0,
    members: 0,
    loans: 0,
    disbursed: 0,
    writtenOff: 0,
    reports: 0,
  };
  const months = plans.reduce(
    (sum, p) => sum + FundSimulation.monthsBetween(p.startOn, today) + 1,
    0,
  );
  progress.start(options.label ?? '模拟账簿', months);
  let next = 0;
  const failed: { error: Error | null } = { error: null };
  const worker = async (): Promise<void> => {
    for (;;) {
      if (failed.error !== null) return;
      const plan = plans[next];
      next += 1;
      if (plan === undefined) return;
      const simulation = new FundSimulation(
        db,
        plan,
        streamFor(options.seed, `fund:${plan.code}`),
        today,
        options.now,
        options.seed,
        () => {
          progress.tick();
        },
      );
      let stats: FundSimStats;
      try {
        stats = await simulation.run();
      } catch (error) {
        failed.error = new Error(
          `模拟 ${plan.code}（${plan.villageName}）失败：${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
        return;
      }
      totals.calls += stats.calls;
      totals.members += stats.members;
      totals.loans += stats.loans;
      totals.disbursed += stats.disbursed;
      totals.writtenOff += stats.writtenOff;
      totals.reports += stats.reports;
    }
  };
  const workers = Array.from({ length: Math.max(1, options.concurrency ?? 3) }, () => worker());
  await Promise.all(workers);
  if (failed.error !== null) {
    progress.done();
    throw failed.error;
  }
  totals.seconds = (Date.now() - started) / 1000;
  progress.done(
    `${options.label ?? '模拟账簿'}：${String(totals.funds)} 个互助社，会员 ${String(totals.members)} 户，借款申请 ${String(totals.loans)} 笔（放款 ${String(totals.disbursed)}，核销 ${String(totals.writtenOff)}），季报 ${String(totals.reports)} 份，调用 ${String(totals.calls)} 次，用时 ${totals.seconds.toFixed(1)} 秒`,
  );
  return totals;
}

/** Builds a whole scale: its organisation, then its books. */
export async function simulateScale(
  db: Kysely<Database>,
  spec: ScaleSpec,
  options: { seed: number; now: Date; concurrency?: number; progress?: Progress; label?: string },
): Promise<SimulationTotals & { plans: FundPlan[] }> {
  const plans = await buildOrganisation(db, spec, options.seed, chinaToday(options.now));
  const totals = await simulateFunds(db, plans, options);
  return { ...totals, plans };
}
