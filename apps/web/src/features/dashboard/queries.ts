import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { apiGet, apiUrl } from '../../api/client.js';
import type { IndicatorSource, RegionBreakdown, WarningPage } from '../../api/types.js';
import type { Period } from './period.js';

export const MONITORING_KEY = ['monitoring'] as const;

export interface IndicatorParams {
  regionId: number;
  period: Period;
  source: IndicatorSource;
}

function indicatorsQuery(params: IndicatorParams) {
  return {
    queryKey: [...MONITORING_KEY, 'indicators', params.regionId, params.period, params.source],
    queryFn: () => apiGet<RegionBreakdown>('/indicators', { ...params }),
  };
}

/** A region rolled up for a period and each child region (or, under a township, each fund). */
export function useRegionIndicators(params: IndicatorParams) {
  return useQuery({ ...indicatorsQuery(params), placeholderData: keepPreviousData });
}

/** The same region over several periods (the trend chart), one request each, oldest first. */
export function useIndicatorTrend(
  regionId: number,
  periods: readonly Period[],
  source: IndicatorSource,
) {
  return useQueries({
    queries: periods.map((period) => indicatorsQuery({ regionId, period, source })),
  });
}

/** The most warnings one request lists (the server's page limit). */
export const WARNING_PAGE_LIMIT = 200;

/** The active warnings under a region (first page of the largest size), for the chart. */
export function useActiveWarnings(regionId: number) {
  return useQuery({
    queryKey: [...MONITORING_KEY, 'warnings', 'chart', regionId],
    queryFn: () =>
      apiGet<WarningPage>('/warnings', {
        regionId,
        status: 'active',
        page: 1,
        pageSize: WARNING_PAGE_LIMIT,
      }),
  });
}

/** 导出 Excel: the indicator table of the region (one row per child) as .xlsx. */
export function indicatorTableXlsxUrl(params: IndicatorParams): string {
  return apiUrl('/indicators/table', { ...params, format: 'xlsx' });
}

/** 下载监测报告: the quarterly monitoring report (监测报告) of the region as .docx. */
export function monitoringReportDocxUrl(params: IndicatorParams): string {
  return apiUrl('/monitoring-report', { ...params, format: 'docx' });
}
