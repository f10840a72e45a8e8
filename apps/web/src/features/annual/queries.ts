import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, apiUrl } from '../../api/client.js';
import type { ProgrammeDocument, SurveyList, TypicalCaseList } from '../../api/types.js';

export const ANNUAL_KEY = ['programme', 'annual'] as const;

export interface SurveyInput {
  respondents: number;
  satisfied: number;
  neutral: number;
  dissatisfied: number;
  opinions: string;
}

/** Each fund's surveys (one request a fund: there is no list by region). */
export function useSurveys(fundIds: readonly number[]) {
  return useQueries({
    queries: fundIds.map((fundId) => ({
      queryKey: [...ANNUAL_KEY, 'surveys', fundId],
      queryFn: () => apiGet<SurveyList>(`/funds/${String(fundId)}/surveys`),
    })),
  });
}

export function useSaveSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { fundId: number; year: number; survey: SurveyInput }) =>
      apiSend<undefined>(
        'PUT',
        `/funds/${String(input.fundId)}/surveys/${String(input.year)}`,
        input.survey,
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ANNUAL_KEY });
    },
  });
}

export function useTypicalCases(regionId: number, year: number) {
  return useQuery({
    queryKey: [...ANNUAL_KEY, 'cases', regionId, year],
    queryFn: () => apiGet<TypicalCaseList>(`/regions/${String(regionId)}/typical-cases`, { year }),
  });
}

export function useAddTypicalCase(regionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; fundId?: number; title: string; body: string }) =>
      apiSend<{ id: number }>('POST', `/regions/${String(regionId)}/typical-cases`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ANNUAL_KEY });
    },
  });
}

export function useAnnualSummary(regionId: number, year: number) {
  return useQuery({
    queryKey: [...ANNUAL_KEY, 'summary', regionId, year],
    queryFn: () => apiGet<ProgrammeDocument>('/annual-summary', { regionId, year }),
    retry: false,
  });
}

export function annualSummaryDocxUrl(regionId: number, year: number): string {
  return apiUrl('/annual-summary', { regionId, year, format: 'docx' });
}
