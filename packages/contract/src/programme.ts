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
