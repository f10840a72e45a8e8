import { wanText } from './wan-yuan.js';

/** An amount in fen shown in 万元 ('100.00万元' with `unit`); negative in red. */
export function WanYuan({ fen, unit = false }: { fen: number; unit?: boolean }) {
  return (
    <span
      className="wan-yuan"
      style={{ fontVariantNumeric: 'tabular-nums', ...(fen < 0 ? { color: '#cf1322' } : {}) }}
    >
      {wanText(fen)}
      {unit ? '万元' : ''}
    </span>
  );
}
