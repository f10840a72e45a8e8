import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '@huzhu/contract';
import type { Database } from '../db/schema.js';
import type { Actor } from './actor.js';
import { AppError } from './errors.js';
import { DUMMY_HASH, hashPassword, passwordStrongEnough, verifyPassword } from './passwords.js';
import { recordAudit } from './audit.js';

/** Failed logins for one username within the window before further attempts are refused. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MINUTES = 15;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  region: {
    id: number;
    code: string;
    name: string;
    level: 'city' | 'county' | 'township' | 'village';
    path: string;
  };
}

export interface ResolvedSession {
  user: SessionUser;
  csrfToken: string;
}

async function loadSessionUser(
  db: Kysely<Database>,
  userId: number,
): Promise<SessionUser & { disabled: boolean }> {
  const row = await db
    .selectFrom('app_user as u')
    .innerJoin('region as r', 'r.id', 'u.region_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.disabled',
      'r.id as region_id',
      'r.code as region_code',
      'r.name as region_name',
      'r.level as region_level',
      'r.path as region_path',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    disabled: row.disabled,
    region: {
      id: row.region_id,
      code: row.region_code,
      name: row.region_name,
      level: row.region_level,
      path: row.region_path,
    },
  };
}

/**
 * Checks a username and password; throttles repeated failures per username; opens a session.
 * Unknown usernames cost the same time as wrong passwords and give the same answer.
 */
export async function login(
  db: Kysely<Database>,
  input: { username: string; password: string; ip: string | null; ttlMinutes: number; now: Date },
): Promise<ResolvedSession & { token: string; expiresAt: Date }> {
  const since = new Date(input.now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const failures = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('username', '=', input.username)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(failures.n) >= LOGIN_MAX_FAILURES) {
    throw new AppError('login_throttled', { retryAfterMinutes: LOGIN_WINDOW_MINUTES });
  }
  const candidate = await db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'disabled'])
    .where('username', '=', input.username)
    .executeTakeFirst();
  const passwordOk = await verifyPassword(input.password, candidate?.password_hash ?? DUMMY_HASH);
  await db
    .insertInto('login_attempt')
    .values({
      username: input.username,
      ip: input.ip,
      succeeded: passwordOk && candidate !== undefined,
    })
    .execute();
  if (candidate === undefined || !passwordOk) throw new AppError('login_failed');
  if (candidate.disabled) throw new AppError('user_disabled');
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + input.ttlMinutes * 60_000);
  const user = await loadSessionUser(db, candidate.id);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('session')
      .values({
        token_hash: hashToken(token),
        user_id: candidate.id,
        csrf_token: csrfToken,
        expires_at: expiresAt,
      })
      .execute();
    await recordAudit(
      trx,
      {
        userId: user.id,
        username: user.username,
        role: user.role,
        regionId: user.region.id,
        regionPath: user.region.path,
        ip: input.ip,
      },
      {
        command: 'auth.login',
        region: { id: user.region.id, path: user.region.path },
        entities: [{ type: 'user', id: String(user.id) }],
      },
    );
  });
  return { user, csrfToken, token, expiresAt };
}

/**
 * The session behind a token: sliding expiry (each use extends it by the TTL). Expired or unknown
 * tokens answer `session_expired` / `auth_required`.
 */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
  ttlMinutes: number,
): Promise<ResolvedSession> {
  const tokenHash = hashToken(token);
  const session = await db
    .selectFrom('session')
    .select(['user_id', 'csrf_token', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (session === undefined) throw new AppError('auth_required');
  if (session.expires_at.getTime() <= now.getTime()) {
    await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
    throw new AppError('session_expired');
  }
  const user = await loadSessionUser(db, session.user_id);
  if (user.disabled) throw new AppError('user_disabled');
  const renewed = new Date(now.getTime() + ttlMinutes * 60_000);
  if (renewed.getTime() - session.expires_at.getTime() > 60_000) {
    await db
      .updateTable('session')
      .set({ expires_at: renewed })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return { user, csrfToken: session.csrf_token };
}

export async function logout(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', hashToken(token)).execute();
}

export async function changePassword(
  db: Kysely<Database>,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const row = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, row.password_hash)))
    throw new AppError('password_wrong');
  if (!passwordStrongEnough(input.newPassword)) throw new AppError('password_too_weak');
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: hash })
      .where('id', '=', actor.userId)
      .execute();
    await recordAudit(trx, actor, {
      command: 'auth.change_password',
      region: { id: actor.regionId, path: actor.regionPath },
      entities: [{ type: 'user', id: String(actor.userId) }],
    });
  });
}

export function actorOf(session: ResolvedSession, ip: string | null): Actor {
  return {
    userId: session.user.id,
    username: session.user.username,
    role: session.user.role,
    regionId: session.user.region.id,
    regionPath: session.user.region.path,
    ip,
  };
}
