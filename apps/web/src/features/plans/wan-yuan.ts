import { fen, formatWanYuan, FEN_PER_WAN_YUAN } from '@huzhu/domain';

/** Digits of fen in one 万元 (1 万元 = 1,000,000 fen). */
const WAN_DECIMALS = 6;

/**
 * A 万元 amount typed as text → fen, exactly (no floating point): '4000' → 4,000,000,000;
 * '12.5' → 12,500,000; at most six decimals (one fen). null when not a valid amount ≥ 0.
 */
export function parseWanYuan(input: string | undefined | null): number | null {
  if (input === undefined || input === null) return null;
  const text = input.trim().replace(/,/g, '');
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(text);
  if (match === null) return null;
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').padEnd(WAN_DECIMALS, '0');
  const value = Number(whole) * FEN_PER_WAN_YUAN + Number(fraction);
  if (!Number.isSafeInteger(value) || !Number.isSafeInteger(Number(whole) * FEN_PER_WAN_YUAN))
    return null;
  return value;
}

/** Fen as the 万元 text an input starts with ('15', '12.5'). */
export function wanInputOf(amountFen: number): string {
  return formatWanYuan(fen(amountFen));
}

/**
 * Fen as 万元 for display, exact, with thousands separators and at least two decimals:
 * 100,000,000 → '100.00'; 4,000,000,000 → '4,000.00'; 1 → '0.000001'.
 */
export function wanText(amountFen: number): string {
  const exact = formatWanYuan(fen(amountFen));
  const negative = exact.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? exact.slice(1) : exact).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${fraction.padEnd(2, '0')}`;
}
