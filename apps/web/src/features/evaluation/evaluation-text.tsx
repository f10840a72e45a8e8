import { Tag } from 'antd';
import { errorMessage } from '@huzhu/contract';
import {
  EVALUATION_GRADE_NAMES,
  EVALUATION_OUTCOME_NAMES,
  type EvaluationGrade,
  type EvaluationOutcomeCode,
  type ScoringBand,
} from '@huzhu/domain';

const GRADE_COLORS: Readonly<Record<EvaluationGrade, string>> = {
  excellent: 'green',
  good: 'blue',
  pass: 'gold',
  fail: 'red',
};

export function isGrade(value: string): value is EvaluationGrade {
  return value in EVALUATION_GRADE_NAMES;
}

export function isOutcome(value: string): value is EvaluationOutcomeCode {
  return value in EVALUATION_OUTCOME_NAMES;
}

/** 优秀 / 良好 / 合格 / 不合格 as a coloured tag. */
export function GradeTag({ grade }: { grade: string }) {
  if (!isGrade(grade)) return <Tag>{grade}</Tag>;
  return (
    <Tag color={GRADE_COLORS[grade]} className={`grade-${grade}`}>
      {EVALUATION_GRADE_NAMES[grade]}
    </Tag>
  );
}

const OUTCOME_COLORS: Readonly<Record<EvaluationOutcomeCode, string>> = {
  reward_candidate: 'green',
  rectify: 'orange',
  exit: 'red',
  none: 'default',
};

export function outcomeName(outcome: string): string {
  return isOutcome(outcome) ? EVALUATION_OUTCOME_NAMES[outcome] : outcome;
}

export function OutcomeTag({ outcome }: { outcome: string | null }) {
  if (outcome === null) return <span>—</span>;
  return (
    <Tag color={isOutcome(outcome) ? OUTCOME_COLORS[outcome] : 'default'}>
      {outcomeName(outcome)}
    </Tag>
  );
}

/** Points from tenths: 875 → '87.5'. */
export function pointsText(tenths: number): string {
  return (tenths / 10).toFixed(1);
}

/** The run's problem codes of a fund in words, repeated ones counted. */
export function problemTexts(codes: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(
    ([code, n]) => `${errorMessage(code)}${n > 1 ? `（${String(n)} 项）` : ''}`,
  );
}

/**
 * A scoring band in words: '60%–80%：得 75%'. An indicator shown in times (周转率) has its bounds
 * in times too: 100% is 1倍.
 */
export function bandText(band: ScoringBand, times = false): string {
  const percent = (value: number): string =>
    times ? `${String(value / 100)}倍` : `${String(value)}%`;
  const { fromPercent: from, toPercent: to } = band;
  let range: string;
  if (from !== null && to !== null && from === to) range = `= ${percent(from)}`;
  else if (from === null && to !== null) range = `< ${percent(to)}`;
  else if (from !== null && to === null) range = `≥ ${percent(from)}`;
  else if (from !== null && to !== null) range = `${percent(from)}–${percent(to)}`;
  else range = '任意';
  return `${range}：得 ${String(band.awardPercent)}%`;
}
