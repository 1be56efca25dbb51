import { Alert, Button, Code, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../core/accounts/account.schema';
import type { CalendarToken, CreatedCalendarToken } from '../../../core/meetings/calendar.schema';
import { fieldErrors } from '../../api/client';
import {
  feedUrl,
  useCalendarTokens,
  useCreateCalendarToken,
  useRevokeCalendarToken,
} from '../../api/meetings-calendar';
import { DEFAULT_GROUP } from '../../api/queries';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../ErrorAlert';
import { QueryState } from '../QueryState';
import { useLocale } from '../use-locale';
import {
  RevokeSecretButton,
  SecretDoneButton,
  SecretStateBadge,
  SecretValue,
  SecretsSection,
} from '../SecretTokens';

/**
 * The user's calendar subscriptions: secret feed URLs (the group's meetings, and those the user's
 * nation is invited to) that a calendar application polls without signing in. Shown once; revocable.
 */
export function CalendarFeeds({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const tokens = useCalendarTokens();
  const [created, setCreated] = useState<CreatedCalendarToken | null>(null);
  return (
    <SecretsSection
      id="calendar-heading"
      title={t('meetingCycle.feeds.title')}
      intro={t('meetingCycle.feeds.intro')}
    >
      {created ? (
        <NewFeed
          token={created}
          nation={session.user.nation.code}
          onDone={() => setCreated(null)}
        />
      ) : null}
      <CreateFeedForm onCreated={setCreated} />
      <QueryState query={tokens}>
        {(items) =>
          items.length === 0 ? (
            <Text>{t('meetingCycle.feeds.none')}</Text>
          ) : (
            <FeedTable items={items} />
          )
        }
      </QueryState>
    </SecretsSection>
  );
}

function NewFeed({
  token,
  nation,
  onDone,
}: {
  token: CreatedCalendarToken;
  nation: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const feeds = [
    {
      label: t('meetingCycle.feeds.groupFeed'),
      url: feedUrl(token.feeds.group.replace('{slug}', DEFAULT_GROUP)),
      testId: 'feed-group',
    },
    {
      label: t('meetingCycle.feeds.nationFeed', { nation }),
      url: feedUrl(token.feeds.nation.replace('{code}', nation)),
      testId: 'feed-nation',
    },
  ];
  return (
    <Alert
      color="blue"
      variant="light"
      title={t('meetingCycle.feeds.createdTitle', { name: token.name })}
    >
      <Stack gap="sm">
        <Text fw={600}>{t('meetingCycle.feeds.onceWarning')}</Text>
        {feeds.map((feed) => (
          <Stack key={feed.testId} gap={4}>
            <Text size="sm" fw={600}>
              {feed.label}
            </Text>
            <SecretValue
              value={feed.url}
              testId={feed.testId}
              copyLabel={t('meetingCycle.feeds.copyNamed', { feed: feed.label })}
            />
          </Stack>
        ))}
        <Group>
          <SecretDoneButton onDone={onDone} />
        </Group>
      </Stack>
    </Alert>
  );
}

function CreateFeedForm({ onCreated }: { onCreated: (token: CreatedCalendarToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateCalendarToken();
  const [name, setName] = useState('');
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name },
      {
        onSuccess: (token) => {
          setName('');
          onCreated(token);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('meetingCycle.feeds.createTitle')}>
      <Group align="flex-start">
        <TextInput
          label={t('meetingCycle.feeds.name')}
          description={t('meetingCycle.feeds.nameHint')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          w={280}
        />
        <Button type="submit" mt={46} loading={create.isPending}>
          {t('meetingCycle.feeds.create')}
        </Button>
      </Group>
      {/* Field errors show at their fields; any other failure here. */}
      <ErrorAlert error={Object.keys(errors).length === 0 ? create.error : null} mt="sm" />
    </form>
  );
}

function FeedTable({ items }: { items: readonly CalendarToken[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const revoke = useRevokeCalendarToken();
  return (
    <Stack gap="xs">
      <ErrorAlert error={revoke.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="xs" data-testid="calendar-feeds">
          <caption className="visually-hidden">{t('meetingCycle.feeds.caption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('meetingCycle.feeds.name')}</Table.Th>
              <Table.Th scope="col">{t('tokens.prefix')}</Table.Th>
              <Table.Th scope="col">{t('tokens.created')}</Table.Th>
              <Table.Th scope="col">{t('tokens.lastUsed')}</Table.Th>
              <Table.Th scope="col">{t('tokens.state')}</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">{t('tokens.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((feed) => (
              <Table.Tr key={feed.id}>
                <Table.Td fw={600}>{feed.name}</Table.Td>
                <Table.Td>
                  <Code>{feed.prefix}…</Code>
                </Table.Td>
                <Table.Td>{formatDateTime(feed.createdAt, locale)}</Table.Td>
                <Table.Td>
                  {feed.lastUsedAt ? formatDateTime(feed.lastUsedAt, locale) : t('tokens.never')}
                </Table.Td>
                <Table.Td>
                  <SecretStateBadge revokedAt={feed.revokedAt} />
                </Table.Td>
                <Table.Td>
                  {feed.revokedAt ? null : (
                    <RevokeSecretButton
                      label={t('meetingCycle.feeds.revokeNamed', { name: feed.name })}
                      loading={revoke.isPending && revoke.variables === feed.id}
                      onClick={() => revoke.mutate(feed.id)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
