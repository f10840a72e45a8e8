import type { Role } from '@huzhu/contract';
import { AppError } from './errors.js';

/** Who is acting: the signed-in user and their scope (a region node and its subtree). */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  regionId: number;
  /** Materialised path of the user's region, e.g. '/1/4/'; a subtree matches by prefix. */
  regionPath: string;
  ip: string | null;
}

export type Permission =
  | 'users.manage'
  | 'regions.manage'
  | 'funds.create'
  | 'audit.read'
  /** Fund profile, bylaws, officers, household counts. */
  | 'fund.setup'
  /** Members, contributions, groups, loan applications, disbursements, repayments, vouchers. */
  | 'books.write'
  /** Month close and year-end close. */
  | 'books.close'
  /** 理事会: approve or reject loans, approve extensions. */
  | 'loans.approve'
  /** 监事会: review approved loans. */
  | 'loans.review'
  /** Generate and submit quarterly reports, ask for an unlock. */
  | 'reports.submit'
  /** 区县: review, return and lock quarterly reports; decide unlock requests. */
  | 'reports.review'
  /** Set warning thresholds for one's region; acknowledge and resolve warnings. */
  | 'monitoring.manage'
  /** 市: yearly plans, evaluation schemes and runs, approving outcomes and exits. */
  | 'programme.city'
  /** 区县: candidates, manual evaluation scores, surveys and typical cases, rectification. */
  | 'programme.county';

const PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: ['users.manage', 'regions.manage', 'funds.create', 'audit.read'],
  city_officer: ['funds.create', 'audit.read', 'monitoring.manage', 'programme.city'],
  county_officer: [
    'funds.create',
    'audit.read',
    'fund.setup',
    'reports.review',
    'monitoring.manage',
    'programme.county',
  ],
  // Township finance offices keep the books of several villages (代理记账).
  township_officer: [
    'funds.create',
    'audit.read',
    'fund.setup',
    'books.write',
    'books.close',
    'reports.submit',
    'monitoring.manage',
  ],
  bookkeeper: ['audit.read', 'fund.setup', 'books.write', 'books.close', 'reports.submit'],
  cashier: ['audit.read', 'books.write'],
  board_member: ['audit.read', 'loans.approve'],
  supervisor: ['audit.read', 'loans.review'],
  auditor: ['audit.read'],
};

export function can(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return PERMISSIONS[actor.role].includes(permission);
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('forbidden', { permission });
}

/** True when a node with this path lies in the actor's subtree. */
export function inScope(actor: Pick<Actor, 'regionPath'>, path: string): boolean {
  return path.startsWith(actor.regionPath);
}

/** The region levels each role may be bound to. */
export const ROLE_LEVELS: Readonly<Record<Role, readonly string[]>> = {
  admin: ['city', 'county', 'township', 'village'],
  auditor: ['city', 'county', 'township', 'village'],
  city_officer: ['city'],
  county_officer: ['county'],
  township_officer: ['township'],
  bookkeeper: ['village'],
  cashier: ['village'],
  board_member: ['village'],
  supervisor: ['village'],
};
