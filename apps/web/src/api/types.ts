import type { z } from 'zod';
import type {
  AuditEntry as AuditEntrySchema,
  AuditPage as AuditPageSchema,
  CurrentUser as CurrentUserSchema,
  FundPage as FundPageSchema,
  FundSummary as FundSummarySchema,
  LoginResponse as LoginResponseSchema,
  MeResponse as MeResponseSchema,
  Region as RegionSchema,
  RegionImportProblem as RegionImportProblemSchema,
  RegionImportResult as RegionImportResultSchema,
  RegionLevel as RegionLevelSchema,
  RegionPage as RegionPageSchema,
  RegionRef as RegionRefSchema,
  User as UserSchema,
  UserPage as UserPageSchema,
} from '@huzhu/contract';

/** The API's shapes, inferred from the contract's zod schemas (types only; no zod at runtime). */
export type CurrentUser = z.infer<typeof CurrentUserSchema>;
export type LoginResponse = z.infer<typeof LoginResponseSchema>;
export type MeResponse = z.infer<typeof MeResponseSchema>;
export type RegionLevel = z.infer<typeof RegionLevelSchema>;
export type RegionRef = z.infer<typeof RegionRefSchema>;
export type Region = z.infer<typeof RegionSchema>;
export type RegionPage = z.infer<typeof RegionPageSchema>;
export type RegionImportResult = z.infer<typeof RegionImportResultSchema>;
export type RegionImportProblem = z.infer<typeof RegionImportProblemSchema>;
export type FundSummary = z.infer<typeof FundSummarySchema>;
export type FundPage = z.infer<typeof FundPageSchema>;
export type User = z.infer<typeof UserSchema>;
export type UserPage = z.infer<typeof UserPageSchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;
export type { Role } from '@huzhu/contract';
