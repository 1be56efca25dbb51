import { Anchor, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEvents } from '../api/queries';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { SourceBadge } from '../components/SourceBadge';
import { useLocale } from '../components/use-locale';
import { useUrlParams } from '../components/use-url-params';
import { formatDateRange } from '../i18n/format';
import { LinkedMeetings, eventPlace } from '../components/LinkedMeetings';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Events around the group's meetings (ministerials, summits, conferences), filtered by dates. */
export function EventsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, updateParams] = useUrlParams();
  const from = DATE.test(params.get('from') ?? '') ? (params.get('from') ?? '') : '';
  const to = DATE.test(params.get('to') ?? '') ? (params.get('to') ?? '') : '';
  const rangeInvalid = from !== '' && to !== '' && from > to;
  const events = useEvents({
    from: from || undefined,
    to: rangeInvalid ? undefined : to || undefined,
    limit: 500,
  });

  const set = (key: 'from' | 'to', value: string) => {
    updateParams((next) => {
      if (value) next.set(key, value);
      else next.delete(key);
    });
  };

  return (
    <Stack>
      <PageTitle text={t('events.title')} />
      <Paper withBorder p="md" component="form" role="search" aria-label={t('events.filters')}>
        <Group align="flex-end" gap="lg">
          <TextInput
            type="date"
            label={t('events.from')}
            value={from}
            onChange={(event) => set('from', event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('events.to')}
            value={to}
            error={rangeInvalid ? t('meetings.rangeInvalid') : undefined}
            onChange={(event) => set('to', event.currentTarget.value)}
          />
          <Button
            variant="default"
            onClick={() =>
              updateParams((next) => {
                next.delete('from');
                next.delete('to');
              })
            }
            disabled={!from && !to}
          >
            {t('common.clearFilters')}
          </Button>
        </Group>
      </Paper>
      <QueryState query={events}>
        {(page) => (
          <Stack>
            <Text aria-live="polite" data-testid="events-total">
              {t('events.total', { count: page.total })}
            </Text>
            <Table.ScrollContainer minWidth={1000}>
              <Table striped highlightOnHover verticalSpacing="sm">
                <caption className="visually-hidden">{t('events.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('events.col.date')}</Table.Th>
                    <Table.Th scope="col">{t('events.col.name')}</Table.Th>
                    <Table.Th scope="col">{t('events.col.kind')}</Table.Th>
                    <Table.Th scope="col">{t('events.col.location')}</Table.Th>
                    <Table.Th scope="col">{t('events.col.meetings')}</Table.Th>
                    <Table.Th scope="col">{t('events.col.source')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((event) => (
                    <Table.Tr key={event.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatDateRange(event.startsOn, event.endsOn, locale)}
                      </Table.Td>
                      <Table.Td miw={260}>
                        <Anchor component={Link} to={`/events/${event.id}`} fw={600}>
                          {event.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`event.kind.${event.kind}`)}</Table.Td>
                      <Table.Td>{eventPlace(event, locale) ?? '—'}</Table.Td>
                      <Table.Td>
                        <LinkedMeetings event={event} />
                      </Table.Td>
                      <Table.Td>
                        <SourceBadge source={event.source} compact />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
