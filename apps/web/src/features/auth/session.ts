import { createContext, useContext } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiGet, apiSend, setCsrfToken } from '../../api/client.js';
import type { CurrentUser, LoginResponse, MeResponse } from '../../api/types.js';

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session (401). */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<MeResponse | null> => {
      try {
        const me = await apiGet<MeResponse>('/auth/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/**
 * The signed-in user, provided by the session guard only while there is one: when the session
 * ends the guard stops rendering the pages, so no page ever sees "no user".
 */
export const CurrentUserContext = createContext<CurrentUser | null>(null);

/** The signed-in user; only for components rendered inside the session guard. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (user === null) throw new Error('useCurrentUser outside the session guard');
  return user;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      apiSend<LoginResponse>('POST', '/auth/login', body),
    onSuccess: (response) => {
      setCsrfToken(response.csrfToken);
      queryClient.clear();
      queryClient.setQueryData<MeResponse>(ME_KEY, {
        user: response.user,
        csrfToken: response.csrfToken,
      });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<undefined>('POST', '/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData<MeResponse | null>(ME_KEY, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiSend<undefined>('POST', '/auth/password', body),
  });
}
