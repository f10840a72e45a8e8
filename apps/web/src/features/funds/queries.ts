import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../api/client.js';
import type { FundPage, FundSummary } from '../../api/types.js';
import { REGIONS_KEY } from '../regions/queries.js';

export const FUNDS_KEY = ['funds'] as const;

export interface FundListParams {
  regionId?: number | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** One page of the funds under a region (the whole scope without regionId). */
export function useFunds(params: FundListParams) {
  return useQuery({
    queryKey: [...FUNDS_KEY, 'list', params],
    queryFn: () => apiGet<FundPage>('/funds', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useFund(id: number | null) {
  return useQuery({
    queryKey: [...FUNDS_KEY, 'one', id],
    queryFn: () => apiGet<FundSummary>(`/funds/${String(id)}`),
    enabled: id !== null,
  });
}

export function useCreateFund() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { villageId: number; code: string; name: string; foundedOn?: string }) =>
      apiSend<FundSummary>('POST', '/funds', body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: FUNDS_KEY }),
        queryClient.invalidateQueries({ queryKey: REGIONS_KEY }),
      ]);
    },
  });
}
