import { Card, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../core/common.schema';
import type { Initiative } from '../../../core/initiatives/initiative.schema';
import { formatDate, formatDateTime, nationName } from '../../i18n/format';
import { MarkingBadge } from '../MarkingBanner';
import { NationLabel } from '../NationLabel';
import { SourceBadge } from '../SourceBadge';
import { useLocale } from '../use-locale';
import { StanceBadge } from './StanceBadge';

/**
 * Each party's positions over time, oldest first, with the current one on top: the day it was stated,
 * what was said, its source and its own marking. Only what is releasable to the reader arrives here.
 */
export function PositionTimelines({ positions }: { positions: Initiative['positions'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (positions.length === 0) return <Text>{t('initiatives.noPositions')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {positions.map((party) => (
        <Card
          withBorder
          padding="md"
          key={party.party.code}
          component="section"
          aria-labelledby={`party-${party.party.code}`}
          data-testid="party-positions"
        >
          <Group justify="space-between" mb="sm" wrap="nowrap">
            <Title order={3} size="h4" id={`party-${party.party.code}`}>
              {nationName(party.party, locale)} ({party.party.code})
            </Title>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" c="dimmed" span>
                {t('initiatives.currently')}
              </Text>
              <StanceBadge stance={party.current.stance} />
            </Group>
          </Group>
          <Timeline
            active={party.history.length - 1}
            bulletSize={14}
            lineWidth={2}
            aria-label={t('initiatives.partyTimeline', {
              party: nationName(party.party, locale),
            })}
          >
            {party.history.map((p) => (
              <Timeline.Item
                key={p.id}
                data-testid="position"
                title={
                  <Group gap="xs" component="span">
                    <Text span fw={700} size="sm">
                      {formatDate(p.statedOn, locale)}
                    </Text>
                    <StanceBadge stance={p.stance} />
                    <MarkingBadge marking={p.marking} />
                  </Group>
                }
              >
                <Stack gap={2} mt={4}>
                  {p.statement ? <Text size="sm">“{p.statement}”</Text> : null}
                  <Text size="sm" component="div">
                    <SourceLine source={p.source} />
                  </Text>
                  <Text size="xs" c="dimmed">
                    {p.recordedBy
                      ? t('initiatives.recordedBy', {
                          who: p.recordedBy,
                          at: formatDateTime(p.recordedAt, locale),
                        })
                      : t('initiatives.recordedReference')}
                  </Text>
                </Stack>
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** A source with a link as a badge; one known only by its title (a read-out) as that title. */
export function SourceLine({ source }: { source: Source }) {
  const { t } = useTranslation();
  if (source.url !== null || source.title === null) return <SourceBadge source={source} />;
  return (
    <Text span size="sm">
      {t('initiatives.sourceTitle', { title: source.title })}
    </Text>
  );
}

/** The proposer as a link, with the people named as published. */
export function Proposer({ initiative }: { initiative: Initiative }) {
  return (
    <>
      <NationLabel nation={initiative.proposer} />
      {initiative.proposerDetail ? ` — ${initiative.proposerDetail}` : ''}
    </>
  );
}
