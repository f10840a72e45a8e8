import { sql, type Kysely, type Transaction } from 'kysely';
import {
  computeFundIndicators,
  evaluateWarnings,
  previousPeriod,
  quarterOf,
  type IsoDate,
  type Warning,
  type WarningThresholds,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { bylawsOn } from '../books/bylaws-store.js';
import { chinaToday } from '../books/context.js';
import { fundIndicators } from './fund-indicators.js';
import { loadIndicatorInput } from './indicator-input.js';
import { reportDeadline } from './quarterly-reports.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What the governance warnings need from the books, each as it stood on `asOf`. */
async function governanceFlags(db: Db, fundId: number, asOf: IsoDate) {
  const duplicates = await db
    .selectFrom('member as m')
    .select('m.id')
    .where('m.fund_id', '=', fundId)
    .where('m.joined_on', '<=', asOf)
    .where((eb) => eb.or([eb('m.exited_on', 'is', null), eb('m.exited_on', '>', asOf)]))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('member as o')
          .select('o.id')
          .whereRef('o.id_card_no', '=', 'm.id_card_no')
          .whereRef('o.fund_id', '<>', 'm.fund_id')
          .where('o.joined_on', '<=', asOf)
          .where((inner) =>
            inner.or([inner('o.exited_on', 'is', null), inner('o.exited_on', '>', asOf)]),
          ),
      ),
    )
    .execute();
  const assembly = await db
    .selectFrom('assembly_meeting')
    .select((eb) => eb.fn.max('held_on').as('last'))
    .where('fund_id', '=', fundId)
    .where('held_on', '<=', asOf)
    .executeTakeFirst();
  const unapproved = await sql<{ id: number }>`
    SELECT l.id FROM loan l WHERE l.fund_id = ${fundId} AND l.disbursed_on IS NOT NULL
      AND l.disbursed_on <= ${asOf}
      AND NOT EXISTS (SELECT 1 FROM loan_step s WHERE s.loan_id = l.id AND s.step = 'publicize')`.execute(
    db,
  );
  return {
    sameIdCardInOtherFund: duplicates.map((d) => String(d.id)),
    lastAssemblyOn: (assembly?.last ?? null) as IsoDate | null,
    reportLate: await lastQuarterReportLate(db, fundId, asOf),
    disbursedBeforeApproval: unapproved.rows.map((r) => String(r.id)),
  };
}

/**
 * Whether the quarterly report of the quarter before `asOf`'s was late or missing on `asOf`:
 * judged on its first submission, and a report submitted after `asOf` counts as not yet in.
 */
async function lastQuarterReportLate(db: Db, fundId: number, asOf: IsoDate): Promise<boolean> {
  const lastQuarter = previousPeriod(quarterOf(asOf));
  const report = await db
    .selectFrom('quarterly_report')
    .select(['first_submitted_at'])
    .where('fund_id', '=', fundId)
    .where('period', '=', lastQuarter)
    .executeTakeFirst();
  const deadline = reportDeadline(lastQuarter);
  const submittedOn =
    report?.first_submitted_at === null || report === undefined
      ? null
      : chinaToday(report.first_submitted_at);
  const inBy = submittedOn !== null && submittedOn <= asOf ? submittedOn : null;
  return inBy === null ? asOf > deadline : inBy > deadline;
}

/**
 * The §10 warnings of one fund as its books stood at the end of `asOf` (today for the live list,
 * a quarter's end for that quarter's monitoring report): indicators, bylaws, members, meetings,
 * loans and reports dated after `asOf` play no part. Writes nothing.
 */
export async function evaluateFundWarningsAsOf(
  db: Db,
  fundId: number,
  thresholds: WarningThresholds,
  asOf: IsoDate,
): Promise<readonly Warning[]> {
  const quarter = quarterOf(asOf);
  const input = await loadIndicatorInput(db, fundId, asOf);
  const fundInput = { period: quarter, asOf, ...input };
  const indicators = computeFundIndicators(fundInput);
  const previous = await fundIndicators(db, fundId, previousPeriod(quarter));
  const bylaws = await bylawsOn(db, fundId, asOf);
  return evaluateWarnings(
    {
      fund: fundInput,
      indicators,
      params: {
        cashLimitFen: bylaws.cashLimitFen,
        firstLoanLimitFen: bylaws.firstLoanLimitFen,
        laterLoanLimitFen: bylaws.laterLoanLimitFen,
        productivePurposes: bylaws.productivePurposes,
      },
      previousQuarterUtilization: previous.values.utilization_rate,
      flags: await governanceFlags(db, fundId, asOf),
    },
    thresholds,
  );
}
