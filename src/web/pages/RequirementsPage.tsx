import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type RequirementStatus,
  requirementStatusSchema,
} from '../../core/requirements/requirement.schema';
import { type RequirementFilters, requirementExportHref, useRequirements } from '../api/ledger';
import { DEFAULT_GROUP, useGroup } from '../api/queries';
import { useSession } from '../api/session';
import { FilterBar } from '../components/FilterBar';
import { PageHeader } from '../components/PageTitle';
import { Pager, pageFromParams, writePage } from '../components/Pager';
import { QueryState } from '../components/QueryState';
import { useSearchBox, useUrlParams, writeFilter } from '../components/use-url-params';
import { isRecipientPlanner } from '../components/ledger/access';
import { RequirementOrderTable } from '../components/ledger/RequirementOrderTable';
import { useRequirementMove } from '../components/ledger/use-requirement-move';
import { AreaFilter, StatusFilter } from '../components/ledger/LedgerFilterSelects';

const PAGE_SIZE = 50;

function readStatus(value: string | null): RequirementStatus | undefined {
  const parsed = requirementStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The recipient's requirements by priority; its planners re-order them here. */
export function RequirementsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const group = useGroup(DEFAULT_GROUP);
  const [params, updateParams] = useUrlParams();
  const page = pageFromParams(params);
  const filters: RequirementFilters = {
    area: params.get('area') ?? undefined,
    status: readStatus(params.get('status')),
    q: params.get('q')?.trim() || undefined,
  };
  const requirements = useRequirements(DEFAULT_GROUP, {
    ...filters,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const planner = isRecipientPlanner(session.data, group.data);
  const { move, busy, announcement } = useRequirementMove(DEFAULT_GROUP);

  const set = (key: string, value: string) => updateParams((next) => writeFilter(next, key, value));

  const [text, setText] = useSearchBox(params, updateParams);

  return (
    <Stack>
      <PageHeader title={t('ledger.requirements.title')}>
        <Group>
          <Button
            component="a"
            variant="default"
            href={requirementExportHref(DEFAULT_GROUP, filters, 'csv')}
            download
          >
            {t('ledger.export.csv')}
          </Button>
          <Button
            component="a"
            variant="default"
            href={requirementExportHref(DEFAULT_GROUP, filters, 'xlsx')}
            download
          >
            {t('ledger.export.xlsx')}
          </Button>
          {planner ? (
            <>
              <Button component={Link} to="/imports?kind=requirements" variant="default">
                {t('ledger.import.link')}
              </Button>
              <Button component={Link} to="/requirements/new">
                {t('ledger.requirements.new')}
              </Button>
            </>
          ) : null}
        </Group>
      </PageHeader>
      <Text c="dimmed" size="sm" mt={-8}>
        {t('ledger.requirements.intro', {
          nation: group.data?.recipient.name ?? t('common.unknown'),
        })}
      </Text>
      <FilterBar label={t('ledger.requirements.filters')}>
        <TextInput
          label={t('ledger.filter.search')}
          description={t('ledger.filter.searchHint')}
          type="search"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={280}
        />
        <AreaFilter value={filters.area} onChange={(value) => set('area', value)} />
        <StatusFilter
          of="requirement"
          value={filters.status}
          onChange={(value) => set('status', value)}
        />
        <Button
          variant="default"
          disabled={params.toString() === ''}
          onClick={() => {
            setText('');
            updateParams((next) => ['q', 'area', 'status', 'page'].forEach((k) => next.delete(k)));
          }}
        >
          {t('common.clearFilters')}
        </Button>
      </FilterBar>
      <div role="status" aria-live="polite" className="visually-hidden" data-testid="move-status">
        {announcement}
      </div>
      <QueryState query={requirements}>
        {(result) => (
          <Stack>
            <Text data-testid="requirements-total">
              {t('ledger.requirements.total', { count: result.total })}
            </Text>
            {result.items.length > 0 ? (
              <RequirementOrderTable
                requirements={result.items}
                onMove={planner ? move : null}
                busy={busy}
              />
            ) : null}
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
