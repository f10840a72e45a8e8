import {
  fen,
  formatYuan,
  periodParts,
  roundHalfUpDiv,
  type Fen,
  type Period,
  type Ratio,
} from '@huzhu/domain';

/** "Not applicable" (a zero denominator): shown as —, never 0 or 100%. */
export const NOT_APPLICABLE = '—';

/** A ratio in hundredths of a percent, rounded half up (1/8 → 1250), or null when 0 ÷ 0. */
export function percentHundredths(value: Ratio): number | null {
  if (value.denominator === 0) return null;
  const sign = value.denominator < 0 ? -1n : 1n;
  return Number(
    roundHalfUpDiv(BigInt(value.numerator) * 10_000n * sign, BigInt(value.denominator) * sign),
  );
}

function hundredthsText(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const magnitude = Math.abs(hundredths);
  return `${sign}${String(Math.trunc(magnitude / 100))}.${String(magnitude % 100).padStart(2, '0')}`;
}

/** A ratio as a percent with two decimals ('12.50%'), or —. */
export function formatPercent(value: Ratio): string {
  const hundredths = percentHundredths(value);
  return hundredths === null ? NOT_APPLICABLE : `${hundredthsText(hundredths)}%`;
}

/** A ratio shown as times with two decimals, half up (年周转率 1.20次), or —. */
export function formatTimes(value: Ratio): string {
  if (value.denominator === 0) return NOT_APPLICABLE;
  const sign = value.denominator < 0 ? -1n : 1n;
  const hundredths = roundHalfUpDiv(
    BigInt(value.numerator) * 100n * sign,
    BigInt(value.denominator) * sign,
  );
  return `${hundredthsText(Number(hundredths))}次`;
}

/** Percentage points between two percents as shown (hundredths), e.g. 1250 → '12.50'. */
export function formatPoints(hundredths: number): string {
  return hundredthsText(Math.abs(hundredths));
}

/** Fen as 万元 with two decimals and thousands separators: 15_060_000 → '15.06'. */
export function formatWan(amount: number): string {
  // 1 万元 = 1_000_000 fen; two decimals of 万元 are hundreds of 元 (10_000 fen), half up.
  return formatYuan(fen(Number(roundHalfUpDiv(BigInt(amount), 10_000n))));
}

/** Fen as 元 with two decimals: 123456 → '1,234.56'. */
export function formatFenAsYuan(amount: number): string {
  return formatYuan(fen(amount));
}

/** A ratio of fen over a count (笔均借款), rounded half up to the fen, or null when 0 ÷ 0. */
export function averageFen(value: Ratio): Fen | null {
  if (value.denominator === 0) return null;
  return fen(Number(roundHalfUpDiv(BigInt(value.numerator), BigInt(value.denominator))));
}

/** 2026Q3 → 2026年第3季度 (a month or a year the usual way). */
export function periodLabel(period: Period): string {
  const parts = periodParts(period);
  if (parts.kind === 'quarter') return `${String(parts.year)}年第${String(parts.quarter)}季度`;
  if (parts.kind === 'month') return `${String(parts.year)}年${String(parts.month)}月`;
  return `${String(parts.year)}年`;
}
