import { isoDate } from '../calendar/iso-date.js';
import { fen } from '../money/fen.js';
import {
  STANDARD_VILLAGE_AMOUNT_FEN,
  type PlanAllocation,
  type PlanCategory,
  type PlanSource,
  type YearlyPlan,
} from './yearly-plan.js';

/**
 * Names of the counties of the 2012 example, by 12-digit code. Codes are today's: 开州区
 * (500154) was 开县 (500234) in 2012 — the region tree uses current codes.
 */
export const PLAN_2012_COUNTY_NAMES: ReadonlyMap<string, string> = new Map([
  ['500229000000', '城口县'],
  ['500238000000', '巫溪县'],
  ['500236000000', '奉节县'],
  ['500235000000', '云阳县'],
  ['500237000000', '巫山县'],
  ['500243000000', '彭水苗族土家族自治县'],
  ['500242000000', '酉阳土家族苗族自治县'],
  ['500241000000', '秀山土家族苗族自治县'],
  ['500240000000', '石柱土家族自治县'],
  ['500230000000', '丰都县'],
  ['500154000000', '开州区'],
  ['500114000000', '黔江区'],
]);

/**
 * Per county: [code, new pilot villages, reward-and-expand villages, central reward villages,
 * central reward money in 元]. ILLUSTRATIVE: the notice's attachment 1 (the per-county table)
 * is not in the seed, so this split is invented; only the totals are the notice's — 160 new
 * pilots and 100 reward-and-expand villages from city funds at 15万 each, 14 central reward
 * villages sharing 200万 (which is not 14 × 15万 = 210万, so those lines carry their amount).
 */
const COUNTY_SPLIT: readonly (readonly [string, number, number, number, number])[] = [
  ['500229000000', 14, 8, 2, 300_000],
  ['500238000000', 14, 8, 2, 300_000],
  ['500236000000', 16, 10, 2, 300_000],
  ['500235000000', 16, 10, 2, 300_000],
  ['500237000000', 14, 8, 2, 300_000],
  ['500243000000', 14, 9, 2, 250_000],
  ['500242000000', 16, 10, 2, 250_000],
  ['500241000000', 12, 8, 0, 0],
  ['500240000000', 12, 7, 0, 0],
  ['500230000000', 12, 7, 0, 0],
  ['500154000000', 12, 9, 0, 0],
  ['500114000000', 8, 6, 0, 0],
];

function countyLine(
  countyCode: string,
  category: PlanCategory,
  source: PlanSource,
  villageCount: number,
): PlanAllocation {
  return { countyCode, villageCode: null, category, source, villageCount };
}

/**
 * The founding notice's 2012 plan (渝扶办发〔2012〕93号) as data, for tests and the demo:
 * 4200万元 of fiscal money — 中央奖励资金 200万 to 14 villages, 市级资金 4000万 to 160 new pilot
 * and 100 reward-and-expand villages at 15万 each (3900万), leaving 100万 of city money
 * unallocated, which the plan's reconciliation shows.
 */
export function plan2012Example(): YearlyPlan {
  const allocations: PlanAllocation[] = [];
  for (const [code, newPilots, rewardExpand, centralVillages, centralYuan] of COUNTY_SPLIT) {
    if (centralVillages > 0) {
      allocations.push({
        ...countyLine(code, 'central_reward', 'central_reward', centralVillages),
        amountFen: fen(centralYuan * 100),
      });
    }
    allocations.push(countyLine(code, 'new_pilot', 'city', newPilots));
    allocations.push(countyLine(code, 'reward_expand', 'city', rewardExpand));
  }
  return {
    year: 2012,
    issuingOffice: '重庆市扶贫开发办公室　重庆市财政局',
    documentNumber: '渝扶办发〔2012〕93号',
    issuedOn: isoDate('2012-08-02'),
    budget: [
      { source: 'central_reward', amountFen: fen(200_000_000) },
      { source: 'city', amountFen: fen(4_000_000_000) },
    ],
    standardAmountFen: STANDARD_VILLAGE_AMOUNT_FEN,
    allocations,
  };
}
