import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type RequirementStatus,
  requirementStatusSchema,
} from '../../core/requirements/requirement.schema';
import { useCapabilityAreas, useCoalitions } from '../api/ledger';
import { type RequirementCoverageQuery, useRequirementCoverage } from '../api/ledger-coverage';
import { DEFAULT_GROUP } from '../api/queries';
import { PageTitle } from '../components/PageTitle';
import { Pager, pageFromParams, writePage } from '../components/Pager';
import { QueryState } from '../components/QueryState';
import { useLocale } from '../components/use-locale';
import { useUrlParams } from '../components/use-url-params';
import { RequirementCoverageTable } from '../components/ledger/RequirementCoverageTable';
import { formatDate } from '../i18n/format';
import { AreaFilter, StatusFilter } from '../components/ledger/LedgerFilterSelects';

const PAGE_SIZE = 50;
const SORTS = ['priority', 'gap', 'neededBy'] as const;
const KEYS = ['area', 'coalitionId', 'status', 'overdue', 'sort', 'page'];

function readStatus(value: string | null): RequirementStatus | undefined {
  const parsed = requirementStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Requirements with their coverage and gap: where the drill-down from a chart lands. */
export function RequirementCoveragePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, updateParams] = useUrlParams();
  const areas = useCapabilityAreas(DEFAULT_GROUP);
  const coalitions = useCoalitions(DEFAULT_GROUP);
  const page = pageFromParams(params);
  const overdue = params.get('overdue');
  const query: RequirementCoverageQuery = {
    area: params.get('area') ?? undefined,
    coalitionId: params.get('coalitionId') ?? undefined,
    status: readStatus(params.get('status')),
    overdue: overdue === 'true' || overdue === 'false' ? overdue : undefined,
    sort: SORTS.find((s) => s === params.get('sort')),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const coverage = useRequirementCoverage(DEFAULT_GROUP, query);
  const area = areas.data?.find((a) => a.slug === query.area);

  const set = (key: string, value: string) =>
    updateParams((next) => {
      if (value) next.set(key, value);
      else next.delete(key);
      next.delete('page');
    });

  const title = area ? t('ledger.gaps.titleArea', { area: area.name }) : t('ledger.gaps.title');
  return (
    <Stack>
      <PageTitle text={title} />
      <Anchor component={Link} to="/coverage" size="sm" mt={-8}>
        {t('ledger.gaps.back')}
      </Anchor>
      <Paper withBorder p="md" component="form" role="search" aria-label={t('ledger.gaps.filters')}>
        <Group align="flex-end" gap="lg">
          <AreaFilter value={query.area} onChange={(value) => set('area', value)} />
          <NativeSelect
            label={t('ledger.filter.coalition')}
            value={query.coalitionId ?? ''}
            onChange={(event) => set('coalitionId', event.currentTarget.value)}
            data={[
              { value: '', label: t('ledger.filter.anyCoalition') },
              ...(coalitions.data ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
            maw={320}
          />
          <StatusFilter
            of="requirement"
            value={query.status}
            onChange={(value) => set('status', value)}
          />
          <NativeSelect
            label={t('ledger.gaps.overdueFilter')}
            value={query.overdue ?? ''}
            onChange={(event) => set('overdue', event.currentTarget.value)}
            data={[
              { value: '', label: t('ledger.gaps.overdueAny') },
              { value: 'true', label: t('ledger.gaps.overdueOnly') },
              { value: 'false', label: t('ledger.gaps.overdueNot') },
            ]}
          />
          <NativeSelect
            label={t('ledger.gaps.sort')}
            value={query.sort ?? 'priority'}
            onChange={(event) =>
              set('sort', event.currentTarget.value === 'priority' ? '' : event.currentTarget.value)
            }
            data={SORTS.map((s) => ({ value: s, label: t(`ledger.gaps.sortBy.${s}`) }))}
          />
          <Button
            variant="default"
            disabled={!KEYS.some((k) => params.has(k))}
            onClick={() => updateParams((next) => KEYS.forEach((k) => next.delete(k)))}
          >
            {t('common.clearFilters')}
          </Button>
        </Group>
      </Paper>
      <QueryState query={coverage}>
        {(result) => (
          <Stack>
            <Text aria-live="polite" data-testid="coverage-total">
              {t('ledger.gaps.total', { count: result.total })}{' '}
              {t('ledger.coverage.asOf', { date: formatDate(result.asOf, locale) })}
            </Text>
            {result.items.length > 0 ? <RequirementCoverageTable rows={result.items} /> : null}
            <Pager
              total={result.total}
              pageSize={PAGE_SIZE}
              page={page}
              onChange={(p) => updateParams((next) => writePage(next, p))}
            />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
