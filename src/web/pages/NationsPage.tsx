import { Anchor, Badge, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Source } from '../../core/common.schema';
import { DEFAULT_GROUP, useMembers, useNations } from '../api/queries';
import { FilterBar } from '../components/FilterBar';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { SourceBadge } from '../components/SourceBadge';
import { useLocale } from '../components/use-locale';
import { Pager, pageFromParams, writePage } from '../components/Pager';
import { useSearchBox, useUrlParams, writeFilter } from '../components/use-url-params';
import { nationName } from '../i18n/format';

const PAGE_SIZE = 50;

/** Nations and organisations, searchable by name or code, optionally only those in the group. */
export function NationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, updateParams] = useUrlParams();
  const inGroup = params.get('group') === DEFAULT_GROUP;
  // The search box writes to the URL once typing pauses, so the list survives reload and Back.
  const [text, setText] = useSearchBox(params, updateParams, { wait: 250, trim: true });

  const q = params.get('q') ?? '';
  const page = pageFromParams(params);
  const nations = useNations({
    q: q || undefined,
    group: inGroup ? DEFAULT_GROUP : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  // The group's membership rows carry the source of each participant.
  const members = useMembers(DEFAULT_GROUP);
  const sources = useMemo(() => {
    const map = new Map<string, Source>();
    for (const member of members.data?.items ?? []) map.set(member.nation.code, member.source);
    return map;
  }, [members.data]);

  return (
    <Stack>
      <PageTitle text={t('nations.title')} />
      <FilterBar label={t('nations.filters')}>
        <TextInput
          label={t('nations.search')}
          description={t('nations.searchHint')}
          type="search"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={320}
        />
        <Checkbox
          label={t('nations.inGroup', { group: 'UDCG' })}
          checked={inGroup}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            updateParams((next) => writeFilter(next, 'group', checked ? DEFAULT_GROUP : ''));
          }}
          mb={6}
        />
      </FilterBar>
      <QueryState query={nations}>
        {(result) => (
          <Stack>
            <Text aria-live="polite" data-testid="nations-total">
              {t('nations.total', { count: result.total })}
            </Text>
            <Table.ScrollContainer minWidth={700}>
              <Table striped highlightOnHover verticalSpacing="sm">
                <caption className="visually-hidden">{t('nations.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('nations.col.name')}</Table.Th>
                    <Table.Th scope="col">{t('nations.col.code')}</Table.Th>
                    <Table.Th scope="col">{t('nations.col.kind')}</Table.Th>
                    <Table.Th scope="col">{t('nations.col.alliances')}</Table.Th>
                    <Table.Th scope="col">{t('nations.col.source')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.items.map((nation) => {
                    const source = sources.get(nation.code);
                    return (
                      <Table.Tr key={nation.code}>
                        <Table.Td>
                          <Anchor component={Link} to={`/nations/${nation.code}`} fw={600}>
                            {nationName(nation, locale)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{nation.code}</Table.Td>
                        <Table.Td>{t(`nation.kind.${nation.kind}`)}</Table.Td>
                        <Table.Td>
                          <Group gap={6}>
                            {nation.natoMember ? (
                              <Badge color="blue.9" component="span">
                                {t('nation.nato')}
                              </Badge>
                            ) : null}
                            {nation.euMember ? (
                              <Badge color="indigo.9" component="span">
                                {t('nation.eu')}
                              </Badge>
                            ) : null}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          {source ? <SourceBadge source={source} compact /> : '—'}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
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
