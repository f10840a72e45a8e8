import type { IsoDate } from '../calendar/iso-date.js';
import { periodStart } from '../calendar/period.js';
import type { IndicatorMember } from '../indicators/indicator-input.js';
import { loanPositionsAsOf, type LoanPosition } from '../indicators/loan-position.js';
import type { Fen } from '../money/fen.js';
import { formatYuan } from '../money/yuan.js';
import { invariant } from '../result.js';
import type { Warning, WarningCode, WarningEvidence, WarningInput } from './warning-model.js';
import { WARNING_DEFINITIONS } from './warning-model.js';
import type { WarningThresholds } from './warning-thresholds.js';

/** What every rule reads: the input, the thresholds and the loan book as of the period end. */
export interface WarningContext {
  readonly input: WarningInput;
  readonly thresholds: WarningThresholds;
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** Loans disbursed by the end, as of the end. */
  readonly positions: readonly LoanPosition[];
  /** Of those, the ones with principal outstanding (not written off). */
  readonly outstanding: readonly LoanPosition[];
  readonly membersById: ReadonlyMap<string, IndicatorMember>;
}

/** A rule of DOMAIN §10: a warning, or null when it does not fire. */
export type WarningRule = (context: WarningContext) => Warning | null;

/** Builds the context the rules share. */
export function warningContext(input: WarningInput, thresholds: WarningThresholds): WarningContext {
  invariant(
    input.fund.period === input.indicators.period,
    'warnings need the indicators of the same period',
  );
  const end = input.indicators.asOf;
  const positions = loanPositionsAsOf(input.fund.loans, end);
  return {
    input,
    thresholds,
    start: periodStart(input.indicators.period),
    end,
    positions,
    outstanding: positions.filter((p) => p.outstandingFen > 0),
    membersById: new Map(input.fund.members.map((m) => [m.id, m])),
  };
}

/** A warning of a code with its defined severity. */
export function warning(code: WarningCode, message: string, evidence: WarningEvidence): Warning {
  return { code, severity: WARNING_DEFINITIONS[code].severity, message, evidence };
}

/** '1,234.56元'. */
export function yuan(amount: Fen): string {
  return `${formatYuan(amount)}元`;
}

/** Distinct values in first-seen order. */
export function distinct(values: Iterable<string>): readonly string[] {
  return [...new Set(values)];
}
