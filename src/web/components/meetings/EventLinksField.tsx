import {
  Button,
  Fieldset,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventKindSchema, type EventKind } from '../../../core/events/event.schema';
import { eventRelationSchema, type EventLinkInput } from '../../../core/meetings/meeting.schema';
import { useEvents } from '../../api/queries';
import { formatDateRange, todayIso } from '../../i18n/format';
import { useLocale } from '../use-locale';

type Relation = (typeof eventRelationSchema.options)[number];

interface EventLinksFieldProps {
  value: readonly EventLinkInput[];
  onChange: (links: EventLinkInput[]) => void;
  /** The server's messages for `events` and `events.<n>...`, listed under the field. */
  errors: readonly string[];
}

/** The events a meeting is linked to: an existing one by id, or a new one described here. */
export function EventLinksField({ value, onChange, errors }: EventLinksFieldProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const events = useEvents({ from: todayIso(), limit: 100 });
  const known = events.data?.items ?? [];
  const [eventId, setEventId] = useState('');
  const [relation, setRelation] = useState<Relation>('ahead_of');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<EventKind>('nato_ministerial');
  const [startsOn, setStartsOn] = useState('');

  const relationSelect = (id: string) => (
    <NativeSelect
      id={id}
      label={t('meetingCycle.events.relation')}
      value={relation}
      onChange={(event) => {
        const parsed = eventRelationSchema.safeParse(event.currentTarget.value);
        if (parsed.success) setRelation(parsed.data);
      }}
      data={eventRelationSchema.options.map((r) => ({
        value: r,
        label: t(`meeting.relation.${r}`),
      }))}
    />
  );

  const describe = (link: EventLinkInput): string => {
    const rel = t(`meeting.relation.${link.relation}`);
    if ('eventId' in link) {
      const event = known.find((e) => e.id === link.eventId);
      return `${event?.name ?? link.eventId} — ${rel}`;
    }
    return `${link.event.name} (${formatDateRange(link.event.startsOn, link.event.endsOn ?? link.event.startsOn, locale)}) — ${rel}`;
  };

  return (
    <Fieldset legend={t('meetingCycle.events.legend')} variant="unstyled">
      <Stack gap="sm">
        {value.length === 0 ? (
          <Text size="sm">{t('meetingCycle.events.none')}</Text>
        ) : (
          <List size="sm" data-testid="event-links">
            {value.map((link, index) => (
              <List.Item key={'eventId' in link ? link.eventId : `${link.event.name}-${index}`}>
                <Group gap="xs">
                  <span>{describe(link)}</span>
                  <Button
                    size="compact-xs"
                    variant="outline"
                    color="red.9"
                    onClick={() => onChange(value.filter((_, i) => i !== index))}
                  >
                    {t('meetingCycle.events.remove')}
                  </Button>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ alignItems: 'end' }}>
          <NativeSelect
            label={t('meetingCycle.events.existing')}
            value={eventId}
            onChange={(event) => setEventId(event.currentTarget.value)}
            data={[
              { value: '', label: t('meetingCycle.events.choose') },
              ...known.map((e) => ({
                value: e.id,
                label: `${e.name} (${formatDateRange(e.startsOn, e.endsOn, locale)})`,
              })),
            ]}
          />
          {relationSelect('relation-existing')}
          <Button
            variant="default"
            disabled={!eventId}
            onClick={() => {
              onChange([...value, { eventId, relation }]);
              setEventId('');
            }}
          >
            {t('meetingCycle.events.link')}
          </Button>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ alignItems: 'end' }}>
          <TextInput
            label={t('meetingCycle.events.newName')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <NativeSelect
            label={t('meetingCycle.events.kind')}
            value={kind}
            onChange={(event) => {
              const parsed = eventKindSchema.safeParse(event.currentTarget.value);
              if (parsed.success) setKind(parsed.data);
            }}
            data={eventKindSchema.options.map((k) => ({
              value: k,
              label: t(`meetingCycle.eventKind.${k}`),
            }))}
          />
          <TextInput
            type="date"
            label={t('meetingCycle.events.startsOn')}
            value={startsOn}
            onChange={(event) => setStartsOn(event.currentTarget.value)}
          />
        </SimpleGrid>
        <Group align="flex-end">
          {relationSelect('relation-new')}
          <Button
            variant="default"
            disabled={name.trim() === '' || startsOn === ''}
            onClick={() => {
              onChange([...value, { event: { name: name.trim(), kind, startsOn }, relation }]);
              setName('');
              setStartsOn('');
            }}
          >
            {t('meetingCycle.events.add')}
          </Button>
        </Group>
        {errors.length > 0 ? (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {errors.join('; ')}
          </Text>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
