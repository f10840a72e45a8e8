import { describe, expect, it } from 'vitest';
import { isoDate } from '../src/calendar/iso-date.js';
import { parsePeriod } from '../src/calendar/period.js';
import {
  DEFAULT_EVALUATION_SCHEME,
  gradeOf,
  proposeOutcome,
  rankFunds,
  scoreFund,
  validateScheme,
  type EvaluationScheme,
  type ManualScores,
  type OutcomeInput,
} from '../src/evaluation/index.js';
import {
  COUNT_INDICATOR_CODES,
  MONEY_INDICATOR_CODES,
  RATIO_INDICATOR_CODES,
  type FundIndicators,
  type IndicatorValues,
  type RatioIndicatorCode,
} from '../src/indicators/index.js';
import { fen } from '../src/money/fen.js';
import { ratio, type Ratio } from '../src/reports/report-model.js';

const year = (() => {
  const parsed = parsePeriod('2025');
  if (!parsed.ok) throw new Error('period');
  return parsed.value;
})();

/** Indicators with every ratio not applicable unless given. */
function indicators(ratios: Partial<Record<RatioIndicatorCode, Ratio>>): FundIndicators {
  const values = {
    ...Object.fromEntries(COUNT_INDICATOR_CODES.map((c) => [c, 0])),
    ...Object.fromEntries(MONEY_INDICATOR_CODES.map((c) => [c, fen(0)])),
    ...Object.fromEntries(RATIO_INDICATOR_CODES.map((c) => [c, ratios[c] ?? ratio(0, 0)])),
  } as IndicatorValues;
  return { period: year, asOf: isoDate('2025-12-31'), values };
}

const m = (points: number, evidence = '检查记录第1页'): { points: number; evidence: string } => ({
  points,
  evidence,
});

/** A fund worked out by hand under the default scheme: 76.8 points. */
const HAND_FUND = indicators({
  membership_rate: ratio(55, 100), // [40, 60) → 75% of 4 = 3.0
  poor_membership_rate: ratio(30, 40), // 75% → [60, 80) → 75% of 6 = 4.5
  disbursed_poor_share: ratio(45, 100), // [40, 50) → 75% of 6 = 4.5
  utilization_rate: ratio(96, 100), // ≥ 95: too high → 60% of 8 = 4.8
  turnover: ratio(85, 100), // 0.85 times → [80, 100) → 80% of 6 = 4.8
  borrower_coverage: ratio(1, 3), // 33.3% → [30, 50) → 70% of 6 = 4.2
  // on_time_rate 0 ÷ 0: no loans due → stated rule, full 6.0
  recovery_rate: ratio(97, 100), // [95, 98) → 80% of 5 = 4.0
  overdue_rate: ratio(2, 100), // exactly 2% → [2, 5) → 60% of 5 = 3.0
  par30: ratio(1, 300), // 0.33% → [0, 1) → 5.0
  loss_rate: ratio(1, 1000), // 0.1%: not exactly 0 → [0, 1) → 50% of 4 = 2.0
  cost_coverage: ratio(9, 10), // 90% → [80, 100) → 60% of 5 = 3.0
});
const HAND_MANUAL: ManualScores = {
  bylaws_sound: m(3.5),
  assembly_held: m(4),
  boards_functioning: m(3),
  registered: m(3), // 组织建设 13.5
  poor_first: m(2.5), // 扶贫瞄准 3.0 + 4.5 + 4.5 + 2.5 = 14.5
  books_timely: m(3.5),
  dedicated_account: m(4),
  public_disclosure: m(2),
  archives_complete: m(2.5), // 财务管理 12.0
};

/** One dimension of 100 points with one manual item, to reach any total. */
const ONE_ITEM: EvaluationScheme = {
  code: 'one',
  name: 'one',
  grades: { excellent: 90, good: 80, pass: 60 },
  dimensions: [
    {
      code: 'all',
      name: '全部',
      weight: 100,
      items: [{ kind: 'manual', code: 'all', name: '全部', maxPoints: 100, guidance: '' }],
    },
  ],
};

describe('validateScheme', () => {
  it('accepts the default scheme: 15 + 20 + 20 + 25 + 15 + 5', () => {
    expect(validateScheme(DEFAULT_EVALUATION_SCHEME)).toEqual([]);
    expect(DEFAULT_EVALUATION_SCHEME.dimensions.map((d) => [d.name, d.weight])).toEqual([
      ['组织建设', 15],
      ['扶贫瞄准', 20],
      ['资金运行', 20],
      ['风险控制', 25],
      ['财务管理', 15],
      ['效益', 5],
    ]);
  });

  it('lists weights not summing to 100, and items not summing to their weight', () => {
    const [first, ...rest] = DEFAULT_EVALUATION_SCHEME.dimensions;
    if (first === undefined) throw new Error('no dimension');
    const bad = { ...DEFAULT_EVALUATION_SCHEME, dimensions: [{ ...first, weight: 20 }, ...rest] };
    expect(validateScheme(bad)).toEqual([
      {
        ok: false,
        code: 'evaluation_weights_not_100',
        details: {
          total: 105,
          weights: bad.dimensions.map((d) => ({ dimension: d.code, weight: d.weight })),
        },
      },
      {
        ok: false,
        code: 'evaluation_items_not_weight',
        details: { dimension: 'organisation', weight: 20, itemsTotal: 15 },
      },
    ]);
  });

  it('refuses bands out of order, with gaps, out of range, or never giving full points', () => {
    const withBands = (bands: EvaluationScheme['dimensions'][number]['items'][number]): string[] =>
      validateScheme({
        ...ONE_ITEM,
        dimensions: [{ code: 'all', name: '全部', weight: 100, items: [bands] }],
      }).map((p) => `${p.code}:${String(p.details.reason)}`);
    const item = (
      bands: { fromPercent: number | null; toPercent: number | null; awardPercent: number }[],
    ) =>
      ({
        kind: 'automatic',
        code: 'x',
        name: 'x',
        maxPoints: 100,
        indicator: 'on_time_rate',
        bands,
        notApplicableAwardPercent: 100,
        notApplicableReason: '',
      }) as const;
    expect(
      withBands(
        item([
          { fromPercent: null, toPercent: 90, awardPercent: 0 },
          { fromPercent: 90, toPercent: null, awardPercent: 100 },
        ]),
      ),
    ).toEqual([]);
    const cases: [Parameters<typeof item>[0], string][] = [
      [[{ fromPercent: 90, toPercent: null, awardPercent: 100 }], 'first_band_not_from_zero'],
      [
        [
          { fromPercent: null, toPercent: 80, awardPercent: 0 },
          { fromPercent: 90, toPercent: null, awardPercent: 100 },
        ],
        'bands_not_contiguous',
      ],
      [
        [
          { fromPercent: null, toPercent: 90, awardPercent: 100 },
          { fromPercent: 90, toPercent: 80, awardPercent: 0 },
        ],
        'bound_reversed',
      ],
      [[{ fromPercent: null, toPercent: null, awardPercent: 120 }], 'award_not_whole_percent'],
      [[{ fromPercent: null, toPercent: null, awardPercent: 50 }], 'no_full_band'],
      [[{ fromPercent: null, toPercent: 90, awardPercent: 100 }], 'last_band_not_open'],
      [
        [
          { fromPercent: null, toPercent: 90.001, awardPercent: 100 },
          { fromPercent: 90.001, toPercent: null, awardPercent: 100 },
        ],
        'bound_not_two_decimals',
      ],
      [[], 'no_bands'],
    ];
    for (const [bands, reason] of cases) {
      expect(withBands(item(bands)), reason).toEqual([`evaluation_band_invalid:${reason}`]);
    }
  });

  it('refuses duplicate item codes, a non-ratio indicator and disordered grades', () => {
    const scheme = {
      ...ONE_ITEM,
      grades: { excellent: 80, good: 80, pass: 60 },
      dimensions: [
        {
          code: 'all',
          name: '全部',
          weight: 100,
          items: [
            { kind: 'manual', code: 'a', name: 'a', maxPoints: 50, guidance: '' },
            { kind: 'manual', code: 'a', name: 'a', maxPoints: 25, guidance: '' },
            {
              kind: 'automatic',
              code: 'b',
              name: 'b',
              maxPoints: 25,
              indicator: 'members' as RatioIndicatorCode,
              bands: [{ fromPercent: null, toPercent: null, awardPercent: 100 }],
              notApplicableAwardPercent: 0,
              notApplicableReason: '',
            },
          ],
        },
      ],
    } satisfies EvaluationScheme;
    expect(validateScheme(scheme).map((p) => p.code)).toEqual([
      'evaluation_indicator_unknown',
      'evaluation_code_twice',
      'evaluation_grades_invalid',
    ]);
  });
});

describe('scoreFund', () => {
  it('scores a hand-computed fund to the tenth of a point', () => {
    const result = scoreFund(DEFAULT_EVALUATION_SCHEME, HAND_FUND, HAND_MANUAL);
    expect(result.problems).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.dimensions.map((d) => [d.code, d.pointsTenths])).toEqual([
      ['organisation', 135],
      ['targeting', 145],
      ['operation', 138], // 4.8 + 4.8 + 4.2
      ['risk', 200], // 6.0 + 4.0 + 3.0 + 5.0 + 2.0
      ['finance', 120],
      ['benefit', 30],
    ]);
    expect(result.totalTenths).toBe(768);
    expect(result.grade).toBe('pass');
    const onTime = result.dimensions[3]?.items[0];
    expect(onTime).toMatchObject({
      kind: 'automatic',
      indicator: 'on_time_rate',
      notApplicable: true,
      bandIndex: null,
      pointsTenths: 60,
    });
  });

  it('gives full loss points only for a loss rate of exactly 0', () => {
    const loss = (value: Ratio) =>
      scoreFund(DEFAULT_EVALUATION_SCHEME, indicators({ loss_rate: value }), HAND_MANUAL)
        .dimensions[3]?.items[4]?.pointsTenths;
    expect(loss(ratio(0, 1000))).toBe(40);
    expect(loss(ratio(1, 1_000_000))).toBe(20);
    expect(loss(ratio(1, 100))).toBe(0);
  });

  it('loses utilization points when too low and when too high', () => {
    const utilization = (percent: number) =>
      scoreFund(
        DEFAULT_EVALUATION_SCHEME,
        indicators({ utilization_rate: ratio(percent, 100) }),
        HAND_MANUAL,
      ).dimensions[2]?.items[0]?.pointsTenths;
    expect([20, 40, 55, 60, 94, 95, 100].map(utilization)).toEqual([0, 40, 64, 80, 80, 48, 48]);
  });

  it('rounds a share half up to the tenth of a point', () => {
    const scheme: EvaluationScheme = {
      ...ONE_ITEM,
      dimensions: [
        {
          code: 'all',
          name: '全部',
          weight: 100,
          items: [
            { kind: 'manual', code: 'rest', name: '其余', maxPoints: 97, guidance: '' },
            {
              kind: 'automatic',
              code: 'on_time',
              name: '按期还款率',
              maxPoints: 3,
              indicator: 'on_time_rate',
              bands: [
                { fromPercent: null, toPercent: 90, awardPercent: 75 },
                { fromPercent: 90, toPercent: null, awardPercent: 100 },
              ],
              notApplicableAwardPercent: 0,
              notApplicableReason: '',
            },
          ],
        },
      ],
    };
    const result = scoreFund(scheme, indicators({ on_time_rate: ratio(1, 2) }), { rest: m(90) });
    expect(result.dimensions[0]?.items[1]?.pointsTenths).toBe(23); // 3 × 75% = 2.25 → 2.3
    expect(result.totalTenths).toBe(923);
  });

  it('reports manual scores out of band, missing, unknown or without evidence', () => {
    const result = scoreFund(DEFAULT_EVALUATION_SCHEME, HAND_FUND, {
      ...HAND_MANUAL,
      bylaws_sound: m(4.5), // max 4
      assembly_held: m(2.25), // two decimals
      poor_first: m(2, '  '),
      archives_complete: undefined,
      on_time_rate: m(1), // an automatic item
    });
    expect(result.problems.map((p) => [p.code, p.details.item])).toEqual([
      ['manual_score_out_of_band', 'bylaws_sound'],
      ['manual_score_out_of_band', 'assembly_held'],
      ['manual_evidence_missing', 'poor_first'],
      ['manual_score_missing', 'archives_complete'],
      ['manual_score_unknown_item', 'on_time_rate'],
    ]);
    expect(result.problems[0]?.details).toEqual({
      item: 'bylaws_sound',
      points: 4.5,
      min: 0,
      max: 4,
    });
    expect(result.complete).toBe(false);
    // Out-of-band and missing entries score 0; a score without evidence keeps its points.
    expect(result.totalTenths).toBe(768 - 35 - 40 - 5 - 25);
  });
});

describe('grades', () => {
  it('draws the lines at 90.0 and 60.0', () => {
    expect(gradeOf(899)).toBe('good');
    expect(gradeOf(900)).toBe('excellent');
    expect(gradeOf(800)).toBe('good');
    expect(gradeOf(799)).toBe('pass');
    expect(gradeOf(600)).toBe('pass');
    expect(gradeOf(599)).toBe('fail');
  });

  it('grades a scored fund at 89.9 / 90.0 and 59.9 / 60.0', () => {
    const grade = (points: number) => scoreFund(ONE_ITEM, indicators({}), { all: m(points) }).grade;
    expect([89.9, 90, 59.9, 60].map(grade)).toEqual(['good', 'excellent', 'fail', 'pass']);
  });
});

describe('proposeOutcome', () => {
  const base: OutcomeInput = {
    grade: 'good',
    evaluatedOn: isoDate('2025-12-20'),
    eligibleForReward: true,
    previousOutcome: null,
    misappropriationOrLoss: false,
  };

  it('proposes a reward candidate for 优秀/良好 and eligible, nothing otherwise', () => {
    expect(proposeOutcome(base)).toEqual({
      outcome: 'reward_candidate',
      reason: 'good_and_eligible',
    });
    expect(proposeOutcome({ ...base, grade: 'excellent' }).outcome).toBe('reward_candidate');
    expect(proposeOutcome({ ...base, eligibleForReward: false })).toEqual({
      outcome: 'none',
      reason: 'good_not_eligible',
    });
    expect(proposeOutcome({ ...base, grade: 'pass' })).toEqual({ outcome: 'none', reason: 'pass' });
  });

  it('asks a 不合格 fund to rectify within 90 days (or as configured)', () => {
    expect(proposeOutcome({ ...base, grade: 'fail' })).toEqual({
      outcome: 'rectify',
      deadline: '2026-03-20',
      reason: 'failed',
    });
    expect(proposeOutcome({ ...base, grade: 'fail', rectifyDays: 30 })).toMatchObject({
      deadline: '2026-01-19',
    });
  });

  it('exits a fund still 不合格 after rectification, or with misappropriation or loss', () => {
    expect(proposeOutcome({ ...base, grade: 'fail', previousOutcome: 'rectify' })).toEqual({
      outcome: 'exit',
      reason: 'failed_after_rectification',
    });
    expect(proposeOutcome({ ...base, grade: 'excellent', misappropriationOrLoss: true })).toEqual({
      outcome: 'exit',
      reason: 'misappropriation_or_loss',
    });
    // Passing after a rectification ends it.
    expect(proposeOutcome({ ...base, grade: 'pass', previousOutcome: 'rectify' }).outcome).toBe(
      'none',
    );
  });
});

describe('rankFunds', () => {
  it('ranks within the county and the city; equal totals share a rank', () => {
    const ranked = rankFunds([
      { fundId: 'a', countyCode: 'c1', totalTenths: 850 },
      { fundId: 'b', countyCode: 'c2', totalTenths: 920 },
      { fundId: 'c', countyCode: 'c1', totalTenths: 850 },
      { fundId: 'd', countyCode: 'c1', totalTenths: 700 },
      { fundId: 'e', countyCode: 'c2', totalTenths: 599 },
    ]);
    expect(ranked.map((r) => [r.fundId, r.cityRank, r.countyRank])).toEqual([
      ['b', 1, 1],
      ['a', 2, 1],
      ['c', 2, 1],
      ['d', 4, 3],
      ['e', 5, 2],
    ]);
  });
});
