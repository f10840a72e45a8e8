import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Actor } from './actor.js';
import { AppError } from './errors.js';

function hashPayload(payload: unknown): string {
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex');
}

/**
 * Runs a money-moving command at most once per client request id. A retry with the same id and
 * payload returns the first result without moving money again; the same id with a different
 * payload is refused. Concurrent retries wait on a transaction-scoped advisory lock.
 */
export async function onceForRequest<T>(
  trx: Transaction<Database>,
  actor: Actor,
  requestId: string,
  command: string,
  payload: unknown,
  run: () => Promise<T>,
): Promise<T> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${requestId}))`.execute(trx);
  const payloadHash = hashPayload({ command, payload });
  const previous = await trx
    .selectFrom('client_request')
    .select(['payload_hash', 'response'])
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  if (previous !== undefined) {
    if (previous.payload_hash !== payloadHash)
      throw new AppError('request_id_reused', { requestId });
    return previous.response as T;
  }
  const result = await run();
  await trx
    .insertInto('client_request')
    .values({
      request_id: requestId,
      user_id: actor.userId > 0 ? actor.userId : null,
      command,
      payload_hash: payloadHash,
      response: JSON.stringify(result),
    })
    .execute();
  return result;
}
