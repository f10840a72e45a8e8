import { dateFromParts, isRealDate, type IsoDate } from '../calendar/iso-date.js';
import { fail, ok, type Result } from '../result.js';

declare const idCardBrand: unique symbol;

/** A checked 18-character 居民身份证号码, with a final X in upper case. */
export type IdCardNumber = string & { readonly [idCardBrand]: 'IdCardNumber' };

/** Codes of `validateIdCardNumber`. */
export type IdCardError =
  'id_card_invalid_format' | 'id_card_invalid_birth_date' | 'id_card_invalid_checksum';

const ID_PATTERN = /^\d{17}[\dX]$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** The ISO 7064 MOD 11-2 check character of the first 17 digits (GB 11643-1999). */
export function idCardCheckCharacter(first17Digits: string): string {
  let sum = 0;
  for (const [index, weight] of WEIGHTS.entries()) sum += Number(first17Digits[index]) * weight;
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/**
 * Validates an 18-character 身份证号: 17 digits and a digit or X (either case, surrounding spaces
 * ignored), a real embedded birth date (YYYYMMDD at positions 7–14) and the MOD 11-2 check digit.
 * Returns the normalised number (upper-case X).
 */
export function validateIdCardNumber(input: string): Result<IdCardNumber, IdCardError> {
  const value = input.trim().toUpperCase();
  if (!ID_PATTERN.test(value)) return fail('id_card_invalid_format', { length: value.length });
  const birth = {
    year: Number(value.slice(6, 10)),
    month: Number(value.slice(10, 12)),
    day: Number(value.slice(12, 14)),
  };
  if (!isRealDate(birth)) return fail('id_card_invalid_birth_date', { birth: value.slice(6, 14) });
  if (idCardCheckCharacter(value.slice(0, 17)) !== value.charAt(17)) {
    return fail('id_card_invalid_checksum', {});
  }
  return ok(value as IdCardNumber);
}

/** The birth date embedded in a checked 身份证号. */
export function birthDateOfIdCard(id: IdCardNumber): IsoDate {
  return dateFromParts({
    year: Number(id.slice(6, 10)),
    month: Number(id.slice(10, 12)),
    day: Number(id.slice(12, 14)),
  });
}

/** 身份证号 held by more than one member record (one household, one membership), with their ids. */
export function findDuplicateIdCards(
  members: readonly { readonly memberId: string; readonly idCardNumber: IdCardNumber }[],
): ReadonlyMap<IdCardNumber, readonly string[]> {
  const byNumber = new Map<IdCardNumber, string[]>();
  for (const member of members) {
    byNumber.set(member.idCardNumber, [
      ...(byNumber.get(member.idCardNumber) ?? []),
      member.memberId,
    ]);
  }
  return new Map([...byNumber].filter(([, ids]) => ids.length > 1));
}
