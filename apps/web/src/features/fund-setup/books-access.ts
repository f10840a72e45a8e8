import type { Role } from '@huzhu/contract';
import { useCurrentUser } from '../auth/session.js';

/**
 * What a role may do in a fund's books: a mirror of the server's permissions
 * (apps/server/src/app/actor.ts) used only to hide buttons; the server decides.
 */
export type BookPermission =
  /** 登记、专户、户数、章程、理事监事. */
  | 'fund.setup'
  /** 会员、联保小组、借款申请、放款、还款、凭证、资金收支. */
  | 'books.write'
  /** 月末结账、年终结转. */
  | 'books.close'
  /** 理事会: 审批、驳回、展期. */
  | 'loans.approve'
  /** 监事会: 审查、驳回. */
  | 'loans.review';

const BOOK_PERMISSIONS: Readonly<Record<Role, readonly BookPermission[]>> = {
  admin: [],
  city_officer: [],
  county_officer: ['fund.setup'],
  township_officer: ['fund.setup', 'books.write', 'books.close'],
  bookkeeper: ['fund.setup', 'books.write', 'books.close'],
  cashier: ['books.write'],
  board_member: ['loans.approve'],
  supervisor: ['loans.review'],
  auditor: [],
};

export function canDo(role: Role, permission: BookPermission): boolean {
  return BOOK_PERMISSIONS[role].includes(permission);
}

/** `can('books.write')`: whether the signed-in user may use a book action. */
export function useBookAccess(): (permission: BookPermission) => boolean {
  const user = useCurrentUser();
  return (permission) => canDo(user.role, permission);
}
