import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveAttendance, LivePledge } from '../../api/live';
import { useCapabilityAreas } from '../../api/ledger';
import { MarkingBadge } from '../MarkingBanner';
import { useLocale } from '../use-locale';
import { useNationNames } from '../use-nation-names';
import { formatMoney, formatNumber, formatQuantity } from '../ledger/format';
import type { BoardFigure } from './board-totals';

/** A clock time in the viewer's zone: what a delegate in the room compares with the wall clock. */
export function formatClock(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date);
}

/** Capability area names by slug, the slug itself until they have loaded. */
export function useAreaNames(group: string): (slug: string) => string {
  const areas = useCapabilityAreas(group);
  return (slug) => areas.data?.find((a) => a.slug === slug)?.name ?? slug;
}

/** The pledges as they were announced, newest first. */
export function PledgeFeed({ pledges, group }: { pledges: readonly LivePledge[]; group: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  const areaName = useAreaNames(group);
  if (pledges.length === 0) return <Text>{t('liveBoard.noPledges')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder verticalSpacing="sm" data-testid="live-pledges">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('liveBoard.col.time')}</Table.Th>
            <Table.Th scope="col">{t('liveBoard.col.nation')}</Table.Th>
            <Table.Th scope="col">{t('liveBoard.col.item')}</Table.Th>
            <Table.Th scope="col">{t('liveBoard.col.area')}</Table.Th>
            <Table.Th scope="col">{t('liveBoard.col.quantity')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('liveBoard.col.value')}
            </Table.Th>
            <Table.Th scope="col">{t('liveBoard.col.marking')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pledges.map((p) => (
            <Table.Tr key={p.seq}>
              <Table.Td>{formatClock(p.at, locale)}</Table.Td>
              <Table.Td>
                {nameOf(p.donor)} ({p.donor})
              </Table.Td>
              <Table.Td>{p.item}</Table.Td>
              <Table.Td>{areaName(p.capabilityArea)}</Table.Td>
              <Table.Td>{formatQuantity(p.quantity, p.unit, locale)}</Table.Td>
              <Table.Td ta="right">
                {p.reportingValue
                  ? formatMoney(p.reportingValue, locale)
                  : p.value
                    ? formatMoney(p.value, locale)
                    : t('liveBoard.noValue')}
              </Table.Td>
              <Table.Td>
                <MarkingBadge marking={p.marking} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A breakdown (by nation or by area): pledges counted and summed in the reporting currency. */
export function FigureTable({
  figures,
  currency,
  label,
  nameOf,
  testId,
}: {
  figures: readonly BoardFigure[];
  currency: string;
  label: string;
  nameOf: (key: string) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (figures.length === 0) return <Text>{t('liveBoard.noPledges')}</Text>;
  return (
    <Table withTableBorder verticalSpacing="xs" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{label}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('liveBoard.col.pledges')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('liveBoard.col.total', { currency })}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {figures.map((f) => (
          <Table.Tr key={f.key}>
            <Table.Th scope="row" fw={500}>
              {nameOf(f.key)}
            </Table.Th>
            <Table.Td ta="right">{formatNumber(f.count, locale)}</Table.Td>
            <Table.Td ta="right">
              {formatMoney({ amount: f.amount, currency }, locale)}
              {f.withoutValue > 0 ? (
                <Text span size="sm" c="dimmed" display="block">
                  {t('liveBoard.withoutValue', { count: f.withoutValue })}
                </Text>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Who has checked in, in the order they arrived. */
export function AttendanceTable({ attendance }: { attendance: readonly LiveAttendance[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  if (attendance.length === 0) return <Text>{t('liveBoard.noAttendance')}</Text>;
  return (
    <Table withTableBorder verticalSpacing="xs" data-testid="live-attendance">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('liveBoard.col.time')}</Table.Th>
          <Table.Th scope="col">{t('liveBoard.col.nation')}</Table.Th>
          <Table.Th scope="col">{t('liveBoard.col.mode')}</Table.Th>
          <Table.Th scope="col">{t('liveBoard.col.head')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {attendance.map((a) => (
          <Table.Tr key={a.nation}>
            <Table.Td>{formatClock(a.checkedInAt, locale)}</Table.Td>
            <Table.Td>
              {nameOf(a.nation)} ({a.nation})
            </Table.Td>
            <Table.Td>{t(`liveBoard.mode.${a.mode}`)}</Table.Td>
            <Table.Td>{a.headOfDelegation ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
