import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { Meeting } from '../../core/meetings/meeting.schema';
import { DEFAULT_GROUP, useMeeting } from '../api/queries';
import { useSession } from '../api/session';
import { isChairSecretariat } from '../components/meetings/access';
import { MeetingActions, MeetingDownloads } from '../components/meetings/MeetingActions';
import { MeetingTabs } from '../components/meetings/MeetingTabs';
import type { MeetingLocationState } from './MeetingFormPage';
import { NationLabel } from '../components/NationLabel';
import { NotFound } from '../components/NotFound';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { SourceBadge } from '../components/SourceBadge';
import { StatusBadge } from '../components/StatusBadge';
import { MeetingBoardLink } from '../components/live/MeetingBoardLink';
import { useLocale } from '../components/use-locale';
import {
  formatDate,
  formatDateRange,
  formatInstant,
  viewerTimeZone,
  zoneAbbreviation,
} from '../i18n/format';

/** One meeting of the group by its number: when (in its zone and yours), where, who chaired, why. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { number: raw = '' } = useParams();
  const number = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  const meeting = useMeeting(DEFAULT_GROUP, number);
  const notFound = (
    <NotFound
      title={t('meeting.notFoundTitle')}
      message={t('meeting.notFound', { number: raw })}
      back={{ to: '/meetings', label: t('meeting.backToList') }}
    />
  );
  if (!Number.isInteger(number) || number < 1) return notFound;
  return (
    <QueryState query={meeting} notFound={notFound}>
      {(data) => <MeetingView meeting={data} />}
    </QueryState>
  );
}

function MeetingView({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const secretariat = isChairSecretariat(session.data, meeting.group.slug);
  const state = useLocation().state as MeetingLocationState | null;
  // Meetings convened here have a cycle (agenda, invitations, record); reference history has none.
  const convened = meeting.convenedAt !== null;
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/meetings" size="sm">
          ← {t('meeting.backToList')}
        </Anchor>
        <Group gap="md" align="center" mt="xs">
          <PageTitle text={t('meeting.pageTitle', { code: meeting.code })}>
            {meeting.code}
          </PageTitle>
          <Group mb="md">
            <StatusBadge status={meeting.status} />
            <MeetingBoardLink meeting={meeting} />
            {convened ? (
              <Badge component="span" variant="outline" color="gray.8" data-testid="meeting-phase">
                {t(`meetingCycle.phase.${meeting.phase}`)}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Text size="lg">{formatDate(meeting.date, locale, 'full')}</Text>
        {meeting.level ? (
          <Text size="sm">
            {t('meetingCycle.form.level')}: {t(`meetingCycle.level.${meeting.level}`)}
          </Text>
        ) : null}
      </div>

      {state?.saved ? (
        <Alert color="green" role="status">
          {[t(`meetingCycle.saved.${state.saved}`), ...state.warnings].join(' ')}
        </Alert>
      ) : null}
      {meeting.cancelReason ? (
        <Alert color="gray" title={t('meetingCycle.cancelledBecause')} data-testid="cancel-reason">
          {meeting.cancelReason}
        </Alert>
      ) : null}
      {meeting.rescheduleReason && !meeting.cancelReason ? (
        <Alert
          color="blue"
          variant="light"
          title={t('meetingCycle.rescheduledBecause')}
          data-testid="reschedule-reason"
        >
          {meeting.rescheduleReason}
        </Alert>
      ) : null}
      {convened && secretariat ? <MeetingActions meeting={meeting} /> : null}
      {convened ? <MeetingDownloads meeting={meeting} /> : null}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <WhenCard meeting={meeting} />
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('meeting.where')}
          </Title>
          <Facts>
            <Fact label={t('meeting.venue')}>
              {meeting.venue ?? t('meeting.venueUnknown')}
              {meeting.venueCountry ? (
                <>
                  {', '}
                  <NationLabel nation={meeting.venueCountry} showCode={false} />
                </>
              ) : null}
            </Fact>
            <Fact label={t('meeting.formatLabel')}>
              {meeting.format ? t(`meeting.format.${meeting.format}`) : t('common.unknown')}
            </Fact>
            {meeting.virtualUrl ? (
              <Fact label={t('meeting.virtualUrl')}>
                <Anchor href={meeting.virtualUrl}>{meeting.virtualUrl}</Anchor>
              </Fact>
            ) : null}
          </Facts>
        </Card>
      </SimpleGrid>

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('meeting.chairs')}
        </Title>
        <Facts>
          <Fact label={t('meeting.chair')}>
            <NationLabel nation={meeting.chair} />
            {meeting.chairPerson ? <Person person={meeting.chairPerson} /> : null}
          </Fact>
          <Fact label={t('meeting.coChair')}>
            {meeting.coChair ? (
              <>
                <NationLabel nation={meeting.coChair} />
                {meeting.coChairPerson ? <Person person={meeting.coChairPerson} /> : null}
              </>
            ) : (
              t('meeting.noCoChair')
            )}
          </Fact>
        </Facts>
      </Card>

      <section aria-labelledby="events-heading">
        <Title order={2} size="h4" id="events-heading" mb="sm">
          {t('meeting.events')}
        </Title>
        {meeting.events.length === 0 ? (
          <Text>{t('meeting.noEvents')}</Text>
        ) : (
          <Table withTableBorder verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('events.col.name')}</Table.Th>
                <Table.Th scope="col">{t('events.col.date')}</Table.Th>
                <Table.Th scope="col">{t('meeting.relationLabel')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.events.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/events/${event.id}`}>
                      {event.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDateRange(event.startsOn, event.endsOn, locale)}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color="gray.8" component="span">
                      {t(`meeting.relation.${event.relation}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      {meeting.note ? (
        <section aria-labelledby="note-heading">
          <Title order={2} size="h4" id="note-heading" mb="xs">
            {t('meeting.note')}
          </Title>
          <Text maw={760}>{meeting.note}</Text>
        </section>
      ) : null}

      <section aria-labelledby="source-heading">
        <Title order={2} size="h4" id="source-heading" mb="xs">
          {t('source.label')}
        </Title>
        <SourceBadge source={meeting.source} />
      </section>

      {convened ? (
        <MeetingTabs meeting={meeting} session={session.data} secretariat={secretariat} />
      ) : null}
    </Stack>
  );
}

/** The start in the meeting's own zone and in the viewer's; a bare date when no time was announced. */
function WhenCard({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const viewerZone = viewerTimeZone();
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('meeting.when')}
      </Title>
      {meeting.startsAt ? (
        <Facts>
          <Fact label={t('meeting.localTime', { zone: meeting.timeZone })}>
            {formatInstant(meeting.startsAt, meeting.timeZone, locale)} (
            {zoneAbbreviation(meeting.startsAt, meeting.timeZone, locale)})
          </Fact>
          <Fact label={t('meeting.yourTime', { zone: viewerZone })}>
            {formatInstant(meeting.startsAt, viewerZone, locale)} (
            {zoneAbbreviation(meeting.startsAt, viewerZone, locale)})
          </Fact>
        </Facts>
      ) : (
        <Facts>
          <Fact label={t('meeting.date')}>{formatDate(meeting.date, locale, 'full')}</Fact>
          <Fact label={t('meeting.timeZone')}>{meeting.timeZone}</Fact>
          <Fact label={t('meeting.startTime')}>{t('meeting.timeNotAnnounced')}</Fact>
        </Facts>
      )}
    </Card>
  );
}

function Person({ person }: { person: { name: string; title: string | null } }) {
  return (
    <Text size="sm" mt={2}>
      {person.name}
      {person.title ? `, ${person.title}` : ''}
    </Text>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return (
    <Stack gap="sm" component="dl" m={0}>
      {children}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600} c="gray.7">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}
