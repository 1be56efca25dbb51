import { Alert, Anchor, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { Initiative } from '../../core/initiatives/initiative.schema';
import { useInitiative } from '../api/initiatives';
import { useSession } from '../api/session';
import { canEditInitiative, positionScope } from '../components/initiatives/initiative-access';
import { PositionForm } from '../components/initiatives/PositionForm';
import { RaisingForm } from '../components/initiatives/RaisingForm';
import {
  PositionTimelines,
  Proposer,
  SourceLine,
} from '../components/initiatives/PositionTimeline';
import { MarkingBanner } from '../components/MarkingBanner';
import { NotFound } from '../components/NotFound';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { useLocale } from '../components/use-locale';
import { formatDate } from '../i18n/format';
import type { InitiativeLocationState } from './InitiativeFormPage';

/** `/initiatives/:id`: who proposed it, what it says, where it was raised, and every party's stance. */
export function InitiativePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const initiative = useInitiative(id);
  return (
    <QueryState
      query={initiative}
      notFound={
        <NotFound
          title={t('initiatives.notFoundTitle')}
          message={t('initiatives.notFound')}
          back={{ to: '/initiatives', label: t('initiatives.backToList') }}
        />
      }
    >
      {(data) => <InitiativeView initiative={data} />}
    </QueryState>
  );
}

function InitiativeView({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const state = useLocation().state as InitiativeLocationState | null;
  const scope = positionScope(session.data, initiative.group);
  const editor = canEditInitiative(session.data, initiative);
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const [raising, setRaising] = useState(false);
  const [raised, setRaised] = useState(false);
  return (
    <Stack gap="lg">
      <MarkingBanner marking={initiative.marking} position={t('ledger.markingTop')} />
      <div>
        <Anchor component={Link} to="/initiatives" size="sm">
          ← {t('initiatives.backToList')}
        </Anchor>
        <Group justify="space-between" align="flex-start">
          <PageTitle text={initiative.title} />
          {editor ? (
            <Button component={Link} to={`/initiatives/${initiative.id}/edit`} variant="default">
              {t('initiatives.edit')}
            </Button>
          ) : null}
        </Group>
        <Text c="dimmed" mt={-8}>
          {t(`initiatives.kind.${initiative.kind}`)}
        </Text>
      </div>
      {state?.saved ? (
        <Alert color="green" role="status">
          {[t(`initiatives.saved.${state.saved}`), ...state.warnings].join(' ')}
        </Alert>
      ) : null}

      <Card withBorder padding="md">
        <Stack gap="sm" component="dl" m={0}>
          <div>
            <Text component="dt" size="sm" fw={600} c="gray.7">
              {t('initiatives.proposer')}
            </Text>
            <Text component="dd" m={0} data-testid="initiative-proposer">
              <Proposer initiative={initiative} />
            </Text>
          </div>
          <div>
            <Text component="dt" size="sm" fw={600} c="gray.7">
              {t('initiatives.summary')}
            </Text>
            <Text component="dd" m={0} maw={760} style={{ whiteSpace: 'pre-line' }}>
              {initiative.summary}
            </Text>
          </div>
          <div>
            <Text component="dt" size="sm" fw={600} c="gray.7">
              {t('initiatives.source')}
            </Text>
            <Text component="dd" m={0}>
              <SourceLine source={initiative.source} />
            </Text>
          </div>
        </Stack>
      </Card>

      <section aria-labelledby="elements-heading">
        <Title order={2} size="h3" id="elements-heading" mb="sm">
          {t('initiatives.elements')}
        </Title>
        {initiative.elements.length === 0 ? (
          <Text>{t('initiatives.noElements')}</Text>
        ) : (
          <List type="ordered" spacing="xs" data-testid="initiative-elements">
            {initiative.elements.map((e, index) => (
              <List.Item key={index}>
                {e.text}
                {e.source.url ? (
                  <Text span size="sm" ml="xs">
                    <SourceLine source={e.source} />
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        )}
      </section>

      <section aria-labelledby="raised-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="raised-heading">
            {t('initiatives.raisedAt')}
          </Title>
          {editor && !raising ? (
            <Button
              onClick={() => {
                setRaised(false);
                setRaising(true);
              }}
            >
              {t('initiatives.raising.open')}
            </Button>
          ) : null}
        </Group>
        {raised ? (
          <Text role="status" mb="sm" fw={600}>
            {t('initiatives.raising.done')}
          </Text>
        ) : null}
        {raising && editor ? (
          <Stack mb="md">
            <RaisingForm
              initiative={initiative}
              onDone={() => setRaising(false)}
              onRecorded={() => setRaised(true)}
            />
          </Stack>
        ) : null}
        {initiative.raisedAt.length === 0 ? (
          <Text>{t('initiatives.notRaised')}</Text>
        ) : (
          <Table withTableBorder verticalSpacing="xs" data-testid="initiative-raisings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('initiatives.col.raisedOn')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.col.where')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.col.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {initiative.raisedAt.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatDate(r.raisedOn, locale)}</Table.Td>
                  <Table.Td>
                    {r.meeting ? (
                      <Anchor component={Link} to={`/meetings/${r.meeting.number ?? ''}`}>
                        {r.meeting.number !== null
                          ? t('meeting.numbered', { number: r.meeting.number })
                          : formatDate(r.meeting.date, locale)}
                      </Anchor>
                    ) : r.event ? (
                      <Anchor component={Link} to={`/events/${r.event.id}`}>
                        {r.event.name}
                      </Anchor>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{r.note ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="positions-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="positions-heading">
            {t('initiatives.positions')}
          </Title>
          {scope !== null && !recording ? (
            <Button
              onClick={() => {
                setRecorded(false);
                setRecording(true);
              }}
            >
              {t('initiatives.position.open')}
            </Button>
          ) : null}
        </Group>
        <Text size="sm" mb="sm">
          {t('initiatives.positionsHint')}
        </Text>
        {recorded ? (
          <Text role="status" mb="sm" fw={600}>
            {t('initiatives.position.done')}
          </Text>
        ) : null}
        {recording && session.data && scope !== null ? (
          <Stack mb="md">
            <PositionForm
              initiative={initiative}
              session={session.data}
              anyParty={scope === 'any'}
              onDone={() => setRecording(false)}
              onRecorded={() => setRecorded(true)}
            />
          </Stack>
        ) : null}
        <PositionTimelines positions={initiative.positions} />
      </section>
      <MarkingBanner marking={initiative.marking} position={t('ledger.markingBottom')} />
    </Stack>
  );
}
