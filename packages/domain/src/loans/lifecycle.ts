import type { IsoDate } from '../calendar/iso-date.js';
import { fail, ok, type Result } from '../result.js';

/** Loan statuses (DOMAIN §6). `extended` is a disbursed loan after a 展期. */
export type LoanStatus =
  | 'applied'
  | 'group_reviewed'
  | 'board_approved'
  | 'supervisor_reviewed'
  | 'publicized'
  | 'contracted'
  | 'disbursed'
  | 'extended'
  | 'settled'
  | 'rejected'
  | 'written_off';

/** Chinese names of the statuses. */
export const LOAN_STATUS_NAMES: Readonly<Record<LoanStatus, string>> = {
  applied: '已申请',
  group_reviewed: '联保小组已审',
  board_approved: '理事会已批',
  supervisor_reviewed: '监事会已审',
  publicized: '公示中',
  contracted: '已签合同',
  disbursed: '已放款',
  extended: '已展期',
  settled: '已结清',
  rejected: '已驳回',
  written_off: '已核销',
};

/** A step of the lifecycle, with what the step needs to be checked. */
export type LoanAction =
  | { readonly kind: 'group_review' }
  | { readonly kind: 'board_approve' }
  | { readonly kind: 'supervisor_review' }
  | { readonly kind: 'publicize' }
  | { readonly kind: 'sign_contract' }
  | { readonly kind: 'disburse' }
  | { readonly kind: 'settle' }
  | { readonly kind: 'reject'; readonly reason: string }
  | {
      readonly kind: 'extend';
      readonly approvedOn: IsoDate;
      /** The current due date. */
      readonly dueOn: IsoDate;
      readonly extensionCount: number;
      /** Bylaws `maxExtensions` (default 1). */
      readonly maxExtensions: number;
    }
  | { readonly kind: 'write_off'; readonly resolutionRef: string };

/** Codes of `transition`. */
export type LoanTransitionError =
  | 'loan_invalid_transition'
  | 'loan_already_extended'
  | 'extension_after_due_date'
  | 'rejection_needs_reason'
  | 'write_off_needs_resolution';

const FORWARD: Readonly<Partial<Record<LoanAction['kind'], readonly [LoanStatus, LoanStatus]>>> = {
  group_review: ['applied', 'group_reviewed'],
  board_approve: ['group_reviewed', 'board_approved'],
  supervisor_review: ['board_approved', 'supervisor_reviewed'],
  publicize: ['supervisor_reviewed', 'publicized'],
  sign_contract: ['publicized', 'contracted'],
  disburse: ['contracted', 'disbursed'],
};

const REJECTABLE: readonly LoanStatus[] = [
  'applied',
  'group_reviewed',
  'board_approved',
  'supervisor_reviewed',
  'publicized',
  'contracted',
];

const REPAYING: readonly LoanStatus[] = ['disbursed', 'extended'];

/**
 * The status after an action, or why it is not allowed: 申请 → 联保小组意见 → 理事会审批 →
 * 监事会审查 → 公示 → 签合同 → 放款 → 结清; 驳回 (with a reason) before disbursement; 展期 once,
 * approved on or before the due date, at most bylaws `maxExtensions` times (default once); 核销 only with a 会员大会 resolution reference.
 * Repayments do not change the status until the loan is settled.
 */
export function transition(
  status: LoanStatus,
  action: LoanAction,
): Result<LoanStatus, LoanTransitionError> {
  const invalid = fail('loan_invalid_transition', { status, action: action.kind });
  switch (action.kind) {
    case 'reject':
      if (!REJECTABLE.includes(status)) return invalid;
      if (action.reason.trim() === '') return fail('rejection_needs_reason');
      return ok('rejected');
    case 'extend':
      if (!REPAYING.includes(status)) return invalid;
      if (action.extensionCount >= action.maxExtensions) {
        return fail('loan_already_extended', { extensionCount: action.extensionCount });
      }
      if (action.approvedOn > action.dueOn) {
        return fail('extension_after_due_date', {
          approvedOn: action.approvedOn,
          dueOn: action.dueOn,
        });
      }
      return ok('extended');
    case 'write_off':
      if (!REPAYING.includes(status)) return invalid;
      if (action.resolutionRef.trim() === '') return fail('write_off_needs_resolution');
      return ok('written_off');
    case 'settle':
      return REPAYING.includes(status) ? ok('settled') : invalid;
    default: {
      const step = FORWARD[action.kind];
      return step !== undefined && step[0] === status ? ok(step[1]) : invalid;
    }
  }
}

/** Whether a loan in this status has principal that may be outstanding. */
export function isRepayingStatus(status: LoanStatus): boolean {
  return REPAYING.includes(status);
}
