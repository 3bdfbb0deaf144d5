// The people of this install, as the owner sees them (GET /api/users): the users page and the
// credential form's "Who may use it" read the same cached list.
import { useQuery } from '@tanstack/react-query';
import { authApi } from './auth-api';

export const usersQueryKey = ['users'] as const;

export function useUsers({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: usersQueryKey, queryFn: authApi.users, enabled });
}
