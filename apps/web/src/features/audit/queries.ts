import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client.js';
import type { AuditPage } from '../../api/types.js';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  command?: string;
}

/** One page of the audit log in the user's scope, newest first. */
export function useAudit(filter: AuditFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', filter, page, pageSize],
    queryFn: () => apiGet<AuditPage>('/audit', { ...filter, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}
