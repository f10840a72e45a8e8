import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../api/client.js';
import type {
  LoanDetail,
  LoanPage,
  LoanStatus,
  MoneyChannel,
  MoneyResult,
  Quote,
  RepaymentResult,
} from '../../api/types.js';
import { booksKey, useBooksMutation } from '../fund-setup/queries.js';

export interface LoanListParams {
  status?: LoanStatus | undefined;
  memberId?: number | undefined;
  outstanding?: 'true' | 'false' | undefined;
  page: number;
  pageSize: number;
}

export function useLoans(fundId: number, params: LoanListParams) {
  return useQuery({
    queryKey: [...booksKey(fundId), 'loans', 'list', params],
    queryFn: () => apiGet<LoanPage>(`/funds/${String(fundId)}/loans`, { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useLoan(fundId: number, loanId: number) {
  return useQuery({
    queryKey: [...booksKey(fundId), 'loans', 'one', loanId],
    queryFn: () => apiGet<LoanDetail>(`/funds/${String(fundId)}/loans/${String(loanId)}`),
  });
}

/** 还款试算 on a date (what a repayment that day would settle). */
export function useQuote(fundId: number, loanId: number, on: string | null) {
  return useQuery({
    queryKey: [...booksKey(fundId), 'loans', 'quote', loanId, on],
    queryFn: () => apiGet<Quote>(`/funds/${String(fundId)}/loans/${String(loanId)}/quote`, { on }),
    enabled: on !== null,
    staleTime: 0,
  });
}

export interface ApplyLoanInput {
  requestId: string;
  memberId: number;
  amountFen: number;
  termMonths: number;
  instalments: number;
  purpose: string;
  purposeDetail?: string;
  appliedOn: string;
}

export function useApplyLoan(fundId: number) {
  return useBooksMutation(fundId, (body: ApplyLoanInput) =>
    apiSend<LoanDetail>('POST', `/funds/${String(fundId)}/loans`, body),
  );
}

export type LoanStepInput =
  | {
      action: 'group_review';
      on: string;
      guarantor1MemberId: number;
      guarantor2MemberId: number;
      reason?: string;
    }
  | { action: 'board_approve'; on: string; reason?: string }
  | { action: 'supervisor_review'; on: string; reason?: string }
  | { action: 'publicize'; on: string }
  | { action: 'contract'; on: string; contractNo: string }
  | { action: 'reject'; on: string; reason: string };

function loanPath(fundId: number, loanId: number, tail: string): string {
  return `/funds/${String(fundId)}/loans/${String(loanId)}/${tail}`;
}

export function useLoanStep(fundId: number, loanId: number) {
  return useBooksMutation(fundId, (body: LoanStepInput) =>
    apiSend<LoanDetail>('POST', loanPath(fundId, loanId, 'steps'), body),
  );
}

export function useDisburse(fundId: number, loanId: number) {
  return useBooksMutation(fundId, (body: { requestId: string; on: string; method: MoneyChannel }) =>
    apiSend<MoneyResult>('POST', loanPath(fundId, loanId, 'disburse'), body),
  );
}

export function useRepay(fundId: number, loanId: number) {
  return useBooksMutation(
    fundId,
    (body: { requestId: string; on: string; amountFen: number; method: MoneyChannel }) =>
      apiSend<RepaymentResult>('POST', loanPath(fundId, loanId, 'repayments'), body),
  );
}

export function useExtend(fundId: number, loanId: number) {
  return useBooksMutation(
    fundId,
    (body: { approvedOn: string; newDueOn: string; reason: string }) =>
      apiSend<LoanDetail>('POST', loanPath(fundId, loanId, 'extend'), body),
  );
}

export function useWriteOff(fundId: number, loanId: number) {
  return useBooksMutation(
    fundId,
    (body: { requestId: string; on: string; resolutionNo: string; resolutionDate: string }) =>
      apiSend<MoneyResult>('POST', loanPath(fundId, loanId, 'write-off'), body),
  );
}
