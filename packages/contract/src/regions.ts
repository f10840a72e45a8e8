import { z } from 'zod';
import { PageQuery, pageOf, ShortText } from './common.js';

export const RegionLevel = z.enum(['city', 'county', 'township', 'village']);

export const Region = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  level: RegionLevel,
  parentId: z.number().int().nullable(),
  childCount: z.number().int(),
  fundId: z.number().int().nullable(),
});
export type Region = z.infer<typeof Region>;

export const RegionListQuery = PageQuery.extend({
  parentId: z.coerce.number().int().min(1).optional(),
  level: RegionLevel.optional(),
  q: z.string().max(50).optional(),
}).strict();

export const RegionPage = pageOf(Region);

export const CreateRegionBody = z.strictObject({
  code: z.string().regex(/^\d{12}$/),
  name: ShortText,
  parentId: z.number().int().min(1),
});

export const RegionImportBody = z.strictObject({
  filename: z.string().min(1).max(200),
  /** The file's bytes, base64 (CSV in UTF-8, or .xlsx). Columns: 代码/code, 名称/name, 上级代码/parent_code. */
  contentBase64: z.string().min(1).max(20_000_000),
});

export const RegionImportResult = z.object({
  created: z.number().int(),
  unchanged: z.number().int(),
});

export const RegionImportProblem = z.object({
  row: z.number().int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
