import type { Kysely, Transaction } from 'kysely';
import {
  computeFundIndicators,
  parsePeriod,
  periodEnd,
  type FundIndicators,
  type IsoDate,
  type Period,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { AppError } from '../errors.js';
import { loadIndicatorInput } from './indicator-input.js';

type Db = Kysely<Database> | Transaction<Database>;

export function parseIndicatorPeriod(input: string): Period {
  const parsed = parsePeriod(input);
  if (!parsed.ok) throw new AppError('period_invalid', { period: input });
  return parsed.value;
}

/**
 * The §8 indicators of one fund for a period, computed from its books as of the period end (or of
 * `asOf`, a day inside a period that is still running).
 */
export async function fundIndicators(
  db: Db,
  fundId: number,
  period: Period,
  asOf?: IsoDate,
): Promise<FundIndicators> {
  const through = asOf !== undefined && asOf < periodEnd(period) ? asOf : periodEnd(period);
  const input = await loadIndicatorInput(db, fundId, through);
  return computeFundIndicators({ period, asOf: through, ...input });
}
