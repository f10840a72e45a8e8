import { sql, type Kysely } from 'kysely';
import type { Role } from '@huzhu/contract';
import type { Database } from '../db/schema.js';
import { findRegionInScope } from '../db/repositories/regions.js';
import { requirePermission, ROLE_LEVELS, type Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { AppError, notFound } from './errors.js';
import { hashPassword, passwordStrongEnough } from './passwords.js';
import { pageTotal } from './paging.js';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  region: {
    id: number;
    code: string;
    name: string;
    level: 'city' | 'county' | 'township' | 'village';
  };
  disabled: boolean;
  createdAt: string;
}

function userSelect(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('region as r', 'r.id', 'u.region_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.disabled',
      'u.created_at',
      'r.id as region_id',
      'r.code as region_code',
      'r.name as region_name',
      'r.level as region_level',
    ])
    .where('r.path', 'like', `${actor.regionPath}%`);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof userSelect>['executeTakeFirstOrThrow']>>;

function toUser(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    region: {
      id: row.region_id,
      code: row.region_code,
      name: row.region_name,
      level: row.region_level,
    },
    disabled: row.disabled,
    createdAt: row.created_at.toISOString(),
  };
}

export async function listUsers(
  db: Kysely<Database>,
  actor: Actor,
  query: { q?: string | undefined; page: number; pageSize: number },
): Promise<{ items: UserView[]; total: number }> {
  requirePermission(actor, 'users.manage');
  let base = userSelect(db, actor);
  if (query.q !== undefined && query.q !== '') {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([eb('u.username', 'like', pattern), eb('u.display_name', 'like', pattern)]),
    );
  }
  const rows = await base
    .select(sql<number>`(count(*) OVER ())::int`.as('total'))
    .orderBy('u.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(toUser), total: await pageTotal(base, rows) };
}

export async function getUser(db: Kysely<Database>, actor: Actor, id: number): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  const row = await userSelect(db, actor).where('u.id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('user');
  return toUser(row);
}

/** Creates a user bound to a region in the actor's subtree, at a level the role allows. */
export async function createUser(
  db: Kysely<Database>,
  actor: Actor | null,
  input: { username: string; displayName: string; role: Role; regionId: number; password: string },
): Promise<number> {
  if (actor !== null) requirePermission(actor, 'users.manage');
  if (!passwordStrongEnough(input.password)) throw new AppError('password_too_weak');
  const hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const region = await findRegionInScope(trx, input.regionId, actor?.regionPath ?? '/');
    if (region === undefined) throw notFound('region');
    if (!ROLE_LEVELS[input.role].includes(region.level)) {
      throw new AppError('role_region_level_mismatch', { role: input.role, level: region.level });
    }
    const taken = await trx
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (taken !== undefined) throw new AppError('username_taken', { username: input.username });
    const { id } = await trx
      .insertInto('app_user')
      .values({
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        region_id: region.id,
        password_hash: hash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      command: 'user.create',
      region: { id: region.id, path: region.path },
      entities: [{ type: 'user', id: String(id) }],
      details: { username: input.username, role: input.role },
    });
    return id;
  });
}

export async function updateUser(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: { displayName?: string | undefined; disabled?: boolean | undefined },
): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  return db.transaction().execute(async (trx) => {
    const current = await userSelect(trx, actor)
      .where('u.id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (current === undefined) throw notFound('user');
    if (id === actor.userId && input.disabled === true)
      throw new AppError('forbidden', { reason: 'self_disable' });
    const changes = {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    };
    // Nothing to change is not a change: no update, no audit entry.
    if (Object.keys(changes).length === 0) return getUser(trx, actor, id);
    await trx.updateTable('app_user').set(changes).where('id', '=', id).execute();
    if (input.disabled === true)
      await trx.deleteFrom('session').where('user_id', '=', id).execute();
    const region = await findRegionInScope(trx, current.region_id, actor.regionPath);
    await recordAudit(trx, actor, {
      command: 'user.update',
      region: region === undefined ? null : { id: region.id, path: region.path },
      entities: [{ type: 'user', id: String(id) }],
      details: { ...input },
    });
    return getUser(trx, actor, id);
  });
}
