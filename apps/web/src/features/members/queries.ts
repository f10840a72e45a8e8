import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../api/client.js';
import type {
  Member,
  MemberExitResult,
  MemberPage,
  MoneyChannel,
  MoneyResult,
} from '../../api/types.js';
import { booksKey, useBooksMutation } from '../fund-setup/queries.js';

export type MemberStatus = 'active' | 'exited' | 'all';

export interface MemberListParams {
  q?: string | undefined;
  status: MemberStatus;
  page: number;
  pageSize: number;
}

export function useMembers(fundId: number, params: MemberListParams, enabled = true) {
  return useQuery({
    queryKey: [...booksKey(fundId), 'members', 'list', params],
    queryFn: () => apiGet<MemberPage>(`/funds/${String(fundId)}/members`, { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMember(fundId: number, memberId: number | null) {
  return useQuery({
    queryKey: [...booksKey(fundId), 'members', 'one', memberId],
    queryFn: () => apiGet<Member>(`/funds/${String(fundId)}/members/${String(memberId)}`),
    enabled: memberId !== null,
  });
}

export interface RegisterMemberInput {
  requestId: string;
  headName: string;
  idCardNo: string;
  phone?: string;
  villagerGroup?: string;
  householdSize: number;
  category: 'poor' | 'ordinary';
  dibao: boolean;
  wubao: boolean;
  joinedOn: string;
  shares: number;
  method: MoneyChannel;
}

export function useRegisterMember(fundId: number) {
  return useBooksMutation(fundId, (body: RegisterMemberInput) =>
    apiSend<Member>('POST', `/funds/${String(fundId)}/members`, body),
  );
}

export function useContribute(fundId: number, memberId: number) {
  return useBooksMutation(
    fundId,
    (body: { requestId: string; on: string; shares: number; method: MoneyChannel }) =>
      apiSend<MoneyResult>(
        'POST',
        `/funds/${String(fundId)}/members/${String(memberId)}/contributions`,
        body,
      ),
  );
}

export function useChangeCategory(fundId: number, memberId: number) {
  return useBooksMutation(
    fundId,
    (body: {
      effectiveOn: string;
      category: 'poor' | 'ordinary';
      dibao: boolean;
      wubao: boolean;
    }) =>
      apiSend<Member>(
        'POST',
        `/funds/${String(fundId)}/members/${String(memberId)}/category`,
        body,
      ),
  );
}

export function useExitMember(fundId: number, memberId: number) {
  return useBooksMutation(
    fundId,
    (body: { requestId: string; on: string; noticeOn?: string; method: MoneyChannel }) =>
      apiSend<MemberExitResult>(
        'POST',
        `/funds/${String(fundId)}/members/${String(memberId)}/exit`,
        body,
      ),
  );
}
