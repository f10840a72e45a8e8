import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { parseCsv } from '../../app/region-file.js';
import { findRegionByCode, insertRegion } from '../repositories/regions.js';

/** Chongqing (500000000000) and its 38 districts and counties, by statistical division code. */
export const CHONGQING_CSV = path.join(import.meta.dirname, 'chongqing-counties.csv');

/** Loads the shipped Chongqing region list; existing codes are left alone. Returns the city id. */
export async function seedChongqing(db: Kysely<Database>): Promise<number> {
  const [, ...rows] = parseCsv(readFileSync(CHONGQING_CSV, 'utf8'));
  let cityId = 0;
  for (const [code = '', name = '', parentCode = ''] of rows) {
    if (code === '') continue;
    const existing = await findRegionByCode(db, code);
    if (existing !== undefined) {
      if (parentCode === '') cityId = existing.id;
      continue;
    }
    const parent = parentCode === '' ? null : ((await findRegionByCode(db, parentCode)) ?? null);
    const region = await insertRegion(
      db,
      { code, name, level: parent === null ? 'city' : 'county' },
      parent,
    );
    if (parentCode === '') cityId = region.id;
  }
  return cityId;
}
