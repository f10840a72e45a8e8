import type { Kysely, Transaction } from 'kysely';
import { parseIsoDate, type IsoDate, type Result } from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../actor.js';
import { AppError, notFound } from '../errors.js';
import { recordAudit, type AuditRecord } from '../audit.js';

export interface FundRef {
  id: number;
  code: string;
  name: string;
  regionId: number;
  regionPath: string;
}

/** The fund, when it lies in the actor's subtree; otherwise 404 (existence is not revealed). */
export async function fundInScope(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  fundId: number,
): Promise<FundRef> {
  const row = await db
    .selectFrom('fund as f')
    .innerJoin('region as r', 'r.id', 'f.region_id')
    .select(['f.id', 'f.code', 'f.name', 'r.id as region_id', 'r.path'])
    .where('f.id', '=', fundId)
    .where('r.path', 'like', `${actor.regionPath}%`)
    .executeTakeFirst();
  if (row === undefined) throw notFound('fund');
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    regionId: row.region_id,
    regionPath: row.path,
  };
}

/** Today's date in China time (UTC+8, no daylight saving). */
export function chinaToday(now: Date): IsoDate {
  const shifted = new Date(now.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 10) as IsoDate;
}

/** A business date from a request: a real date, not after today. */
export function businessDate(input: string, now: Date, field = 'on'): IsoDate {
  const parsed = parseIsoDate(input);
  if (!parsed.ok) throw new AppError('date_invalid', { field, value: input });
  if (parsed.value > chinaToday(now)) throw new AppError('date_in_future', { field, value: input });
  return parsed.value;
}

/** A real calendar date (may be in the future, e.g. a due date). */
export function calendarDate(input: string, field: string): IsoDate {
  const parsed = parseIsoDate(input);
  if (!parsed.ok) throw new AppError('date_invalid', { field, value: input });
  return parsed.value;
}

/** Unwraps a domain result, turning a failure into the coded error the API answers. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new AppError(result.code, result.details);
  return result.value;
}

/**
 * Records a change to a fund in the audit log and stamps the fund as changed, so that its
 * warnings are recomputed before they are next read.
 */
export async function auditFund(
  trx: Transaction<Database>,
  actor: Actor,
  fund: FundRef,
  record: Omit<AuditRecord, 'region'>,
): Promise<void> {
  await trx
    .updateTable('fund')
    .set({ books_changed_at: new Date() })
    .where('id', '=', fund.id)
    .execute();
  await recordAudit(trx, actor, {
    ...record,
    region: { id: fund.regionId, path: fund.regionPath },
  });
}

export function voucherNo(period: string, number: number): string {
  return `${period}-${String(number).padStart(4, '0')}`;
}
