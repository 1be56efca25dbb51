import { Anchor, Badge, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Channel, Pledge } from '../../../core/pledges/pledge.schema';
import type { PledgeSort } from '../../api/ledger';
import { formatDate } from '../../i18n/format';
import { MarkingBadge } from '../MarkingBanner';
import { formatMoney, formatQuantity, itemName } from './format';
import { PledgeStatusBadge } from './StatusBadges';

/** What a cell may need besides the pledge: translations, the locale, names of nations. */
export interface CellContext {
  t: TFunction;
  locale: string;
  nameOf: (code: string) => string;
}

export interface PledgeColumn {
  id: ColumnId;
  width: number;
  /** The server's sort key, for columns the list can be ordered by. */
  sort?: PledgeSort;
  align?: 'right';
  render: (pledge: Pledge, ctx: CellContext) => ReactNode;
}

export const COLUMN_IDS = [
  'item',
  'donor',
  'channel',
  'area',
  'kind',
  'quantity',
  'delivered',
  'value',
  'reportingValue',
  'status',
  'announced',
  'marking',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const DEFAULT_COLUMNS: readonly ColumnId[] = [
  'item',
  'donor',
  'area',
  'kind',
  'quantity',
  'value',
  'status',
  'announced',
  'marking',
];

export const isColumnId = (value: string): value is ColumnId =>
  (COLUMN_IDS as readonly string[]).includes(value);

/** The channel in words: direct, through a nation, a coalition or a fund. */
export function channelLabel(channel: Channel, ctx: CellContext): string {
  switch (channel.kind) {
    case 'direct':
      return ctx.t('ledger.channel.direct');
    case 'nation':
      return ctx.t('ledger.channel.viaNation', { nation: ctx.nameOf(channel.nation ?? '') });
    case 'coalition':
      return ctx.t('ledger.channel.viaCoalition', { name: channel.name ?? '' });
    case 'fund':
      return ctx.t('ledger.channel.viaFund', { name: channel.name ?? '' });
  }
}

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

export const PLEDGE_COLUMNS: Record<ColumnId, PledgeColumn> = {
  item: {
    id: 'item',
    width: 280,
    render: (p) => (
      <Anchor component={Link} to={`/pledges/${p.id}`} fw={600} size="sm" style={ellipsis}>
        {itemName(p)}
      </Anchor>
    ),
  },
  donor: {
    id: 'donor',
    width: 170,
    sort: 'donor',
    render: (p, ctx) => `${ctx.nameOf(p.donor)} (${p.donor})`,
  },
  channel: { id: 'channel', width: 200, render: (p, ctx) => channelLabel(p.channel, ctx) },
  area: { id: 'area', width: 170, render: (p) => p.capabilityArea.name },
  kind: { id: 'kind', width: 120, render: (p, ctx) => ctx.t(`ledger.kind.${p.kind}`) },
  quantity: {
    id: 'quantity',
    width: 140,
    align: 'right',
    render: (p, ctx) => formatQuantity(p.quantity, p.unit, ctx.locale),
  },
  delivered: {
    id: 'delivered',
    width: 130,
    align: 'right',
    render: (p, ctx) =>
      p.quantity === null && p.deliveredQuantity === 0
        ? '—'
        : formatQuantity(p.deliveredQuantity, p.unit, ctx.locale),
  },
  value: {
    id: 'value',
    width: 170,
    align: 'right',
    sort: 'value',
    render: (p, ctx) =>
      p.value ? (
        <>
          {formatMoney(p.value, ctx.locale)}
          {p.isEstimate ? (
            <Badge component="span" size="xs" ml={6} variant="outline" color="gray.8">
              {ctx.t('ledger.estimate')}
            </Badge>
          ) : null}
        </>
      ) : (
        '—'
      ),
  },
  reportingValue: {
    id: 'reportingValue',
    width: 160,
    align: 'right',
    render: (p, ctx) => (p.reportingValue ? formatMoney(p.reportingValue, ctx.locale) : '—'),
  },
  status: {
    id: 'status',
    width: 130,
    sort: 'status',
    render: (p) => <PledgeStatusBadge status={p.status} />,
  },
  announced: {
    id: 'announced',
    width: 130,
    sort: 'announced',
    render: (p, ctx) => formatDate(p.announcedOn, ctx.locale, 'medium'),
  },
  marking: {
    id: 'marking',
    width: 210,
    render: (p) => (
      <Text component="span" size="sm" style={ellipsis}>
        <MarkingBadge marking={p.marking} />
      </Text>
    ),
  },
};
