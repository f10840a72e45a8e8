/**
 * A ratio given as a fraction (0.256 → '25.6%') or null when it has no denominator ('—').
 * `digits` decimals of the percentage.
 */
export function RatioText({ value, digits = 1 }: { value: number | null; digits?: number }) {
  if (value === null || !Number.isFinite(value)) return <span>—</span>;
  return (
    <span
      style={{ fontVariantNumeric: 'tabular-nums' }}
    >{`${(value * 100).toFixed(digits)}%`}</span>
  );
}
