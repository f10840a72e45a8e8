/** Something that is told how far a long job has come. */
export interface Progress {
  start(label: string, total: number): void;
  tick(done?: number): void;
  done(summary?: string): void;
}

/** A progress that says nothing (tests). */
export const SILENT_PROGRESS: Progress = {
  start: () => undefined,
  tick: () => undefined,
  done: () => undefined,
};

function bar(fraction: number, width: number): string {
  const full = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `${'█'.repeat(full)}${'░'.repeat(width - full)}`;
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60
    ? `${String(s)}s`
    : `${String(Math.floor(s / 60))}m${String(s % 60).padStart(2, '0')}s`;
}

/**
 * A single-line progress bar on stderr, redrawn at most every 200 ms (every 5 s, one line each,
 * when stderr is not a terminal): label, bar, count, rate and time left.
 */
export function consoleProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY;
  let label = '';
  let total = 0;
  let count = 0;
  let started = 0;
  let drawn = 0;
  const draw = (force: boolean): void => {
    const now = Date.now();
    if (!force && now - drawn < (tty ? 200 : 5000)) return;
    drawn = now;
    const elapsed = now - started;
    const rate = elapsed > 0 ? (count * 1000) / elapsed : 0;
    const left = rate > 0 && total > count ? ((total - count) / rate) * 1000 : 0;
    const line = `${label} ${bar(total === 0 ? 1 : count / total, 24)} ${String(count)}/${String(total)} ${rate.toFixed(1)}/s ${duration(elapsed)}${left > 0 ? `，剩余约 ${duration(left)}` : ''}`;
    if (tty) stream.write(`\r\u001b[2K${line}`);
    else stream.write(`${line}\n`);
  };
  return {
    start: (newLabel, newTotal) => {
      label = newLabel;
      total = newTotal;
      count = 0;
      started = Date.now();
      drawn = 0;
      draw(true);
    },
    tick: (done = 1) => {
      count += done;
      draw(false);
    },
    done: (summary) => {
      draw(true);
      stream.write(`${tty ? '\n' : ''}${summary === undefined ? '' : `${summary}\n`}`);
    },
  };
}
