import { addDays, type IsoDate } from '../calendar/iso-date.js';
import type { DateWindow } from '../calendar/period.js';
import { ACCOUNT_CODES as A, type Account } from '../ledger/accounts.js';
import { activityMovements, normalBalance, type PostedLine } from '../ledger/balances.js';
import { fen, type Fen } from '../money/fen.js';

/** Fee and management-expense activity over a date range, year-end closes left out. */
export interface FeeActivity {
  /** Net credits of 430101 占用费收入 and 430102 逾期占用费 (a reversal reduces them). */
  readonly feeIncomeFen: Fen;
  /** Net debits of 5201 管理费用. */
  readonly managementExpensesFen: Fen;
}

/** Fee income and management expenses for lines dated `from`…`through`. */
export function feeActivity(
  chart: readonly Account[],
  lines: readonly PostedLine[],
  range: { readonly from: IsoDate; readonly through: IsoDate },
): FeeActivity {
  const movements = activityMovements(chart, lines, range);
  const b = (code: string): number => normalBalance(chart, movements, code);
  return {
    feeIncomeFen: fen(b(A.feeIncome) + b(A.overdueFeeIncome)),
    managementExpensesFen: fen(b(A.managementExpenses)),
  };
}

/** The inclusive date range of a half-open window (after, through]. */
export function windowRange(window: DateWindow): { from: IsoDate; through: IsoDate } {
  return { from: addDays(window.after, 1), through: window.through };
}
