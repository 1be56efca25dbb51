import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Handover } from '../../../core/chair/chair-handover.schema';
import { formatDate, formatDateTime, nationName } from '../../i18n/format';
import { useLocale } from '../use-locale';

// White text on each, at least 4.5:1.
const statusColors: Record<Handover['status'], string> = {
  proposed: 'blue.8',
  accepted: '#8a4b00',
  effective: '#1e6b34',
  withdrawn: 'gray.7',
};

export function HandoverStatusBadge({ status }: { status: Handover['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" variant="filled" color={statusColors[status]}>
      {t(`chair.status.${status}`)}
    </Badge>
  );
}

/** "GBR → FRA, with DEU" as a heading line. */
export function HandoverTitle({ handover }: { handover: Handover }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const to = nationName(handover.to, locale);
  return (
    <>
      {t('chair.handoverTitle', { from: nationName(handover.from, locale), to })}
      {handover.toCoChair
        ? ` ${t('chair.withCoChair', { coChair: nationName(handover.toCoChair, locale) })}`
        : ''}
    </>
  );
}

/** Who asked, who accepted (or withdrew), when and why: the record kept in the history. */
export function HandoverRecord({ handover }: { handover: Handover }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const actor = (a: { username: string; nation: string | null }) =>
    a.nation ? `${a.username} (${a.nation})` : a.username;
  return (
    <Stack gap={6} component="dl" m={0} data-testid="handover-record">
      <Line label={t('chair.effectiveOn')}>
        {formatDate(handover.effectiveOn, locale)}
        {handover.effectiveMeeting && handover.effectiveMeeting.number !== null ? (
          <>
            {' · '}
            <Anchor component={Link} to={`/meetings/${handover.effectiveMeeting.number}`}>
              {t('meeting.numbered', { number: handover.effectiveMeeting.number })}
            </Anchor>
          </>
        ) : null}
      </Line>
      <Line label={t('chair.reason')}>{handover.reason}</Line>
      <Line label={t('chair.proposedBy')}>
        {t('chair.byAt', {
          who: actor(handover.proposedBy),
          at: formatDateTime(handover.proposedAt, locale),
        })}
      </Line>
      {handover.acceptedBy && handover.acceptedAt ? (
        <Line label={t('chair.acceptedBy')}>
          {t('chair.byAt', {
            who: actor(handover.acceptedBy),
            at: formatDateTime(handover.acceptedAt, locale),
          })}
          {handover.acceptanceNote ? ` — ${handover.acceptanceNote}` : ''}
        </Line>
      ) : null}
      {handover.withdrawnBy && handover.withdrawnAt ? (
        <Line label={t('chair.withdrawnBy')}>
          {t('chair.byAt', {
            who: actor(handover.withdrawnBy),
            at: formatDateTime(handover.withdrawnAt, locale),
          })}
          {handover.withdrawalReason ? ` — ${handover.withdrawalReason}` : ''}
        </Line>
      ) : null}
      {handover.effectiveAt ? (
        <Line label={t('chair.effectiveAt')}>
          {formatDateTime(handover.effectiveAt, locale)}
          {' · '}
          {t('chair.itemsPassed', { count: handover.actionItemsPassed })}
        </Line>
      ) : null}
    </Stack>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" align="baseline" wrap="nowrap">
      <Text component="dt" size="sm" fw={600} c="gray.7" miw={150}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </Group>
  );
}
