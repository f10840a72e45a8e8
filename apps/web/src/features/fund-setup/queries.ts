import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../api/client.js';
import type { Bylaws, FundProfile } from '../../api/types.js';

/** Every query of one fund's books starts with this key; money movements invalidate it all. */
export function booksKey(fundId: number) {
  return ['books', fundId] as const;
}

/** A mutation of the books that, on success, refreshes everything shown of this fund. */
export function useBooksMutation<TBody, TResult>(
  fundId: number,
  send: (body: TBody) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: booksKey(fundId) });
    },
  });
}

export function useFundProfile(fundId: number) {
  return useQuery({
    queryKey: [...booksKey(fundId), 'profile'],
    queryFn: () => apiGet<FundProfile>(`/funds/${String(fundId)}/profile`),
  });
}

/** The bylaws version in effect on a date (the latest effective on or before it). */
export function bylawsOn(profile: FundProfile, on: string): Bylaws | undefined {
  let found: Bylaws | undefined;
  for (const version of profile.bylaws) {
    if (
      version.effectiveOn <= on &&
      (found === undefined || version.effectiveOn > found.effectiveOn)
    )
      found = version;
  }
  return found ?? profile.bylaws[0];
}

export interface RegistrationInput {
  registrationNo: string;
  registeredOn: string;
  bankName: string;
  bankAccountNo: string;
}

export function useSetRegistration(fundId: number) {
  return useBooksMutation(fundId, (body: RegistrationInput) =>
    apiSend<undefined>('PUT', `/funds/${String(fundId)}/registration`, body),
  );
}

export function useRecordHouseholds(fundId: number) {
  return useBooksMutation(
    fundId,
    (body: { asOf: string; totalHouseholds: number; poorHouseholds: number }) =>
      apiSend<undefined>('POST', `/funds/${String(fundId)}/household-counts`, body),
  );
}

export function useAddBylaws(fundId: number) {
  return useBooksMutation(fundId, (body: Bylaws) =>
    apiSend<undefined>('POST', `/funds/${String(fundId)}/bylaws`, body),
  );
}

export function useAddOfficer(fundId: number) {
  return useBooksMutation(
    fundId,
    (body: { memberId: number; body: 'board' | 'supervisory'; title: string; fromOn: string }) =>
      apiSend<undefined>('POST', `/funds/${String(fundId)}/officers`, body),
  );
}
