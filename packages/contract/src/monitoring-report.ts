import { z } from 'zod';
import { IndicatorSet, PeriodString } from './monitoring.js';
import { ReportModelBody } from './reports.js';

export const DOCX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const RegionIdQuery = z.coerce.number().int().min(1).max(2_147_483_647).optional();
const IndicatorSource = z.enum(['books', 'snapshot']).default('books');

/**
 * Query of `GET /monitoring-report`: a region in scope (default: the user's own), a quarter that
 * has ended, where the figures come from, and json (the document model) or docx (the file).
 */
export const MonitoringReportQuery = z.strictObject({
  regionId: RegionIdQuery,
  period: PeriodString,
  source: IndicatorSource,
  format: z.enum(['json', 'docx']).default('json'),
});
export type MonitoringReportQuery = z.infer<typeof MonitoringReportQuery>;

/** Query of `GET /indicators/table`: one row per child region (or fund), every §8 indicator. */
export const IndicatorTableQuery = z.strictObject({
  regionId: RegionIdQuery,
  period: PeriodString,
  source: IndicatorSource,
  format: z.enum(['json', 'xlsx']).default('json'),
});
export type IndicatorTableQuery = z.infer<typeof IndicatorTableQuery>;

/** How a chart's values are shown: percent (values are fractions) or 万元 (values are fen). */
export const MonitoringChartUnit = z.enum(['percent', 'wan_yuan']);

/** A bar chart as data: the screen draws it with ECharts, the docx as an image. */
export const MonitoringChart = z.object({
  id: z.string(),
  title: z.string(),
  unit: MonitoringChartUnit,
  categories: z.array(z.string()),
  /** One series per measure; a null value is "not applicable" (no bar, shown as —). */
  series: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })),
  caption: z.string(),
});
export type MonitoringChart = z.infer<typeof MonitoringChart>;

export const MonitoringBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
  z.object({
    kind: z.literal('table'),
    /** Money cells are fen; the docx shows them in this unit (the xlsx always in 元). */
    moneyUnit: z.enum(['yuan', 'wan_yuan']),
    table: ReportModelBody,
  }),
  z.object({ kind: z.literal('chart'), chart: MonitoringChart }),
]);
export type MonitoringBlock = z.infer<typeof MonitoringBlock>;

export const MonitoringSection = z.object({
  heading: z.string(),
  blocks: z.array(MonitoringBlock),
});
export type MonitoringSection = z.infer<typeof MonitoringSection>;

const RolledFigures = z.object({
  period: z.string(),
  fundCount: z.number().int(),
  indicators: IndicatorSet,
});

/**
 * The quarterly monitoring report (监测报告) as data. `figures` are the very numbers of
 * `GET /indicators` for the region and quarter (and the quarters before), `sections` the text,
 * tables and charts built from them, so the screen and the .docx cannot disagree.
 */
export const MonitoringReportDocument = z.object({
  title: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  region: z.object({
    id: z.number().int(),
    name: z.string(),
    level: z.enum(['city', 'county', 'township', 'village']),
  }),
  period: z.string(),
  previousPeriod: z.string(),
  asOf: z.string(),
  source: z.enum(['books', 'snapshot']),
  figures: z.object({
    current: RolledFigures,
    previous: RolledFigures,
    /** Each child region (or fund under a township), as `GET /indicators` lists them. */
    children: z.array(
      z.object({
        kind: z.enum(['region', 'fund']),
        id: z.number().int(),
        name: z.string(),
        fundCount: z.number().int(),
        indicators: IndicatorSet,
      }),
    ),
    /** The last four quarters, oldest first. */
    trend: z.array(RolledFigures),
  }),
  sections: z.array(MonitoringSection),
});
export type MonitoringReportDocument = z.infer<typeof MonitoringReportDocument>;
