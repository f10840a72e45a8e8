import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CandidateBody } from '@huzhu/contract';
import { apiGet, apiSend, apiUrl } from '../../api/client.js';
import type { CandidateList, CandidateView, ReportModel } from '../../api/types.js';

export const SELECTION_KEY = ['programme', 'selection'] as const;

export type CandidateKind = CandidateView['kind'];

export function useCandidates(year: number, kind: CandidateKind, regionId: number) {
  return useQuery({
    queryKey: [...SELECTION_KEY, 'candidates', year, kind, regionId],
    queryFn: () => apiGet<CandidateList>('/selection/candidates', { year, kind, regionId }),
  });
}

export function useSubmitCandidate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CandidateBody) =>
      apiSend<CandidateView>('POST', '/selection/candidates', body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: SELECTION_KEY });
    },
  });
}

export function useAttachment2(year: number, regionId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...SELECTION_KEY, 'attachment-2', year, regionId],
    queryFn: () =>
      apiGet<ReportModel>('/selection/attachment-2', { year, regionId, format: 'json' }),
    enabled,
  });
}

export function attachment2XlsxUrl(year: number, regionId: number): string {
  return apiUrl('/selection/attachment-2', { year, regionId, format: 'xlsx' });
}
