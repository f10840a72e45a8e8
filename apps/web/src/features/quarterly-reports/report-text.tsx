import { Tag } from 'antd';
import type { QuarterlyReportStatus, StatusBoardItem } from '../../api/types.js';

export const REPORT_STATUS_NAMES: Readonly<Record<StatusBoardItem['status'], string>> = {
  draft: '草稿',
  submitted: '已提交',
  reviewed: '已审核',
  returned: '退回',
  locked: '已锁定',
  missing: '未报',
};

/** A status name from the history (a plain string there), or the string itself. */
export function reportStatusName(status: string): string {
  const names: Readonly<Record<string, string | undefined>> = REPORT_STATUS_NAMES;
  return names[status] ?? status;
}

const STATUS_COLORS: Readonly<Record<StatusBoardItem['status'], string>> = {
  draft: 'default',
  submitted: 'processing',
  reviewed: 'cyan',
  returned: 'warning',
  locked: 'success',
  missing: 'error',
};

/** A report's status as a coloured tag: 草稿, 已提交, 已审核, 退回, 已锁定 (or 未报). */
export function ReportStatusTag({ status }: { status: QuarterlyReportStatus | 'missing' }) {
  return (
    <Tag color={STATUS_COLORS[status]} className="report-status">
      {REPORT_STATUS_NAMES[status]}
    </Tag>
  );
}

/** The steps of a report's history in the user's words. */
export const REPORT_ACTION_NAMES: Readonly<Record<string, string>> = {
  generate: '生成草稿',
  regenerate: '重新生成',
  submit: '提交',
  approve: '审核通过',
  return: '退回',
  lock: '锁定',
  unlock: '解锁',
  import: '数据包导入',
};

export const UNLOCK_STATUS_NAMES: Readonly<Record<string, string>> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '已驳回',
};

export const REPORT_SOURCE_NAMES: Readonly<Record<string, string>> = {
  online: '在线报送',
  package: '数据包导入',
};
