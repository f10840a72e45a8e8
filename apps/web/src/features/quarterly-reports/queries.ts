import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../api/client.js';
import type { QuarterlyReport, StatusBoard } from '../../api/types.js';
import { MONITORING_KEY } from '../dashboard/queries.js';

/** 报送情况: every fund under a region (default: the user's scope) for a quarter. */
export function useReportStatus(period: string, regionId?: number) {
  return useQuery({
    queryKey: [...MONITORING_KEY, 'report-status', period, regionId ?? null],
    queryFn: () => apiGet<StatusBoard>('/report-status', { period, regionId }),
    placeholderData: keepPreviousData,
  });
}

export function useQuarterlyReport(reportId: number | null) {
  return useQuery({
    queryKey: [...MONITORING_KEY, 'report', reportId],
    queryFn: () => apiGet<QuarterlyReport>(`/quarterly-reports/${String(reportId)}`),
    enabled: reportId !== null,
  });
}

/**
 * A change to a report: on success its new view goes into the cache and everything of monitoring
 * (status boards, snapshot figures, warnings) is fetched again.
 */
function useReportMutation<TBody>(send: (body: TBody) => Promise<QuarterlyReport | undefined>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (report) => {
      if (report !== undefined)
        queryClient.setQueryData([...MONITORING_KEY, 'report', report.id], report);
      await queryClient.invalidateQueries({ queryKey: MONITORING_KEY });
    },
  });
}

/** 生成草稿 (or regenerate a draft or a returned report) from the books. */
export function useGenerateReport(fundId: number) {
  return useReportMutation((period: string) =>
    apiSend<QuarterlyReport>('POST', `/funds/${String(fundId)}/quarterly-reports/generate`, {
      period,
    }),
  );
}

/** 提交: the figures are recomputed from the books and frozen. */
export function useSubmitReport(fundId: number) {
  return useReportMutation((period: string) =>
    apiSend<QuarterlyReport>('POST', `/funds/${String(fundId)}/quarterly-reports/submit`, {
      period,
    }),
  );
}

export type ReportDecision = 'approve' | 'return' | 'lock';

/** The county's 审核通过 / 退回 (with a reason) / 锁定. */
export function useDecideReport(reportId: number) {
  return useReportMutation((body: { action: ReportDecision; reason?: string }) =>
    apiSend<QuarterlyReport>('POST', `/quarterly-reports/${String(reportId)}/decision`, body),
  );
}

/** 申请解锁 a locked report (reason required). */
export function useRequestUnlock(reportId: number) {
  return useReportMutation(async (reason: string) => {
    await apiSend<{ id: number }>(
      'POST',
      `/quarterly-reports/${String(reportId)}/unlock-requests`,
      {
        reason,
      },
    );
    return undefined;
  });
}

/** The county approves (the report goes back to 退回) or rejects an unlock request. */
export function useDecideUnlock(reportId: number) {
  return useReportMutation((body: { approve: boolean; note?: string }) =>
    apiSend<QuarterlyReport>(
      'POST',
      `/quarterly-reports/${String(reportId)}/unlock-decision`,
      body,
    ),
  );
}
