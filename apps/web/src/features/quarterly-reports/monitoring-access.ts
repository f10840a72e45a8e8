import type { Role } from '@huzhu/contract';

/**
 * Who may do what in monitoring: a mirror of the server's permissions
 * (apps/server/src/app/actor.ts) used only to hide buttons; the server decides.
 */
const SUBMIT: readonly Role[] = ['township_officer', 'bookkeeper'];
const REVIEW: readonly Role[] = ['county_officer'];
const MANAGE: readonly Role[] = ['city_officer', 'county_officer', 'township_officer'];
/** The township, county and city officers: a village does not clear its own warnings. */
const WARNING_ACTIONS: readonly Role[] = MANAGE;
const THRESHOLDS: readonly Role[] = ['city_officer', 'county_officer'];

/** reports.submit: generate and submit quarterly reports, ask for an unlock. */
export function canSubmitReports(role: Role): boolean {
  return SUBMIT.includes(role);
}

/** reports.review: approve, return and lock reports; decide unlock requests. */
export function canReviewReports(role: Role): boolean {
  return REVIEW.includes(role);
}

/** 确认 / 解除 / 重新打开 a warning. */
export function canActOnWarnings(role: Role): boolean {
  return WARNING_ACTIONS.includes(role);
}

/** The thresholds form (city and county officers, for their own region). */
export function canSetThresholds(role: Role): boolean {
  return THRESHOLDS.includes(role);
}
