import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../api/client.js';
import type { WarningEvent, WarningPage } from '../../api/types.js';
import { MONITORING_KEY } from '../dashboard/queries.js';

export type WarningStatusFilter = 'active' | 'open' | 'acknowledged' | 'resolved';

export interface WarningListParams {
  regionId: number;
  status: WarningStatusFilter;
  code?: string | undefined;
  page: number;
  pageSize: number;
}

export function useWarnings(params: WarningListParams) {
  return useQuery({
    queryKey: [...MONITORING_KEY, 'warnings', 'list', params],
    queryFn: () => apiGet<WarningPage>('/warnings', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useWarningHistory(warningId: number | null) {
  return useQuery({
    queryKey: [...MONITORING_KEY, 'warnings', 'history', warningId],
    queryFn: () => apiGet<{ items: WarningEvent[] }>(`/warnings/${String(warningId)}/history`),
    enabled: warningId !== null,
  });
}

export type WarningAction = 'acknowledge' | 'resolve' | 'reopen';

/** 确认 / 解除 / 重新打开, with a note (required). */
export function useWarningAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { warningId: number; action: WarningAction; note: string }) =>
      apiSend<undefined>('POST', `/warnings/${String(input.warningId)}/actions`, {
        action: input.action,
        note: input.note,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MONITORING_KEY }),
  });
}

/** The thresholds in force for a region (its own over the city's over the defaults). */
export function useThresholds(regionId: number) {
  return useQuery({
    queryKey: [...MONITORING_KEY, 'thresholds', regionId],
    queryFn: () =>
      apiGet<Record<string, unknown>>(`/regions/${String(regionId)}/warning-thresholds`),
  });
}

/** Sets the given thresholds for the region (the others stay inherited). */
export function useSetThresholds(regionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, number>) =>
      apiSend<undefined>('PUT', `/regions/${String(regionId)}/warning-thresholds`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MONITORING_KEY }),
  });
}
