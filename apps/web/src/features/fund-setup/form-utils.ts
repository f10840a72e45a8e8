import type { FormRule } from 'antd';
import { parseYuan } from '@huzhu/domain';
import dayjs, { type Dayjs } from 'dayjs';

/** A business date from a DatePicker: 'YYYY-MM-DD'. */
export function dateOf(value: Dayjs): string {
  return value.format('YYYY-MM-DD');
}

export function today(): Dayjs {
  return dayjs();
}

/** Business dates are never after today. */
export function disabledFuture(current: Dayjs): boolean {
  return current.isAfter(dayjs(), 'day');
}

/** A positive 元 amount typed as text → fen (no floats); null when not a valid amount. */
export function yuanToFen(input: string | undefined): number | null {
  if (input === undefined) return null;
  const parsed = parseYuan(input);
  return parsed.ok && parsed.value > 0 ? parsed.value : null;
}

/** Form rule of a 元 amount: positive, at most two decimals. */
export const YUAN_RULES: FormRule[] = [
  { required: true, message: '请输入金额' },
  {
    validator: async (_rule, value: string | undefined) => {
      if (value === undefined || value.trim() === '') return;
      const parsed = parseYuan(value);
      if (!parsed.ok)
        throw new Error(
          parsed.code === 'amount_too_many_decimals' ? '金额最多两位小数' : '请输入有效金额（元）',
        );
      if (parsed.value <= 0) throw new Error('金额须大于零');
    },
  },
];

export const CHANNEL_OPTIONS = [
  { value: 'cash', label: '现金' },
  { value: 'bank', label: '银行' },
] as const;

export const CHANNEL_NAMES: Readonly<Record<'cash' | 'bank', string>> = {
  cash: '现金',
  bank: '银行',
};
