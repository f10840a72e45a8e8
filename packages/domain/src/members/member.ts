import type { IsoDate } from '../calendar/iso-date.js';
import type { Bylaws } from '../fund/bylaws.js';
import { fen, type Fen } from '../money/fen.js';
import { fail, ok, type Result } from '../result.js';

/** Household category: 建档立卡贫困户 (poor) or 一般农户 (ordinary). */
export type MemberCategory = 'poor' | 'ordinary';

/** Chinese names of the categories. */
export const MEMBER_CATEGORY_NAMES: Readonly<Record<MemberCategory, string>> = {
  poor: '建档立卡贫困户',
  ordinary: '一般农户',
};

/** Welfare flags recorded alongside the category: 低保 and 五保. */
export interface MemberFlags {
  readonly dibao: boolean;
  readonly wubao: boolean;
}

/** The dates that make a household a member. */
export interface MembershipDates {
  readonly joinedOn: IsoDate;
  readonly exitedOn: IsoDate | null;
}

/** A member on a date: joined on or before it and not exited on or before it (DOMAIN §8). */
export function isMemberOn(member: MembershipDates, on: IsoDate): boolean {
  return member.joinedOn <= on && (member.exitedOn === null || member.exitedOn > on);
}

/** A category recorded from a date; the category in force on a date is the latest before it. */
export interface CategoryRecord {
  readonly from: IsoDate;
  readonly category: MemberCategory;
}

/** The category on a date (a poor member is one recorded as poor on the event's date), or null. */
export function categoryOn(history: readonly CategoryRecord[], on: IsoDate): MemberCategory | null {
  let current: CategoryRecord | null = null;
  for (const record of history) {
    if (record.from <= on && (current === null || record.from >= current.from)) current = record;
  }
  return current?.category ?? null;
}

/** Codes of `checkEntryShares`. */
export type EntrySharesError = 'member_shares_out_of_range';

/**
 * 入社: the contribution a household pays for `shares` shares (share unit × shares, within the
 * bylaws range). A poor household may join with 0 paid shares: it gets the fiscal 配股.
 */
export function entryContribution(
  bylaws: Bylaws,
  category: MemberCategory,
  shares: number,
): Result<{ readonly contributionFen: Fen; readonly allotmentFen: Fen }, EntrySharesError> {
  const minimum = category === 'poor' ? 0 : bylaws.minShares;
  if (!Number.isSafeInteger(shares) || shares < minimum || shares > bylaws.maxShares) {
    return fail('member_shares_out_of_range', {
      shares,
      minShares: minimum,
      maxShares: bylaws.maxShares,
    });
  }
  const allotmentShares = category === 'poor' ? bylaws.poorAllotmentShares : 0;
  return ok({
    contributionFen: fen(bylaws.shareUnitFen * shares),
    allotmentFen: fen(bylaws.shareUnitFen * allotmentShares),
  });
}
