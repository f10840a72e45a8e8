import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.js';

export interface RegionRow {
  id: number;
  code: string;
  name: string;
  level: 'city' | 'county' | 'township' | 'village';
  parent_id: number | null;
  path: string;
}

/** One region by id, only when it lies under `scopePath`. */
export async function findRegionInScope(
  db: Kysely<Database>,
  id: number,
  scopePath: string,
): Promise<RegionRow | undefined> {
  return db
    .selectFrom('region')
    .select(['id', 'code', 'name', 'level', 'parent_id', 'path'])
    .where('id', '=', id)
    .where('path', 'like', `${scopePath}%`)
    .executeTakeFirst();
}

export async function findRegionByCode(
  db: Kysely<Database>,
  code: string,
): Promise<RegionRow | undefined> {
  return db
    .selectFrom('region')
    .select(['id', 'code', 'name', 'level', 'parent_id', 'path'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Inserts a region under `parent` (or as a root city) and fills in its materialised path. */
export async function insertRegion(
  db: Kysely<Database>,
  region: { code: string; name: string; level: RegionRow['level'] },
  parent: RegionRow | null,
): Promise<RegionRow> {
  const inserted = await db
    .insertInto('region')
    .values({
      code: region.code,
      name: region.name,
      level: region.level,
      parent_id: parent?.id ?? null,
      path: '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parent?.path ?? '/'}${inserted.id}/`;
  await db.updateTable('region').set({ path }).where('id', '=', inserted.id).execute();
  return { id: inserted.id, ...region, parent_id: parent?.id ?? null, path };
}

/** The ancestors of a region (city first), including itself. */
export async function regionLineage(
  db: Kysely<Database> | Transaction<Database>,
  path: string,
): Promise<RegionRow[]> {
  const ids = path.split('/').filter(Boolean).map(Number);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('region')
    .select(['id', 'code', 'name', 'level', 'parent_id', 'path'])
    .where('id', 'in', ids)
    .orderBy(sql`length(path)`)
    .execute();
  return rows;
}
