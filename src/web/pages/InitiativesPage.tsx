import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type InitiativeKind,
  initiativeKindSchema,
} from '../../core/initiatives/initiative.schema';
import { useInitiatives } from '../api/initiatives';
import { DEFAULT_GROUP } from '../api/queries';
import { useSession } from '../api/session';
import { isAuthor } from '../components/initiatives/initiative-access';
import { StanceBadge } from '../components/initiatives/StanceBadge';
import { MarkingBadge } from '../components/MarkingBanner';
import { FilterBar } from '../components/FilterBar';
import { PageHeader } from '../components/PageTitle';
import { Pager, pageFromParams, writePage } from '../components/Pager';
import { QueryState } from '../components/QueryState';
import { useNationNames } from '../components/use-nation-names';
import { useSearchBox, useUrlParams, writeFilter } from '../components/use-url-params';

const PAGE_SIZE = 20;

function readKind(value: string | null): InitiativeKind | undefined {
  const parsed = initiativeKindSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** `/initiatives`: the proposals on the table, each with every party's current stance. */
export function InitiativesPage() {
  const { t } = useTranslation();
  const { nameOf } = useNationNames();
  const session = useSession();
  const [params, updateParams] = useUrlParams();
  const q = params.get('q') ?? '';
  const kind = readKind(params.get('kind'));
  const page = pageFromParams(params);
  const initiatives = useInitiatives(DEFAULT_GROUP, {
    q: q.trim() || undefined,
    kind,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  const [text, setText] = useSearchBox(params, updateParams);

  return (
    <Stack>
      <PageHeader title={t('initiatives.title')}>
        {isAuthor(session.data) ? (
          <Button component={Link} to="/initiatives/new">
            {t('initiatives.new')}
          </Button>
        ) : null}
      </PageHeader>
      <Text maw={760} mt={-8}>
        {t('initiatives.intro')}
      </Text>
      <FilterBar label={t('initiatives.filters')}>
        <TextInput
          label={t('initiatives.search')}
          type="search"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={320}
        />
        <NativeSelect
          label={t('initiatives.kindLabel')}
          value={kind ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value;
            updateParams((next) => writeFilter(next, 'kind', value));
          }}
          data={[
            { value: '', label: t('initiatives.anyKind') },
            ...initiativeKindSchema.options.map((k) => ({
              value: k,
              label: t(`initiatives.kind.${k}`),
            })),
          ]}
        />
      </FilterBar>
      <QueryState query={initiatives}>
        {(result) => (
          <Stack>
            <Text aria-live="polite" data-testid="initiatives-total">
              {t('initiatives.total', { count: result.total })}
            </Text>
            {result.items.length > 0 ? (
              <Table.ScrollContainer minWidth={860}>
                <Table striped verticalSpacing="sm">
                  <caption className="visually-hidden">{t('initiatives.caption')}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('initiatives.col.title')}</Table.Th>
                      <Table.Th scope="col">{t('initiatives.col.kind')}</Table.Th>
                      <Table.Th scope="col">{t('initiatives.col.proposer')}</Table.Th>
                      <Table.Th scope="col">{t('initiatives.col.stances')}</Table.Th>
                      <Table.Th scope="col">{t('initiatives.col.marking')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.items.map((i) => (
                      <Table.Tr key={i.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/initiatives/${i.id}`} fw={600}>
                            {i.title}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{t(`initiatives.kind.${i.kind}`)}</Table.Td>
                        <Table.Td>
                          {nameOf(i.proposer.code)} ({i.proposer.code})
                        </Table.Td>
                        <Table.Td>
                          {i.stances.length === 0 ? (
                            t('initiatives.noStances')
                          ) : (
                            <Stack gap={4}>
                              {i.stances.map((s) => (
                                <Group key={s.party} gap={6} wrap="nowrap">
                                  <Text size="sm" span>
                                    {nameOf(s.party)}
                                  </Text>
                                  <StanceBadge stance={s.stance} />
                                </Group>
                              ))}
                            </Stack>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <MarkingBadge marking={i.marking} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : (
              <Text>{t('initiatives.none')}</Text>
            )}
            <Pager
              total={result.total}
              pageSize={PAGE_SIZE}
              page={page}
              onChange={(next) => updateParams((p) => writePage(p, next))}
            />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
