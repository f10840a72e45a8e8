import type { Kysely, Transaction } from 'kysely';
import type { CandidateView } from '@huzhu/contract';
import {
  checkRewardEligibility,
  NEW_PILOT_CRITERIA,
  rankNewPilotCandidates,
  rankRewardCandidates,
  REWARD_CRITERION_NAMES,
  REWARD_CUMULATIVE_CAP_FEN,
  type IsoDate,
  type NewPilotCriterion,
  type RewardCandidate,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { findRegionInScope } from '../../db/repositories/regions.js';
import { requirePermission, type Actor } from '../actor.js';
import { recordAudit } from '../audit.js';
import { AppError, notFound } from '../errors.js';
import { businessDate, unwrap } from '../books/context.js';
import { standardAmountForYear } from './plan-context.js';
import { fundFactsAsOf } from './selection-figures.js';

type Db = Kysely<Database> | Transaction<Database>;
type Eligibility = NonNullable<CandidateView['eligibility']>;

/** A county's candidate as submitted (the API body). */
export type CandidateInput =
  | {
      kind: 'new_pilot';
      year: number;
      villageId: number;
      checklist: Record<NewPilotCriterion, boolean>;
      score: number;
    }
  | { kind: 'reward_expand'; year: number; villageId: number; referenceDate: string };

/**
 * Reward-and-expand eligibility of a fund on a reference date, from its books as of that date:
 * registration (登记证号 and date from the fund), first disbursement, overdue balance and
 * cumulative write-offs (DOMAIN §8 indicators as of the date), and cumulative fiscal input (4401
 * credits through the date). The reward is the standard amount of the year's plan (15万 when
 * there is no plan). Every criterion is kept with its figure and a Chinese explanation.
 */
async function eligibilityOf(
  db: Db,
  fundId: number,
  villageCode: string,
  villagePath: string,
  year: number,
  referenceDate: IsoDate,
): Promise<Eligibility> {
  const fund = await db
    .selectFrom('fund')
    .select(['registration_no', 'registered_on'])
    .where('id', '=', fundId)
    .executeTakeFirstOrThrow();
  const facts = await fundFactsAsOf(db, fundId, referenceDate);
  const rewardFen = await standardAmountForYear(db, villagePath, year);
  const rewardFacts = {
    villageCode,
    registrationNo: fund.registration_no,
    registeredOn: fund.registered_on as IsoDate | null,
    firstDisbursedOn: facts.firstDisbursedOn,
    overdueBalanceFen: facts.values.overdue_balance,
    writtenOffFen: facts.values.written_off,
    cumulativeFiscalInputFen: facts.fiscalInputFen,
  };
  const verdict = checkRewardEligibility(rewardFacts, referenceDate, rewardFen);
  return {
    eligible: verdict.eligible,
    referenceDate,
    rewardFen,
    capFen: REWARD_CUMULATIVE_CAP_FEN,
    criteria: verdict.criteria.map((c) => ({ ...c, name: REWARD_CRITERION_NAMES[c.code] })),
    facts: {
      registrationNo: rewardFacts.registrationNo,
      registeredOn: rewardFacts.registeredOn,
      firstDisbursedOn: rewardFacts.firstDisbursedOn,
      overdueBalanceFen: rewardFacts.overdueBalanceFen,
      writtenOffFen: rewardFacts.writtenOffFen,
      cumulativeFiscalInputFen: rewardFacts.cumulativeFiscalInputFen,
    },
  };
}

/**
 * A county submits (or resubmits: the same year, kind and village replace the earlier entry) a
 * candidate village of its own subtree (`programme.county`; a village outside it is 404). A new
 * pilot carries the checklist and a whole-point score 0–100; a reward-and-expand candidate is
 * judged on its books as of the reference date and the verdict is stored with the candidate.
 */
export async function submitCandidate(
  db: Kysely<Database>,
  actor: Actor,
  input: CandidateInput,
  now: Date,
): Promise<CandidateView> {
  const id = await db.transaction().execute(async (trx) => {
    const village = await findRegionInScope(trx, input.villageId, actor.regionPath);
    if (village === undefined) throw notFound('region');
    requirePermission(actor, 'programme.county');
    if (village.level !== 'village')
      throw new AppError('selection_region_not_village', { regionId: village.id });
    const fund = await trx
      .selectFrom('fund')
      .select('id')
      .where('region_id', '=', village.id)
      .executeTakeFirst();
    let values: {
      checklist: string;
      score: number | null;
      reference_date: string | null;
      eligibility: string | null;
    };
    if (input.kind === 'new_pilot') {
      if (!Number.isInteger(input.score) || input.score < 0 || input.score > 100)
        throw new AppError('selection_score_invalid', { score: input.score });
      values = {
        checklist: JSON.stringify(input.checklist),
        score: input.score,
        reference_date: null,
        eligibility: null,
      };
    } else {
      if (fund === undefined)
        throw new AppError('selection_village_without_fund', { villageId: village.id });
      const referenceDate = businessDate(input.referenceDate, now, 'referenceDate');
      const eligibility = await eligibilityOf(
        trx,
        fund.id,
        village.code,
        village.path,
        input.year,
        referenceDate,
      );
      values = {
        checklist: '{}',
        score: null,
        reference_date: referenceDate,
        eligibility: JSON.stringify(eligibility),
      };
    }
    const row = await trx
      .insertInto('selection_candidate')
      .values({
        year: input.year,
        kind: input.kind,
        village_id: village.id,
        ...values,
        submitted_by: actor.userId > 0 ? actor.userId : null,
        submitted_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['year', 'kind', 'village_id']).doUpdateSet({
          ...values,
          submitted_by: actor.userId > 0 ? actor.userId : null,
          submitted_at: now,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      command: 'programme.selection.submit',
      region: { id: village.id, path: village.path },
      entities: [{ type: 'selection_candidate', id: String(row.id) }],
      details: { year: input.year, kind: input.kind, villageId: village.id },
    });
    return row.id;
  });
  const [view] = await candidateViews(db, '/', { id });
  if (view === undefined) throw notFound('selection_candidate');
  return view;
}

function candidateSelect(db: Db) {
  return db
    .selectFrom('selection_candidate as s')
    .innerJoin('region as v', 'v.id', 's.village_id')
    .innerJoin('region as t', 't.id', 'v.parent_id')
    .innerJoin('region as c', 'c.id', 't.parent_id')
    .leftJoin('fund as f', 'f.region_id', 'v.id')
    .select([
      's.id',
      's.year',
      's.kind',
      's.checklist',
      's.score',
      's.reference_date',
      's.eligibility',
      's.submitted_at',
      'v.id as v_id',
      'v.code as v_code',
      'v.name as v_name',
      't.id as t_id',
      't.name as t_name',
      'c.id as c_id',
      'c.code as c_code',
      'c.name as c_name',
      'f.id as fund_id',
    ]);
}

async function candidateViews(
  db: Db,
  path: string,
  filter: { id?: number; year?: number; kind?: 'new_pilot' | 'reward_expand' | undefined },
): Promise<CandidateView[]> {
  let query = candidateSelect(db).where('v.path', 'like', `${path}%`);
  if (filter.id !== undefined) query = query.where('s.id', '=', filter.id);
  if (filter.year !== undefined) query = query.where('s.year', '=', filter.year);
  if (filter.kind !== undefined) query = query.where('s.kind', '=', filter.kind);
  const rows = await query.orderBy('s.kind').orderBy('v.code').execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    kind: r.kind,
    village: { id: r.v_id, code: r.v_code, name: r.v_name },
    township: { id: r.t_id, name: r.t_name },
    county: { id: r.c_id, code: r.c_code, name: r.c_name },
    fundId: r.fund_id,
    checklist: r.checklist as Record<string, boolean>,
    score: r.score,
    referenceDate: r.reference_date,
    eligibility: r.eligibility as Eligibility | null,
    submittedAt: r.submitted_at.toISOString(),
    ranking: null,
  }));
}

/** The qualified-first competitive ranking of new-pilot candidates (竞争入围). */
function rankNewPilots(items: CandidateView[]): CandidateView[] {
  const byCode = new Map(items.map((item) => [item.village.code, item]));
  const ranked = unwrap(
    rankNewPilotCandidates(
      items.map((item) => ({
        villageCode: item.village.code,
        villageName: item.village.name,
        countyCode: item.county.code,
        criteria: Object.fromEntries(
          NEW_PILOT_CRITERIA.map((c) => [c, item.checklist[c] === true]),
        ) as Record<NewPilotCriterion, boolean>,
        competitiveScore: item.score ?? 0,
      })),
    ),
  );
  return ranked.flatMap((r) => {
    const item = byCode.get(r.candidate.villageCode);
    if (item === undefined) return [];
    return [
      {
        ...item,
        ranking: {
          position: r.position,
          qualified: r.qualified,
          missingCriteria: [...r.missingCriteria],
          rankingScoreTenths: r.rankingScoreTenths,
        },
      },
    ];
  });
}

/**
 * Eligible reward-and-expand candidates ranked on scale (fund_total), members, demand (pending
 * applications), turnover and recovery, each as of the candidate's reference date; ineligible
 * candidates follow, unranked, with the reasons in their eligibility.
 */
async function rankRewards(db: Db, items: CandidateView[]): Promise<CandidateView[]> {
  const eligible = items.filter(
    (item) => item.eligibility?.eligible === true && item.fundId !== null,
  );
  const figures = new Map<string, RewardCandidate>();
  for (const item of eligible) {
    if (item.fundId === null || item.referenceDate === null) continue;
    const facts = await fundFactsAsOf(db, item.fundId, item.referenceDate as IsoDate);
    figures.set(item.village.code, {
      villageCode: item.village.code,
      villageName: item.village.name,
      fundTotalFen: facts.values.fund_total,
      members: facts.values.members,
      pendingApplicationsFen: facts.pendingApplicationsFen,
      turnover: facts.values.turnover,
      recoveryRate: facts.values.recovery_rate,
    });
  }
  const ranked = rankRewardCandidates([...figures.values()]);
  const byCode = new Map(items.map((item) => [item.village.code, item]));
  const rankedItems = ranked.flatMap((r) => {
    const item = byCode.get(r.candidate.villageCode);
    if (item === undefined) return [];
    const c = r.candidate;
    return [
      {
        ...item,
        ranking: {
          position: r.position,
          rankSum: r.rankSum,
          measureRanks: { ...r.measureRanks },
          figures: {
            fundTotalFen: c.fundTotalFen,
            members: c.members,
            pendingApplicationsFen: c.pendingApplicationsFen,
            turnover: c.turnover,
            recoveryRate: c.recoveryRate,
          },
        },
      },
    ];
  });
  const rest = items.filter((item) => !figures.has(item.village.code));
  return [...rankedItems, ...rest];
}

/**
 * Candidates of a year in a region of the actor's scope (404 outside it), with eligibility and
 * ranking; the ranking is among the listed candidates of each kind (a county's list ranks its
 * villages, the city's list ranks all).
 */
export async function listCandidates(
  db: Kysely<Database>,
  actor: Actor,
  query: {
    year: number;
    kind?: 'new_pilot' | 'reward_expand' | undefined;
    regionId?: number | undefined;
  },
): Promise<{ items: CandidateView[] }> {
  let path = actor.regionPath;
  if (query.regionId !== undefined) {
    const region = await findRegionInScope(db, query.regionId, actor.regionPath);
    if (region === undefined) throw notFound('region');
    path = region.path;
  }
  const items = await candidateViews(db, path, { year: query.year, kind: query.kind });
  const newPilots = rankNewPilots(items.filter((item) => item.kind === 'new_pilot'));
  const rewards = await rankRewards(
    db,
    items.filter((item) => item.kind === 'reward_expand'),
  );
  return { items: [...rewards, ...newPilots] };
}

/** Candidates of a year under a path, unranked (for 附件2). */
export async function candidatesUnder(
  db: Db,
  path: string,
  year: number,
): Promise<CandidateView[]> {
  return candidateViews(db, path, { year });
}
