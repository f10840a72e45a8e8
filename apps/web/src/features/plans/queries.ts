import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanBody } from '@huzhu/contract';
import { apiGet, apiSend, apiUrl } from '../../api/client.js';
import type {
  ConfirmReceiptResult,
  PlanIssueResult,
  PlanList,
  PlanReceiptList,
  PlanTable,
  PlanView,
  RegionPage,
} from '../../api/types.js';
import { booksKey } from '../fund-setup/queries.js';

export const PLANS_KEY = ['programme', 'plans'] as const;

export function usePlans() {
  return useQuery({
    queryKey: [...PLANS_KEY, 'list'],
    queryFn: () => apiGet<PlanList>('/plans'),
  });
}

export function usePlan(planId: number | null) {
  return useQuery({
    queryKey: [...PLANS_KEY, 'one', planId],
    queryFn: () => apiGet<PlanView>(`/plans/${String(planId)}`),
    enabled: planId !== null,
    // The editor is keyed by this answer: a refetch on focus would throw away unsaved input.
    refetchOnWindowFocus: false,
  });
}

/** The server's reconciliation of the plan being entered, without saving it. */
export function usePlanPreview(body: PlanBody | null) {
  return useQuery({
    queryKey: [...PLANS_KEY, 'preview', body],
    queryFn: () => apiSend<PlanView>('POST', '/plans/preview', body),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Creates (planId null) or replaces a draft; answers the saved plan with its reconciliation. */
export function useSavePlan(planId: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanBody) =>
      planId === null
        ? apiSend<PlanView>('POST', '/plans', body)
        : apiSend<PlanView>('PUT', `/plans/${String(planId)}`, body),
    onSuccess: async (plan) => {
      queryClient.setQueryData([...PLANS_KEY, 'one', plan.id], plan);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...PLANS_KEY, 'list'] }),
        queryClient.invalidateQueries({ queryKey: [...PLANS_KEY, 'attachment-1', plan.id] }),
      ]);
    },
  });
}

export function useIssuePlan(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<PlanIssueResult>('POST', `/plans/${String(planId)}/issue`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: PLANS_KEY });
    },
  });
}

export function useAttachment1(planId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...PLANS_KEY, 'attachment-1', planId],
    queryFn: () => apiGet<PlanTable>(`/plans/${String(planId)}/attachment-1`, { format: 'json' }),
    enabled,
  });
}

export function attachment1XlsxUrl(planId: number): string {
  return apiUrl(`/plans/${String(planId)}/attachment-1`, { format: 'xlsx' });
}

/** The counties of the user's scope (a city has fewer than the server's page limit). */
export function useCounties() {
  return useQuery({
    queryKey: ['regions', 'programme-counties'],
    queryFn: () => apiGet<RegionPage>('/regions', { level: 'county', pageSize: 200 }),
    staleTime: 5 * 60_000,
  });
}

/** Villages whose name contains `q` (for a searchable select). */
export function useVillageSearch(q: string) {
  return useQuery({
    queryKey: ['regions', 'programme-villages', q],
    queryFn: () => apiGet<RegionPage>('/regions', { level: 'village', q, pageSize: 50 }),
    placeholderData: keepPreviousData,
  });
}

// 资金到位确认 (fund side)

export function usePlanReceipts(fundId: number) {
  return useQuery({
    queryKey: [...booksKey(fundId), 'plan-receipts'],
    queryFn: () => apiGet<PlanReceiptList>(`/funds/${String(fundId)}/plan-receipts`),
  });
}

export function useConfirmReceipt(fundId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { receiptId: number; requestId: string; on: string }) =>
      apiSend<ConfirmReceiptResult>(
        'POST',
        `/funds/${String(fundId)}/plan-receipts/${String(input.receiptId)}/confirm`,
        { requestId: input.requestId, on: input.on },
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: booksKey(fundId) });
    },
  });
}
