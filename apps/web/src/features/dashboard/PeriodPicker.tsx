import { DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { periodEnd } from '@huzhu/domain';
import {
  dayOfPeriod,
  hasEnded,
  kindOf,
  PERIOD_KIND_NAMES,
  periodFromDay,
  type Period,
  type PeriodKind,
} from './period.js';

const KINDS: readonly PeriodKind[] = ['quarter', 'month', 'year'];

const FORMATS: Readonly<Record<PeriodKind, string>> = {
  quarter: 'YYYY年第Q季度',
  month: 'YYYY年M月',
  year: 'YYYY年',
};

/**
 * A month, quarter or year. `endedOnly` allows only periods that have ended (quarterly reports);
 * otherwise the current period may be chosen too (figures as of today), never a future one.
 */
export function PeriodPicker({
  value,
  onChange,
  kinds = KINDS,
  endedOnly = false,
}: {
  value: Period;
  onChange: (period: Period) => void;
  kinds?: readonly PeriodKind[];
  endedOnly?: boolean;
}) {
  const kind = kindOf(value);
  const disabledDate = (day: Dayjs) => {
    const period = periodFromDay(kind, day);
    return endedOnly ? !hasEnded(period) : dayOfPeriod(period).isAfter(dayjs(), 'day');
  };
  return (
    <Space.Compact className="period-picker">
      {kinds.length > 1 ? (
        <Select<PeriodKind>
          value={kind}
          style={{ width: 88 }}
          options={kinds.map((k) => ({ value: k, label: PERIOD_KIND_NAMES[k] }))}
          onChange={(next) => {
            // Keep the end of the period chosen: 2026Q3 → 2026年9月 → 2026年.
            onChange(periodFromDay(next, dayjs(periodEnd(value))));
          }}
          aria-label="期间类型"
        />
      ) : null}
      <DatePicker
        picker={kind}
        value={dayOfPeriod(value)}
        format={FORMATS[kind]}
        allowClear={false}
        disabledDate={disabledDate}
        style={{ width: 160 }}
        onChange={(day: Dayjs | null) => {
          if (day !== null) onChange(periodFromDay(kind, day));
        }}
        aria-label="期间"
      />
    </Space.Compact>
  );
}
