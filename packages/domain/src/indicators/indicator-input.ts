import type { IsoDate } from '../calendar/iso-date.js';
import type { Period } from '../calendar/period.js';
import type { Account } from '../ledger/accounts.js';
import type { PostedLine } from '../ledger/balances.js';
import type { Instalment } from '../loans/schedule.js';
import type { CategoryRecord } from '../members/member.js';
import type { Fen } from '../money/fen.js';

/** A member household as the indicators see it. */
export interface IndicatorMember {
  readonly id: string;
  readonly joinedOn: IsoDate;
  readonly exitedOn: IsoDate | null;
  /** Category records; the one in force on a date is the latest `from` on or before it. */
  readonly categoryHistory: readonly CategoryRecord[];
  /** A board (理事会) or supervisory board (监事会) household, for the elite-capture warning. */
  readonly isOfficer: boolean;
}

/** One repayment of a loan, split as the fee arithmetic settled it. */
export interface IndicatorRepayment {
  readonly on: IsoDate;
  readonly principalFen: Fen;
  readonly normalFeeFen: Fen;
  readonly overdueFeeFen: Fen;
}

/** A disbursed loan (loans never disbursed are not passed in). */
export interface IndicatorLoan {
  readonly id: string;
  readonly memberId: string;
  readonly disbursedOn: IsoDate;
  readonly principalFen: Fen;
  /** The current due dates (after any extension); instalments sum to the principal. */
  readonly schedule: readonly Instalment[];
  readonly repayments: readonly IndicatorRepayment[];
  readonly writtenOffOn: IsoDate | null;
  /** Principal written off (0 when not written off). */
  readonly writtenOffPrincipalFen: Fen;
  readonly purpose: string;
  /** Members named as substitute payers (代偿人) of this loan. */
  readonly guarantorIds?: readonly string[];
}

/** A village's household figures, with the date they refer to. */
export interface HouseholdCount {
  readonly asOf: IsoDate;
  readonly totalHouseholds: number;
  readonly poorHouseholds: number;
}

/**
 * What the indicators of one fund for one period need, prefetched. Everything is "as of period
 * end": records dated after the end are ignored, so the same input serves every period.
 */
export interface FundIndicatorInput {
  readonly period: Period;
  readonly members: readonly IndicatorMember[];
  /** The latest record with `asOf` on or before the period end is used. */
  readonly householdCounts: readonly HouseholdCount[];
  readonly loans: readonly IndicatorLoan[];
  readonly chart: readonly Account[];
  /** All posted lines of the fund; only lines dated on or before the period end count. */
  readonly lines: readonly PostedLine[];
  /** Compute as of this day instead of the period end (a period still running: as of today). */
  readonly asOf?: IsoDate;
}
