import { z } from 'zod';

export const ROLES = [
  'admin',
  'bookkeeper',
  'cashier',
  'board_member',
  'supervisor',
  'township_officer',
  'county_officer',
  'city_officer',
  'auditor',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  admin: '系统管理员',
  bookkeeper: '会计',
  cashier: '出纳',
  board_member: '理事会成员',
  supervisor: '监事会成员',
  township_officer: '乡镇干部',
  county_officer: '区县扶贫办/财政局',
  city_officer: '市扶贫办/财政局',
  auditor: '审计（只读）',
};

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const RegionRef = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  level: z.enum(['city', 'county', 'township', 'village']),
});

export const CurrentUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  region: RegionRef,
});
export type CurrentUser = z.infer<typeof CurrentUser>;

export const LoginResponse = z.object({
  user: CurrentUser,
  /** Send as `x-csrf-token` with every state-changing request that uses the session cookie. */
  csrfToken: z.string(),
  /** Bearer token for API clients (same session); the web app relies on the cookie instead. */
  token: z.string(),
  expiresAt: z.string(),
});

export const MeResponse = z.object({ user: CurrentUser, csrfToken: z.string() });

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
