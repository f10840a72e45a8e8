import type { Kysely } from 'kysely';
import { addDays, addMonths } from '@huzhu/domain';
import type { Database } from '../db/schema.js';
import { chinaToday } from '../app/books/context.js';
import { DEMO_VILLAGE_CODES } from './demo-organisation.js';
import type { FundPlan } from './simulator/fund-sim.js';
import { streamFor } from './simulator/prng.js';
import { SILENT_PROGRESS, type Progress } from './simulator/progress.js';
import { fundActors, simulateFunds, type SimulationTotals } from './simulator/simulate.js';

/** The demo's seed: the same books on every new installation (up to the day it is started). */
export const DEMO_SEED = 2026;

/**
 * Gives the demo villages (东河村 and the others) two years of books ending today: members,
 * groups, loans through every approval step, repayments, expenses, month and year closes and
 * quarterly reports, all through the use cases and acted by the demo logins where they exist
 * (东河村's bookkeeper, board member and supervisor; 城口县's county office). Runs on a database
 * holding the demo organisation and no books yet.
 */
export async function seedDemoBooks(
  db: Kysely<Database>,
  now: Date,
  options: { years?: number; concurrency?: number; progress?: Progress } = {},
): Promise<SimulationTotals> {
  const today = chinaToday(now);
  const rows = await db
    .selectFrom('fund as f')
    .innerJoin('region as v', 'v.id', 'f.region_id')
    .innerJoin('region as t', 't.id', 'v.parent_id')
    .innerJoin('region as c', 'c.id', 't.parent_id')
    .select([
      'f.id',
      'f.code',
      'v.id as v_id',
      'v.code as v_code',
      'v.name as v_name',
      'v.path as v_path',
      'c.id as c_id',
      'c.code as c_code',
      'c.name as c_name',
      'c.path as c_path',
    ])
    .where('v.code', 'in', [...DEMO_VILLAGE_CODES])
    .orderBy('v.code')
    .execute();
  const actors = await fundActors(
    db,
    rows.map((r) => ({
      village: { id: r.v_id, code: r.v_code, name: r.v_name, path: r.v_path },
      county: { id: r.c_id, code: r.c_code, name: r.c_name, path: r.c_path },
    })),
  );
  const first = addMonths(today, -12 * (options.years ?? 2));
  const plans: FundPlan[] = rows.map((r, i) => {
    const prng = streamFor(DEMO_SEED, `demo:${r.code}`);
    return {
      fundId: r.id,
      code: r.code,
      villageName: r.v_name,
      countyName: r.c_name,
      county6: r.c_code.slice(0, 6),
      // 东河村 first, on the first day of the history; the others within two months.
      startOn: i === 0 ? first : addDays(first, prng.int(3, 60)),
      targetMembers: prng.int(30, 45),
      actors: actors[i] ?? (actors[0] as (typeof actors)[number]),
    };
  });
  return simulateFunds(db, plans, {
    seed: DEMO_SEED,
    now,
    concurrency: options.concurrency ?? 3,
    progress: options.progress ?? SILENT_PROGRESS,
    label: '演示账簿',
  });
}
