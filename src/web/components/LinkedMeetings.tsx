import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Event } from '../../core/events/event.schema';
import { nationName } from '../i18n/format';

/** "Munich, Germany": the location and the localised country, whichever are known. */
export function eventPlace(event: Event, locale: string): string | null {
  const parts = [event.location, event.country ? nationName(event.country, locale) : null].filter(
    (p): p is string => Boolean(p),
  );
  // Avoid "Germany, Germany" when the location is the country itself.
  const unique = parts.filter((p, i) => parts.indexOf(p) === i);
  return unique.length > 0 ? unique.join(', ') : null;
}

export function LinkedMeetings({ event }: { event: Event }) {
  const { t } = useTranslation();
  if (event.meetings.length === 0) return <>—</>;
  return (
    <Stack gap={2}>
      {event.meetings.map((m) => (
        <Text size="sm" key={m.id}>
          {m.number !== null ? (
            <Anchor component={Link} to={`/meetings/${m.number}`}>
              {t('meeting.numbered', { number: m.number })}
            </Anchor>
          ) : (
            m.date
          )}{' '}
          ({t(`meeting.relation.${m.relation}`)})
        </Text>
      ))}
    </Stack>
  );
}
