import { Alert, Anchor, Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import type { SessionInfo } from '../../core/accounts/account.schema';
import { hasRole, hasSignedOutHere, useSession } from '../api/session';
import { PageTitle } from './PageTitle';

/**
 * Renders its children for a signed-in user; sends anyone else to sign in, then back here (or home,
 * when they have just signed out).
 */
export function RequireSession({ children }: { children: (session: SessionInfo) => ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} role="status" />
      </Center>
    );
  }
  if (!session.data) {
    if (hasSignedOutHere()) return <Navigate to="/" replace />;
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children(session.data)}</>;
}

/** As RequireSession, and says "forbidden" to a signed-in user who is not an admin. */
export function RequireAdmin({ children }: { children: (session: SessionInfo) => ReactNode }) {
  return (
    <RequireSession>
      {(session) => (hasRole(session, 'admin') ? children(session) : <Forbidden />)}
    </RequireSession>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle text={t('errors.forbiddenTitle')} />
      <Alert color="red" title={t('errors.forbidden')}>
        <Text>{t('errors.forbiddenAdmin')}</Text>
      </Alert>
      <Anchor component={Link} to="/">
        {t('errors.backHome')}
      </Anchor>
    </Stack>
  );
}
