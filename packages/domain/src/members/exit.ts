import { addDays, type IsoDate } from '../calendar/iso-date.js';
import { fen, type Fen } from '../money/fen.js';
import { fail, ok, type Failure, type Result } from '../result.js';

/** Codes of the member exit checks (退社). */
export type MemberExitError =
  | 'member_not_active'
  | 'member_has_outstanding_loan'
  | 'member_is_guarantor'
  | 'member_has_unpaid_fee'
  | 'member_exit_notice_period';

/** What the exit check needs, prefetched. */
export interface MemberExitContext {
  readonly joinedOn: IsoDate;
  readonly exitedOn: IsoDate | null;
  /** The date the member asked to leave. */
  readonly noticeGivenOn: IsoDate;
  /** The requested exit date. */
  readonly exitOn: IsoDate;
  readonly exitNoticeDays: number;
  readonly outstandingLoanCount: number;
  /** Outstanding loans of others this member guarantees (联保 / 代偿人). */
  readonly guaranteedOutstandingLoanCount: number;
  readonly unpaidFeeFen: Fen;
  /** Balance of the member's own 互助金 on 220901 (contributions less refunds). */
  readonly ownContributionsFen: Fen;
  /** Fiscal 配股 credited to the member: returns to the fund, never refunded. */
  readonly allotmentFen: Fen;
}

/** What an exit pays out and what stays with the fund. */
export interface MemberExitSettlement {
  readonly refundFen: Fen;
  readonly allotmentReturnedFen: Fen;
}

/** Every reason the member may not exit on `exitOn` (empty when the exit may proceed). */
export function memberExitFailures(
  context: MemberExitContext,
): readonly Failure<MemberExitError>[] {
  const failures: Failure<MemberExitError>[] = [];
  const active =
    context.joinedOn <= context.exitOn &&
    (context.exitedOn === null || context.exitedOn > context.exitOn);
  if (!active) failures.push(fail('member_not_active', { exitedOn: context.exitedOn }));
  if (context.outstandingLoanCount > 0) {
    failures.push(fail('member_has_outstanding_loan', { count: context.outstandingLoanCount }));
  }
  if (context.guaranteedOutstandingLoanCount > 0) {
    failures.push(fail('member_is_guarantor', { count: context.guaranteedOutstandingLoanCount }));
  }
  if (context.unpaidFeeFen > 0) {
    failures.push(fail('member_has_unpaid_fee', { unpaidFeeFen: context.unpaidFeeFen }));
  }
  const earliestExitOn = addDays(context.noticeGivenOn, context.exitNoticeDays);
  if (context.exitOn < earliestExitOn) {
    failures.push(fail('member_exit_notice_period', { earliestExitOn }));
  }
  return failures;
}

/**
 * 退社 (DOMAIN §5): no outstanding loan, no outstanding guarantee, no unpaid fee, the notice
 * period served (exit on or after notice + exitNoticeDays). Refunds the member's own 互助金
 * only; the fiscal 配股 returns to the fund. Fails with the first failure; see
 * `memberExitFailures` for all of them.
 */
export function checkMemberExit(
  context: MemberExitContext,
): Result<MemberExitSettlement, MemberExitError> {
  const [first] = memberExitFailures(context);
  if (first !== undefined) return first;
  return ok({
    refundFen: fen(Math.max(0, context.ownContributionsFen)),
    allotmentReturnedFen: context.allotmentFen,
  });
}
