/** Code-point order of two strings (−1, 0, 1): a deterministic last tie-break. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
