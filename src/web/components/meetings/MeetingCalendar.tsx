import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting, MeetingStatus } from '../../../core/meetings/meeting.schema';
import { DEFAULT_GROUP, useMeetings } from '../../api/queries';
import { QueryState } from '../QueryState';
import { useLocale } from '../use-locale';
import { meetingHref } from './access';

/** A month as YYYY-MM; the calendar's state, kept in the URL by the page. */
export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function currentMonth(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

export function shiftMonth(month: string, by: number): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1 + by, 1));
  return date.toISOString().slice(0, 7);
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The weeks shown for a month, Monday first: whole weeks, padded with the neighbouring months' days. */
export function monthWeeks(month: string): string[][] {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const start = new Date(first);
  start.setUTCDate(1 - ((first.getUTCDay() + 6) % 7));
  const weeks: string[][] = [];
  const day = new Date(start);
  do {
    const week: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      week.push(iso(day));
      day.setUTCDate(day.getUTCDate() + 1);
    }
    weeks.push(week);
  } while (day.getUTCMonth() === m - 1);
  return weeks;
}

interface MeetingCalendarProps {
  month: string;
  status: readonly MeetingStatus[];
  onMonthChange: (month: string) => void;
}

/** The group's meetings on a month grid: each on its local date at the venue. */
export function MeetingCalendar({ month, status, onMonthChange }: MeetingCalendarProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const weeks = monthWeeks(month);
  const from = weeks[0]?.[0] ?? `${month}-01`;
  const to = weeks.at(-1)?.[6] ?? `${month}-28`;
  const meetings = useMeetings(DEFAULT_GROUP, { status, from, to, sort: 'date', limit: 100 });
  const [y = 0, m = 1] = month.split('-').map(Number);
  const title = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
  const weekdays = (weeks[0] ?? []).map((day) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
      new Date(`${day}T00:00:00Z`),
    ),
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Button variant="default" onClick={() => onMonthChange(shiftMonth(month, -1))}>
          ← {t('meetingCycle.calendar.previous')}
        </Button>
        <Title order={2} size="h3" id="calendar-month" aria-live="polite">
          {title}
        </Title>
        <Button variant="default" onClick={() => onMonthChange(shiftMonth(month, 1))}>
          {t('meetingCycle.calendar.next')} →
        </Button>
      </Group>
      <QueryState query={meetings}>
        {(page) => {
          const byDay = new Map<string, Meeting[]>();
          for (const meeting of page.items) {
            byDay.set(meeting.date, [...(byDay.get(meeting.date) ?? []), meeting]);
          }
          return (
            <Table
              withTableBorder
              withColumnBorders
              layout="fixed"
              aria-labelledby="calendar-month"
            >
              <Table.Thead>
                <Table.Tr>
                  {weekdays.map((day) => (
                    <Table.Th key={day} scope="col">
                      {day}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {weeks.map((week) => (
                  <Table.Tr key={week[0]}>
                    {week.map((day) => (
                      <DayCell
                        key={day}
                        day={day}
                        inMonth={day.startsWith(month)}
                        meetings={byDay.get(day) ?? []}
                      />
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function DayCell({
  day,
  inMonth,
  meetings,
}: {
  day: string;
  inMonth: boolean;
  meetings: readonly Meeting[];
}) {
  const { t } = useTranslation();
  return (
    <Table.Td
      valign="top"
      h={96}
      data-testid={`calendar-day-${day}`}
      style={{ background: inMonth ? undefined : 'var(--mantine-color-gray-1)' }}
    >
      <Text size="sm" c={inMonth ? undefined : 'gray.7'} fw={600}>
        {Number(day.slice(8))}
      </Text>
      <Stack gap={2}>
        {meetings.map((meeting) => {
          const href = meetingHref(meeting);
          const label = `${meeting.code}${meeting.startTime ? ` ${meeting.startTime}` : ''}`;
          return (
            <Text key={meeting.id} size="sm">
              {href ? (
                <Anchor component={Link} to={href} fw={600}>
                  {label}
                </Anchor>
              ) : (
                label
              )}{' '}
              {meeting.status === 'cancelled' ? (
                <Text span size="xs">
                  ({t('meeting.status.cancelled')})
                </Text>
              ) : null}
            </Text>
          );
        })}
      </Stack>
    </Table.Td>
  );
}
