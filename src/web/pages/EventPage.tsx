import { Anchor, Badge, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useEvent } from '../api/queries';
import { NotFound } from '../components/NotFound';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { SourceBadge } from '../components/SourceBadge';
import { useLocale } from '../components/use-locale';
import { formatDateRange } from '../i18n/format';
import { LinkedMeetings, eventPlace } from '../components/LinkedMeetings';

/** One event: when and where, who, why it matters to the group, and its source. */
export function EventPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const event = useEvent(id);
  return (
    <QueryState
      query={event}
      notFound={
        <NotFound
          title={t('event.notFoundTitle')}
          message={t('event.notFound')}
          back={{ to: '/events', label: t('event.backToList') }}
        />
      }
    >
      {(data) => (
        <Stack gap="lg">
          <div>
            <Anchor component={Link} to="/events" size="sm">
              ← {t('event.backToList')}
            </Anchor>
            <PageTitle text={data.name} />
            <Badge color="gray.8" component="span">
              {t(`event.kind.${data.kind}`)}
            </Badge>
          </div>
          <Card withBorder>
            <Stack gap="xs">
              <Text>
                <strong>{t('events.col.date')}:</strong>{' '}
                {formatDateRange(data.startsOn, data.endsOn, locale)}
              </Text>
              <Text>
                <strong>{t('events.col.location')}:</strong> {eventPlace(data, locale) ?? '—'}
              </Text>
              {data.actors.length > 0 ? (
                <Text>
                  <strong>{t('event.actors')}:</strong> {data.actors.join(', ')}
                </Text>
              ) : null}
              {data.note ? <Text>{data.note}</Text> : null}
            </Stack>
          </Card>
          <section aria-labelledby="event-meetings">
            <Title order={2} size="h4" id="event-meetings" mb="xs">
              {t('events.col.meetings')}
            </Title>
            <LinkedMeetings event={data} />
          </section>
          <section aria-labelledby="event-source">
            <Title order={2} size="h4" id="event-source" mb="xs">
              {t('source.label')}
            </Title>
            <SourceBadge source={data.source} />
          </section>
        </Stack>
      )}
    </QueryState>
  );
}
