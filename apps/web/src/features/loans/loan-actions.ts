import type { LoanStatus } from '../../api/types.js';
import type { BookPermission } from '../fund-setup/books-access.js';

export type LoanActionKind =
  | 'group_review'
  | 'board_approve'
  | 'supervisor_review'
  | 'publicize'
  | 'contract'
  | 'disburse'
  | 'repay'
  | 'extend'
  | 'write_off'
  | 'reject';

export const ACTION_LABELS: Readonly<Record<LoanActionKind, string>> = {
  group_review: '联保小组意见',
  board_approve: '理事会审批',
  supervisor_review: '监事会审查',
  publicize: '公示',
  contract: '签合同',
  disburse: '放款',
  repay: '还款',
  extend: '展期',
  write_off: '核销',
  reject: '驳回',
};

/** Who may take each action (mirror of the server; reject: 理事会 or 监事会). */
const ACTION_PERMISSIONS: Readonly<Record<LoanActionKind, readonly BookPermission[]>> = {
  group_review: ['books.write'],
  board_approve: ['loans.approve'],
  supervisor_review: ['loans.review'],
  publicize: ['books.write'],
  contract: ['books.write'],
  disburse: ['books.write'],
  repay: ['books.write'],
  extend: ['loans.approve'],
  write_off: ['books.write'],
  reject: ['loans.approve', 'loans.review'],
};

const BEFORE_DISBURSEMENT: Readonly<Partial<Record<LoanStatus, LoanActionKind>>> = {
  applied: 'group_review',
  group_reviewed: 'board_approve',
  board_approved: 'supervisor_review',
  supervisor_reviewed: 'publicize',
  publicized: 'contract',
  contracted: 'disburse',
};

/** The actions valid for a loan in this status that this user may take, in display order. */
export function loanActions(
  status: LoanStatus,
  can: (permission: BookPermission) => boolean,
): LoanActionKind[] {
  const candidates: LoanActionKind[] = [];
  const next = BEFORE_DISBURSEMENT[status];
  if (next !== undefined) candidates.push(next, 'reject');
  if (status === 'disbursed' || status === 'extended')
    candidates.push('repay', 'extend', 'write_off');
  return candidates.filter((action) => ACTION_PERMISSIONS[action].some(can));
}
