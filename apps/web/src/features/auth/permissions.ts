import type { Role } from '@huzhu/contract';
import type { RegionLevel } from '../../api/types.js';

/**
 * What the web shows to whom. The server decides (apps/server/src/app/actor.ts); this mirror only
 * hides buttons a role could not use, so a mismatch shows a button that answers 无权.
 */
export type RoleGroup = 'admin' | 'officer' | 'auditor' | 'village';

export const ROLE_GROUPS: Readonly<Record<Role, RoleGroup>> = {
  admin: 'admin',
  city_officer: 'officer',
  county_officer: 'officer',
  township_officer: 'officer',
  auditor: 'auditor',
  bookkeeper: 'village',
  cashier: 'village',
  board_member: 'village',
  supervisor: 'village',
};

export function roleGroup(role: Role): RoleGroup {
  return ROLE_GROUPS[role];
}

export function canManageUsers(role: Role): boolean {
  return role === 'admin';
}

export function canManageRegions(role: Role): boolean {
  return role === 'admin';
}

export function canCreateFunds(role: Role): boolean {
  return ['admin', 'city_officer', 'county_officer', 'township_officer'].includes(role);
}

/** The region levels each role may be bound to (mirror of the server's ROLE_LEVELS). */
export const ROLE_LEVELS: Readonly<Record<Role, readonly RegionLevel[]>> = {
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
