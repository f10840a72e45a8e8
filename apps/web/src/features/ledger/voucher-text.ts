/** Voucher kinds (one per business event) in the user's words. */
export const VOUCHER_KIND_NAMES: Readonly<Record<string, string>> = {
  member_contribution: '会员缴款',
  contribution_refund: '退还互助金',
  loan_disbursement: '放款',
  loan_repayment: '还款',
  fiscal_funds_received: '财政资金到账',
  donation_received: '捐赠',
  bank_interest: '银行利息',
  expense: '管理费用',
  loan_write_off: '借款核销',
  cash_deposit_to_bank: '现金存银行',
  bank_withdrawal: '银行取现金',
  year_end_close: '年终结转',
  surplus_distribution: '收益分配',
  manual: '手工凭证',
  reversal: '红字冲销',
};

/** Kinds a user may reverse directly (others are corrected through their business). */
export const REVERSIBLE_KINDS: readonly string[] = [
  'manual',
  'expense',
  'donation_received',
  'bank_interest',
  'fiscal_funds_received',
  'cash_deposit_to_bank',
  'bank_withdrawal',
];

export const CASH_EVENT_OPTIONS = [
  { value: 'fiscal_funds', label: '财政资金到账' },
  { value: 'donation', label: '捐赠' },
  { value: 'bank_interest', label: '银行利息' },
  { value: 'expense', label: '管理费用' },
  { value: 'cash_to_bank', label: '现金存银行' },
  { value: 'bank_to_cash', label: '银行取现金' },
] as const;
