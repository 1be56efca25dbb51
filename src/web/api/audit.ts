import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditPageSchema, auditVerificationSchema } from '../../core/audit/audit.schema';
import { apiPath, getJson } from './client';

export interface AuditQuery {
  entity?: string;
  action?: string;
  actor?: string;
  limit?: number;
  offset?: number;
}

/** The audit trail, newest first (admin only). */
export function useAudit(query: AuditQuery, enabled = true) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => getJson(apiPath('/audit', { ...query }), auditPageSchema, signal),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 0,
  });
}

/** Whether the hash chain of the audit trail is intact (admin only). */
export function useAuditVerification(enabled = true) {
  return useQuery({
    queryKey: ['audit-verify'],
    queryFn: ({ signal }) => getJson(apiPath('/audit/verify'), auditVerificationSchema, signal),
    enabled,
    staleTime: 0,
  });
}
