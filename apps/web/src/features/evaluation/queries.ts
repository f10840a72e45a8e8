import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EvaluationOutcomeCode, EvaluationScheme } from '@huzhu/domain';
import { apiGet, apiSend } from '../../api/client.js';
import type { EvaluationRun, FundEvaluationHistory } from '../../api/types.js';

export const EVALUATION_KEY = ['programme', 'evaluation'] as const;

export interface SavedScheme {
  id: number;
  name: string;
  scheme: EvaluationScheme;
  createdAt: string;
}

export interface Schemes {
  default: EvaluationScheme;
  items: SavedScheme[];
}

export function useSchemes() {
  return useQuery({
    queryKey: [...EVALUATION_KEY, 'schemes'],
    queryFn: () => apiGet<Schemes>('/evaluation/schemes'),
    staleTime: 60_000,
  });
}

export function useCreateScheme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scheme: EvaluationScheme }) =>
      apiSend<{ id: number }>('POST', '/evaluation/schemes', body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...EVALUATION_KEY, 'schemes'] });
    },
  });
}

export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; schemeId?: number; evaluatedOn: string }) =>
      apiSend<EvaluationRun>('POST', '/evaluation/runs', body),
    onSuccess: (run) => {
      queryClient.setQueryData([...EVALUATION_KEY, 'run', run.id], run);
    },
  });
}

export function useRun(runId: number) {
  return useQuery({
    queryKey: [...EVALUATION_KEY, 'run', runId],
    queryFn: () => apiGet<EvaluationRun>(`/evaluation/runs/${String(runId)}`),
  });
}

export interface ManualScoresInput {
  scores: Record<string, { points: number; evidence: string }>;
  misappropriation: boolean;
}

/** 人工评分: answers the whole run, re-scored and re-ranked. */
export function useManualScores(runId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { fundId: number } & ManualScoresInput) =>
      apiSend<EvaluationRun>(
        'PUT',
        `/evaluation/runs/${String(runId)}/funds/${String(input.fundId)}/manual`,
        { scores: input.scores, misappropriation: input.misappropriation },
      ),
    onSuccess: (run) => {
      queryClient.setQueryData([...EVALUATION_KEY, 'run', runId], run);
    },
  });
}

export function useApproveRun(runId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      overrides: { fundId: number; outcome: EvaluationOutcomeCode; reason: string }[];
    }) => apiSend<EvaluationRun>('POST', `/evaluation/runs/${String(runId)}/approve`, body),
    onSuccess: async (run) => {
      queryClient.setQueryData([...EVALUATION_KEY, 'run', runId], run);
      await queryClient.invalidateQueries({ queryKey: [...EVALUATION_KEY, 'fund'] });
    },
  });
}

export function useFundEvaluations(fundId: number) {
  return useQuery({
    queryKey: [...EVALUATION_KEY, 'fund', fundId],
    queryFn: () => apiGet<FundEvaluationHistory>(`/funds/${String(fundId)}/evaluations`),
  });
}

export function useCloseRectification(fundId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { taskId: number; evidence: string; closedOn: string }) =>
      apiSend<undefined>('POST', `/rectifications/${String(input.taskId)}/close`, {
        evidence: input.evidence,
        closedOn: input.closedOn,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...EVALUATION_KEY, 'fund', fundId] });
    },
  });
}

// There is no "list runs" endpoint: the runs this browser started or opened are remembered.

const RECENT_RUNS = 'huzhu.evaluation.recentRuns';

export interface RecentRun {
  id: number;
  year: number;
  schemeId: number | null;
}

export function recentRuns(): RecentRun[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(RECENT_RUNS) ?? '[]');
    return Array.isArray(parsed) ? (parsed as RecentRun[]).slice(0, 10) : [];
  } catch {
    return [];
  }
}

export function rememberRun(run: RecentRun): void {
  const others = recentRuns().filter((r) => r.id !== run.id);
  localStorage.setItem(RECENT_RUNS, JSON.stringify([run, ...others].slice(0, 10)));
}
