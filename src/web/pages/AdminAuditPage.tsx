import {
  Button,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../core/audit/audit.schema';
import { useAudit } from '../api/audit';
import { AuditChainStatus } from '../components/AuditChainStatus';
import { MarkingBadge } from '../components/MarkingBanner';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { RequireAdmin } from '../components/RequireSession';
import { useLocale } from '../components/use-locale';
import { Pager, pageFromParams, writePage } from '../components/Pager';
import { useUrlParams } from '../components/use-url-params';
import { formatDateTime } from '../i18n/format';

const PAGE_SIZE = 25;
const FILTERS = ['entity', 'action', 'actor'] as const;
type Filter = (typeof FILTERS)[number];

export function AdminAuditPage() {
  return <RequireAdmin>{() => <Audit />}</RequireAdmin>;
}

function Audit() {
  const { t } = useTranslation();
  const [params, updateParams] = useUrlParams();
  const applied = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<
    Filter,
    string
  >;
  const page = pageFromParams(params);
  const [draft, setDraft] = useState(applied);
  const appliedKey = FILTERS.map((f) => applied[f]).join('\u0000');
  // Keep the inputs in step when the address changes (back button, cleared filters).
  useEffect(() => {
    setDraft(
      Object.fromEntries(appliedKey.split('\u0000').map((v, i) => [FILTERS[i], v])) as Record<
        Filter,
        string
      >,
    );
  }, [appliedKey]);

  const audit = useAudit({
    entity: applied.entity || undefined,
    action: applied.action || undefined,
    actor: applied.actor || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    updateParams((next) => {
      for (const f of FILTERS) {
        const value = draft[f].trim();
        if (value) next.set(f, value);
        else next.delete(f);
      }
      next.delete('page');
    });
  };

  return (
    <Stack gap="lg">
      <PageTitle text={t('audit.title')} />
      <AuditChainStatus />
      <Paper
        withBorder
        p="md"
        component="form"
        role="search"
        aria-label={t('audit.filters')}
        onSubmit={submit}
      >
        <Group align="flex-end" gap="md">
          {FILTERS.map((f) => (
            <TextInput
              key={f}
              label={t(`audit.filter.${f}`)}
              placeholder={t(`audit.filterHint.${f}`)}
              value={draft[f]}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setDraft((d) => ({ ...d, [f]: value }));
              }}
            />
          ))}
          <Button type="submit">{t('audit.applyFilters')}</Button>
          <Button
            variant="default"
            disabled={params.toString() === ''}
            onClick={() =>
              updateParams((next) => [...FILTERS, 'page'].forEach((k) => next.delete(k)))
            }
          >
            {t('common.clearFilters')}
          </Button>
        </Group>
      </Paper>
      <QueryState query={audit}>
        {(result) => (
          <Stack>
            <Text aria-live="polite" data-testid="audit-total">
              {t('audit.total', { count: result.total })}
            </Text>
            <Table.ScrollContainer minWidth={1000}>
              <Table verticalSpacing="xs">
                <caption className="visually-hidden">{t('audit.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('audit.col.seq')}</Table.Th>
                    <Table.Th scope="col">{t('audit.col.at')}</Table.Th>
                    <Table.Th scope="col">{t('audit.col.actor')}</Table.Th>
                    <Table.Th scope="col">{t('audit.col.action')}</Table.Th>
                    <Table.Th scope="col">{t('audit.col.entity')}</Table.Th>
                    <Table.Th scope="col">{t('audit.col.marking')}</Table.Th>
                    <Table.Th scope="col">{t('audit.col.details')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.items.map((entry) => (
                    <AuditRow key={entry.id} entry={entry} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
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

const json = (value: unknown) =>
  value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const detailsId = `audit-details-${entry.seq}`;
  const hasDetails = entry.before !== null || entry.after !== null;
  return (
    <Fragment>
      <Table.Tr data-testid="audit-row">
        <Table.Td>{entry.seq}</Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, locale)}</Table.Td>
        <Table.Td>
          <Text span fw={600}>
            {entry.actor}
          </Text>
          <Text span size="sm" c="dimmed">
            {entry.actorNation ? ` · ${entry.actorNation}` : ''} · {entry.via}
          </Text>
        </Table.Td>
        <Table.Td>
          <Code>{entry.action}</Code>
        </Table.Td>
        <Table.Td>
          {entry.entity}
          {entry.entityId ? (
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
              {entry.entityId}
            </Text>
          ) : null}
        </Table.Td>
        <Table.Td>
          <MarkingBadge marking={entry.marking} />
        </Table.Td>
        <Table.Td>
          {hasDetails ? (
            <Button
              size="xs"
              variant="default"
              aria-expanded={open}
              aria-controls={open ? detailsId : undefined}
              onClick={() => setOpen((o) => !o)}
              aria-label={t(open ? 'audit.hideDetails' : 'audit.showDetails', { seq: entry.seq })}
            >
              {open ? t('audit.hide') : t('audit.show')}
            </Button>
          ) : (
            '—'
          )}
        </Table.Td>
      </Table.Tr>
      {open ? (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={7} bg="gray.0">
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <div>
                <Title order={3} size="h6" mb={4}>
                  {t('audit.before')}
                </Title>
                <Code block>{json(entry.before)}</Code>
              </div>
              <div>
                <Title order={3} size="h6" mb={4}>
                  {t('audit.after')}
                </Title>
                <Code block>{json(entry.after)}</Code>
              </div>
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt="xs" style={{ wordBreak: 'break-all' }}>
              {t('audit.hash')}: {entry.hash}
            </Text>
          </Table.Td>
        </Table.Tr>
      ) : null}
    </Fragment>
  );
}
