import type { Kysely } from 'kysely';
import {
  INDICATOR_CODES,
  INDICATOR_DEFINITIONS,
  ratioValue,
  type IndicatorCode,
  type Ratio,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { findRegionByCode } from '../../db/repositories/regions.js';
import type { Actor } from '../actor.js';
import { AppError, notFound } from '../errors.js';
import { indicatorsForFund, regionBreakdown } from './region-indicators.js';
import {
  NOT_APPLICABLE,
  averageFen,
  formatFenAsYuan,
  formatPercent,
  formatTimes,
} from './monitoring-format.js';

/** What `huzhu indicators` was asked. */
export interface IndicatorsCommand {
  readonly fund?: string | undefined;
  readonly region?: string | undefined;
  readonly period: string;
  readonly format: 'json' | 'table';
  readonly source: 'books' | 'snapshot';
}

type Value = number | Ratio;

function jsonValue(
  value: Value,
): number | { numerator: number; denominator: number; value: number | null } {
  return typeof value === 'number'
    ? value
    : { numerator: value.numerator, denominator: value.denominator, value: ratioValue(value) };
}

/** An indicator's value as people read it: 元, percent, times, or — when not applicable. */
export function displayIndicator(code: IndicatorCode, value: Value): string {
  const definition = INDICATOR_DEFINITIONS[code];
  if (typeof value === 'number')
    return definition.kind === 'money' ? `${formatFenAsYuan(value)} 元` : String(value);
  if (definition.display === 'percent') return formatPercent(value);
  if (definition.display === 'times') return formatTimes(value);
  const average = averageFen(value);
  return average === null ? NOT_APPLICABLE : `${formatFenAsYuan(average)} 元`;
}

/** Columns a text takes in a terminal: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let shown = 0;
  for (const char of text) shown += (char.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return shown;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * `huzhu indicators --fund CODE | --region CODE --period P`: the §8 indicators of a fund or a
 * region (rolled up), as JSON (money in fen, ratios with numerator, denominator and value) or as
 * an aligned table (code, 中文, value in 元 / % / 次 / —).
 */
export async function indicatorsCommand(
  db: Kysely<Database>,
  actor: Actor,
  command: IndicatorsCommand,
): Promise<string> {
  if ((command.fund === undefined) === (command.region === undefined))
    throw new AppError('validation_failed', { expected: '--fund CODE 或 --region CODE（二选一）' });
  let subject: { kind: 'fund' | 'region'; code: string; name: string };
  let summary: {
    period: string;
    asOf: string;
    source: string;
    fundCount: number;
    indicators: Readonly<Record<IndicatorCode, Value>>;
  };
  if (command.fund !== undefined) {
    const fund = await db
      .selectFrom('fund')
      .select(['id', 'code', 'name'])
      .where('code', '=', command.fund)
      .executeTakeFirst();
    if (fund === undefined) throw notFound('fund');
    subject = { kind: 'fund', code: fund.code, name: fund.name };
    summary = await indicatorsForFund(db, actor, fund.id, command.period, command.source);
  } else {
    const region = await findRegionByCode(db, command.region ?? '');
    if (region === undefined) throw notFound('region');
    subject = { kind: 'region', code: region.code, name: region.name };
    const breakdown = await regionBreakdown(db, actor, region.id, command.period, command.source);
    summary = {
      period: breakdown.period,
      asOf: breakdown.asOf,
      source: breakdown.source,
      fundCount: breakdown.total.fundCount,
      indicators: breakdown.total.indicators,
    };
  }
  if (command.format === 'json') {
    const indicators = Object.fromEntries(
      INDICATOR_CODES.map((code) => [code, jsonValue(summary.indicators[code])]),
    );
    return `${JSON.stringify({ [subject.kind]: { code: subject.code, name: subject.name }, period: summary.period, asOf: summary.asOf, source: summary.source, fundCount: summary.fundCount, indicators }, null, 2)}\n`;
  }
  const codeWidth = Math.max(...INDICATOR_CODES.map((c) => c.length));
  const nameWidth = Math.max(
    ...INDICATOR_CODES.map((c) => displayWidth(INDICATOR_DEFINITIONS[c].name)),
  );
  const shown = INDICATOR_CODES.map((code) => displayIndicator(code, summary.indicators[code]));
  const valueWidth = Math.max(...shown.map((text) => text.length));
  const lines = [
    `${subject.name}（${subject.code}）\u3000期间 ${summary.period}\u3000截至 ${summary.asOf}\u3000数据来源 ${summary.source === 'books' ? '账簿' : '季报'}\u3000互助社 ${String(summary.fundCount)} 个`,
    ...INDICATOR_CODES.map(
      (code, i) =>
        `${code.padEnd(codeWidth)}  ${padEnd(INDICATOR_DEFINITIONS[code].name, nameWidth)}  ${(shown[i] ?? '').padStart(valueWidth)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
