import type { PlanBody } from '@huzhu/contract';
import {
  PLAN_SOURCES,
  type PlanCategory,
  type PlanSource,
  STANDARD_VILLAGE_AMOUNT_FEN,
} from '@huzhu/domain';
import dayjs, { type Dayjs } from 'dayjs';
import type { PlanView } from '../../api/types.js';
import { parseWanYuan, wanInputOf } from './wan-yuan.js';

export interface AllocationValues {
  countyCode?: string | undefined;
  villageCode?: string | null | undefined;
  category: PlanCategory;
  source: PlanSource;
  villageCount?: number | null | undefined;
  /** 万元 as typed; blank: the standard amount × the village count. */
  amountWan?: string | undefined;
  remark?: string | undefined;
}

export interface PlanValues {
  title?: string | undefined;
  year?: number | null | undefined;
  documentNumber?: string | undefined;
  issuingOffice?: string | undefined;
  issuedOn?: Dayjs | null | undefined;
  standardWan?: string | undefined;
  /** 万元 per source as typed; blank: the source is not in the budget. */
  budget?: Partial<Record<PlanSource, string | undefined>> | undefined;
  allocations?: (AllocationValues | undefined)[] | undefined;
}

export const NEW_LINE: AllocationValues = {
  category: 'new_pilot',
  source: 'city',
  villageCount: 1,
};

/** The source a category's money usually comes from. */
export function sourceOfCategory(category: PlanCategory): PlanSource {
  return category === 'central_reward' ? 'central_reward' : 'city';
}

export function emptyPlanValues(): PlanValues {
  const year = dayjs().year();
  return {
    title: `${String(year)}年贫困村村级互助资金试点项目计划`,
    year,
    documentNumber: '',
    issuingOffice: '',
    issuedOn: null,
    standardWan: wanInputOf(STANDARD_VILLAGE_AMOUNT_FEN),
    budget: {},
    allocations: [{ ...NEW_LINE }],
  };
}

export function valuesOfPlan(plan: PlanView): PlanValues {
  return {
    title: plan.title,
    year: plan.year,
    documentNumber: plan.documentNumber,
    issuingOffice: plan.issuingOffice,
    issuedOn: plan.issuedOn === null ? null : dayjs(plan.issuedOn),
    standardWan: wanInputOf(plan.standardAmountFen),
    budget: Object.fromEntries(plan.budget.map((b) => [b.source, wanInputOf(b.amountFen)])),
    allocations: plan.allocations.map((line) => {
      const standard = plan.standardAmountFen * line.villageCount;
      return {
        countyCode: line.countyCode,
        villageCode: line.villageCode,
        category: line.category,
        source: line.source,
        villageCount: line.villageCount,
        // A line at the standard amount stays blank (it follows the standard).
        amountWan:
          line.amountFen === null || line.amountFen === standard
            ? undefined
            : wanInputOf(line.amountFen),
        remark: line.remark ?? undefined,
      };
    }),
  };
}

/**
 * The plan as the API takes it. Lenient: lines without a county are left out and blank texts get
 * placeholders, so the server can reconcile a plan still being typed (the save validates the form
 * first). An amount that does not parse is sent as -1 fen so the server names the line.
 */
export function bodyOfValues(values: PlanValues): PlanBody {
  const year = values.year ?? dayjs().year();
  const budget = PLAN_SOURCES.flatMap((source) => {
    const text = values.budget?.[source];
    if (text === undefined || text.trim() === '') return [];
    return [{ source, amountFen: parseWanYuan(text) ?? -1 }];
  });
  const allocations = (values.allocations ?? []).flatMap((line) => {
    if (line?.countyCode === undefined) return [];
    const village = line.villageCode ?? null;
    const amountText = line.amountWan?.trim() ?? '';
    const remark = line.remark?.trim() ?? '';
    return [
      {
        countyCode: line.countyCode,
        villageCode: village,
        category: line.category,
        source: line.source,
        villageCount: village === null ? (line.villageCount ?? 0) : 1,
        ...(amountText === '' ? {} : { amountFen: parseWanYuan(amountText) ?? -1 }),
        ...(remark === '' ? {} : { remark }),
      },
    ];
  });
  const title = values.title?.trim() ?? '';
  const office = values.issuingOffice?.trim() ?? '';
  return {
    title: title === '' ? '（未命名计划）' : title,
    year,
    documentNumber: values.documentNumber?.trim() ?? '',
    issuingOffice: office === '' ? '（未填写发文机关）' : office,
    ...(values.issuedOn == null ? {} : { issuedOn: values.issuedOn.format('YYYY-MM-DD') }),
    standardAmountFen: parseWanYuan(values.standardWan) ?? STANDARD_VILLAGE_AMOUNT_FEN,
    budget,
    allocations,
  };
}
