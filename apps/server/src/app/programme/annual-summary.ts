import type { Kysely } from 'kysely';
import {
  chineseDate,
  parsePeriod,
  periodEnd,
  previousPeriod,
  ratio,
  type IndicatorCode,
  type IsoDate,
  type Period,
} from '@huzhu/domain';
import type { MonitoringReportDocument, MonitoringSection } from '@huzhu/contract';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../actor.js';
import { AppError } from '../errors.js';
import { chinaToday } from '../books/context.js';
import {
  childFigures,
  indicatorsByFund,
  regionScope,
  rollUpFunds,
} from '../monitoring/monitoring-data.js';
import { formatPercent, formatWan } from '../monitoring/monitoring-format.js';
import { indicatorTable } from '../monitoring/monitoring-table.js';

/** The indicators the annual summary tables show, in this order. */
const SUMMARY_CODES: readonly IndicatorCode[] = [
  'members',
  'members_poor',
  'fund_total',
  'fund_fiscal',
  'outstanding',
  'disbursed_count',
  'disbursed_amount',
  'disbursed_poor_share',
  'on_time_rate',
  'recovery_rate',
  'overdue_rate',
  'written_off',
];

/** How many typical cases the summary asks for (the notice: 2–3). */
const TYPICAL_CASES_WANTED = 3;

/**
 * 年度工作总结 of a county (or any region in scope) for a year: project operation, disbursement
 * and recovery figures from the books, farmers' opinions from the satisfaction surveys entered per
 * fund, and the typical cases the county recorded. A year still running is summed to today.
 * Rendered to Word by the monitoring report renderer, so screen and file show the same figures.
 */
export async function buildAnnualSummary(
  db: Kysely<Database>,
  actor: Actor,
  regionId: number | undefined,
  year: number,
  now: Date,
): Promise<MonitoringReportDocument> {
  const parsed = parsePeriod(String(year));
  if (!parsed.ok) throw new AppError('period_invalid', { year });
  const period: Period = parsed.value;
  const today = chinaToday(now);
  if (`${String(year)}-01-01` > today) throw new AppError('period_not_started', { year });
  const asOf: IsoDate = periodEnd(period) < today ? periodEnd(period) : today;
  const scope = await regionScope(db, actor, regionId);
  const fundIds = scope.funds.map((f) => f.fundId);
  const byFund = await indicatorsByFund(db, scope.funds, period, 'books', asOf);
  const previous = previousPeriod(period);
  const before = await indicatorsByFund(db, scope.funds, previous, 'books');
  const current = { period, ...rollUpFunds(byFund, fundIds, period) };
  const prior = { period: previous, ...rollUpFunds(before, fundIds, previous) };
  const children = childFigures(scope, byFund, period);
  const v = current.indicators;
  const p = prior.indicators;
  const name = scope.region.name;

  const operation: MonitoringSection = {
    heading: '一、项目运行情况',
    blocks: [
      {
        kind: 'paragraph',
        text:
          `截至${chineseDate(asOf)}，${name}共有村级互助资金互助社 ${String(scope.funds.length)} 个，` +
          `入社会员 ${String(v.members)} 户（上年末 ${String(p.members)} 户），其中贫困户 ${String(v.members_poor)} 户，` +
          `占 ${formatPercent(ratio(v.members_poor, v.members))}；入社率 ${formatPercent(v.membership_rate)}，` +
          `贫困户入社率 ${formatPercent(v.poor_membership_rate)}。`,
      },
      {
        kind: 'paragraph',
        text:
          `互助资金总额 ${formatWan(v.fund_total)} 万元（上年末 ${formatWan(p.fund_total)} 万元），` +
          `其中财政扶贫资金 ${formatWan(v.fund_fiscal)} 万元、会员互助金 ${formatWan(v.fund_member)} 万元、` +
          `捐赠资金 ${formatWan(v.fund_donation)} 万元、积累 ${formatWan(v.fund_reserves)} 万元；` +
          `本年占用费收入 ${formatWan(v.fee_income)} 万元，自负盈亏率 ${formatPercent(v.cost_coverage)}。`,
      },
    ],
  };
  const lending: MonitoringSection = {
    heading: '二、资金发放与回收情况',
    blocks: [
      {
        kind: 'paragraph',
        text:
          `本年累计发放借款 ${String(v.disbursed_count)} 笔、${formatWan(v.disbursed_amount)} 万元` +
          `（上年 ${String(p.disbursed_count)} 笔、${formatWan(p.disbursed_amount)} 万元），` +
          `其中贫困户借款金额占 ${formatPercent(v.disbursed_poor_share)}，借款覆盖率 ${formatPercent(v.borrower_coverage)}，` +
          `年周转率 ${formatPercent(v.turnover)}。年末借款余额 ${formatWan(v.outstanding)} 万元，资金使用率 ${formatPercent(v.utilization_rate)}。`,
      },
      {
        kind: 'paragraph',
        text:
          `本年到期本金 ${formatWan(v.due_principal)} 万元，按期还款率 ${formatPercent(v.on_time_rate)}；` +
          `累计回收率 ${formatPercent(v.recovery_rate)}；逾期余额 ${formatWan(v.overdue_balance)} 万元，` +
          `逾期率 ${formatPercent(v.overdue_rate)}，30天以上逾期借款率 ${formatPercent(v.par30)}；累计核销 ${formatWan(v.written_off)} 万元，` +
          `损失率 ${formatPercent(v.loss_rate)}。`,
      },
      {
        kind: 'table',
        moneyUnit: 'wan_yuan',
        table: indicatorTable({
          title: `表1\u3000${String(year)}年各${scope.region.level === 'city' ? '区县' : scope.region.level === 'county' ? '乡镇' : '互助社'}运行情况`,
          subtitle: `截至${chineseDate(asOf)}\u3000金额单位：万元`,
          unitTitle:
            scope.region.level === 'city'
              ? '区县'
              : scope.region.level === 'county'
                ? '乡镇'
                : '互助社',
          units: children.filter((c) => c.fundCount > 0),
          total: { name: `合计（${name}）`, ...current },
          codes: SUMMARY_CODES,
          notes: ['比率由分子、分母分别汇总后重新计算；“—”为不适用（分母为零）。'],
        }),
      },
    ],
  };

  const surveys =
    fundIds.length === 0
      ? []
      : await db
          .selectFrom('satisfaction_survey as s')
          .innerJoin('fund as f', 'f.id', 's.fund_id')
          .select([
            'f.name',
            's.respondents',
            's.satisfied',
            's.neutral',
            's.dissatisfied',
            's.opinions',
          ])
          .where('s.year', '=', year)
          .where('s.fund_id', 'in', fundIds)
          .orderBy('f.name')
          .execute();
  const respondents = surveys.reduce((sum, s) => sum + s.respondents, 0);
  const satisfied = surveys.reduce((sum, s) => sum + s.satisfied, 0);
  const dissatisfied = surveys.reduce((sum, s) => sum + s.dissatisfied, 0);
  const opinions: MonitoringSection = {
    heading: '三、农户意见',
    blocks:
      surveys.length === 0
        ? [
            {
              kind: 'paragraph',
              text: `本年尚未录入满意度调查（${String(scope.funds.length)} 个互助社均未录入）。`,
            },
          ]
        : [
            {
              kind: 'paragraph',
              text:
                `本年 ${String(surveys.length)} 个互助社开展了满意度调查，共调查农户 ${String(respondents)} 户，` +
                `满意 ${String(satisfied)} 户，满意率 ${formatPercent(ratio(satisfied, respondents))}；` +
                `不满意 ${String(dissatisfied)} 户，占 ${formatPercent(ratio(dissatisfied, respondents))}。` +
                (surveys.length < scope.funds.length
                  ? `另有 ${String(scope.funds.length - surveys.length)} 个互助社未录入调查。`
                  : ''),
            },
            {
              kind: 'list',
              items: surveys
                .filter((s) => s.opinions.trim() !== '')
                .map((s) => `${s.name}：${s.opinions.trim()}`),
            },
          ],
  };

  const cases = await db
    .selectFrom('typical_case as c')
    .innerJoin('region as r', 'r.id', 'c.region_id')
    .select(['c.title', 'c.body'])
    .where('r.path', 'like', `${scope.region.path}%`)
    .where('c.year', '=', year)
    .orderBy('c.id')
    .limit(TYPICAL_CASES_WANTED)
    .execute();
  const typical: MonitoringSection = {
    heading: '四、典型案例',
    blocks:
      cases.length === 0
        ? [{ kind: 'paragraph', text: '本年尚未录入典型案例（通知要求 2—3 个）。' }]
        : [
            ...cases.flatMap((c, i) => [
              { kind: 'paragraph' as const, text: `（${'一二三'.charAt(i)}）${c.title}` },
              { kind: 'paragraph' as const, text: c.body },
            ]),
            ...(cases.length < 2
              ? [{ kind: 'paragraph' as const, text: '（通知要求 2—3 个典型案例，尚缺。）' }]
              : []),
          ],
  };
  return {
    title: `${name}村级互助资金${String(year)}年度工作总结`,
    issuer: `${name}扶贫办`,
    issuedOn: today,
    region: { id: scope.region.id, name: scope.region.name, level: scope.region.level },
    period,
    previousPeriod: previous,
    asOf,
    source: 'books',
    figures: {
      current,
      previous: prior,
      children: children.map((c) => ({ ...c })),
      trend: [prior, current],
    },
    sections: [operation, lending, opinions, typical],
  };
}
