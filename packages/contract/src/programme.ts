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
