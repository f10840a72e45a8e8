import { describe, expect, it } from 'vitest';
import {
  AmountOutOfRangeError,
  fen,
  fenFromBigInt,
  MAX_FUND_TOTAL_FEN,
  MAX_MOVEMENT_FEN,
  sumFen,
  formatRate,
  formatYuan,
  parseYuan,
  rateFromAnnualPercent,
  rateFromMonthlyPermille,
  roundHalfUpDiv,
  toChineseUppercase,
} from '../src/money/index.js';

describe('fen', () => {
  it('accepts integers and rejects fractions as bugs', () => {
    expect(fen(-5)).toBe(-5);
    expect(() => fen(1.5)).toThrow(/Invariant/);
  });

  it('sums exactly', () => {
    expect(sumFen([fen(10), fen(20), fen(-5)])).toBe(25);
    expect(sumFen([])).toBe(0);
  });
});

describe('parseYuan', () => {
  it.each([
    ['1234.56', 123456],
    ['1,234.5', 123450],
    ['0.01', 1],
    ['  100 ', 10000],
    ['-3', -300],
    ['1,000,000.00', 100000000],
  ])('parses %s as %i fen', (input, expected) => {
    expect(parseYuan(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['', 'abc', '1.2.3', '12,34', '1e3', '¥5', '.5', '5.'])('rejects %j', (input) => {
    expect(parseYuan(input)).toMatchObject({ ok: false, code: 'amount_invalid' });
  });

  it('rejects more than two decimals instead of rounding', () => {
    expect(parseYuan('1.005')).toMatchObject({ ok: false, code: 'amount_too_many_decimals' });
  });

  it('rejects amounts beyond a safe integer of fen', () => {
    expect(parseYuan('900000000000000')).toMatchObject({ code: 'amount_out_of_range' });
  });
});

describe('formatYuan', () => {
  it.each([
    [123456, '1,234.56'],
    [5, '0.05'],
    [0, '0.00'],
    [-100000050, '-1,000,000.50'],
  ])('formats %i fen as %s', (amount, expected) => {
    expect(formatYuan(fen(amount))).toBe(expected);
  });
});

describe('toChineseUppercase (大写金额)', () => {
  it.each([
    [1000520, '壹万零伍元贰角整'],
    [140950, '壹仟肆佰零玖元伍角整'],
    [600714, '陆仟零柒元壹角肆分'],
    [168032, '壹仟陆佰捌拾元叁角贰分'],
    [10700053, '壹拾万柒仟元伍角叁分'],
    [1640902, '壹万陆仟肆佰零玖元零贰分'],
    [32504, '叁佰贰拾伍元零肆分'],
    [1600, '壹拾陆元整'],
    [50, '伍角整'],
    [5, '伍分'],
    [0, '零元整'],
    [1000000, '壹万元整'],
    [15000000, '壹拾伍万元整'],
    [10000000000, '壹亿元整'],
    [10001000000, '壹亿零壹万元整'],
    [11000000000, '壹亿壹仟万元整'],
    [100000000000000, '壹万亿元整'],
    [-1000520, '负壹万零伍元贰角整'],
  ])('%i fen → %s', (amount, expected) => {
    expect(toChineseUppercase(fen(amount))).toBe(expected);
  });
});

describe('roundHalfUpDiv', () => {
  it('rounds halves away from zero and everything else to nearest', () => {
    expect(roundHalfUpDiv(7n, 2n)).toBe(4n);
    expect(roundHalfUpDiv(5n, 2n)).toBe(3n);
    expect(roundHalfUpDiv(7n, 3n)).toBe(2n);
    expect(roundHalfUpDiv(8n, 3n)).toBe(3n);
    expect(roundHalfUpDiv(-7n, 2n)).toBe(-4n);
    expect(roundHalfUpDiv(0n, 9n)).toBe(0n);
  });
});

describe('rates', () => {
  it('converts 月息7‰ to 840 bp a year and shows it back', () => {
    expect(rateFromMonthlyPermille(7)).toBe(840);
    expect(rateFromMonthlyPermille(6.5)).toBe(780);
    expect(rateFromAnnualPercent(8.4)).toBe(840);
    expect(formatRate(rateFromMonthlyPermille(7), 'monthly_permille')).toBe('月息7‰');
    expect(formatRate(rateFromMonthlyPermille(6.5), 'monthly_permille')).toBe('月息6.5‰');
    expect(formatRate(rateFromMonthlyPermille(7), 'annual_percent')).toBe('年8.4%');
  });

  it('refuses a rate that is not a whole number of basis points', () => {
    expect(() => rateFromAnnualPercent(8.405)).toThrow(/Invariant/);
  });
});

describe('amount limits (issue 17.1)', () => {
  it('a sum leaving the exact integer range is a named AmountOutOfRangeError, a fraction a bug', () => {
    expect(() => sumFen([fen(Number.MAX_SAFE_INTEGER), fen(1)])).toThrow(AmountOutOfRangeError);
    expect(() => fenFromBigInt(2n ** 60n)).toThrow(AmountOutOfRangeError);
    expect(() => fen(1.5)).toThrow(/Invariant violated/);
    expect(sumFen([fen(MAX_MOVEMENT_FEN), fen(MAX_MOVEMENT_FEN)])).toBe(2 * MAX_MOVEMENT_FEN);
    // The limits leave room: 900 funds at the fund limit still sum exactly.
    expect(Number.isSafeInteger(900 * MAX_FUND_TOTAL_FEN)).toBe(true);
  });
});
