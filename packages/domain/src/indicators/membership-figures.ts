import type { IsoDate } from '../calendar/iso-date.js';
import { categoryOn, isMemberOn } from '../members/member.js';
import type { HouseholdCount, IndicatorMember } from './indicator-input.js';

/** Members on a date: joined on or before it and not exited on or before it (DOMAIN §8). */
export function membersOn(
  members: readonly IndicatorMember[],
  on: IsoDate,
): readonly IndicatorMember[] {
  return members.filter((m) => isMemberOn(m, on));
}

/** Whether a member is recorded as poor on a date (the date of the event counted). */
export function isPoorOn(member: IndicatorMember, on: IsoDate): boolean {
  return categoryOn(member.categoryHistory, on) === 'poor';
}

/** The household figures in force on a date: the latest dated on or before it, or null. */
export function householdCountOn(
  counts: readonly HouseholdCount[],
  on: IsoDate,
): HouseholdCount | null {
  let chosen: HouseholdCount | null = null;
  for (const record of counts) {
    if (record.asOf <= on && (chosen === null || record.asOf >= chosen.asOf)) chosen = record;
  }
  return chosen;
}
