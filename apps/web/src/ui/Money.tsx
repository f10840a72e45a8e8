import { fen, formatYuan } from '@huzhu/domain';

/** An amount in integer fen shown as 元 with two decimals ('1,234.56'); negative in red. */
export function Money({ fen: amount, unit = false }: { fen: number; unit?: boolean }) {
  const text = `${formatYuan(fen(amount))}${unit ? ' 元' : ''}`;
  return (
    <span
      className="money"
      style={{
        fontVariantNumeric: 'tabular-nums',
        ...(amount < 0 ? { color: '#cf1322' } : {}),
      }}
    >
      {text}
    </span>
  );
}
