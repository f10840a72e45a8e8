import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { verifyChain } from '../../db/repositories/seals.js';
import { requirePermission, type Actor } from '../actor.js';
import { fundInScope } from './context.js';

/** 账簿完整性核验: recomputes the fund's voucher chain and lists what was changed behind the app. */
export async function verifyFundIntegrity(db: Kysely<Database>, actor: Actor, fundId: number) {
  const fund = await fundInScope(db, actor, fundId);
  requirePermission(actor, 'audit.read');
  const result = await verifyChain(db, fund.id);
  return { fundId: fund.id, fundCode: fund.code, intact: result.problems.length === 0, ...result };
}
