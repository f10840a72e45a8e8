import { sql, type Kysely } from 'kysely';
import { childLevel, regionLevelOfCode } from '@huzhu/domain';
import type { Region } from '@huzhu/contract';
import type { Database } from '../db/schema.js';
import {
  findRegionByCode,
  findRegionInScope,
  insertRegion,
  type RegionRow,
} from '../db/repositories/regions.js';
import { requirePermission, type Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { AppError, notFound } from './errors.js';
import { pageTotal } from './paging.js';

function regionSelect(db: Kysely<Database>) {
  return db
    .selectFrom('region as r')
    .leftJoin('fund as f', 'f.region_id', 'r.id')
    .select([
      'r.id',
      'r.code',
      'r.name',
      'r.level',
      'r.parent_id',
      'f.id as fund_id',
      sql<number>`(SELECT count(*)::int FROM region c WHERE c.parent_id = r.id)`.as('child_count'),
    ]);
}

function toRegion(row: {
  id: number;
  code: string;
  name: string;
  level: Region['level'];
  parent_id: number | null;
  fund_id: number | null;
  child_count: number;
}): Region {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    parentId: row.parent_id,
    childCount: row.child_count,
    fundId: row.fund_id,
  };
}

/**
 * Regions in the actor's subtree. Without `parentId` the list starts at the actor's own node (the
 * root of what they may see); with it, the children of that node.
 */
export async function listRegions(
  db: Kysely<Database>,
  actor: Actor,
  query: {
    parentId?: number | undefined;
    level?: Region['level'] | undefined;
    q?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: Region[]; total: number }> {
  let base = regionSelect(db).where('r.path', 'like', `${actor.regionPath}%`);
  if (query.parentId !== undefined) base = base.where('r.parent_id', '=', query.parentId);
  else if (query.level === undefined && query.q === undefined)
    base = base.where('r.id', '=', actor.regionId);
  if (query.level !== undefined) base = base.where('r.level', '=', query.level);
  if (query.q !== undefined && query.q !== '') {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([eb('r.name', 'like', pattern), eb('r.code', 'like', pattern)]),
    );
  }
  const rows = await base
    .select(sql<number>`(count(*) OVER ())::int`.as('total'))
    .orderBy('r.code')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(toRegion), total: await pageTotal(base, rows) };
}

export async function getRegion(db: Kysely<Database>, actor: Actor, id: number): Promise<Region> {
  const row = await regionSelect(db)
    .where('r.id', '=', id)
    .where('r.path', 'like', `${actor.regionPath}%`)
    .executeTakeFirst();
  if (row === undefined) throw notFound('region');
  return toRegion(row);
}

/** Adds one region under a parent in scope; its level follows the parent's. */
export async function createRegion(
  db: Kysely<Database>,
  actor: Actor,
  input: { code: string; name: string; parentId: number },
): Promise<Region> {
  requirePermission(actor, 'regions.manage');
  return db.transaction().execute(async (trx) => {
    const parent = await findRegionInScope(trx, input.parentId, actor.regionPath);
    if (parent === undefined)
      throw new AppError('region_parent_missing', { parentId: input.parentId });
    const level = childLevel(parent.level);
    if (level === null) throw new AppError('region_level_mismatch', { parentLevel: parent.level });
    if ((await findRegionByCode(trx, input.code)) !== undefined) {
      throw new AppError('region_code_exists', { code: input.code });
    }
    const region = await insertRegion(trx, { code: input.code, name: input.name, level }, parent);
    await recordAudit(trx, actor, {
      command: 'region.create',
      region: { id: region.id, path: region.path },
      entities: [{ type: 'region', id: String(region.id) }],
      details: { code: region.code, name: region.name, level },
    });
    return getRegion(trx, actor, region.id);
  });
}

export interface RegionImportRow {
  row: number;
  code: string;
  name: string;
  parentCode: string;
}

export interface ImportProblem {
  row: number;
  field: string;
  code: string;
  message: string;
}

/**
 * Imports regions (code, name, parent code) all-or-nothing. Every row is checked first and every
 * problem reported; rows may come in any order. A row equal to an existing region is unchanged.
 * Rows without a parent code are cities and need an actor scoped at the top (no parent).
 */
export async function importRegions(
  db: Kysely<Database>,
  actor: Actor,
  rows: RegionImportRow[],
): Promise<{ created: number; unchanged: number }> {
  requirePermission(actor, 'regions.manage');
  return db.transaction().execute(async (trx) => {
    const problems: ImportProblem[] = [];
    const byCode = new Map<string, RegionImportRow>();
    for (const row of rows) {
      const level = regionLevelOfCode(row.code);
      if (!level.ok)
        problems.push({
          row: row.row,
          field: 'code',
          code: 'region_code_invalid',
          message: `区划代码“${row.code}”须为 12 位数字`,
        });
      if (row.name.trim() === '' || row.name.length > 100)
        problems.push({
          row: row.row,
          field: 'name',
          code: 'validation_failed',
          message: '名称不能为空且不超过 100 字',
        });
      if (byCode.has(row.code))
        problems.push({
          row: row.row,
          field: 'code',
          code: 'region_code_exists',
          message: `区划代码 ${row.code} 在文件中重复`,
        });
      byCode.set(row.code, row);
    }
    const existing = new Map<string, RegionRow>();
    const codes = [...byCode.keys(), ...rows.map((r) => r.parentCode).filter((c) => c !== '')];
    if (codes.length > 0) {
      for (const region of await trx
        .selectFrom('region')
        .select(['id', 'code', 'name', 'level', 'parent_id', 'path'])
        .where('code', 'in', [...new Set(codes)])
        .execute()) {
        existing.set(region.code, region);
      }
    }
    // Resolve each row's level from its parent (existing or in the file), depth-first.
    const levelOf = new Map<string, RegionRow['level'] | null>();
    const resolving = new Set<string>();
    const resolveLevel = (code: string): RegionRow['level'] | null => {
      const known = existing.get(code);
      if (known !== undefined) return known.level;
      if (levelOf.has(code)) return levelOf.get(code) ?? null;
      const row = byCode.get(code);
      if (row === undefined || resolving.has(code)) return null;
      resolving.add(code);
      let level: RegionRow['level'] | null;
      if (row.parentCode === '') level = 'city';
      else {
        const parentLevel = resolveLevel(row.parentCode);
        level = parentLevel === null ? null : childLevel(parentLevel);
      }
      resolving.delete(code);
      levelOf.set(code, level);
      return level;
    };
    for (const row of rows) {
      const current = existing.get(row.code);
      if (current !== undefined) {
        if (current.name !== row.name) {
          problems.push({
            row: row.row,
            field: 'code',
            code: 'region_code_exists',
            message: `区划代码 ${row.code} 已存在，名称为“${current.name}”`,
          });
        }
        continue;
      }
      if (row.parentCode === '') {
        if (actor.regionPath !== `/${actor.regionId}/`) {
          problems.push({
            row: row.row,
            field: 'parent_code',
            code: 'region_outside_scope',
            message: '只有最高层级的管理员可以导入市级区划',
          });
        }
      } else if (!existing.has(row.parentCode) && !byCode.has(row.parentCode)) {
        problems.push({
          row: row.row,
          field: 'parent_code',
          code: 'region_parent_missing',
          message: `上级区划 ${row.parentCode} 不存在`,
        });
        continue;
      } else {
        const parent = existing.get(row.parentCode);
        if (parent !== undefined && !parent.path.startsWith(actor.regionPath)) {
          problems.push({
            row: row.row,
            field: 'parent_code',
            code: 'region_outside_scope',
            message: `上级区划 ${row.parentCode} 不在您的管理范围内`,
          });
        }
      }
      const level = resolveLevel(row.code);
      if (level === null) {
        problems.push({
          row: row.row,
          field: 'parent_code',
          code: 'region_level_mismatch',
          message: `${row.code} 的上级层级不正确（市→区县→乡镇→村），村以下不能再有区划`,
        });
      }
    }
    if (problems.length > 0) {
      throw new AppError('region_import_invalid', {
        problems: problems.slice(0, 500),
        problemCount: problems.length,
      });
    }
    // Insert parents before children.
    const pending = rows.filter((row) => !existing.has(row.code));
    const depth = (code: string): number => {
      const row = byCode.get(code);
      return row === undefined || row.parentCode === '' || existing.has(row.parentCode)
        ? 0
        : 1 + depth(row.parentCode);
    };
    pending.sort((a, b) => depth(a.code) - depth(b.code));
    for (const row of pending) {
      const parent = row.parentCode === '' ? null : (existing.get(row.parentCode) ?? null);
      const level = levelOf.get(row.code);
      if (level === undefined || level === null) throw new Error('level resolved above');
      const inserted = await insertRegion(
        trx,
        { code: row.code, name: row.name.trim(), level },
        parent,
      );
      existing.set(row.code, inserted);
    }
    await recordAudit(trx, actor, {
      command: 'region.import',
      region: { id: actor.regionId, path: actor.regionPath },
      entities: [],
      details: { created: pending.length, unchanged: rows.length - pending.length },
    });
    return { created: pending.length, unchanged: rows.length - pending.length };
  });
}
