import type { IsoDate } from '../calendar/iso-date.js';
import { fen, type Fen } from '../money/fen.js';

/** Where a year's fiscal money comes from (DOMAIN §11). */
export const PLAN_SOURCES = ['central_reward', 'city', 'county_match'] as const;

/** A source of a yearly plan's money. */
export type PlanSource = (typeof PLAN_SOURCES)[number];

/** The Chinese name of each source, as the plan table heads its column. */
export const PLAN_SOURCE_NAMES: Readonly<Record<PlanSource, string>> = {
  central_reward: '中央奖励资金',
  city: '市级资金',
  county_match: '区县配套资金',
};

/** The kinds of village a plan funds (DOMAIN §11). */
export const PLAN_CATEGORIES = ['central_reward', 'new_pilot', 'reward_expand'] as const;

/** A category of a plan's villages. */
export type PlanCategory = (typeof PLAN_CATEGORIES)[number];

/** The Chinese name of each category. */
export const PLAN_CATEGORY_NAMES: Readonly<Record<PlanCategory, string>> = {
  central_reward: '中央奖励村',
  new_pilot: '新启动试点村',
  reward_expand: '奖励扩大规模试点村',
};

/** The standard amount a village receives: 15万元 [default]. */
export const STANDARD_VILLAGE_AMOUNT_FEN: Fen = fen(15_000_000);

/** Cumulative fiscal input a rewarded village may reach: 50万元 [rule, "in principle"]. */
export const REWARD_CUMULATIVE_CAP_FEN: Fen = fen(50_000_000);

/** What one source puts into the year's plan. */
export interface PlanBudgetLine {
  readonly source: PlanSource;
  readonly amountFen: Fen;
}

/**
 * One allocation line: either a county-level line (`villageCode` null, `villageCount` villages
 * still to be chosen) or one named village (`villageCode` set, `villageCount` 1).
 */
export interface PlanAllocation {
  /** 12-digit 统计用区划代码 of the 区县. */
  readonly countyCode: string;
  /** 12-digit code of the 行政村, or null for a county-level line. */
  readonly villageCode: string | null;
  readonly category: PlanCategory;
  readonly source: PlanSource;
  readonly villageCount: number;
  /** The line's money; absent means the plan's standard amount × `villageCount`. */
  readonly amountFen?: Fen;
  /** Printed in the plan table's 备注 column of the county. */
  readonly remark?: string;
}

/** A city's yearly plan (年度计划) of village mutual-aid fund pilots, as the notice issues it. */
export interface YearlyPlan {
  readonly year: number;
  /** 下达单位, e.g. 重庆市扶贫开发办公室 重庆市财政局. */
  readonly issuingOffice: string;
  /** 文号, e.g. 渝扶办发〔2012〕93号. */
  readonly documentNumber: string;
  readonly issuedOn: IsoDate;
  readonly budget: readonly PlanBudgetLine[];
  /** Amount a village gets when a line names none (default `STANDARD_VILLAGE_AMOUNT_FEN`). */
  readonly standardAmountFen: Fen;
  readonly allocations: readonly PlanAllocation[];
}

/**
 * The money of a line: its own amount, or the standard amount × its village count. Null when
 * the line's figures are not whole numbers (validation reports it; totals count it as 0).
 */
export function allocationAmountFen(plan: YearlyPlan, line: PlanAllocation): Fen | null {
  const amount = line.amountFen ?? plan.standardAmountFen * line.villageCount;
  return Number.isSafeInteger(amount) ? fen(amount) : null;
}
