import { Box, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Group as ContactGroup } from '../../core/groups/group.schema';
import type { Meeting } from '../../core/meetings/meeting.schema';
import { useLiveBoard } from '../api/live';
import { PageTitle } from '../components/PageTitle';
import { useLocale } from '../components/use-locale';
import { useNationNames } from '../components/use-nation-names';
import { formatMoney, formatNumber, formatQuantity } from '../components/ledger/format';
import { boardTotals } from '../components/live/board-totals';
import { ConnectionBadge } from '../components/live/ConnectionBadge';
import { LiveAnnouncer } from '../components/live/LiveAnnouncer';
import { useAreaNames } from '../components/live/LiveTables';
import { MeetingBoardGate } from '../components/live/MeetingBoardGate';

// White and a light yellow on black: well above 7:1 (AAA) when read from the back of a hall.
const INK = '#ffffff';
const ACCENT = '#ffe066';
const SOFT = '#d9d9d9';
const LATEST = 6;

/**
 * `/meetings/:number/board/projector`: the board for the screen in the room, without the app's frame:
 * high contrast, the running total in the largest type, the latest pledges under it.
 */
export function LiveBoardProjectorPage() {
  return (
    <Box
      component="main"
      id="main"
      mih="100vh"
      p="3vw"
      style={{ background: '#000', color: INK }}
      data-testid="projector"
    >
      <MeetingBoardGate>
        {(meeting, group) => <Projector meeting={meeting} group={group} />}
      </MeetingBoardGate>
    </Box>
  );
}

function useFullscreen(): [boolean, () => void] {
  const [on, setOn] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const changed = () => setOn(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  const toggle = () => {
    // A browser may refuse (no user gesture, or a policy): the view still works in a window.
    const request = on ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    request.catch(() => undefined);
  };
  return [on, toggle];
}

function Projector({ meeting, group }: { meeting: Meeting; group: ContactGroup }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  const areaName = useAreaNames(group.slug);
  const board = useLiveBoard(meeting.id);
  const [fullscreen, toggleFullscreen] = useFullscreen();
  const currency = group.reportingCurrency;
  const totals = boardTotals(board.pledges, currency);
  const title = t('liveBoard.projectorTitle', { code: meeting.code });
  return (
    <Stack gap="3vh">
      <Group justify="space-between" align="center" wrap="nowrap">
        <Group gap="lg" align="center">
          <Box style={{ color: INK }}>
            <PageTitle text={title} />
          </Box>
          <Box mb="md">
            <ConnectionBadge connection={board.connection} size="xl" />
          </Box>
        </Group>
        <Group gap="sm" mb="md">
          <Button variant="white" color="dark" onClick={toggleFullscreen}>
            {fullscreen ? t('liveBoard.exitFullscreen') : t('liveBoard.fullscreen')}
          </Button>
          <Button
            variant="outline"
            color="gray.0"
            component={Link}
            to={`/meetings/${meeting.number ?? ''}/board`}
            style={{ color: INK, borderColor: INK }}
          >
            {t('liveBoard.leaveProjector')}
          </Button>
        </Group>
      </Group>
      <LiveAnnouncer board={board} />

      <div>
        <Text component="p" m={0} fz="clamp(1.25rem, 2.4vw, 2.5rem)" fw={600} c={SOFT}>
          {t('liveBoard.totalPledged', { currency })}
        </Text>
        <Text
          component="p"
          m={0}
          fz="clamp(3rem, 10vw, 11rem)"
          fw={800}
          lh={1.05}
          c={ACCENT}
          data-testid="projector-total"
          style={{ fontVariantNumeric: 'tabular-nums' }}
        >
          {formatMoney({ amount: totals.total.amount, currency }, locale)}
        </Text>
      </div>

      <SimpleGrid cols={2}>
        <BigFigure label={t('liveBoard.pledgeCount')} testId="projector-count">
          {formatNumber(totals.total.count, locale)}
        </BigFigure>
        <BigFigure label={t('liveBoard.attendingCount')} testId="projector-attending">
          {formatNumber(board.attendance.length, locale)}
        </BigFigure>
      </SimpleGrid>

      <section aria-labelledby="projector-latest">
        <Text
          component="h2"
          id="projector-latest"
          m={0}
          mb="1vh"
          fz="clamp(1.25rem, 2.4vw, 2.5rem)"
          fw={600}
          c={SOFT}
        >
          {t('liveBoard.latest')}
        </Text>
        {board.pledges.length === 0 ? (
          <Text fz="clamp(1.25rem, 2.4vw, 2.5rem)">{t('liveBoard.noPledges')}</Text>
        ) : (
          <Box
            component="ol"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            data-testid="projector-latest"
          >
            {board.pledges.slice(0, LATEST).map((p) => {
              const value = p.reportingValue ?? p.value;
              return (
                <Box component="li" key={p.seq} py="1vh" style={{ borderTop: `2px solid ${SOFT}` }}>
                  <Group justify="space-between" wrap="nowrap" gap="2vw">
                    <div>
                      <Text fz="clamp(1.5rem, 3.2vw, 3.5rem)" fw={700} lh={1.15}>
                        {nameOf(p.donor)}
                      </Text>
                      <Text fz="clamp(1rem, 1.8vw, 2rem)" c={SOFT}>
                        {p.item} · {formatQuantity(p.quantity, p.unit, locale)} ·{' '}
                        {areaName(p.capabilityArea)}
                      </Text>
                    </div>
                    <Text
                      fz="clamp(1.5rem, 3.2vw, 3.5rem)"
                      fw={800}
                      c={ACCENT}
                      style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
                    >
                      {value ? formatMoney(value, locale) : t('liveBoard.noValue')}
                    </Text>
                  </Group>
                </Box>
              );
            })}
          </Box>
        )}
      </section>
    </Stack>
  );
}

function BigFigure({
  label,
  testId,
  children,
}: {
  label: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div>
      <Text component="p" m={0} fz="clamp(1.25rem, 2.4vw, 2.5rem)" fw={600} c={SOFT}>
        {label}
      </Text>
      <Text
        component="p"
        m={0}
        fz="clamp(2.5rem, 6vw, 7rem)"
        fw={800}
        lh={1.05}
        data-testid={testId}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {children}
      </Text>
    </div>
  );
}
