import { Alert, Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting } from '../../core/meetings/meeting.schema';
import { useMeetings } from '../api/queries';
import { QueryState } from '../components/QueryState';
import { SourceBadge } from '../components/SourceBadge';
import { StatusBadge } from '../components/StatusBadge';
import { useLocale } from '../components/use-locale';
import { formatDate, nationName, todayIso } from '../i18n/format';

/**
 * The earliest planned meeting from today on. When none is planned, says so, and shows the latest
 * planned one (flagged when its date has passed without a record of it being held) and the last held.
 */
export function NextMeeting({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const today = todayIso();
  const upcoming = useMeetings(slug, { status: ['planned'], from: today, sort: 'date', limit: 1 });
  const none = upcoming.data?.total === 0;
  const latestPlanned = useMeetings(slug, { status: ['planned'], sort: '-date', limit: 1 }, none);
  const lastHeld = useMeetings(slug, { status: ['held'], sort: '-date', limit: 1 }, none);

  return (
    <section aria-labelledby="next-meeting-heading">
      <Title order={2} id="next-meeting-heading" mb="sm">
        {t('group.next.title')}
      </Title>
      <QueryState query={upcoming}>
        {(page) => {
          const next = page.items[0];
          if (next) return <MeetingCard meeting={next} />;
          return (
            <Stack>
              <Alert color="blue" title={t('group.next.noneTitle')}>
                {t('group.next.none')}
              </Alert>
              <QueryState query={latestPlanned}>
                {(planned) =>
                  planned.items[0] ? (
                    <MeetingCard
                      meeting={planned.items[0]}
                      heading={t('group.next.latestPlanned')}
                      warning={
                        planned.items[0].date < today ? t('group.next.datePassed') : undefined
                      }
                    />
                  ) : null
                }
              </QueryState>
              <QueryState query={lastHeld}>
                {(held) =>
                  held.items[0] ? (
                    <MeetingCard meeting={held.items[0]} heading={t('group.next.lastHeld')} />
                  ) : null
                }
              </QueryState>
            </Stack>
          );
        }}
      </QueryState>
    </section>
  );
}

function MeetingCard({
  meeting,
  heading,
  warning,
}: {
  meeting: Meeting;
  heading?: string;
  warning?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const target = meeting.number !== null ? `/meetings/${meeting.number}` : undefined;
  return (
    <Card withBorder padding="md" data-testid="meeting-card">
      {heading ? (
        <Title order={3} size="h5" c="gray.8" mb={6}>
          {heading}
        </Title>
      ) : null}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="lg" fw={700}>
            {target ? (
              <Anchor component={Link} to={target}>
                {meeting.code}
              </Anchor>
            ) : (
              meeting.code
            )}{' '}
            · {formatDate(meeting.date, locale, 'full')}
          </Text>
          <Text>
            {meeting.venue ?? t('meeting.venueUnknown')}
            {meeting.venueCountry ? `, ${nationName(meeting.venueCountry, locale)}` : ''}
          </Text>
          <Text size="sm">
            {t('meeting.chairedBy', { chair: nationName(meeting.chair, locale) })}
            {meeting.coChair
              ? ` · ${t('meeting.coChairedBy', { coChair: nationName(meeting.coChair, locale) })}`
              : ''}
          </Text>
          {warning ? (
            <Text size="sm" fw={700} c="red.9" data-testid="date-passed">
              {warning}
            </Text>
          ) : null}
        </Stack>
        <StatusBadge status={meeting.status} />
      </Group>
      <Group mt="sm" gap="xs">
        <Text size="sm" fw={600}>
          {t('source.label')}:
        </Text>
        <SourceBadge source={meeting.source} compact />
      </Group>
    </Card>
  );
}
