import { Tag } from 'antd';
import { WARNING_DEFINITIONS, type WarningCode } from '@huzhu/domain';
import type { WarningStatus, WarningView } from '../../api/types.js';

export const SEVERITY_NAMES: Readonly<Record<WarningView['severity'], string>> = {
  high: '高',
  medium: '中',
  low: '低',
};

const SEVERITY_COLORS: Readonly<Record<WarningView['severity'], string>> = {
  high: 'red',
  medium: 'orange',
  low: 'blue',
};

export function SeverityTag({ severity }: { severity: WarningView['severity'] }) {
  return (
    <Tag color={SEVERITY_COLORS[severity]} className="severity-tag">
      {SEVERITY_NAMES[severity]}
    </Tag>
  );
}

export const WARNING_STATUS_NAMES: Readonly<Record<WarningStatus, string>> = {
  open: '待处理',
  acknowledged: '已确认',
  resolved: '已解除',
};

/** A status name from the history (a plain string there), or the string itself. */
export function warningStatusName(status: string): string {
  const names: Readonly<Record<string, string | undefined>> = WARNING_STATUS_NAMES;
  return names[status] ?? status;
}

const STATUS_COLORS: Readonly<Record<WarningStatus, string>> = {
  open: 'error',
  acknowledged: 'warning',
  resolved: 'success',
};

export function WarningStatusTag({ status }: { status: WarningStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{WARNING_STATUS_NAMES[status]}</Tag>;
}

function isWarningCode(code: string): code is WarningCode {
  return code in WARNING_DEFINITIONS;
}

/** A warning's Chinese name (逾期率过高…), or its code when the web does not know it yet. */
export function warningName(code: string): string {
  return isWarningCode(code) ? WARNING_DEFINITIONS[code].name : code;
}

/** The steps of a warning's history in the user's words. */
export const WARNING_ACTION_NAMES: Readonly<Record<string, string>> = {
  raise: '发现',
  recur: '再次出现',
  clear: '自动解除（账簿已无此情况）',
  acknowledge: '确认',
  resolve: '解除',
  reopen: '重新打开',
};

/** The actions a person may take on a warning in each status. */
export const WARNING_ACTIONS: Readonly<
  Record<WarningStatus, readonly ('acknowledge' | 'resolve' | 'reopen')[]>
> = {
  open: ['acknowledge', 'resolve'],
  acknowledged: ['resolve', 'reopen'],
  resolved: ['reopen'],
};

export const ACTION_LABELS: Readonly<Record<'acknowledge' | 'resolve' | 'reopen', string>> = {
  acknowledge: '确认',
  resolve: '解除',
  reopen: '重新打开',
};

/** Names of the figures in a warning's evidence (keys ending in Fen are 元, Days are days). */
export const EVIDENCE_AMOUNT_NAMES: Readonly<Record<string, string>> = {
  overdueBalanceFen: '逾期余额',
  outstandingFen: '借款余额',
  maxDpdDays: '最长逾期天数',
  unpaidPrincipalFen: '未还本金',
  officerOutstandingFen: '理事监事家庭借款余额',
  topBorrowers: '大额借款人数',
  borrowers: '借款人数',
  topOutstandingFen: '大额借款人借款余额',
  members: '会员数',
  maxPrincipalFen: '借款限额',
  totalPrincipalFen: '超限借款本金',
  principalFen: '借款本金',
  poorBorrowers: '贫困户借款人数',
  poorMembers: '贫困户会员数',
  fundTotalFen: '互助资金总额',
  cashFen: '库存现金',
  cashLimitFen: '库存现金限额',
  feeIncomeFen: '占用费收入',
  managementExpensesFen: '管理费用',
  debitFen: '借方合计',
  creditFen: '贷方合计',
};

/** Threshold fields in the user's words, with their unit. */
export const THRESHOLD_NAMES: Readonly<Record<string, string>> = {
  overdueRatePercent: '逾期率上限（%）',
  maxDpdDays: '最长逾期天数（天）',
  idleUtilizationPercent: '资金闲置：使用率连续两季低于（%）',
  maxUtilizationPercent: '流动性不足：使用率高于（%）',
  eliteCapturePercent: '理事监事家庭借款占余额上限（%）',
  topBorrowersPercent: '大额借款人：借款余额前（%）',
  top10SharePercent: '大额借款人借款占余额上限（%）',
  concentrationMinBorrowers: '判断集中度的最少借款人数',
  targetingDriftPercentPoints: '扶贫瞄准偏离容差（百分点）',
  assemblyIntervalMonths: '会员大会间隔上限（月）',
  costCoverageMin: '自负盈亏率下限',
};
