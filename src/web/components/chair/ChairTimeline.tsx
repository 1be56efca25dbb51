import { Anchor, Badge, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Handover } from '../../../core/chair/chair-handover.schema';
import type { ChairTerm } from '../../../core/chair/chair-term.schema';
import { formatDate, nationName } from '../../i18n/format';
import { SourceBadge } from '../SourceBadge';
import { useLocale } from '../use-locale';
import { HandoverRecord } from './HandoverRecord';

/**
 * Every chair term, oldest first, each with the handover that opened it when there was one (the
 * reference terms before the platform have their source instead).
 */
export function ChairTimeline({
  terms,
  handovers,
}: {
  terms: readonly ChairTerm[];
  handovers: readonly Handover[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const openedBy = new Map(
    handovers.filter((h) => h.newTermId !== null).map((h) => [h.newTermId, h]),
  );
  return (
    <Timeline
      active={terms.length - 1}
      bulletSize={18}
      lineWidth={2}
      aria-label={t('chair.timeline')}
      data-testid="chair-timeline"
    >
      {terms.map((term) => {
        const chair = nationName(term.chair, locale);
        const handover = openedBy.get(term.id);
        return (
          <Timeline.Item
            key={term.id}
            data-testid="chair-term"
            title={
              <Text fw={700} component="span">
                {term.coChair
                  ? t('chair.termWithCoChair', {
                      chair,
                      coChair: nationName(term.coChair, locale),
                    })
                  : chair}
                {term.endsOn === null ? (
                  <Badge ml="sm" size="sm" color="blue.8" component="span">
                    {t('chair.inOffice')}
                  </Badge>
                ) : null}
              </Text>
            }
          >
            <Stack gap={4} mt={4}>
              <Text size="sm">
                {term.endsOn
                  ? t('chair.period', {
                      from: formatDate(term.startsOn, locale),
                      to: formatDate(term.endsOn, locale),
                    })
                  : t('chair.periodOpen', { from: formatDate(term.startsOn, locale) })}
              </Text>
              {term.startsAtMeeting !== null ? (
                <Text size="sm">
                  {t('chair.startsAt')}{' '}
                  <Anchor component={Link} to={`/meetings/${term.startsAtMeeting}`}>
                    {t('meeting.numbered', { number: term.startsAtMeeting })}
                  </Anchor>
                </Text>
              ) : null}
              {/* A handover's term note repeats its reason; the record below says it in full. */}
              {term.note && !handover ? <Text size="sm">{term.note}</Text> : null}
              {handover ? (
                <Stack gap={4} mt={4}>
                  <Text size="sm" fw={600}>
                    {t('chair.openedByHandover')}
                  </Text>
                  <HandoverRecord handover={handover} />
                </Stack>
              ) : (
                <Text size="sm" component="div">
                  <SourceBadge source={term.source} compact />
                </Text>
              )}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
