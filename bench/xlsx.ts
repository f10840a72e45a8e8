import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { ratioValue, type IsoDate, type ReportModel, type ReportRow } from '@huzhu/domain';
import type { Database } from '../apps/server/src/db/schema.js';
import { loanRegisterOf } from '../apps/server/src/app/reports/loan-register.js';
import { renderXlsx } from '../apps/server/src/export/xlsx.js';
import type { BenchResult } from './support/results.js';
import { medianOf } from './support/timing.js';

/** The loan registers of the simulated funds, one after another, to `rows` rows (repeating). */
async function bigLoanRegister(
  db: Kysely<Database>,
  asOf: IsoDate,
  rows: number,
): Promise<ReportModel> {
  const funds = await db
    .selectFrom('fund as f')
    .innerJoin('region as r', 'r.id', 'f.region_id')
    .select(['f.id', 'f.code', 'f.name', 'r.id as region_id', 'r.path'])
    .orderBy('f.id')
    .execute();
  let model: ReportModel | null = null;
  const all: ReportRow[] = [];
  for (const f of funds) {
    if (all.length >= rows) break;
    const one = await loanRegisterOf(
      db,
      { id: f.id, code: f.code, name: f.name, regionId: f.region_id, regionPath: f.path },
      asOf,
    );
    model ??= one;
    all.push(...one.rows);
  }
  if (model === null || all.length === 0) throw new Error('no loans to export');
  const filled: ReportRow[] = [];
  for (let i = 0; filled.length < rows; i += 1) filled.push(all[i % all.length] as ReportRow);
  return { ...model, title: '借款台账（全市合并）', rows: filled };
}

/** The baseline: the same cells through exceljs's streaming writer, no styles or formats. */
async function plainXlsx(model: ReportModel): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false });
  const sheet = workbook.addWorksheet('data');
  sheet.addRow(model.columns.map((c) => c.title)).commit();
  for (const row of model.rows) {
    sheet
      .addRow(
        model.columns.map((c) => {
          const cell = row[c.key];
          if (cell === undefined || cell === null) return null;
          if (typeof cell === 'object') return ratioValue(cell);
          return cell;
        }),
      )
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

/** .xlsx export of a 20,000-row table through the app's renderer. */
export async function xlsxBench(options: {
  db: Kysely<Database>;
  asOf: IsoDate;
  rows: number;
  scale: string;
}): Promise<BenchResult> {
  const model = await bigLoanRegister(options.db, options.asOf, options.rows);
  const app = await medianOf(3, () => renderXlsx(model, { fundName: '重庆市' }));
  const plain = await medianOf(3, () => plainXlsx(model));
  return {
    name: 'xlsx',
    title: `.xlsx export of a ${options.rows.toLocaleString('en-US')}-row table`,
    metric: 'time of renderXlsx (export/xlsx.ts) for the loan register model',
    unit: 'ms',
    value: app.ms,
    baseline: {
      what: 'the same cells through exceljs streaming, no styles or number formats',
      value: plain.ms,
    },
    ratio: app.ms / plain.ms,
    ratioMeaning: 'renderXlsx ÷ plain exceljs; lower is better',
    targets: [{ what: '< 5 s', met: app.ms < 5000 }],
    scale: options.scale,
    details: {
      rows: model.rows.length,
      columns: model.columns.length,
      bytes: app.value.length,
      plainBytes: plain.value.length,
      runsMs: app.runs,
      baselineRunsMs: plain.runs,
    },
    notes: [
      `${String(model.rows.length)} rows × ${String(model.columns.length)} columns of the loan register (the simulated funds' registers merged, repeated to the row count); median of 3 runs after a warm-up; ${(app.value.length / 1024).toFixed(0)} KiB file.`,
    ],
  };
}
