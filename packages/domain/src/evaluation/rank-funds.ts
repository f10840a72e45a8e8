/** A fund's evaluated total, for ranking. */
export interface RankableFund {
  readonly fundId: string;
  readonly countyCode: string;
  /** The total in tenths of a point (`EvaluationResult.totalTenths`). */
  readonly totalTenths: number;
}

/** A fund's rank within its county and within the city. */
export interface FundRank extends RankableFund {
  readonly countyRank: number;
  readonly cityRank: number;
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Highest total first, then fund id: a deterministic order. */
function byTotal(a: RankableFund, b: RankableFund): number {
  return b.totalTenths - a.totalTenths || compareText(a.fundId, b.fundId);
}

/** Competition ranks (1, 1, 3…) of funds sorted by `byTotal`, keyed by fund id. */
function competitionRanks(sorted: readonly RankableFund[]): Map<string, number> {
  const ranks = new Map<string, number>();
  let previous: { total: number; rank: number } | null = null;
  for (const [index, fund] of sorted.entries()) {
    const rank: number =
      previous !== null && previous.total === fund.totalTenths ? previous.rank : index + 1;
    ranks.set(fund.fundId, rank);
    previous = { total: fund.totalTenths, rank };
  }
  return ranks;
}

/**
 * Ranks evaluated funds within their county and within the city, highest total first; equal
 * totals share a rank and the next rank skips (1, 1, 3). Listed by city rank, then fund id.
 * Fund ids must be unique.
 */
export function rankFunds(results: readonly RankableFund[]): readonly FundRank[] {
  const sorted = [...results].sort(byTotal);
  const cityRanks = competitionRanks(sorted);
  const countyRanks = new Map<string, number>();
  const counties = new Set(sorted.map((f) => f.countyCode));
  for (const county of counties) {
    for (const [id, rank] of competitionRanks(sorted.filter((f) => f.countyCode === county))) {
      countyRanks.set(id, rank);
    }
  }
  return sorted.map((fund) => ({
    ...fund,
    countyRank: countyRanks.get(fund.fundId) ?? 0,
    cityRank: cityRanks.get(fund.fundId) ?? 0,
  }));
}
