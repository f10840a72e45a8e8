import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../api/client.js';
import type {
  AccountList,
  MoneyChannel,
  MoneyResult,
  PeriodList,
  VoucherPage,
  YearEndResult,
} from '../../api/types.js';
import { booksKey, useBooksMutation } from '../fund-setup/queries.js';

export function useVouchers(
  fundId: number,
  params: {
    period?: string | undefined;
    kind?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  return useQuery({
    queryKey: [...booksKey(fundId), 'vouchers', params],
    queryFn: () => apiGet<VoucherPage>(`/funds/${String(fundId)}/vouchers`, { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useAccounts(fundId: number) {
  return useQuery({
    queryKey: [...booksKey(fundId), 'accounts'],
    queryFn: () => apiGet<AccountList>(`/funds/${String(fundId)}/accounts`),
    staleTime: 5 * 60_000,
  });
}

export function usePeriods(fundId: number) {
  return useQuery({
    queryKey: [...booksKey(fundId), 'periods'],
    queryFn: () => apiGet<PeriodList>(`/funds/${String(fundId)}/periods`),
  });
}

export interface ManualVoucherInput {
  requestId: string;
  date: string;
  memo: string;
  lines: {
    accountCode: string;
    side: 'debit' | 'credit';
    amountFen: number;
    subledger?: { kind: 'loan' | 'member'; id: number };
  }[];
}

export function usePostManualVoucher(fundId: number) {
  return useBooksMutation(fundId, (body: ManualVoucherInput) =>
    apiSend<MoneyResult>('POST', `/funds/${String(fundId)}/vouchers`, body),
  );
}

export function useReverseVoucher(fundId: number) {
  return useBooksMutation(
    fundId,
    ({
      voucherId,
      ...body
    }: {
      voucherId: number;
      requestId: string;
      on: string;
      reason: string;
    }) =>
      apiSend<MoneyResult>(
        'POST',
        `/funds/${String(fundId)}/vouchers/${String(voucherId)}/reverse`,
        body,
      ),
  );
}

export type CashEventKind =
  'fiscal_funds' | 'donation' | 'bank_interest' | 'expense' | 'cash_to_bank' | 'bank_to_cash';

export function useCashEvent(fundId: number) {
  return useBooksMutation(
    fundId,
    (body: {
      requestId: string;
      kind: CashEventKind;
      on: string;
      amountFen: number;
      method?: MoneyChannel;
      memo?: string;
    }) => apiSend<MoneyResult>('POST', `/funds/${String(fundId)}/cash-events`, body),
  );
}

export function useClosePeriod(fundId: number) {
  return useBooksMutation(fundId, (period: string) =>
    apiSend<undefined>('POST', `/funds/${String(fundId)}/periods/${period}/close`),
  );
}

export function useYearEnd(fundId: number) {
  return useBooksMutation(fundId, (body: { requestId: string; year: number }) =>
    apiSend<YearEndResult>('POST', `/funds/${String(fundId)}/year-end`, body),
  );
}
