import type { Kysely, Transaction } from 'kysely';
import { fen, type IsoDate, type Instalment } from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';
import { loadChart, loadPostedLines } from '../../db/repositories/ledger.js';
import { loanStateOf } from '../books/loan-queries.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Everything the §8 indicators of one fund need, read from its books as of `through` (members,
 * category history, household counts, loans with schedules and repayments, posted lines).
 */
export async function loadIndicatorInput(db: Db, fundId: number, through: IsoDate) {
  const members = await db
    .selectFrom('member')
    .select(['id', 'joined_on', 'exited_on'])
    .where('fund_id', '=', fundId)
    .where('joined_on', '<=', through)
    .execute();
  const history = await db
    .selectFrom('member_category as c')
    .innerJoin('member as m', 'm.id', 'c.member_id')
    .select(['c.member_id', 'c.effective_on', 'c.category'])
    .where('m.fund_id', '=', fundId)
    .orderBy('c.effective_on')
    .execute();
  const officers = await db
    .selectFrom('fund_officer')
    .select(['member_id', 'from_on', 'to_on'])
    .where('fund_id', '=', fundId)
    .execute();
  const counts = await db
    .selectFrom('fund_household_count')
    .select(['as_of', 'total_households', 'poor_households'])
    .where('fund_id', '=', fundId)
    .where('as_of', '<=', through)
    .execute();
  const loans = await db
    .selectFrom('loan')
    .select([
      'id',
      'member_id',
      'disbursed_on',
      'amount_fen',
      'state',
      'written_off_on',
      'purpose',
      'guarantor1_member_id',
      'guarantor2_member_id',
      'principal_outstanding_fen',
    ])
    .where('fund_id', '=', fundId)
    .where('disbursed_on', 'is not', null)
    .where('disbursed_on', '<=', through)
    .execute();
  const repayments = await db
    .selectFrom('repayment')
    .select(['loan_id', 'on_date', 'principal_fen', 'normal_fee_fen', 'overdue_fee_fen'])
    .where('fund_id', '=', fundId)
    .where('on_date', '<=', through)
    .orderBy('on_date')
    .orderBy('id')
    .execute();
  const writeOffs = await db
    .selectFrom('loan_step')
    .innerJoin('loan', 'loan.id', 'loan_step.loan_id')
    .select(['loan_step.loan_id', 'loan_step.on_date', 'loan_step.details'])
    .where('loan.fund_id', '=', fundId)
    .where('loan_step.step', '=', 'write_off')
    .where('loan_step.on_date', '<=', through)
    .execute();
  return {
    members: members.map((m) => ({
      id: String(m.id),
      joinedOn: m.joined_on as IsoDate,
      exitedOn: m.exited_on === null || m.exited_on > through ? null : (m.exited_on as IsoDate),
      categoryHistory: history
        .filter((h) => h.member_id === m.id)
        .map((h) => ({ from: h.effective_on as IsoDate, category: h.category })),
      isOfficer: officers.some(
        (o) =>
          o.member_id === m.id && o.from_on <= through && (o.to_on === null || o.to_on > through),
      ),
    })),
    householdCounts: counts.map((c) => ({
      asOf: c.as_of as IsoDate,
      totalHouseholds: c.total_households,
      poorHouseholds: c.poor_households,
    })),
    loans: loans.map((l) => {
      const state = loanStateOf(l.state);
      const writeOff = writeOffs.find((w) => w.loan_id === l.id);
      const schedule: readonly Instalment[] = state?.schedule ?? [];
      return {
        id: String(l.id),
        memberId: String(l.member_id),
        disbursedOn: l.disbursed_on as IsoDate,
        principalFen: fen(toSafeInt(l.amount_fen)),
        schedule,
        repayments: repayments
          .filter((r) => r.loan_id === l.id)
          .map((r) => ({
            on: r.on_date as IsoDate,
            principalFen: fen(toSafeInt(r.principal_fen)),
            normalFeeFen: fen(toSafeInt(r.normal_fee_fen)),
            overdueFeeFen: fen(toSafeInt(r.overdue_fee_fen)),
          })),
        writtenOffOn: writeOff === undefined ? null : (writeOff.on_date as IsoDate),
        writtenOffPrincipalFen: fen(
          writeOff === undefined
            ? 0
            : ((writeOff.details as { principalFen?: number }).principalFen ?? 0),
        ),
        purpose: l.purpose,
        guarantorIds: [l.guarantor1_member_id, l.guarantor2_member_id]
          .filter((g): g is number => g !== null)
          .map(String),
      };
    }),
    chart: await loadChart(db, fundId),
    lines: await loadPostedLines(db, fundId, through),
  };
}
