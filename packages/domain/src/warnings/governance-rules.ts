import { addMonths } from '../calendar/iso-date.js';
import { windowContains } from '../calendar/period.js';
import { chineseDate } from '../reports/report-model.js';
import { distinct, warning, type WarningContext } from './warning-context.js';
import type { Warning } from './warning-model.js';

/** duplicate_id_card: members whose 身份证号 is also registered in another fund. */
export function duplicateIdCard(context: WarningContext): Warning | null {
  const members = distinct(context.input.flags.sameIdCardInOtherFund);
  if (members.length === 0) return null;
  return warning('duplicate_id_card', `${members.length}户会员的身份证号同时登记在其他互助社`, {
    members,
    amounts: { members: members.length },
  });
}

/** no_assembly_12_months: no 会员大会 in the threshold's months to the period end. */
export function noAssembly(context: WarningContext): Warning | null {
  const months = context.thresholds.assemblyIntervalMonths;
  const last = context.input.flags.lastAssemblyOn;
  const window = { after: addMonths(context.end, -months), through: context.end };
  if (last !== null && windowContains(window, last)) return null;
  const lastText = last === null ? '无记录' : chineseDate(last);
  return warning(
    'no_assembly_12_months',
    `截至${chineseDate(context.end)}，近${months}个月未召开会员大会（上次：${lastText}）`,
    {},
  );
}

/** report_late: a quarterly report late or missing (the server knows the deadlines). */
export function reportLate(context: WarningContext): Warning | null {
  if (!context.input.flags.reportLate) return null;
  return warning('report_late', '季报逾期未报或缺报', {});
}
