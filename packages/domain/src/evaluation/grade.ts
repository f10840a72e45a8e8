import { invariant } from '../result.js';
import type { GradeThresholds } from './scheme.js';

/** 优秀 / 良好 / 合格 / 不合格. */
export const EVALUATION_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;

/** A grade of the evaluation. */
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

/** The Chinese name of each grade. */
export const EVALUATION_GRADE_NAMES: Readonly<Record<EvaluationGrade, string>> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

/** DOMAIN §11 defaults: 优秀 ≥ 90, 良好 80–89.9, 合格 60–79.9, 不合格 < 60 [default]. */
export const DEFAULT_GRADE_THRESHOLDS: GradeThresholds = { excellent: 90, good: 80, pass: 60 };

/** The grade of a total in tenths of a point: 899 is 良好, 900 优秀; 599 不合格, 600 合格. */
export function gradeOf(
  totalTenths: number,
  thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS,
): EvaluationGrade {
  invariant(Number.isSafeInteger(totalTenths), 'a total is whole tenths of a point');
  if (totalTenths >= Math.round(thresholds.excellent * 10)) return 'excellent';
  if (totalTenths >= Math.round(thresholds.good * 10)) return 'good';
  if (totalTenths >= Math.round(thresholds.pass * 10)) return 'pass';
  return 'fail';
}
