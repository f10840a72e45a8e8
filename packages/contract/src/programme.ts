import { z } from 'zod';
import { IsoDateString } from './common.js';
import { RequestId } from './books.js';

export const ExitDecisionBody = z.strictObject({
  decidedOn: IsoDateString,
  reason: z.string().max(500),
});
export const CloseFundBody = z.strictObject({ requestId: RequestId, on: IsoDateString });
export const ExitFinalCheck = z.object({
  closedOn: z.string(),
  membersRefunded: z.number().int(),
  memberRefundsFen: z.number().int(),
  handedOverFen: z.number().int(),
  fiscalFen: z.number().int(),
  donationFen: z.number().int(),
  reservesFen: z.number().int(),
  unclosedSurplusFen: z.number().int(),
  nonZeroAccounts: z.array(z.string()),
  vouchersBalanced: z.boolean(),
});
export const ExitStatus = z.union([
  z.object({ decided: z.literal(false) }),
  z.object({
    decided: z.literal(true),
    decidedOn: z.string(),
    reason: z.string(),
    closedOn: z.string().nullable(),
    finalCheck: ExitFinalCheck.nullable(),
  }),
]);

export const YearParam = z.strictObject({
  id: z.coerce.number().int().min(1).max(2_147_483_647),
  year: z.coerce.number().int().min(2000).max(2100),
});
export const SurveyBody = z.strictObject({
  respondents: z.number().int().min(1).max(100_000),
  satisfied: z.number().int().min(0).max(100_000),
  neutral: z.number().int().min(0).max(100_000),
  dissatisfied: z.number().int().min(0).max(100_000),
  opinions: z.string().max(5000).default(''),
});
export const SurveyList = z.object({
  items: z.array(
    z.object({
      year: z.number().int(),
      respondents: z.number().int(),
      satisfied: z.number().int(),
      neutral: z.number().int(),
      dissatisfied: z.number().int(),
      opinions: z.string(),
    }),
  ),
});
export const TypicalCaseBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  fundId: z.number().int().min(1).optional(),
  title: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(5000),
});
export const TypicalCaseQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
});
export const TypicalCaseList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      year: z.number().int(),
      fundId: z.number().int().nullable(),
      fundName: z.string().nullable(),
      title: z.string(),
      body: z.string(),
    }),
  ),
});

const ScoringBandSchema = z.strictObject({
  fromPercent: z.number().nullable(),
  toPercent: z.number().nullable(),
  awardPercent: z.number(),
});
const EvaluationItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('automatic'),
    code: z.string().min(1).max(40),
    name: z.string().min(1).max(60),
    maxPoints: z.number(),
    indicator: z.string().min(1).max(40),
    bands: z.array(ScoringBandSchema).min(1).max(20),
    notApplicableAwardPercent: z.number(),
    notApplicableReason: z.string().max(200),
  }),
  z.strictObject({
    kind: z.literal('manual'),
    code: z.string().min(1).max(40),
    name: z.string().min(1).max(60),
    maxPoints: z.number(),
    guidance: z.string().max(500),
  }),
]);
export const EvaluationSchemeSchema = z.strictObject({
  code: z.string().min(1).max(40),
  name: z.string().min(1).max(60),
  dimensions: z
    .array(
      z.strictObject({
        code: z.string().min(1).max(40),
        name: z.string().min(1).max(60),
        weight: z.number(),
        items: z.array(EvaluationItemSchema).min(1).max(30),
      }),
    )
    .min(1)
    .max(20),
  grades: z.strictObject({ excellent: z.number(), good: z.number(), pass: z.number() }),
});
export const CreateSchemeBody = z.strictObject({
  name: z.string().trim().min(1).max(60),
  scheme: EvaluationSchemeSchema,
});
export const SchemeList = z.object({
  default: z.unknown(),
  items: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      scheme: z.unknown(),
      createdAt: z.string(),
    }),
  ),
});
export const StartRunBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  schemeId: z.number().int().min(1).optional(),
  evaluatedOn: IsoDateString,
});
export const RunParam = z.strictObject({
  runId: z.coerce.number().int().min(1).max(2_147_483_647),
});
export const RunFundParam = RunParam.extend({
  fundId: z.coerce.number().int().min(1).max(2_147_483_647),
}).strict();
export const ManualScoresBody = z.strictObject({
  scores: z.record(
    z.string().max(40),
    z.strictObject({ points: z.number().min(-1000).max(1000), evidence: z.string().max(2000) }),
  ),
  misappropriation: z.boolean().default(false),
});
export const EvaluationOutcome = z.enum(['reward_candidate', 'rectify', 'exit', 'none']);
export const ApproveRunBody = z.strictObject({
  overrides: z
    .array(
      z.strictObject({
        fundId: z.number().int().min(1),
        outcome: EvaluationOutcome,
        reason: z.string().trim().min(1).max(500),
      }),
    )
    .max(10_000)
    .default([]),
});
export const EvaluationRunView = z.object({
  id: z.number().int(),
  year: z.number().int(),
  evaluatedOn: z.string(),
  status: z.enum(['open', 'approved']),
  schemeId: z.number().int(),
  schemeName: z.string(),
  /** The scheme the run scores with (its manual items are what inspectors fill in). */
  scheme: z.unknown(),
  funds: z.array(
    z.object({
      fundId: z.number().int(),
      fundName: z.string(),
      county: z.string(),
      totalTenths: z.number().int(),
      grade: z.string(),
      rankInCounty: z.number().int().nullable(),
      rankInCity: z.number().int().nullable(),
      proposedOutcome: z.string(),
      approvedOutcome: z.string().nullable(),
      outcomeDeadline: z.string().nullable(),
      complete: z.boolean(),
      problems: z.array(z.string()),
      eligibleForReward: z.boolean(),
      /** The manual scores entered so far (to pre-fill the form). */
      manual: z.object({
        scores: z
          .record(z.string(), z.object({ points: z.number(), evidence: z.string() }))
          .optional(),
        misappropriation: z.boolean().optional(),
      }),
      dimensions: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          pointsTenths: z.number().int(),
          weightTenths: z.number().int(),
        }),
      ),
    }),
  ),
  counties: z.array(
    z.object({
      countyId: z.number().int(),
      county: z.string(),
      funds: z.number().int(),
      averageTenths: z.number().int().nullable(),
      grades: z.record(z.string(), z.number().int()),
    }),
  ),
});
export const FundEvaluationHistory = z.object({
  evaluations: z.array(
    z.object({
      runId: z.number().int(),
      year: z.number().int(),
      status: z.string(),
      totalTenths: z.number().int(),
      grade: z.string(),
      rankInCounty: z.number().int().nullable(),
      rankInCity: z.number().int().nullable(),
      proposedOutcome: z.string(),
      approvedOutcome: z.string().nullable(),
      outcomeDeadline: z.string().nullable(),
    }),
  ),
  rectifications: z.array(
    z.object({
      id: z.number().int(),
      description: z.string(),
      deadline: z.string(),
      status: z.string(),
      evidence: z.string().nullable(),
      closedOn: z.string().nullable(),
    }),
  ),
});
export const TaskParam = z.strictObject({
  taskId: z.coerce.number().int().min(1).max(2_147_483_647),
});
export const CloseRectificationBody = z.strictObject({
  evidence: z.string().max(2000),
  closedOn: IsoDateString,
});

export const RunListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const RunList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      year: z.number().int(),
      evaluatedOn: z.string(),
      status: z.enum(['open', 'approved']),
      region: z.string(),
    }),
  ),
});
