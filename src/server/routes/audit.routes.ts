import {
  auditListQuerySchema,
  auditPageSchema,
  auditVerificationSchema,
} from '../../core/audit/audit.schema';
import { browseAudit, verifyAuditChain } from '../../core/audit/audit.service';
import { errorSchema } from '../../core/common.schema';
import type { AppServer } from '../app';

export function auditRoutes(app: AppServer): void {
  app.get(
    '/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        summary: "The audit trail, newest first, as far as the admin's nation may read it",
        querystring: auditListQuerySchema,
        response: { 200: auditPageSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    (request) => browseAudit(app.db, request.viewer, request.query),
  );

  app.get(
    '/audit/verify',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        summary: 'Check the hash chain; names the first broken entry',
        response: { 200: auditVerificationSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    () => verifyAuditChain(app.db),
  );
}
