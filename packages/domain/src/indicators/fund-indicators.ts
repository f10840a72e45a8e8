import { periodEnd, periodStart, twelveMonthsWindow } from '../calendar/period.js';
import { balancesAsOf, fundComposition } from '../ledger/balances.js';
import { ratio } from '../reports/report-model.js';
import type { FundIndicators } from './indicator-codes.js';
import type { FundIndicatorInput } from './indicator-input.js';
import { feeActivity, windowRange } from './ledger-figures.js';
import { householdCountOn, isPoorOn, membersOn } from './membership-figures.js';
import { portfolioFigures } from './portfolio-figures.js';

/**
 * Every indicator of DOMAIN §8 for one fund and one period, as of the period end. Money and
 * counts are integers; every ratio keeps numerator and denominator so rollups recompute it.
 */
export function computeFundIndicators(input: FundIndicatorInput): FundIndicators {
  const start = periodStart(input.period);
  // As of the period end, or of an earlier day inside it (live figures for the current period).
  const end =
    input.asOf !== undefined && input.asOf < periodEnd(input.period)
      ? input.asOf
      : periodEnd(input.period);
  const window = twelveMonthsWindow(end);

  const members = membersOn(input.members, end);
  const membersPoor = members.filter((m) => isPoorOn(m, end)).length;
  const households = householdCountOn(input.householdCounts, end);

  const composition = fundComposition(input.chart, balancesAsOf(input.chart, input.lines, end));
  const fundTotal = composition.fundTotalFen;

  const loans = portfolioFigures({
    loans: input.loans,
    membersById: new Map(input.members.map((m) => [m.id, m])),
    start,
    end,
    window,
  });
  const borrowingMembers = members.filter((m) => loans.borrowerIdsInWindow.has(m.id)).length;

  const inPeriod = feeActivity(input.chart, input.lines, { from: start, through: end });
  const inWindow = feeActivity(input.chart, input.lines, windowRange(window));

  return {
    period: input.period,
    asOf: end,
    values: {
      members: members.length,
      members_poor: membersPoor,
      membership_rate: ratio(members.length, households?.totalHouseholds ?? 0),
      poor_membership_rate: ratio(membersPoor, households?.poorHouseholds ?? 0),
      fund_total: fundTotal,
      fund_fiscal: composition.fundFiscalFen,
      fund_member: composition.fundMemberFen,
      fund_donation: composition.fundDonationFen,
      fund_reserves: composition.fundReservesFen,
      outstanding: loans.outstandingFen,
      utilization_rate: ratio(loans.outstandingFen, fundTotal),
      disbursed_count: loans.disbursedCount,
      disbursed_amount: loans.disbursedFen,
      disbursed_poor_share: ratio(loans.disbursedPoorFen, loans.disbursedFen),
      borrower_coverage: ratio(borrowingMembers, members.length),
      turnover: ratio(loans.disbursedInWindowFen, fundTotal),
      due_principal: loans.duePrincipalFen,
      on_time_rate: ratio(loans.dueRepaidOnTimeFen, loans.duePrincipalFen),
      recovery_rate: ratio(loans.recoveredByEndFen, loans.dueByEndFen),
      overdue_balance: loans.overdueBalanceFen,
      overdue_rate: ratio(loans.overdueBalanceFen, loans.outstandingFen),
      par30: ratio(loans.par30Fen, loans.outstandingFen),
      written_off: loans.writtenOffFen,
      loss_rate: ratio(loans.writtenOffFen, loans.cumulativeDisbursedFen),
      fee_income: inPeriod.feeIncomeFen,
      cost_coverage: ratio(inWindow.feeIncomeFen, inWindow.managementExpensesFen),
      avg_loan: ratio(loans.disbursedFen, loans.disbursedCount),
      cash: composition.cashFen,
      bank: composition.bankFen,
    },
  };
}
