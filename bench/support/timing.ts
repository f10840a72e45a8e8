/** Milliseconds of a run of `fn`. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

/** The median of several runs (after one warm-up run), and every run's time. */
export async function medianOf<T>(
  runs: number,
  fn: () => Promise<T>,
): Promise<{ ms: number; runs: number[]; value: T }> {
  let value = (await timed(fn)).value;
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const run = await timed(fn);
    times.push(run.ms);
    value = run.value;
  }
  return { ms: percentile(times, 50), runs: times, value };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

/** Runs `tasks` with at most `limit` in flight. */
export async function pool<T>(limit: number, tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const index = next;
      next += 1;
      const task = tasks[index];
      if (task === undefined) return;
      results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: limit }, () => worker()));
  return results;
}
