import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../api/client.js';
import type { Role, User, UserPage } from '../../api/types.js';

export const USERS_KEY = ['users'] as const;

export function useUsers(q: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...USERS_KEY, 'list', q, page, pageSize],
    queryFn: () => apiGet<UserPage>('/users', { q, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  regionId: number;
  password: string;
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserInput) => apiSend<User>('POST', '/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; displayName?: string; disabled?: boolean }) =>
      apiSend<User>('PATCH', `/users/${String(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
