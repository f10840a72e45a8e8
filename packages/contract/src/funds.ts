import { z } from 'zod';
import { RegionRef } from './auth.js';
import { IsoDateString, PageQuery, pageOf, ShortText } from './common.js';

export const FundSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  village: RegionRef,
  township: RegionRef,
  county: RegionRef,
  foundedOn: z.string().nullable(),
});

export const FundListQuery = PageQuery.extend({
  regionId: z.coerce.number().int().min(1).optional(),
  q: z.string().max(50).optional(),
}).strict();
export const FundPage = pageOf(FundSummary);

export const CreateFundBody = z.strictObject({
  villageId: z.number().int().min(1),
  code: z.string().regex(/^[A-Za-z0-9-]{2,32}$/),
  name: ShortText,
  foundedOn: IsoDateString.optional(),
});
