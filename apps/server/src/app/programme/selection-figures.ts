import type { Kysely, Transaction } from 'kysely';
import {
  computeFundIndicators,
  fen,
  parsePeriod,
  type Fen,
  type IndicatorValues,
  type IsoDate,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';
import { loadIndicatorInput } from '../monitoring/indicator-input.js';
import { unwrap } from '../books/context.js';
import { fiscalInputByFund } from './plan-context.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Loan statuses of an application not yet decided or disbursed (demand for money). */
const PENDING_STATUSES = [
  'applied',
  'group_reviewed',
  'board_approved',
  'supervisor_reviewed',
  'publicized',
  'contracted',
];

/** A fund's figures on a day, from its books as of that day. */
export interface FundFacts {
  readonly asOf: IsoDate;
  /** DOMAIN §8 indicators of the month containing `asOf`, computed as of `asOf` itself. */
  readonly values: IndicatorValues;
  readonly firstDisbursedOn: IsoDate | null;
  /** 累计发放: every loan disbursed on or before `asOf`. */
  readonly cumulativeLendingFen: Fen;
  /** 累计财政投入: 4401 credits through `asOf` (`fiscalInputByFund`). */
  readonly fiscalInputFen: Fen;
  /**
   * Demand: loan applications pending on `asOf` — applied by then and either still in a status
   * from applied to contracted, or disbursed only after `asOf`.
   */
  readonly pendingApplicationsFen: Fen;
}

/** The figures of one fund as of a day (the indicators are those of DOMAIN §8). */
export async function fundFactsAsOf(db: Db, fundId: number, asOf: IsoDate): Promise<FundFacts> {
  const input = await loadIndicatorInput(db, fundId, asOf);
  const period = unwrap(parsePeriod(asOf.slice(0, 7)));
  const indicators = computeFundIndicators({ period, asOf, ...input });
  const firstDisbursedOn = input.loans.reduce<IsoDate | null>(
    (first, loan) => (first === null || loan.disbursedOn < first ? loan.disbursedOn : first),
    null,
  );
  const cumulativeLendingFen = fen(input.loans.reduce((sum, loan) => sum + loan.principalFen, 0));
  const fiscal = await fiscalInputByFund(db, [fundId], asOf);
  const pending = await db
    .selectFrom('loan')
    .select(['amount_fen'])
    .where('fund_id', '=', fundId)
    .where('applied_on', '<=', asOf)
    .where((eb) => eb.or([eb('status', 'in', PENDING_STATUSES), eb('disbursed_on', '>', asOf)]))
    .execute();
  return {
    asOf,
    values: indicators.values,
    firstDisbursedOn,
    cumulativeLendingFen,
    fiscalInputFen: fiscal.get(fundId) ?? fen(0),
    pendingApplicationsFen: fen(pending.reduce((sum, l) => sum + toSafeInt(l.amount_fen), 0)),
  };
}
