import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SessionInfo } from '../../core/accounts/account.schema';
import { useSignOut } from '../api/session';
import { ApiTokens } from '../components/ApiTokens';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { CalendarFeeds } from '../components/meetings/CalendarFeeds';
import { PageTitle } from '../components/PageTitle';
import { RequireSession } from '../components/RequireSession';
import { useLocale } from '../components/use-locale';
import { formatDateTime, nationName } from '../i18n/format';

export function AccountPage() {
  return <RequireSession>{(session) => <Account session={session} />}</RequireSession>;
}

function Account({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { user } = session;
  const fields: [string, string][] = [
    [t('account.username'), user.username],
    [t('account.displayName'), user.displayName],
    [t('account.nation'), `${nationName(user.nation, locale)} (${user.nation.code})`],
    [t('account.roles'), user.roles.map((r) => t(`roles.${r}`)).join(', ')],
    [t('account.sessionEnds'), formatDateTime(session.expiresAt, locale)],
  ];
  if (session.secretariatOf.length > 0) {
    fields.push([t('account.secretariatOf'), session.secretariatOf.join(', ').toUpperCase()]);
  }
  return (
    <Stack gap="lg">
      <PageTitle text={t('account.title')} />
      <Paper withBorder p="lg" component="section" aria-labelledby="profile-heading">
        <Title order={2} size="h3" id="profile-heading" mb="sm">
          {t('account.profile')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" spacing="sm" m={0}>
          {fields.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0} fw={500}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
      <ChangePasswordForm />
      <ApiTokens />
      <CalendarFeeds session={session} />
      <Paper withBorder p="lg" component="section" aria-labelledby="sessions-heading">
        <Title order={2} size="h3" id="sessions-heading" mb="xs">
          {t('account.sessionsTitle')}
        </Title>
        <Text size="sm" mb="md">
          {t('account.everywhereHint')}
        </Text>
        <Group>
          <Button
            color="red.9"
            variant="outline"
            loading={signOut.isPending}
            onClick={() => {
              // Leave first: this page would otherwise send the signed-out visitor to sign in.
              void navigate('/', { replace: true });
              signOut.mutate(true);
            }}
          >
            {t('account.signOutEverywhere')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
