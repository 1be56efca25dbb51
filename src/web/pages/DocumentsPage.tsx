import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Classification, classificationSchema } from '../../core/marking.schema';
import { documentExportHref, useDocumentStats, useDocuments } from '../api/documents';
import { DEFAULT_GROUP } from '../api/queries';
import { canWriteForGroup, canWriteForNation, useSession } from '../api/session';
import { MARKING_COLORS, MarkingBadge } from '../components/MarkingBanner';
import { FilterBar } from '../components/FilterBar';
import { PageHeader } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { useLocale } from '../components/use-locale';
import { useNationNames } from '../components/use-nation-names';
import { Pager, pageFromParams, writePage } from '../components/Pager';
import { useSearchBox, useUrlParams, writeFilter } from '../components/use-url-params';
import { formatDateTime } from '../i18n/format';

const PAGE_SIZE = 20;

function readClassification(value: string | null): Classification | undefined {
  const parsed = classificationSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The group's documents the viewer may read, with their markings; what is not releasable is absent. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  const session = useSession();
  const [params, updateParams] = useUrlParams();
  const q = params.get('q') ?? '';
  const classification = readClassification(params.get('classification'));
  const page = pageFromParams(params);
  const query = { q: q.trim() || undefined, classification };
  const documents = useDocuments(DEFAULT_GROUP, {
    ...query,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const stats = useDocumentStats(DEFAULT_GROUP);
  const mayCreate =
    canWriteForNation(session.data) || canWriteForGroup(session.data, DEFAULT_GROUP);

  const set = (key: string, value: string, replace = false) =>
    updateParams((next) => writeFilter(next, key, value), replace);

  const [text, setText] = useSearchBox(params, updateParams);

  return (
    <Stack>
      <PageHeader title={t('documents.title')}>
        <Group>
          <Button
            component="a"
            variant="default"
            href={documentExportHref(DEFAULT_GROUP, query)}
            download
          >
            {t('documents.exportCsv')}
          </Button>
          {mayCreate ? (
            <Button component={Link} to="/documents/new">
              {t('documents.new')}
            </Button>
          ) : null}
        </Group>
      </PageHeader>
      <Text c="dimmed" size="sm" mt={-8}>
        {session.data ? t('documents.introSignedIn') : t('documents.introPublic')}
      </Text>
      {stats.data ? (
        <Group
          gap="xs"
          aria-label={t('documents.statsLabel')}
          role="group"
          data-testid="document-stats"
        >
          <Text size="sm" fw={600}>
            {t('documents.statsTotal', { count: stats.data.total })}
          </Text>
          {classificationSchema.options.map((c) => (
            <Badge
              key={c}
              component="span"
              variant="filled"
              color={MARKING_COLORS[c]}
              style={{ textTransform: 'none' }}
            >
              {t(`marking.name.${c}`)}: {stats.data.byClassification[c]}
            </Badge>
          ))}
        </Group>
      ) : null}
      <FilterBar label={t('documents.filters')}>
        <TextInput
          label={t('documents.search')}
          description={t('documents.searchHint')}
          type="search"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={320}
        />
        <NativeSelect
          label={t('documents.classification')}
          value={classification ?? ''}
          onChange={(event) => set('classification', event.currentTarget.value)}
          data={[
            { value: '', label: t('documents.anyClassification') },
            ...classificationSchema.options.map((c) => ({
              value: c,
              label: t(`marking.name.${c}`),
            })),
          ]}
        />
        <Button
          variant="default"
          disabled={params.toString() === ''}
          onClick={() => {
            setText('');
            updateParams((next) => ['q', 'classification', 'page'].forEach((k) => next.delete(k)));
          }}
        >
          {t('common.clearFilters')}
        </Button>
      </FilterBar>
      <QueryState query={documents}>
        {(result) => (
          <Stack>
            <Text aria-live="polite" data-testid="documents-total">
              {t('documents.total', { count: result.total })}
            </Text>
            {result.items.length > 0 ? (
              <Table.ScrollContainer minWidth={860}>
                <Table striped highlightOnHover verticalSpacing="sm">
                  <caption className="visually-hidden">{t('documents.caption')}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('documents.col.title')}</Table.Th>
                      <Table.Th scope="col">{t('documents.col.marking')}</Table.Th>
                      <Table.Th scope="col">{t('documents.col.origin')}</Table.Th>
                      <Table.Th scope="col">{t('documents.col.scope')}</Table.Th>
                      <Table.Th scope="col">{t('documents.col.updated')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.items.map((doc) => (
                      <Table.Tr key={doc.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/documents/${doc.id}`} fw={600}>
                            {doc.title}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <MarkingBadge marking={doc.marking} />
                        </Table.Td>
                        <Table.Td>
                          {nameOf(doc.originNation)} ({doc.originNation})
                        </Table.Td>
                        <Table.Td>{t(`documents.scope.${doc.scope}`)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(doc.updatedAt, locale)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
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
