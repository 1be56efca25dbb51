import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { Requirement } from '../../core/requirements/requirement.schema';
import { usePledges, useRequirement } from '../api/ledger';
import { useGroup } from '../api/queries';
import { useSession } from '../api/session';
import { MarkingBanner } from '../components/MarkingBanner';
import { NotFound } from '../components/NotFound';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { SourceBadge } from '../components/SourceBadge';
import { useLocale } from '../components/use-locale';
import { useNationNames } from '../components/use-nation-names';
import { canCreatePledge, isRecipientPlanner } from '../components/ledger/access';
import { FactList } from '../components/ledger/FactList';
import { formatQuantity } from '../components/ledger/format';
import { PledgeList } from '../components/ledger/PledgeList';
import { PriorityHistory } from '../components/ledger/PriorityHistory';
import { RequirementStatusBadge } from '../components/ledger/StatusBadges';
import { formatDate, formatDateTime } from '../i18n/format';

/** What the form hands over after a write. */
export interface RequirementLocationState {
  saved?: 'created' | 'updated';
}

/** One requirement: its facts, the pledges against it, and every priority it has held. */
export function RequirementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const requirement = useRequirement(id);
  return (
    <QueryState
      query={requirement}
      notFound={
        <NotFound
          title={t('ledger.requirement.notFoundTitle')}
          message={t('ledger.requirement.notFound')}
          back={{ to: '/requirements', label: t('ledger.requirement.backToList') }}
        />
      }
    >
      {(r) => <RequirementView requirement={r} />}
    </QueryState>
  );
}

function RequirementView({ requirement: r }: { requirement: Requirement }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  const session = useSession();
  const group = useGroup(r.group);
  const location = useLocation();
  const saved = (location.state as RequirementLocationState | null)?.saved;
  const pledges = usePledges(
    r.group,
    { requirementId: r.id, sort: 'announced', order: 'asc' },
    200,
  );
  const planner = isRecipientPlanner(session.data, group.data);

  const facts: [string, ReactNode][] = [
    [t('ledger.requirement.priority'), r.priority],
    [t('ledger.requirement.area'), r.capabilityArea.name],
    [t('ledger.requirement.quantity'), formatQuantity(r.quantity, r.unit, locale)],
    [t('ledger.requirement.neededBy'), r.neededBy ? formatDate(r.neededBy, locale) : '—'],
    [t('ledger.requirement.status'), <RequirementStatusBadge key="s" status={r.status} />],
    [t('ledger.requirement.origin'), `${nameOf(r.originNation)} (${r.originNation})`],
    [t('ledger.requirement.externalId'), r.externalId ?? '—'],
    [t('ledger.requirement.source'), <SourceBadge key="src" source={r.source} />],
    [t('ledger.requirement.createdBy'), r.createdBy],
    [t('ledger.requirement.updated'), formatDateTime(r.updatedAt, locale)],
    [t('ledger.requirement.version'), r.version],
  ];

  return (
    <Stack gap="md">
      <MarkingBanner marking={r.marking} position={t('ledger.markingTop')} />
      {saved ? (
        <Alert color="green" role="status">
          {t(`ledger.requirement.saved.${saved}`)}
        </Alert>
      ) : null}
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle text={r.item} />
          {r.specification ? (
            <Text mt={-12} c="dimmed">
              {r.specification}
            </Text>
          ) : null}
        </div>
        <Group>
          {canCreatePledge(session.data, r.group) ? (
            <Button component={Link} to={`/pledges/new?requirementId=${r.id}`}>
              {t('ledger.requirement.pledgeAgainst')}
            </Button>
          ) : null}
          {planner ? (
            <Button component={Link} to={`/requirements/${r.id}/edit`} variant="default">
              {t('ledger.requirement.edit')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <FactList facts={facts} />
      {r.note ? (
        <Paper withBorder p="md" component="section" aria-label={t('ledger.requirement.note')}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{r.note}</Text>
        </Paper>
      ) : null}
      <section aria-labelledby="requirement-pledges">
        <Title order={2} size="h3" id="requirement-pledges" mb="sm">
          {t('ledger.requirement.pledges')}
        </Title>
        <QueryState query={pledges}>
          {(page) =>
            page.items.length === 0 ? (
              <Text c="dimmed">{t('ledger.requirement.noPledges')}</Text>
            ) : (
              <PledgeList pledges={page.items} caption={t('ledger.requirement.pledges')} />
            )
          }
        </QueryState>
      </section>
      <section aria-labelledby="requirement-history">
        <Title order={2} size="h3" id="requirement-history" mb="sm">
          {t('ledger.history.title')}
        </Title>
        <PriorityHistory requirementId={r.id} />
      </section>
      <MarkingBanner marking={r.marking} position={t('ledger.markingBottom')} />
    </Stack>
  );
}
