import { fail, ok, type Result } from '../result.js';

/** 统计用区划代码: 12 digits. Levels by which digit groups are non-zero. */
export type RegionLevel = 'city' | 'county' | 'township' | 'village';

export const REGION_LEVELS: readonly RegionLevel[] = ['city', 'county', 'township', 'village'];

export const REGION_LEVEL_NAMES: Readonly<Record<RegionLevel, string>> = {
  city: '市',
  county: '区县',
  township: '乡镇',
  village: '村',
};

/** The level a child of a node of this level has, or null for a village. */
export function childLevel(level: RegionLevel): RegionLevel | null {
  const index = REGION_LEVELS.indexOf(level);
  return REGION_LEVELS[index + 1] ?? null;
}

const CODE_PATTERN = /^\d{12}$/;

/**
 * Derives the level of a 12-digit statistical division code:
 * PPCC00000000 city, PPCCDD000000 county, PPCCDDTTT000 township, otherwise village.
 */
export function regionLevelOfCode(code: string): Result<RegionLevel, 'region_code_invalid'> {
  if (!CODE_PATTERN.test(code)) return fail('region_code_invalid', { code });
  if (code.slice(4) === '00000000') return ok('city');
  if (code.slice(6) === '000000') return ok('county');
  if (code.slice(9) === '000') return ok('township');
  return ok('village');
}

/** The code of the parent node implied by a code (village → township → county → city). */
export function parentCodeOf(code: string, level: RegionLevel): string | null {
  switch (level) {
    case 'city':
      return null;
    case 'county':
      return `${code.slice(0, 4)}00000000`;
    case 'township':
      return `${code.slice(0, 6)}000000`;
    case 'village':
      return `${code.slice(0, 9)}000`;
  }
}
