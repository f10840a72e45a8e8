import { Tag } from 'antd';
import { LOAN_STATUS_NAMES } from '@huzhu/domain';
import type { LoanStatus } from '../../api/types.js';

const STATUS_COLORS: Readonly<Record<LoanStatus, string>> = {
  applied: 'default',
  group_reviewed: 'cyan',
  board_approved: 'blue',
  supervisor_reviewed: 'geekblue',
  publicized: 'purple',
  contracted: 'gold',
  disbursed: 'green',
  extended: 'orange',
  settled: 'success',
  rejected: 'red',
  written_off: 'magenta',
};

export function LoanStatusTag({ status }: { status: LoanStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{LOAN_STATUS_NAMES[status]}</Tag>;
}

export const STATUS_OPTIONS = (Object.keys(LOAN_STATUS_NAMES) as LoanStatus[]).map((status) => ({
  value: status,
  label: LOAN_STATUS_NAMES[status],
}));

/** The steps of a loan's record in the user's words. */
export const STEP_NAMES: Readonly<Record<string, string>> = {
  apply: '借款申请',
  group_review: '联保小组意见',
  board_approve: '理事会审批',
  supervisor_review: '监事会审查',
  publicize: '公示',
  contract: '签订合同',
  reject: '驳回',
  disburse: '放款',
  repay: '还款',
  extend: '展期',
  write_off: '核销',
  settle: '结清',
};

export const DECISION_NAMES: Readonly<Record<string, string>> = {
  done: '已办理',
  approved: '同意',
  rejected: '驳回',
};
