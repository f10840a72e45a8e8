import { z } from 'zod';
import { PageQuery, pageOf } from './common.js';

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  ip: z.string().nullable(),
  command: z.string(),
  regionId: z.number().int().nullable(),
  entities: z.array(z.object({ type: z.string(), id: z.string() })),
  details: z.record(z.string(), z.unknown()),
});

export const AuditListQuery = PageQuery.extend({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  command: z.string().max(60).optional(),
}).strict();

export const AuditPage = pageOf(AuditEntry);
