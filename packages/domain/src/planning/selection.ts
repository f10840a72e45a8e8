import { fail, ok, type Result } from '../result.js';
import { compareText } from './compare-text.js';

/** The notice's criteria for a new pilot village (DOMAIN §11), checked by the county. */
export const NEW_PILOT_CRITERIA = [
  'in_poverty_exit_plan',
  'has_resources_and_industry',
  'strong_demand',
  'rural_tourism_pilot',
  'good_leadership',
  'honest_customs_self_managed',
] as const;

/** One criterion of the new-pilot checklist. */
export type NewPilotCriterion = (typeof NEW_PILOT_CRITERIA)[number];

/** The Chinese wording of each criterion, and whether a village must meet it. */
export const NEW_PILOT_CRITERION_DEFINITIONS: Readonly<
  Record<NewPilotCriterion, { readonly name: string; readonly mandatory: boolean }>
> = {
  in_poverty_exit_plan: { name: '纳入整村脱贫规划', mandatory: true },
  has_resources_and_industry: { name: '有资源优势和产业带动', mandatory: true },
  strong_demand: { name: '资金需求旺盛', mandatory: true },
  rural_tourism_pilot: { name: '当年开展乡村旅游扶贫试点（优先）', mandatory: false },
  good_leadership: { name: '村级班子好、农民发展愿望强', mandatory: true },
  honest_customs_self_managed: { name: '村风民风淳朴、具备自我管理能力', mandatory: true },
};

/** A village applying to become a new pilot, as the county enters it. */
export interface NewPilotCandidate {
  readonly villageCode: string;
  readonly villageName: string;
  readonly countyCode: string;
  readonly criteria: Readonly<Record<NewPilotCriterion, boolean>>;
  /** The competitive score (竞争入围) the county gave, 0–100, at most one decimal. */
  readonly competitiveScore: number;
}

/** A candidate's place in the ranking and what it was ranked on. */
export interface RankedNewPilotCandidate {
  readonly candidate: NewPilotCandidate;
  /** 1, 2, 3… in ranking order; every candidate has one. */
  readonly position: number;
  /** Every mandatory criterion met: only these can be selected. */
  readonly qualified: boolean;
  readonly missingCriteria: readonly NewPilotCriterion[];
  /** competitiveScore + the tourism bonus when it applies, in tenths of a point. */
  readonly rankingScoreTenths: number;
}

/** Ranking options. */
export interface NewPilotRankingOptions {
  /** Points added to a rural-tourism pilot's score for ranking only (default 5). */
  readonly tourismBonusPoints?: number;
}

/** Default bonus of a rural-tourism pilot village. */
export const DEFAULT_TOURISM_BONUS_POINTS = 5;

/** A score in tenths of a point, or null when not 0–100 with at most one decimal. */
function scoreTenths(score: number): number | null {
  const tenths = Math.round(score * 10);
  if (!Number.isFinite(score) || Math.abs(score * 10 - tenths) > 1e-6) return null;
  return tenths >= 0 && tenths <= 1000 ? tenths : null;
}

/**
 * Ranks new-pilot candidates (竞争入围). Order: (1) villages meeting every mandatory criterion
 * before the rest; (2) ranking score descending, where the ranking score is the county's
 * competitive score plus `tourismBonusPoints` (default 5) for a rural-tourism pilot — the
 * notice's "priority" as a bonus, so a tourism village at 80 draws level with others at 85;
 * (3) at an equal ranking score, the rural-tourism pilot first (the priority breaks ties);
 * (4) then the higher raw competitive score; (5) then village name (zh-CN collation), then code.
 * A score outside 0–100 or with more than one decimal is `selection_score_invalid`.
 */
export function rankNewPilotCandidates(
  candidates: readonly NewPilotCandidate[],
  options: NewPilotRankingOptions = {},
): Result<readonly RankedNewPilotCandidate[], 'selection_score_invalid'> {
  const bonusTenths = scoreTenths(options.tourismBonusPoints ?? DEFAULT_TOURISM_BONUS_POINTS);
  if (bonusTenths === null) {
    return fail('selection_score_invalid', { tourismBonusPoints: options.tourismBonusPoints });
  }
  const entries = [];
  for (const candidate of candidates) {
    const tenths = scoreTenths(candidate.competitiveScore);
    if (tenths === null) {
      return fail('selection_score_invalid', {
        villageCode: candidate.villageCode,
        competitiveScore: candidate.competitiveScore,
      });
    }
    const missingCriteria = NEW_PILOT_CRITERIA.filter(
      (c) => NEW_PILOT_CRITERION_DEFINITIONS[c].mandatory && !candidate.criteria[c],
    );
    const tourism = candidate.criteria.rural_tourism_pilot;
    entries.push({
      candidate,
      tenths,
      tourism,
      qualified: missingCriteria.length === 0,
      missingCriteria,
      rankingScoreTenths: tenths + (tourism ? bonusTenths : 0),
    });
  }
  entries.sort(
    (a, b) =>
      Number(b.qualified) - Number(a.qualified) ||
      b.rankingScoreTenths - a.rankingScoreTenths ||
      Number(b.tourism) - Number(a.tourism) ||
      b.tenths - a.tenths ||
      a.candidate.villageName.localeCompare(b.candidate.villageName, 'zh-CN') ||
      compareText(a.candidate.villageCode, b.candidate.villageCode),
  );
  return ok(
    entries.map((e, index) => ({
      candidate: e.candidate,
      position: index + 1,
      qualified: e.qualified,
      missingCriteria: e.missingCriteria,
      rankingScoreTenths: e.rankingScoreTenths,
    })),
  );
}
