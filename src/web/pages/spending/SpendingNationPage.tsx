import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { NationSpending } from '../../../core/spending/spending.schema';
import { usePledges } from '../../api/ledger';
import { DEFAULT_GROUP } from '../../api/queries';
import { useNationSpending, useSpendingHistory } from '../../api/spending';
import { NotFound } from '../../components/NotFound';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../components/use-locale';
import { Points } from '../../components/spending/FigureValue';
import { NationSpendingFigure } from '../../components/spending/NationSpendingFigure';
import { RevisionHistory } from '../../components/spending/RevisionHistory';
import { TargetAnalysisTable } from '../../components/spending/TargetAnalysisTable';
import { nationName } from '../../i18n/format';

/** One nation's defence spending since 2014, against every target that applies to it. */
export function SpendingNationPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const upper = code.toUpperCase();
  const spending = useNationSpending(upper);
  return (
    <QueryState
      query={spending}
      notFound={
        <NotFound
          title={t('spending.nation.notFoundTitle')}
          message={t('spending.nation.notFound', { code: upper })}
          back={{ to: '/spending', label: t('spending.backToLeague') }}
        />
      }
    >
      {(data) => <NationSpendingView spending={data} />}
    </QueryState>
  );
}

function NationSpendingView({ spending }: { spending: NationSpending }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const code = spending.nation.code;
  const name = nationName(spending.nation, locale);
  // The ledger's pledges the viewer may read; the chart marks them, it does not need them to draw.
  const pledges = usePledges(DEFAULT_GROUP, { donor: code, sort: 'announced', order: 'asc' }, 500);
  const [showHistory, setShowHistory] = useState(false);
  const history = useSpendingHistory(code, showHistory);
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/spending" size="sm">
          ← {t('spending.backToLeague')}
        </Anchor>
        <PageTitle text={t('spending.nation.title', { nation: name })} />
        <Group gap="lg">
          <Anchor component={Link} to={`/nations/${code}`}>
            {t('spending.nation.toNation', { nation: name })}
          </Anchor>
          <Anchor component={Link} to={`/spending/projection?nation=${code}`}>
            {t('spending.nation.toProjection')}
          </Anchor>
        </Group>
        <Text mt="xs" data-testid="change-since-base">
          {t('spending.nation.changeSince', { year: spending.baseYear })}{' '}
          <Points value={spending.changeSinceBasePp} />
        </Text>
      </div>
      {spending.series.length === 0 ? (
        <Text>{t('spending.nation.noSeries')}</Text>
      ) : (
        <NationSpendingFigure spending={spending} pledges={pledges.data?.items ?? []} />
      )}
      <section aria-labelledby="targets-heading">
        <Title order={2} size="h4" id="targets-heading" mb="xs">
          {t('spending.nation.targetsTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('spending.nation.targetsNote', { growth: spending.assumptions.gdpGrowthPct })}
        </Text>
        <TargetAnalysisTable spending={spending} />
      </section>
      <section aria-labelledby="history-heading">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="history-heading">
            {t('spending.history.title')}
          </Title>
          <Button
            variant="default"
            size="xs"
            aria-expanded={showHistory}
            aria-controls="revision-history"
            onClick={() => setShowHistory((v) => !v)}
          >
            {showHistory ? t('spending.history.hide') : t('spending.history.show')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('spending.history.intro')}
        </Text>
        <div id="revision-history">
          {showHistory ? (
            <QueryState query={history}>
              {(page) => <RevisionHistory figures={page.items} />}
            </QueryState>
          ) : null}
        </div>
      </section>
    </Stack>
  );
}
