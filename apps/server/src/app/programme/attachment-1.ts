import type { Kysely } from 'kysely';
import { planTable, type PlanTableModel } from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../actor.js';
import { planForTable } from './plans.js';

/**
 * 附件1, the plan table by county (villages by category, money by source, in 万元 when
 * rendered), of a plan the actor may read; the same model is served as json and as .xlsx.
 */
export async function attachment1(
  db: Kysely<Database>,
  actor: Actor,
  planId: number,
): Promise<{ model: PlanTableModel; filename: string }> {
  const { record, countyNames } = await planForTable(db, actor, planId);
  const model = planTable(record.plan, countyNames);
  return { model, filename: `附件1_${record.title}.xlsx` };
}
