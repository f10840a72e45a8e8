import { useQuery } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../api/client.js';
import type { GroupList } from '../../api/types.js';
import { booksKey, useBooksMutation } from '../fund-setup/queries.js';

export function useGroups(fundId: number) {
  return useQuery({
    queryKey: [...booksKey(fundId), 'groups'],
    queryFn: () => apiGet<GroupList>(`/funds/${String(fundId)}/groups`),
  });
}

export function useCreateGroup(fundId: number) {
  return useBooksMutation(fundId, (body: { name: string; formedOn: string; memberIds: number[] }) =>
    apiSend<{ id: number }>('POST', `/funds/${String(fundId)}/groups`, body),
  );
}
