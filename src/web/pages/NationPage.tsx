import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { NationDetail } from '../../core/nations/nation.schema';
import { DEFAULT_GROUP, useMembers, useNation } from '../api/queries';
import { NotFound } from '../components/NotFound';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { SourceBadge } from '../components/SourceBadge';
import { useLocale } from '../components/use-locale';
import { formatDate, nationName } from '../i18n/format';

/** One nation: its alliances and the groups it takes part in, with role and dates. */
export function NationPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const upper = code.toUpperCase();
  const nation = useNation(upper);
  return (
    <QueryState
      query={nation}
      notFound={
        <NotFound
          title={t('nation.notFoundTitle')}
          message={t('nation.notFound', { code: upper })}
          back={{ to: '/nations', label: t('nation.backToList') }}
        />
      }
    >
      {(data) => <NationView nation={data} />}
    </QueryState>
  );
}

function NationView({ nation }: { nation: NationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const members = useMembers(DEFAULT_GROUP);
  const groupSource = members.data?.items.find((m) => m.nation.code === nation.code)?.source;
  const name = nationName(nation, locale);
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/nations" size="sm">
          ← {t('nation.backToList')}
        </Anchor>
        <Group mt="xs" align="center">
          <PageTitle text={name} />
        </Group>
        <Text>
          {nation.code}
          {nation.alpha2 ? ` · ${nation.alpha2}` : ''} · {t(`nation.kind.${nation.kind}`)}
          {name !== nation.name ? ` · ${nation.name}` : ''}
        </Text>
        {nation.natoMember ? (
          <Anchor component={Link} to={`/spending/nations/${nation.code}`}>
            {t('spending.nation.fromNationPage')}
          </Anchor>
        ) : null}
      </div>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('nation.alliances')}
        </Title>
        <Group>
          <Badge color={nation.natoMember ? 'blue.9' : 'gray.7'} component="span" size="lg">
            {nation.natoMember ? t('nation.natoYes') : t('nation.natoNo')}
          </Badge>
          <Badge color={nation.euMember ? 'indigo.9' : 'gray.7'} component="span" size="lg">
            {nation.euMember ? t('nation.euYes') : t('nation.euNo')}
          </Badge>
        </Group>
      </Card>
      <section aria-labelledby="memberships-heading">
        <Title order={2} size="h4" id="memberships-heading" mb="sm">
          {t('nation.memberships')}
        </Title>
        {nation.memberships.length === 0 ? (
          <Text>{t('nation.noMemberships')}</Text>
        ) : (
          <Table withTableBorder verticalSpacing="sm" data-testid="memberships">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('nation.col.group')}</Table.Th>
                <Table.Th scope="col">{t('nation.col.role')}</Table.Th>
                <Table.Th scope="col">{t('nation.col.from')}</Table.Th>
                <Table.Th scope="col">{t('nation.col.to')}</Table.Th>
                <Table.Th scope="col">{t('nation.col.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nation.memberships.map((m) => (
                <Table.Tr key={`${m.group.slug}-${m.role}-${m.validFrom ?? ''}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/groups/${m.group.slug}`}>
                      {m.group.name} ({m.group.shortName})
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`nation.role.${m.role}`)}</Table.Td>
                  <Table.Td>{m.validFrom ? formatDate(m.validFrom, locale) : '—'}</Table.Td>
                  <Table.Td>
                    {m.validTo ? formatDate(m.validTo, locale) : t('nation.ongoing')}
                  </Table.Td>
                  <Table.Td>
                    {m.group.slug === DEFAULT_GROUP && groupSource ? (
                      <SourceBadge source={groupSource} compact />
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  );
}
