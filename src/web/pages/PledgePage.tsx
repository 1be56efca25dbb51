import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { PledgeDetail } from '../../core/pledges/pledge.schema';
import { usePledge, useRequirement } from '../api/ledger';
import { useGroup, useMeetings } from '../api/queries';
import { useSession } from '../api/session';
import { MarkingBanner } from '../components/MarkingBanner';
import { NotFound } from '../components/NotFound';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { SourceBadge } from '../components/SourceBadge';
import { useLocale } from '../components/use-locale';
import { useNationNames } from '../components/use-nation-names';
import { canWritePledge, isRecipientPlanner } from '../components/ledger/access';
import { DeliveriesTable } from '../components/ledger/DeliveriesTable';
import { DeliveryForm } from '../components/ledger/DeliveryForm';
import { FactList } from '../components/ledger/FactList';
import { formatMoney, formatQuantity } from '../components/ledger/format';
import { channelLabel } from '../components/ledger/pledge-columns';
import { PledgeStatusActions } from '../components/ledger/PledgeStatusActions';
import { ScheduleEditor } from '../components/ledger/ScheduleEditor';
import { ScheduleTable } from '../components/ledger/ScheduleTable';
import { PledgeStatusBadge } from '../components/ledger/StatusBadges';
import { formatDate, formatDateTime } from '../i18n/format';

export interface PledgeLocationState {
  saved?: 'created' | 'updated';
}

/** One pledge: what, by whom, its value, how its status moved, its schedule and deliveries. */
export function PledgePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const pledge = usePledge(id);
  return (
    <QueryState
      query={pledge}
      notFound={
        <NotFound
          title={t('ledger.pledge.notFoundTitle')}
          message={t('ledger.pledge.notFound')}
          back={{ to: '/pledges', label: t('ledger.pledge.backToList') }}
        />
      }
    >
      {(p) => <PledgeView pledge={p} />}
    </QueryState>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

function PledgeView({ pledge: p }: { pledge: PledgeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  const session = useSession();
  const group = useGroup(p.group);
  const meetings = useMeetings(p.group, { sort: '-date', limit: 100 }, p.meetingId !== null);
  const location = useLocation();
  const saved = (location.state as PledgeLocationState | null)?.saved;
  const [editingSchedule, setEditingSchedule] = useState(false);
  const writer = canWritePledge(session.data, p);
  const recipient = isRecipientPlanner(session.data, group.data);
  const open = p.status !== 'withdrawn' && p.status !== 'delivered';
  const meeting = meetings.data?.items.find((m) => m.id === p.meetingId);
  const requirement = useRequirement(p.requirementId ?? '', p.requirementId !== null);
  const ctx = { t, locale, nameOf };

  const facts: [string, ReactNode][] = [
    [t('ledger.pledge.donor'), `${nameOf(p.donor)} (${p.donor})`],
    [t('ledger.pledge.channel'), channelLabel(p.channel, ctx)],
    [t('ledger.pledge.area'), p.capabilityArea.name],
    [
      t('ledger.pledge.requirement'),
      p.requirementId ? (
        <Anchor key="r" component={Link} to={`/requirements/${p.requirementId}`}>
          {requirement.data
            ? t('ledger.pledge.requirementLink', {
                priority: requirement.data.priority,
                item: requirement.data.item,
              })
            : t('ledger.pledge.openRequirement')}
        </Anchor>
      ) : (
        t('ledger.pledge.noRequirement')
      ),
    ],
    [t('ledger.pledge.kind'), t(`ledger.kind.${p.kind}`)],
    [t('ledger.pledge.quantity'), formatQuantity(p.quantity, p.unit, locale)],
    [t('ledger.pledge.delivered'), formatQuantity(p.deliveredQuantity, p.unit, locale)],
    [
      t('ledger.pledge.value'),
      p.value ? (
        <span key="v">
          {formatMoney(p.value, locale)}{' '}
          {p.isEstimate ? (
            <Badge component="span" size="sm" variant="outline" color="gray.8">
              {t(`ledger.valuation.${p.valuationMethod}`)}
            </Badge>
          ) : null}
        </span>
      ) : (
        t('ledger.pledge.noValue')
      ),
    ],
    [
      t('ledger.pledge.reportingValue'),
      p.reportingValue
        ? `${formatMoney(p.reportingValue, locale)}${
            p.rateUsed
              ? ` (${t('ledger.pledge.rate', { rate: p.rateUsed.rate, date: formatDate(p.rateUsed.date, locale, 'medium') })})`
              : ''
          }`
        : '—',
    ],
    [t('ledger.pledge.valuationDate'), p.valuationDate ? formatDate(p.valuationDate, locale) : '—'],
    [t('ledger.pledge.announced'), formatDate(p.announcedOn, locale)],
    [
      t('ledger.pledge.meeting'),
      p.meetingId === null ? (
        '—'
      ) : meeting?.number ? (
        <Anchor key="m" component={Link} to={`/meetings/${meeting.number}`}>
          {meeting.code}
        </Anchor>
      ) : (
        (meeting?.code ?? '…')
      ),
    ],
    [
      t('ledger.pledge.status'),
      <Group key="s" gap={6} component="span">
        <PledgeStatusBadge status={p.status} />
        <Text span size="sm">
          {t('ledger.pledge.since', { date: formatDate(p.statusOn, locale, 'medium') })}
        </Text>
      </Group>,
    ],
    [t('ledger.pledge.externalRef'), p.externalRef ?? '—'],
    [t('ledger.pledge.source'), <SourceBadge key="src" source={p.source} />],
    [t('ledger.pledge.createdBy'), `${p.createdBy}, ${formatDateTime(p.createdAt, locale)}`],
    [t('ledger.pledge.version'), p.version],
  ];

  return (
    <Stack gap="lg">
      <MarkingBanner marking={p.marking} position={t('ledger.markingTop')} />
      {saved ? (
        <Alert color="green" role="status">
          {t(`ledger.pledge.saved.${saved}`)}
        </Alert>
      ) : null}
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <PageTitle text={p.item} />
            {p.specification ? (
              <Text mt={-12} c="dimmed">
                {p.specification}
              </Text>
            ) : null}
          </div>
          {writer ? (
            <Button component={Link} to={`/pledges/${p.id}/edit`} variant="default">
              {t('ledger.pledge.edit')}
            </Button>
          ) : null}
        </Group>
        {writer ? <PledgeStatusActions pledge={p} /> : null}
      </Stack>
      <FactList facts={facts} />
      {p.note ? (
        <Section id="pledge-note" title={t('ledger.pledge.note')}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{p.note}</Text>
        </Section>
      ) : null}
      <Section id="pledge-history" title={t('ledger.pledge.historyTitle')}>
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" data-testid="status-history">
            <caption className="visually-hidden">{t('ledger.pledge.historyTitle')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('ledger.pledge.effectiveOn')}</Table.Th>
                <Table.Th scope="col">{t('ledger.pledge.change')}</Table.Th>
                <Table.Th scope="col">{t('ledger.pledge.note')}</Table.Th>
                <Table.Th scope="col">{t('ledger.pledge.changedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.statusHistory.map((h, index) => (
                <Table.Tr key={`${h.changedAt}-${index}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(h.effectiveOn, locale, 'medium')}
                  </Table.Td>
                  <Table.Td>
                    {h.from === null
                      ? t('ledger.pledge.recordedAs', { to: t(`ledger.pledgeStatus.${h.to}`) })
                      : t('ledger.pledge.movedTo', {
                          from: t(`ledger.pledgeStatus.${h.from}`),
                          to: t(`ledger.pledgeStatus.${h.to}`),
                        })}
                  </Table.Td>
                  <Table.Td>{h.note ?? '—'}</Table.Td>
                  <Table.Td>
                    {h.changedBy}
                    <Text size="xs" c="dimmed">
                      {formatDateTime(h.changedAt, locale)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>
      <Section id="pledge-schedule" title={t('ledger.schedule.title')}>
        {editingSchedule ? (
          <ScheduleEditor pledge={p} onDone={() => setEditingSchedule(false)} />
        ) : (
          <Stack gap="sm" align="flex-start">
            <ScheduleTable pledge={p} />
            {writer && open ? (
              <Button variant="default" size="sm" onClick={() => setEditingSchedule(true)}>
                {t('ledger.schedule.edit')}
              </Button>
            ) : null}
          </Stack>
        )}
      </Section>
      <Section id="pledge-deliveries" title={t('ledger.deliveries.title')}>
        <Stack>
          <DeliveriesTable pledge={p} mayConfirm={recipient} />
          {writer && open ? <DeliveryForm pledge={p} /> : null}
        </Stack>
      </Section>
      <MarkingBanner marking={p.marking} position={t('ledger.markingBottom')} />
    </Stack>
  );
}
