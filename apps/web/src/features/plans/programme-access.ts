import type { Role } from '@huzhu/contract';
import { useCurrentUser } from '../auth/session.js';

/**
 * What a role may do in the city's programme: a mirror of the server's permissions
 * (apps/server/src/app/actor.ts) used only to hide buttons; the server decides.
 */
export interface ProgrammeAccess {
  /** 市: plans, schemes, runs, approval, exit decisions. */
  city: boolean;
  /** 区县: candidates, manual scores, typical cases, rectification. */
  county: boolean;
  /** 满意度调查: the county, or whoever sets up the fund (township, bookkeeper). */
  surveys: boolean;
  /** Money in a fund's books: confirming plan money, the exit clearing. */
  booksWrite: boolean;
}

export function programmeAccess(role: Role): ProgrammeAccess {
  return {
    city: role === 'city_officer',
    county: role === 'county_officer',
    surveys: ['county_officer', 'township_officer', 'bookkeeper'].includes(role),
    booksWrite: ['township_officer', 'bookkeeper', 'cashier'].includes(role),
  };
}

export function useProgrammeAccess(): ProgrammeAccess {
  return programmeAccess(useCurrentUser().role);
}
