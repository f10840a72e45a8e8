import type { IsoDate } from '../calendar/iso-date.js';
import type { Bylaws } from '../fund/bylaws.js';
import type { FundIndicators } from '../indicators/indicator-codes.js';
import type { FundIndicatorInput } from '../indicators/indicator-input.js';
import type { Ratio } from '../reports/report-model.js';

/** How urgent a warning is. */
export type WarningSeverity = 'high' | 'medium' | 'low';

/** The codes of the DOMAIN §10 warnings. */
export const WARNING_CODES = [
  'overdue_rate_high',
  'dpd_over_limit',
  'idle_funds',
  'no_liquidity',
  'cash_over_limit',
  'loan_over_limit',
  'non_productive_purpose',
  'borrower_guarantees_other',
  'targeting_drift',
  'elite_capture',
  'concentration',
  'cost_coverage_low',
  'duplicate_id_card',
  'disbursed_before_approval',
  'no_assembly_12_months',
  'report_late',
  'trial_balance_unbalanced',
] as const;

/** A warning's code. */
export type WarningCode = (typeof WARNING_CODES)[number];

/** The Chinese name and severity of each warning. */
export const WARNING_DEFINITIONS: Readonly<
  Record<WarningCode, { readonly name: string; readonly severity: WarningSeverity }>
> = {
  overdue_rate_high: { name: '逾期率过高', severity: 'high' },
  dpd_over_limit: { name: '借款逾期时间过长', severity: 'high' },
  idle_funds: { name: '资金闲置', severity: 'medium' },
  no_liquidity: { name: '资金流动性不足', severity: 'medium' },
  cash_over_limit: { name: '库存现金超限额', severity: 'medium' },
  loan_over_limit: { name: '借款超限额', severity: 'high' },
  non_productive_purpose: { name: '借款用途非生产性', severity: 'medium' },
  borrower_guarantees_other: { name: '借款人为他人代偿人', severity: 'medium' },
  targeting_drift: { name: '扶贫瞄准偏离', severity: 'medium' },
  elite_capture: { name: '精英俘获', severity: 'high' },
  concentration: { name: '借款过度集中', severity: 'medium' },
  cost_coverage_low: { name: '收不抵支', severity: 'medium' },
  duplicate_id_card: { name: '身份证号重复入社', severity: 'high' },
  disbursed_before_approval: { name: '未批先贷', severity: 'high' },
  no_assembly_12_months: { name: '会员大会未按期召开', severity: 'low' },
  report_late: { name: '季报逾期或缺报', severity: 'low' },
  trial_balance_unbalanced: { name: '账簿借贷不平衡', severity: 'high' },
};

/** What a warning points at: loans, members and the figures behind it (fen, days, counts). */
export interface WarningEvidence {
  readonly loans?: readonly string[];
  readonly members?: readonly string[];
  readonly amounts?: Readonly<Record<string, number>>;
}

/** One risk warning (预警) of a fund for a period. */
export interface Warning {
  readonly code: WarningCode;
  readonly severity: WarningSeverity;
  /** Chinese, with the figures. */
  readonly message: string;
  readonly evidence: WarningEvidence;
}

/** The bylaws parameters the warnings use (those in effect at the period end). */
export type WarningParams = Pick<
  Bylaws,
  'cashLimitFen' | 'firstLoanLimitFen' | 'laterLoanLimitFen' | 'productivePurposes'
>;

/** Facts the server works out from records the domain does not see. */
export interface WarningFlags {
  /** Members of this fund whose 身份证号 is also a member's in another fund. */
  readonly sameIdCardInOtherFund: readonly string[];
  /** The latest 会员大会 on or before the period end, or null if none is recorded. */
  readonly lastAssemblyOn: IsoDate | null;
  /** A quarterly report of this fund is late or missing. */
  readonly reportLate: boolean;
  /** Loans disbursed before board approval or before the 公示 ended. */
  readonly disbursedBeforeApproval: readonly string[];
}

/** What `evaluateWarnings` needs. */
export interface WarningInput {
  readonly fund: FundIndicatorInput;
  /** `computeFundIndicators(fund)`. */
  readonly indicators: FundIndicators;
  readonly params: WarningParams;
  /** utilization_rate of the quarter before, or null if unknown (then idle_funds cannot fire). */
  readonly previousQuarterUtilization: Ratio | null;
  readonly flags: WarningFlags;
}
