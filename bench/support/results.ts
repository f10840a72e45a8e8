import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const RESULTS_DIR = path.join(import.meta.dirname, '..', 'results');

/** One benchmark's outcome: a measured value against a baseline run in the same process. */
export interface BenchResult {
  name: string;
  title: string;
  /** What was measured, e.g. "loan postings per second". */
  metric: string;
  unit: string;
  value: number;
  baseline: { what: string; value: number };
  /** value ÷ baseline.value (what "ratio" means is said in `ratioMeaning`). */
  ratio: number;
  ratioMeaning: string;
  targets: { what: string; met: boolean }[];
  scale: string;
  details: Record<string, unknown>;
  notes: string[];
}

export function machine(): Record<string, unknown> {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
  };
}

export function writeResult(result: BenchResult, context: Record<string, unknown>): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(
    path.join(RESULTS_DIR, `${result.name}.json`),
    `${JSON.stringify({ ...result, ...context, machine: machine() }, null, 2)}\n`,
  );
}

function fmt(n: number): string {
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

/** Regenerates results/README.md from every results/*.json. */
export function writeReadme(): void {
  const files = readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const rows = files.map(
    (f) =>
      JSON.parse(readFileSync(path.join(RESULTS_DIR, f), 'utf8')) as BenchResult & {
        runAt?: string;
      },
  );
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (see `bench/run.ts`); each figure is measured against a baseline run',
    'in the same process on the same data. Machine and run details are in each `*.json`.',
    '',
    '| benchmark | measured | baseline | ratio | targets | scale |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.title} | ${fmt(r.value)} ${r.unit} | ${fmt(r.baseline.value)} ${r.unit} (${r.baseline.what}) | ${fmt(r.ratio)} (${r.ratioMeaning}) | ${r.targets.map((t) => `${t.met ? '✅' : '❌'} ${t.what}`).join('<br>')} | ${r.scale} |`,
    ),
    '',
    '## Notes',
    '',
    ...rows.flatMap((r) => [`### ${r.title}`, '', ...r.notes.map((n) => `- ${n}`), '']),
  ];
  writeFileSync(path.join(RESULTS_DIR, 'README.md'), `${lines.join('\n')}\n`);
}
