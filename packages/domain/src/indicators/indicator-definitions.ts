import type { IndicatorCode } from './indicator-codes.js';

/** How an indicator's value is kept: a count, fen, or a `Ratio`. */
export type IndicatorKind = 'count' | 'money' | 'ratio';

/** How a value is shown: whole number, 元, percent, or times (次/倍). */
export type IndicatorDisplay = 'integer' | 'yuan' | 'percent' | 'times';

/** What an indicator is, for column titles and the notes under a table. */
export interface IndicatorDefinition {
  /** The Chinese name of DOMAIN §8. */
  readonly name: string;
  readonly kind: IndicatorKind;
  readonly display: IndicatorDisplay;
  /** The exact definition, in Chinese, for report notes. */
  readonly description: string;
}

const count = (name: string, description: string): IndicatorDefinition => ({
  name,
  kind: 'count',
  display: 'integer',
  description,
});
const money = (name: string, description: string): IndicatorDefinition => ({
  name,
  kind: 'money',
  display: 'yuan',
  description,
});
const ratio = (
  name: string,
  description: string,
  display: IndicatorDisplay = 'percent',
): IndicatorDefinition => ({ name, kind: 'ratio', display, description });

/** Every indicator of DOMAIN §8: name, kind and definition. Figures are as of period end. */
export const INDICATOR_DEFINITIONS: Readonly<Record<IndicatorCode, IndicatorDefinition>> = {
  members: count('会员户数', '入社日期不晚于期末且期末前未退社的会员户数'),
  members_poor: count('贫困户会员数', '会员户中，期末登记为建档立卡贫困户的户数'),
  membership_rate: ratio('入社率', '会员户数 ÷ 本村总户数（取期末前最近一次登记的户数）'),
  poor_membership_rate: ratio('贫困户入社率', '贫困户会员数 ÷ 本村建档立卡贫困户数'),
  fund_total: money(
    '互助资金总额',
    '会员互助金 + 净资产 + 本年未结转收入 − 费用 = 现金 + 银行存款 + 借款余额 + 其他应收款 − 其他负债',
  ),
  fund_fiscal: money('财政扶贫资金', '资金构成：310201 财政扶贫资金 + 本年政府补助收入（4401）'),
  fund_member: money('会员互助金', '资金构成：220901 会员互助金'),
  fund_donation: money('捐赠资金', '资金构成：310202 捐赠资金 + 本年捐赠收入（4101）'),
  fund_reserves: money(
    '积累',
    '资金构成：非限定性净资产（3101）+ 本年（占用费收入 + 其他收入 − 管理费用 − 其他费用）',
  ),
  outstanding: money('借款余额', '未核销借款的未还本金'),
  utilization_rate: ratio('资金使用率', '借款余额 ÷ 互助资金总额'),
  disbursed_count: count('本期发放笔数', '放款日期在本期内的借款笔数'),
  disbursed_amount: money('本期发放金额', '放款日期在本期内的借款本金合计'),
  disbursed_poor_share: ratio(
    '贫困户借款金额占比',
    '本期发放给放款当日登记为贫困户的会员的借款金额 ÷ 本期发放金额',
  ),
  borrower_coverage: ratio(
    '借款覆盖率',
    '会员户中近12个月（上年同日之后至期末）有借款发放的户数 ÷ 会员户数',
  ),
  turnover: ratio('年周转率', '近12个月发放借款金额 ÷ 互助资金总额', 'times'),
  due_principal: money('本期到期本金', '到期日在本期内的还款计划本金（展期后的到期日）'),
  on_time_rate: ratio(
    '按期还款率',
    '本期到期本金中，到期日当日或之前已归还的本金 ÷ 本期到期本金（还款按到期先后冲抵）',
  ),
  recovery_rate: ratio(
    '累计回收率',
    '期末前到期的全部本金中，期末前已归还的本金 ÷ 期末前到期的全部本金',
  ),
  overdue_balance: money('逾期余额', '逾期天数 ≥ 1 的未核销借款的未还本金'),
  overdue_rate: ratio('逾期率', '逾期余额 ÷ 借款余额'),
  par30: ratio(
    '30天以上逾期借款率',
    '逾期天数 > 30 的未核销借款的未还本金 ÷ 借款余额（国际通称 PAR30）',
  ),
  written_off: money('核销', '期末前累计核销的借款本金'),
  loss_rate: ratio('损失率', '累计核销本金 ÷ 累计发放金额'),
  fee_income: money('占用费收入', '本期收到的占用费与逾期占用费（430101、430102，不含年终结转）'),
  cost_coverage: ratio(
    '自负盈亏率',
    '近12个月占用费与逾期占用费收入 ÷ 同期管理费用（5201），均不含年终结转凭证',
  ),
  avg_loan: ratio('笔均借款', '本期发放金额 ÷ 本期发放笔数', 'yuan'),
  cash: money('库存现金', '期末现金（1001）余额'),
  bank: money('银行存款', '期末银行存款（1002）余额'),
};
