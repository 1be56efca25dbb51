import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuditVerification } from '../api/audit';
import { QueryState } from './QueryState';

/** Whether the audit trail's hash chain is intact, or the first entry where it breaks. */
export function AuditChainStatus() {
  const { t } = useTranslation();
  const verification = useAuditVerification();
  return (
    <QueryState query={verification}>
      {(result) =>
        result.ok ? (
          <Alert
            color="#1b5e2f"
            variant="filled"
            title={t('audit.intactTitle')}
            data-testid="chain-status"
          >
            {t('audit.intact', { count: result.checked })}
          </Alert>
        ) : (
          <Alert
            color="red.9"
            variant="filled"
            title={t('audit.brokenTitle')}
            role="alert"
            data-testid="chain-status"
          >
            {result.firstBroken
              ? t('audit.broken', {
                  seq: result.firstBroken.seq,
                  id: result.firstBroken.id ?? '—',
                  reason: result.firstBroken.reason,
                  count: result.checked,
                })
              : t('audit.brokenUnknown', { count: result.checked })}
          </Alert>
        )
      }
    </QueryState>
  );
}
