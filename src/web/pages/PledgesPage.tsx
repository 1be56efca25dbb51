import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type PledgeKind,
  type PledgeStatus,
  pledgeKindSchema,
  pledgeStatusSchema,
} from '../../core/pledges/pledge.schema';
import {
  type PledgeExport,
  type PledgeFilters,
  type PledgeSort,
  pledgeExportHref,
} from '../api/ledger';
import { useChannelTotals } from '../api/ledger-coverage';
import { DEFAULT_GROUP, useNations } from '../api/queries';
import { useSession } from '../api/session';
import { PageHeader } from '../components/PageTitle';
import { useLocale } from '../components/use-locale';
import { useNationOptions } from '../components/use-nation-names';
import { useSearchBox, useUrlParams } from '../components/use-url-params';
import { canCreatePledge } from '../components/ledger/access';
import { ColumnChooser, readColumns, writeColumns } from '../components/ledger/ColumnChooser';
import { formatNumber } from '../components/ledger/format';
import { LedgerTable } from '../components/ledger/LedgerTable';
import { SavedViews } from '../components/ledger/SavedViews';
import { AreaFilter, StatusFilter } from '../components/ledger/LedgerFilterSelects';

const SORTS: readonly PledgeSort[] = ['announced', 'value', 'donor', 'status', 'created'];
const FILTER_KEYS = [
  'q',
  'donor',
  'channel',
  'area',
  'status',
  'kind',
  'requirementId',
  'meetingId',
];
const EXPORTS: readonly PledgeExport[] = ['csv', 'xlsx', 'iati'];

function readStatus(value: string | null): PledgeStatus | undefined {
  const parsed = pledgeStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function readKind(value: string | null): PledgeKind | undefined {
  const parsed = pledgeKindSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The filters, sort and order of the ledger from the address, so any view can be bookmarked. */
function readFilters(params: URLSearchParams): PledgeFilters {
  const text = (key: string) => params.get(key)?.trim() || undefined;
  return {
    q: text('q'),
    donor: text('donor'),
    channel: text('channel'),
    area: text('area'),
    status: readStatus(params.get('status')),
    kind: readKind(params.get('kind')),
    requirementId: text('requirementId'),
    meetingId: text('meetingId'),
    sort: SORTS.find((s) => s === params.get('sort')),
    order: params.get('order') === 'asc' ? 'asc' : params.get('sort') ? 'desc' : undefined,
  };
}

/** Every pledge the viewer may read, in one table that scrolls through all of them. */
export function PledgesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const nationOptions = useNationOptions();
  const [params, updateParams] = useUrlParams();
  const filters = readFilters(params);
  const columns = readColumns(params.get('cols'));
  const channels = useChannelTotals(DEFAULT_GROUP);
  const participants = useNations({ group: DEFAULT_GROUP, limit: 500 });
  const [total, setTotal] = useState<number | null>(null);

  const set = (key: string, value: string) =>
    updateParams((next) => {
      if (value) next.set(key, value);
      else next.delete(key);
    });

  const [text, setText] = useSearchBox(params, updateParams, { resetPage: false });

  const onSort = useCallback(
    (sort: PledgeSort, order: 'asc' | 'desc') =>
      updateParams((next) => {
        next.set('sort', sort);
        next.set('order', order);
      }),
    [updateParams],
  );

  const donors = nationOptions(participants.data?.items ?? []);
  const filtered = FILTER_KEYS.some((k) => params.has(k));

  return (
    <Stack>
      <PageHeader title={t('ledger.pledges.title')}>
        <Group gap="xs">
          {EXPORTS.map((format) => (
            <Button
              key={format}
              component="a"
              variant="default"
              href={pledgeExportHref(DEFAULT_GROUP, filters, format)}
              download
            >
              {t(`ledger.export.${format}`)}
            </Button>
          ))}
          {canCreatePledge(session.data, DEFAULT_GROUP) ? (
            <>
              <Button component={Link} to="/imports?kind=pledges" variant="default">
                {t('ledger.import.link')}
              </Button>
              <Button component={Link} to="/pledges/new">
                {t('ledger.pledges.new')}
              </Button>
            </>
          ) : null}
        </Group>
      </PageHeader>
      <Text c="dimmed" size="sm" mt={-8}>
        {session.data ? t('ledger.pledges.introSignedIn') : t('ledger.pledges.introPublic')}
      </Text>
      <Paper
        withBorder
        p="md"
        component="form"
        role="search"
        aria-label={t('ledger.pledges.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <Group align="flex-end" gap="md">
          <TextInput
            label={t('ledger.filter.search')}
            description={t('ledger.filter.searchHint')}
            type="search"
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            w={240}
          />
          <NativeSelect
            label={t('ledger.filter.donor')}
            value={filters.donor ?? ''}
            onChange={(event) => set('donor', event.currentTarget.value)}
            data={[{ value: '', label: t('ledger.filter.anyDonor') }, ...donors]}
            w={220}
          />
          <NativeSelect
            label={t('ledger.filter.channel')}
            value={filters.channel ?? ''}
            onChange={(event) => set('channel', event.currentTarget.value)}
            data={[
              { value: '', label: t('ledger.filter.anyChannel') },
              ...(channels.data?.items ?? []).map((c) => ({
                value: c.channel.key,
                label: c.channel.label,
              })),
            ]}
            w={200}
          />
          <AreaFilter value={filters.area} onChange={(value) => set('area', value)} w={200} />
          <StatusFilter
            of="pledge"
            value={filters.status}
            onChange={(value) => set('status', value)}
          />
          <NativeSelect
            label={t('ledger.filter.kind')}
            value={filters.kind ?? ''}
            onChange={(event) => set('kind', event.currentTarget.value)}
            data={[
              { value: '', label: t('ledger.filter.anyKind') },
              ...pledgeKindSchema.options.map((k) => ({ value: k, label: t(`ledger.kind.${k}`) })),
            ]}
          />
          <Button
            variant="default"
            disabled={!filtered}
            onClick={() => {
              setText('');
              updateParams((next) => FILTER_KEYS.forEach((k) => next.delete(k)));
            }}
          >
            {t('common.clearFilters')}
          </Button>
        </Group>
        {filters.requirementId || filters.meetingId ? (
          <Text size="sm" mt="sm">
            {filters.requirementId ? (
              <>
                {t('ledger.pledges.forRequirement')}{' '}
                <Anchor component={Link} to={`/requirements/${filters.requirementId}`}>
                  {t('ledger.pledges.openRequirement')}
                </Anchor>
              </>
            ) : (
              t('ledger.pledges.forMeeting')
            )}
          </Text>
        ) : null}
      </Paper>
      <Group justify="space-between">
        <Text aria-live="polite" data-testid="pledges-total" fw={600}>
          {total === null
            ? t('common.loading')
            : t('ledger.pledges.total', { count: total, formatted: formatNumber(total, locale) })}
        </Text>
        <Group gap="xs">
          <ColumnChooser
            columns={columns}
            onChange={(next) => updateParams((p) => writeColumns(p, next))}
          />
          <SavedViews
            current={params.toString()}
            onApply={(search) =>
              updateParams((next) => {
                for (const key of [...next.keys()]) next.delete(key);
                new URLSearchParams(search).forEach((value, key) => next.set(key, value));
                setText(next.get('q') ?? '');
              })
            }
          />
        </Group>
      </Group>
      <LedgerTable
        slug={DEFAULT_GROUP}
        filters={filters}
        columns={columns}
        onSort={onSort}
        onTotal={setTotal}
      />
    </Stack>
  );
}
