import type { Kysely, Transaction } from 'kysely';
import { DEFAULT_BYLAWS, bylawsInEffect, type Bylaws, type IsoDate } from '@huzhu/domain';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Every bylaws version of a fund, oldest first. */
export async function loadBylaws(db: Db, fundId: number): Promise<Bylaws[]> {
  const rows = await db
    .selectFrom('fund_bylaws')
    .select(['effective_on', 'params'])
    .where('fund_id', '=', fundId)
    .orderBy('effective_on')
    .execute();
  return rows.map((row) => ({
    ...(row.params as unknown as Omit<Bylaws, 'effectiveOn'>),
    effectiveOn: row.effective_on as IsoDate,
  }));
}

/**
 * The bylaws in effect on a date. Before the first version (history entered later), the earliest
 * version applies; a fund without any uses the defaults.
 */
export async function bylawsOn(db: Db, fundId: number, on: IsoDate): Promise<Bylaws> {
  const versions = await loadBylaws(db, fundId);
  const result = bylawsInEffect(versions, on);
  if (result.ok) return result.value;
  return versions[0] ?? DEFAULT_BYLAWS;
}

/** Stores a bylaws version (replacing one with the same effective date). */
export async function saveBylaws(db: Db, fundId: number, bylaws: Bylaws): Promise<void> {
  const { effectiveOn, ...params } = bylaws;
  await db
    .insertInto('fund_bylaws')
    .values({ fund_id: fundId, effective_on: effectiveOn, params: JSON.stringify(params) })
    .onConflict((oc) =>
      oc.columns(['fund_id', 'effective_on']).doUpdateSet({ params: JSON.stringify(params) }),
    )
    .execute();
}

/** The defaults a new fund starts with, effective from its founding date (or the programme start). */
export function initialBylaws(foundedOn: string | null): Bylaws {
  return { ...DEFAULT_BYLAWS, effectiveOn: (foundedOn ?? DEFAULT_BYLAWS.effectiveOn) as IsoDate };
}
