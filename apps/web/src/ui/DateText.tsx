const TIME_FORMAT = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** Formats a server timestamp in China time: '2026-11-27 10:00:00'. */
export function formatTimestamp(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = Object.fromEntries(TIME_FORMAT.formatToParts(date).map((p) => [p.type, p.value]));
  const get = (type: string): string => parts[type] ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/**
 * A calendar date (YYYY-MM-DD, shown as is: it is a business date, never shifted by time zone)
 * or, with `time`, a server timestamp in China time. null → '—'.
 */
export function DateText({ value, time = false }: { value: string | null; time?: boolean }) {
  if (value === null || value === '') return <span>—</span>;
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>
      {time ? formatTimestamp(value) : value}
    </span>
  );
}
