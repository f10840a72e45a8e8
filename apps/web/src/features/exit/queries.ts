import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../api/client.js';
import type { ExitFinalCheck, ExitStatus } from '../../api/types.js';
import { booksKey } from '../fund-setup/queries.js';

export function useExitStatus(fundId: number) {
  return useQuery({
    queryKey: [...booksKey(fundId), 'exit'],
    queryFn: () => apiGet<ExitStatus>(`/funds/${String(fundId)}/exit`),
  });
}

export function useDecideExit(fundId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { decidedOn: string; reason: string }) =>
      apiSend<undefined>('POST', `/funds/${String(fundId)}/exit/decision`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: booksKey(fundId) });
    },
  });
}

export function useCloseFund(fundId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { requestId: string; on: string }) =>
      apiSend<ExitFinalCheck>('POST', `/funds/${String(fundId)}/exit/close`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: booksKey(fundId) });
    },
  });
}
