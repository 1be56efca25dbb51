import {
  Anchor,
  Badge,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ChairTerm } from '../../core/chair/chair-term.schema';
import type { Group as ContactGroup } from '../../core/groups/group.schema';
import { ApiError } from '../api/client';
import { DEFAULT_GROUP, useChair, useGroup } from '../api/queries';
import { NationLabel } from '../components/NationLabel';
import { NotFound } from '../components/NotFound';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { SourceBadge } from '../components/SourceBadge';
import { useLocale } from '../components/use-locale';
import { formatDate, nationName } from '../i18n/format';
import { NextMeeting } from './NextMeeting';

/** The group at a glance: who it is, who chairs it and since when, and what meets next. */
export function GroupPage() {
  const { t } = useTranslation();
  const { slug = DEFAULT_GROUP } = useParams();
  const group = useGroup(slug);
  const notFound =
    group.error instanceof ApiError && group.error.notFound ? (
      <NotFound title={t('group.notFoundTitle')} message={t('group.notFound', { slug })} />
    ) : undefined;
  return (
    <QueryState query={group} notFound={notFound}>
      {(data) => <GroupView group={data} />}
    </QueryState>
  );
}

function GroupView({ group }: { group: ContactGroup }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap="lg">
      <div>
        <PageTitle text={group.name} />
        {group.description ? <Text maw={760}>{group.description}</Text> : null}
      </div>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Fact label={t('group.recipient')}>
          <NationLabel nation={group.recipient} />
        </Fact>
        <Fact label={t('group.reportingCurrency')}>{group.reportingCurrency}</Fact>
        <Fact label={t('group.memberCount')}>
          <Anchor component={Link} to={`/nations?group=${group.slug}`}>
            {t('group.participants', { count: group.memberCount })}
          </Anchor>
        </Fact>
      </SimpleGrid>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('source.label')}:
        </Text>
        <SourceBadge source={group.source} />
      </Group>
      <ChairSection slug={group.slug} locale={locale} />
      <NextMeeting slug={group.slug} />
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={600} mt={4}>
        {children}
      </Text>
    </Card>
  );
}

function ChairSection({ slug, locale }: { slug: string; locale: string }) {
  const { t } = useTranslation();
  const chair = useChair(slug);
  return (
    <section aria-labelledby="chair-heading">
      <Title order={2} id="chair-heading" mb="sm">
        {t('group.chair.title')}
      </Title>
      <QueryState query={chair}>
        {({ current, history }) => (
          <Stack gap="lg">
            {current ? (
              <Card withBorder padding="md">
                <Group gap="xl">
                  <div>
                    <Text size="sm" c="gray.7" fw={600}>
                      {t('group.chair.current')}
                    </Text>
                    <Text size="xl" fw={700} data-testid="current-chair">
                      <NationLabel nation={current.chair} />
                    </Text>
                  </div>
                  <div>
                    <Text size="sm" c="gray.7" fw={600}>
                      {t('group.chair.coChair')}
                    </Text>
                    <Text size="xl" fw={700} data-testid="current-co-chair">
                      {current.coChair ? (
                        <NationLabel nation={current.coChair} />
                      ) : (
                        t('group.chair.noCoChair')
                      )}
                    </Text>
                  </div>
                  <div>
                    <Text size="sm" c="gray.7" fw={600}>
                      {t('group.chair.since')}
                    </Text>
                    <Text size="xl" fw={700}>
                      {formatDate(current.startsOn, locale)}
                    </Text>
                  </div>
                </Group>
              </Card>
            ) : (
              <Text>{t('group.chair.none')}</Text>
            )}
            <div>
              <Title order={3} mb="sm">
                {t('group.chair.timeline')}
              </Title>
              <Timeline
                active={history.length - 1}
                bulletSize={18}
                lineWidth={2}
                aria-label={t('group.chair.timeline')}
              >
                {history.map((term) => (
                  <Timeline.Item key={term.id} title={<TermTitle term={term} locale={locale} />}>
                    <TermBody term={term} locale={locale} />
                  </Timeline.Item>
                ))}
              </Timeline>
            </div>
          </Stack>
        )}
      </QueryState>
    </section>
  );
}

function TermTitle({ term, locale }: { term: ChairTerm; locale: string }) {
  const { t } = useTranslation();
  const chair = nationName(term.chair, locale);
  return (
    <Text fw={700} component="span">
      {term.coChair
        ? t('group.chair.withCoChair', { chair, coChair: nationName(term.coChair, locale) })
        : chair}
      {term.endsOn === null ? (
        <Badge ml="sm" size="sm" color="blue.8" component="span">
          {t('group.chair.inOffice')}
        </Badge>
      ) : null}
    </Text>
  );
}

function TermBody({ term, locale }: { term: ChairTerm; locale: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} mt={4}>
      <Text size="sm">
        {term.endsOn
          ? t('group.chair.period', {
              from: formatDate(term.startsOn, locale),
              to: formatDate(term.endsOn, locale),
            })
          : t('group.chair.periodOpen', { from: formatDate(term.startsOn, locale) })}
      </Text>
      {term.startsAtMeeting !== null ? (
        <Text size="sm">
          {t('group.chair.startsAt')}{' '}
          <Anchor component={Link} to={`/meetings/${term.startsAtMeeting}`}>
            {t('meeting.numbered', { number: term.startsAtMeeting })}
          </Anchor>
        </Text>
      ) : null}
      {term.note ? <Text size="sm">{term.note}</Text> : null}
      <Text size="sm" component="div">
        <SourceBadge source={term.source} compact />
      </Text>
    </Stack>
  );
}
