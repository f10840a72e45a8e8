import type { Fen } from '../money/fen.js';

/** Fen in one 万元. */
export const FEN_PER_WAN_YUAN = 1_000_000;

/**
 * Fen as 万元, exact, trailing zeros dropped: 15,000,000 → '15', 12,500,000 → '12.5',
 * 1 → '0.000001'. For text; the plan table's cells stay fen and are converted when rendered.
 */
export function formatWanYuan(amount: Fen): string {
  const sign = amount < 0 ? '-' : '';
  const magnitude = Math.abs(amount);
  const whole = Math.trunc(magnitude / FEN_PER_WAN_YUAN);
  const fraction = String(magnitude % FEN_PER_WAN_YUAN)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}
