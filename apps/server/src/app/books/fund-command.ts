import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { lockFund } from '../../db/repositories/ledger.js';
import { requirePermission, type Actor, type Permission } from '../actor.js';
import { onceForRequest } from '../idempotency.js';
import { fundInScope, type FundRef } from './context.js';

/**
 * The frame of every command that moves a fund's money, in one transaction: the fund must be in
 * the actor's scope (else 404), the actor must hold the permission, a retried request id answers
 * its first result, and the fund row is locked before `run` reads balances or numbers vouchers.
 */
export async function fundCommand<T>(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  options: { permission: Permission; requestId: string; command: string; payload: unknown },
  run: (trx: Transaction<Database>, fund: FundRef) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const fund = await fundInScope(trx, actor, fundId);
    requirePermission(actor, options.permission);
    return onceForRequest(
      trx,
      actor,
      options.requestId,
      options.command,
      options.payload,
      async () => {
        await lockFund(trx, fund.id);
        return run(trx, fund);
      },
    );
  });
}
