import { z } from 'zod';
import { MAX_PROGRAMME_AMOUNT_FEN } from '@huzhu/domain';
import { IsoDateString } from './common.js';
import { RequestId } from './books.js';
import { RealIsoDate, ReportModelBody } from './reports.js';

/**
 * Yearly plans (年度计划), allocation receipts, and selection of pilot villages (DOMAIN §11).
 * Money is integer fen everywhere; the plan table (附件1) converts to 万元 only when rendered.
 */

export const PlanSource = z.enum(['central_reward', 'city', 'county_match']);
export const PlanCategory = z.enum(['central_reward', 'new_pilot', 'reward_expand']);
const RegionCode = z.string().regex(/^\d{12}$/, '12 位区划代码');
const LIMIT = { error: 'amount_exceeds_limit' } as const;
const Fen = z
  .number()
  .int()
  .min(-MAX_PROGRAMME_AMOUNT_FEN, LIMIT)
  .max(MAX_PROGRAMME_AMOUNT_FEN, LIMIT);

/**
 * One allocation line. `villageCode` null (or absent) is a county-level line of `villageCount`
 * villages still to be chosen; a named village is one line of `villageCount` 1. `amountFen`
 * absent means the plan's standard amount × `villageCount`. Amounts and counts are checked by
 * the plan rules (named problems), not by the schema, so that the officer sees why.
 */
export const PlanAllocationBody = z.strictObject({
  countyCode: RegionCode,
  villageCode: RegionCode.nullable().default(null),
  category: PlanCategory,
  source: PlanSource,
  villageCount: z.number().int().min(-1_000_000).max(1_000_000).default(1),
  amountFen: Fen.optional(),
  remark: z.string().trim().max(200).optional(),
});

/** A draft plan as the city officer enters it (create and replace). */
export const PlanBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  year: z.number().int().min(2000).max(2100),
  documentNumber: z.string().trim().max(60).default(''),
  issuingOffice: z.string().trim().min(1).max(200),
  /** The document's date (成文日期); absent: the day the plan is issued in the system. */
  issuedOn: RealIsoDate.optional(),
  standardAmountFen: Fen.default(15_000_000),
  budget: z.array(z.strictObject({ source: PlanSource, amountFen: Fen })).max(10),
  allocations: z.array(PlanAllocationBody).max(5000),
});
export type PlanBody = z.input<typeof PlanBody>;

export const PlanParam = z.strictObject({
  planId: z.coerce.number().int().min(1).max(2_147_483_647),
});
export const PlanListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const AttachmentFormatQuery = z.strictObject({
  format: z.enum(['json', 'xlsx']).default('json'),
});

const Tally = z.object({ villageCount: z.number().int(), amountFen: z.number().int() });

export const PlanProblemBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const PlanReconciliationBody = z.object({
  /** Per source: budget, allocated, remainder (positive: unallocated, shown; negative: over). */
  sources: z.array(
    z.object({
      source: PlanSource,
      name: z.string(),
      budgetFen: z.number().int(),
      allocatedFen: z.number().int(),
      remainderFen: z.number().int(),
      villageCount: z.number().int(),
      status: z.enum(['balanced', 'remainder', 'over_allocated']),
    }),
  ),
  byCategory: z.array(Tally.extend({ category: PlanCategory, name: z.string() })),
  byCounty: z.array(
    Tally.extend({
      countyCode: z.string(),
      countyName: z.string(),
      byCategory: z.record(z.string(), Tally),
      bySource: z.record(z.string(), Tally),
    }),
  ),
  total: z.object({
    budgetFen: z.number().int(),
    allocatedFen: z.number().int(),
    remainderFen: z.number().int(),
    villageCount: z.number().int(),
  }),
});

export const PlanView = z.object({
  id: z.number().int().nullable(),
  regionId: z.number().int(),
  year: z.number().int(),
  title: z.string(),
  documentNumber: z.string(),
  issuingOffice: z.string(),
  issuedOn: z.string().nullable(),
  standardAmountFen: z.number().int(),
  status: z.enum(['draft', 'issued', 'preview']),
  budget: z.array(z.object({ source: PlanSource, name: z.string(), amountFen: z.number().int() })),
  allocations: z.array(
    z.object({
      lineNo: z.number().int(),
      countyCode: z.string(),
      countyName: z.string().nullable(),
      villageCode: z.string().nullable(),
      villageName: z.string().nullable(),
      fundId: z.number().int().nullable(),
      category: PlanCategory,
      categoryName: z.string(),
      source: PlanSource,
      villageCount: z.number(),
      /** The line's own amount, or the standard amount × its village count; null when invalid. */
      amountFen: z.number().int().nullable(),
      remark: z.string().nullable(),
    }),
  ),
  reconciliation: PlanReconciliationBody,
  /** Every problem `validatePlan` finds against the books today; empty when it can be issued. */
  problems: z.array(PlanProblemBody),
  canIssue: z.boolean(),
  receipts: z.object({
    count: z.number().int(),
    received: z.number().int(),
    amountFen: z.number().int(),
    receivedFen: z.number().int(),
  }),
});
export type PlanView = z.infer<typeof PlanView>;

export const PlanList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      year: z.number().int(),
      title: z.string(),
      documentNumber: z.string(),
      issuingOffice: z.string(),
      status: z.enum(['draft', 'issued']),
      issuedOn: z.string().nullable(),
      budgetFen: z.number().int(),
      allocatedFen: z.number().int(),
      remainderFen: z.number().int(),
      villageCount: z.number().int(),
    }),
  ),
});

/** 附件1 as a report model: money cells are fen, printed in 万元 (`moneyUnit`). */
export const PlanTableBody = ReportModelBody.extend({
  moneyUnit: z.literal('wan_yuan'),
  columnGroups: z
    .array(z.object({ title: z.string(), keys: z.array(z.string()).readonly() }).readonly())
    .readonly(),
});
export type PlanTableBody = z.infer<typeof PlanTableBody>;

export const PlanIssueResult = z.object({
  plan: PlanView,
  receiptsCreated: z.number().int(),
});

// Allocation receipts (资金到位确认)

export const PlanReceiptParam = z.strictObject({
  id: z.coerce.number().int().min(1).max(2_147_483_647),
  receiptId: z.coerce.number().int().min(1).max(2_147_483_647),
});
export const ConfirmReceiptBody = z.strictObject({ requestId: RequestId, on: IsoDateString });
export const ConfirmReceiptResult = z.object({
  receiptId: z.number().int(),
  voucherId: z.number().int(),
  voucherNo: z.string(),
  receivedOn: z.string(),
  amountFen: z.number().int(),
});
export const PlanReceiptList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      planId: z.number().int(),
      planTitle: z.string(),
      planYear: z.number().int(),
      documentNumber: z.string(),
      lineNo: z.number().int(),
      category: PlanCategory,
      categoryName: z.string(),
      source: PlanSource,
      sourceName: z.string(),
      amountFen: z.number().int(),
      status: z.enum(['pending', 'received']),
      receivedOn: z.string().nullable(),
      voucherId: z.number().int().nullable(),
    }),
  ),
});

// Selection of pilot villages (试点村遴选)

export const NewPilotChecklist = z.strictObject({
  in_poverty_exit_plan: z.boolean(),
  has_resources_and_industry: z.boolean(),
  strong_demand: z.boolean(),
  rural_tourism_pilot: z.boolean(),
  good_leadership: z.boolean(),
  honest_customs_self_managed: z.boolean(),
});

/**
 * A county's candidate. A new pilot gives the checklist and the competitive score (whole points
 * 0–100; out of range is `selection_score_invalid`); a reward-and-expand candidate gives the
 * reference date its eligibility is judged on (the books as of that day).
 */
export const CandidateBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('new_pilot'),
    year: z.number().int().min(2000).max(2100),
    villageId: z.number().int().min(1).max(2_147_483_647),
    checklist: NewPilotChecklist,
    score: z.number().min(-1_000).max(1_000),
  }),
  z.strictObject({
    kind: z.literal('reward_expand'),
    year: z.number().int().min(2000).max(2100),
    villageId: z.number().int().min(1).max(2_147_483_647),
    referenceDate: IsoDateString,
  }),
]);
export type CandidateBody = z.infer<typeof CandidateBody>;

export const CandidateQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  kind: z.enum(['new_pilot', 'reward_expand']).optional(),
  regionId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
});

const RatioBody = z.object({ numerator: z.number(), denominator: z.number() });

export const RewardEligibilityBody = z.object({
  eligible: z.boolean(),
  referenceDate: z.string(),
  rewardFen: z.number().int(),
  capFen: z.number().int(),
  criteria: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      met: z.boolean(),
      figure: z.union([z.string(), z.number(), z.null()]),
      unit: z.enum(['date', 'fen']),
      message: z.string(),
    }),
  ),
  facts: z.object({
    registrationNo: z.string().nullable(),
    registeredOn: z.string().nullable(),
    firstDisbursedOn: z.string().nullable(),
    overdueBalanceFen: z.number().int(),
    writtenOffFen: z.number().int(),
    cumulativeFiscalInputFen: z.number().int(),
  }),
});

export const CandidateView = z.object({
  id: z.number().int(),
  year: z.number().int(),
  kind: z.enum(['new_pilot', 'reward_expand']),
  village: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  township: z.object({ id: z.number().int(), name: z.string() }),
  county: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  fundId: z.number().int().nullable(),
  checklist: z.record(z.string(), z.boolean()),
  score: z.number().int().nullable(),
  referenceDate: z.string().nullable(),
  eligibility: RewardEligibilityBody.nullable(),
  submittedAt: z.string(),
  /** The candidate's place among the listed candidates of its kind (null: not ranked). */
  ranking: z
    .object({
      position: z.number().int(),
      /** New pilot: every mandatory criterion met. */
      qualified: z.boolean().optional(),
      missingCriteria: z.array(z.string()).optional(),
      rankingScoreTenths: z.number().int().optional(),
      /** Reward and expand: Σ rank over the measures, lower first, and each measure's rank. */
      rankSum: z.number().int().optional(),
      measureRanks: z.record(z.string(), z.number().int()).optional(),
      figures: z
        .object({
          fundTotalFen: z.number().int(),
          members: z.number().int(),
          pendingApplicationsFen: z.number().int(),
          turnover: RatioBody,
          recoveryRate: RatioBody,
        })
        .optional(),
    })
    .nullable(),
});
export type CandidateView = z.infer<typeof CandidateView>;

export const CandidateList = z.object({ items: z.array(CandidateView) });

export const Attachment2Query = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  regionId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  asOf: RealIsoDate.optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
});
