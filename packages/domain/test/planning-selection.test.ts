import { describe, expect, it } from 'vitest';
import { isoDate } from '../src/calendar/iso-date.js';
import { fen } from '../src/money/fen.js';
import {
  checkRewardEligibility,
  NEW_PILOT_CRITERIA,
  rankNewPilotCandidates,
  rankRewardCandidates,
  type NewPilotCandidate,
  type NewPilotCriterion,
  type RewardCandidate,
  type RewardFacts,
} from '../src/planning/index.js';
import { ratio } from '../src/reports/report-model.js';

const WAN = 1_000_000;
const d = isoDate;

describe('rankNewPilotCandidates', () => {
  function candidate(
    code: string,
    villageName: string,
    competitiveScore: number,
    options: { tourism?: boolean; missing?: NewPilotCriterion[] } = {},
  ): NewPilotCandidate {
    const criteria = Object.fromEntries(
      NEW_PILOT_CRITERIA.map((c) => [
        c,
        c === 'rural_tourism_pilot' ? options.tourism === true : !options.missing?.includes(c),
      ]),
    ) as Record<NewPilotCriterion, boolean>;
    return {
      villageCode: code,
      villageName,
      countyCode: '500229000000',
      criteria,
      competitiveScore,
    };
  }
  const list = [
    candidate('v1', '安村', 84),
    candidate('v2', '白村', 80, { tourism: true }), // 80 + 5 = 85
    candidate('v3', '陈村', 85),
    candidate('v4', '丁村', 99, { missing: ['strong_demand'] }),
    candidate('v5', '鄂村', 84),
  ];

  it('puts qualified villages first, then score with the tourism bonus, tourism breaking ties', () => {
    const ranked = rankNewPilotCandidates(list);
    if (!ranked.ok) throw new Error(ranked.code);
    expect(
      ranked.value.map((r) => [r.candidate.villageCode, r.position, r.rankingScoreTenths]),
    ).toEqual([
      ['v2', 1, 850], // ties v3 at 85 and goes first: the tourism priority
      ['v3', 2, 850],
      ['v1', 3, 840], // equal to v5: by name
      ['v5', 4, 840],
      ['v4', 5, 990], // the best score, but a mandatory criterion is missing
    ]);
    expect(ranked.value[4]).toMatchObject({ qualified: false, missingCriteria: ['strong_demand'] });
  });

  it('with no bonus, tourism only breaks ties', () => {
    const ranked = rankNewPilotCandidates(list, { tourismBonusPoints: 0 });
    if (!ranked.ok) throw new Error(ranked.code);
    expect(ranked.value.map((r) => r.candidate.villageCode)).toEqual([
      'v3',
      'v1',
      'v5',
      'v2',
      'v4',
    ]);
  });

  it('refuses a score outside 0–100 or with two decimals', () => {
    expect(rankNewPilotCandidates([candidate('x', 'x', 100.5)])).toMatchObject({
      ok: false,
      code: 'selection_score_invalid',
      details: { villageCode: 'x', competitiveScore: 100.5 },
    });
    expect(rankNewPilotCandidates([candidate('x', 'x', 80.25)]).ok).toBe(false);
    expect(rankNewPilotCandidates([candidate('x', 'x', 80.5)]).ok).toBe(true);
  });
});

describe('checkRewardEligibility', () => {
  const reference = d('2012-08-02');
  const reward = fen(15 * WAN);
  const passing: RewardFacts = {
    villageCode: '500229100001',
    registrationNo: '城民社证字第001号',
    registeredOn: d('2011-03-01'),
    firstDisbursedOn: d('2011-08-02'), // the same day one year before: a full year
    overdueBalanceFen: fen(0),
    writtenOffFen: fen(0),
    cumulativeFiscalInputFen: fen(35 * WAN), // 35 + 15 = 50万: exactly the cap
  };
  const failed = (facts: RewardFacts) => {
    const result = checkRewardEligibility(facts, reference, reward);
    expect(result.eligible).toBe(false);
    const failures = result.criteria.filter((c) => !c.met);
    expect(failures).toHaveLength(1);
    const [only] = failures;
    if (only === undefined) throw new Error('no failed criterion');
    return only;
  };

  it('accepts a fund meeting every condition, each explained', () => {
    const result = checkRewardEligibility(passing, reference, reward);
    expect(result.eligible).toBe(true);
    expect(result.criteria.map((c) => [c.code, c.met, c.figure])).toEqual([
      ['registered', true, '2011-03-01'],
      ['lending_one_year', true, '2011-08-02'],
      ['no_overdue', true, 0],
      ['no_loss', true, 0],
      ['cumulative_cap', true, 50 * WAN],
    ]);
    expect(result.criteria[1]?.message).toBe(
      '首笔借款发放于2011年8月2日，至参照日2012年8月2日共366天，借款运行已满一年',
    );
  });

  it('refuses an unregistered fund', () => {
    expect(failed({ ...passing, registrationNo: ' ' })).toMatchObject({
      code: 'registered',
      figure: '2011-03-01',
      message: '未在民政部门正式登记注册（无登记证号或登记日期）',
    });
    expect(failed({ ...passing, registeredOn: d('2012-08-03') }).message).toBe(
      '登记日期2012年8月3日晚于参照日2012年8月2日',
    );
  });

  it('refuses a fund lending for less than a year, a day short', () => {
    expect(failed({ ...passing, firstDisbursedOn: d('2011-08-03') })).toEqual({
      code: 'lending_one_year',
      met: false,
      unit: 'date',
      figure: '2011-08-03',
      message:
        '首笔借款发放于2011年8月3日，至参照日2012年8月2日共365天，不满一年（首笔借款须不晚于2011年8月2日）',
    });
    expect(failed({ ...passing, firstDisbursedOn: null }).message).toBe(
      '尚未发放借款，借款运行不满一年',
    );
  });

  it('refuses a fund with any overdue balance', () => {
    expect(failed({ ...passing, overdueBalanceFen: fen(1) })).toEqual({
      code: 'no_overdue',
      met: false,
      unit: 'fen',
      figure: 1,
      message: '有逾期借款，逾期余额0.01元',
    });
  });

  it('refuses a fund with a loss', () => {
    expect(failed({ ...passing, writtenOffFen: fen(50_000) })).toEqual({
      code: 'no_loss',
      met: false,
      unit: 'fen',
      figure: 50_000,
      message: '有损失，累计核销借款500.00元',
    });
  });

  it('refuses a fund whose cumulative fiscal input would pass 50万', () => {
    expect(failed({ ...passing, cumulativeFiscalInputFen: fen(36 * WAN) })).toEqual({
      code: 'cumulative_cap',
      met: false,
      unit: 'fen',
      figure: 51 * WAN,
      message:
        '累计财政投入360,000.00元 + 本次奖励150,000.00元 = 510,000.00元，超过500,000.00元上限10,000.00元',
    });
  });

  it('counts a year from 29 February to 28 February', () => {
    const leap = checkRewardEligibility(
      { ...passing, registeredOn: d('2010-01-01'), firstDisbursedOn: d('2011-02-28') },
      d('2012-02-29'),
      reward,
    );
    expect(leap.eligible).toBe(true);
  });
});

describe('rankRewardCandidates', () => {
  const candidate = (
    villageCode: string,
    fundWan: number,
    members: number,
    demandWan: number,
    turnover: [number, number],
    recovery: [number, number],
  ): RewardCandidate => ({
    villageCode,
    villageName: villageCode,
    fundTotalFen: fen(fundWan * WAN),
    members,
    pendingApplicationsFen: fen(demandWan * WAN),
    turnover: ratio(...turnover),
    recoveryRate: ratio(...recovery),
  });
  const a = candidate('a', 100, 120, 20, [120, 100], [99, 100]);
  const b = candidate('b', 80, 150, 30, [150, 100], [95, 100]);
  const c = candidate('c', 120, 100, 10, [0, 0], [100, 100]); // turnover not applicable: last

  it('orders by the rank sum over scale, members, demand, turnover and recovery', () => {
    const ranked = rankRewardCandidates([a, b, c]);
    expect(ranked.map((r) => [r.candidate.villageCode, r.position, r.rankSum])).toEqual([
      ['b', 1, 9], // 3 + 1 + 1 + 1 + 3
      ['a', 2, 10], // 2 + 2 + 2 + 2 + 2
      ['c', 3, 11], // 1 + 3 + 3 + 3 + 1
    ]);
    expect(ranked[2]?.measureRanks).toEqual({
      scale: 1,
      members: 3,
      demand: 3,
      turnover: 3,
      recovery: 1,
    });
  });

  it('weights change the order', () => {
    const ranked = rankRewardCandidates([a, b, c], { scale: 3 });
    expect(ranked.map((r) => [r.candidate.villageCode, r.rankSum])).toEqual([
      ['c', 13],
      ['a', 14],
      ['b', 15],
    ]);
  });

  it('equal figures share a rank; ties go to the larger fund, then by code', () => {
    const twin = { ...a, villageCode: 'a2' };
    const ranked = rankRewardCandidates([twin, a]);
    expect(ranked.map((r) => [r.candidate.villageCode, r.rankSum])).toEqual([
      ['a', 5],
      ['a2', 5],
    ]);
  });
});
