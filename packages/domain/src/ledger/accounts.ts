import { invariant } from '../result.js';

/** The five element kinds of 《民间非营利组织会计制度》. */
export type AccountKind = 'asset' | 'liability' | 'net_assets' | 'income' | 'expense';

/** A side of an entry: 借 (debit) or 贷 (credit). */
export type Side = 'debit' | 'credit';

/** What a subledger line points at: a loan (1121) or a member (220901). */
export type SubledgerKind = 'loan' | 'member';

/** One account (会计科目) of the chart. */
export interface Account {
  readonly code: string;
  readonly name: string;
  readonly kind: AccountKind;
  readonly normalSide: Side;
  readonly parentCode: string | null;
  /** Lines on this account must name a loan or member; null when none is kept. */
  readonly subledger: SubledgerKind | null;
}

/** The account codes the posting rules use, by what they hold. */
export const ACCOUNT_CODES = {
  cash: '1001',
  bank: '1002',
  loansReceivable: '1121',
  otherReceivables: '1122',
  otherPayables: '2209',
  memberFunds: '220901',
  unrestrictedNetAssets: '3101',
  commonReserve: '310101',
  welfareFund: '310102',
  riskReserve: '310103',
  undistributedSurplus: '310104',
  restrictedNetAssets: '3102',
  fiscalFunds: '310201',
  donationFunds: '310202',
  serviceIncome: '4301',
  feeIncome: '430101',
  overdueFeeIncome: '430102',
  donationIncome: '4101',
  governmentGrantIncome: '4401',
  otherIncome: '4901',
  managementExpenses: '5201',
  otherExpenses: '5401',
} as const;

function account(
  code: string,
  name: string,
  kind: AccountKind,
  parentCode: string | null = null,
  subledger: SubledgerKind | null = null,
): Account {
  const normalSide: Side = kind === 'asset' || kind === 'expense' ? 'debit' : 'credit';
  return { code, name, kind, normalSide, parentCode, subledger };
}

/** The default chart of accounts (DOMAIN §7): codes of 财会〔2004〕7号, sub-accounts ours. */
export const DEFAULT_CHART: readonly Account[] = [
  account('1001', '现金', 'asset'),
  account('1002', '银行存款', 'asset'),
  account('1121', '应收借款（借出互助金）', 'asset', null, 'loan'),
  account('1122', '其他应收款', 'asset'),
  account('2209', '其他应付款', 'liability'),
  account('220901', '会员互助金', 'liability', '2209', 'member'),
  account('3101', '非限定性净资产', 'net_assets'),
  account('310101', '公积金', 'net_assets', '3101'),
  account('310102', '公益金', 'net_assets', '3101'),
  account('310103', '风险准备金', 'net_assets', '3101'),
  account('310104', '未分配结余', 'net_assets', '3101'),
  account('3102', '限定性净资产', 'net_assets'),
  account('310201', '财政扶贫资金', 'net_assets', '3102'),
  account('310202', '捐赠资金', 'net_assets', '3102'),
  account('4101', '捐赠收入', 'income'),
  account('4301', '提供服务收入', 'income'),
  account('430101', '占用费收入', 'income', '4301'),
  account('430102', '逾期占用费', 'income', '4301'),
  account('4401', '政府补助收入', 'income'),
  account('4901', '其他收入', 'income'),
  account('5201', '管理费用', 'expense'),
  account('5401', '其他费用', 'expense'),
];

/** A chart indexed for lookups. */
export interface ChartIndex {
  readonly accounts: readonly Account[];
  readonly byCode: ReadonlyMap<string, Account>;
  /** Child codes per parent code. */
  readonly children: ReadonlyMap<string, readonly string[]>;
}

const indexes = new WeakMap<readonly Account[], ChartIndex>();

/** Indexes a chart (memoised per chart array); a child before its parent or a cycle is a bug. */
export function chartIndex(chart: readonly Account[]): ChartIndex {
  const cached = indexes.get(chart);
  if (cached !== undefined) return cached;
  const byCode = new Map<string, Account>();
  const children = new Map<string, string[]>();
  for (const entry of chart) {
    invariant(!byCode.has(entry.code), `duplicate account ${entry.code}`);
    if (entry.parentCode !== null) {
      const parent = byCode.get(entry.parentCode);
      invariant(parent !== undefined, `parent ${entry.parentCode} must precede ${entry.code}`);
      invariant(parent.kind === entry.kind, `sub-account ${entry.code} changes kind`);
      children.set(entry.parentCode, [...(children.get(entry.parentCode) ?? []), entry.code]);
    }
    byCode.set(entry.code, entry);
  }
  const index: ChartIndex = { accounts: chart, byCode, children };
  indexes.set(chart, index);
  return index;
}

/** The account with a code, or undefined. */
export function findAccount(chart: readonly Account[], code: string): Account | undefined {
  return chartIndex(chart).byCode.get(code);
}

/** Whether entries may be posted to an account: only leaf accounts (no sub-accounts). */
export function isPostable(chart: readonly Account[], code: string): boolean {
  const index = chartIndex(chart);
  return index.byCode.has(code) && !index.children.has(code);
}

/** The codes of an account and its ancestors, the account first. */
export function accountAncestry(chart: readonly Account[], code: string): readonly string[] {
  const index = chartIndex(chart);
  const codes: string[] = [];
  let current = index.byCode.get(code);
  while (current !== undefined) {
    codes.push(current.code);
    current = current.parentCode === null ? undefined : index.byCode.get(current.parentCode);
  }
  return codes;
}

/** Depth of an account in the chart: 0 for a top-level account. */
export function accountLevel(chart: readonly Account[], code: string): number {
  return accountAncestry(chart, code).length - 1;
}
