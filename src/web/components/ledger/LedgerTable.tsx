import { Alert, Table, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PledgeFilters, PledgeSort } from '../../api/ledger';
import { ApiError } from '../../api/client';
import { useLocale } from '../use-locale';
import { useNationNames } from '../use-nation-names';
import type { Pledge } from '../../../core/pledges/pledge.schema';
import { type CellContext, type ColumnId, isColumnId, PLEDGE_COLUMNS } from './pledge-columns';
import { useLedgerWindow } from './use-ledger-window';

const ROW_HEIGHT = 41;
const HEADER_HEIGHT = 44;

interface LedgerTableProps {
  slug: string;
  filters: PledgeFilters;
  columns: readonly ColumnId[];
  onSort: (sort: PledgeSort, order: 'asc' | 'desc') => void;
  /** Told the number of matching rows whenever it is known anew. */
  onTotal?: (total: number | null) => void;
}

/**
 * The pledges ledger as one real table however long: only the rows in view (and a few around them)
 * are in the page, spacer rows stand in for the rest, and aria-rowcount and aria-rowindex tell
 * assistive technology where each rendered row sits in the whole.
 *
 * Scrolling redraws only LedgerBody. Mantine's Table hands its cells a new context object whenever it
 * renders, which redraws every cell of every row, memoised or not; so the Table is rendered here, where
 * nothing changes while scrolling, and the virtualiser lives in the body below it.
 */
export function LedgerTable({ slug, filters, columns, onSort, onTotal }: LedgerTableProps) {
  const { t } = useTranslation();
  // State, not a ref: the body's virtualiser must be given the element once it exists.
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const filterKey = JSON.stringify(filters);
  // The count of the last answer: the virtualiser needs it before the rows it asks for are known.
  const [total, setTotal] = useState<number | null>(null);
  // A failed read, for the filters it was made with: other filters may well read.
  const [failure, setFailure] = useState<{ filterKey: string; error: unknown } | null>(null);
  const reportError = useCallback(
    (error: unknown) => setFailure({ filterKey, error }),
    [filterKey],
  );
  const error = failure?.filterKey === filterKey ? failure.error : null;
  const reportTotal = useCallback(
    (value: number | null) => {
      setTotal(value);
      onTotal?.(value);
    },
    [onTotal],
  );

  // New filters: back to the top, where the new rows begin.
  useEffect(() => {
    if (scroller) scroller.scrollTop = 0;
  }, [filterKey, scroller]);

  const shown = columns.map((id) => PLEDGE_COLUMNS[id]);
  const width = shown.reduce((sum, c) => sum + c.width, 0);
  const sort = filters.sort ?? 'created';
  const order = filters.order ?? 'desc';

  if (error) {
    return (
      <Alert color="red" title={t('errors.loadFailed')} role="alert">
        {error instanceof ApiError ? error.body.message : t('errors.unexpected')}
      </Alert>
    );
  }

  return (
    <div
      ref={setScroller}
      role="region"
      aria-label={t('ledger.pledges.tableRegion')}
      tabIndex={0}
      data-testid="ledger-scroller"
      style={{
        height: 'min(70vh, 720px)',
        overflow: 'auto',
        border: '1px solid var(--mantine-color-gray-4)',
        borderRadius: 'var(--mantine-radius-sm)',
        overflowAnchor: 'none',
        // The containing block of the visually hidden texts in the cells: without it they sit
        // outside the scroller, unclipped, and widen the whole page.
        position: 'relative',
      }}
    >
      <Table
        stickyHeader
        striped
        verticalSpacing={8}
        aria-rowcount={(total ?? 0) + 1}
        data-testid="ledger-table"
        style={{ tableLayout: 'fixed', width, minWidth: '100%' }}
      >
        <caption className="visually-hidden">{t('ledger.pledges.caption')}</caption>
        <colgroup>
          {shown.map((c) => (
            <col key={c.id} style={{ width: c.width }} />
          ))}
        </colgroup>
        <Table.Thead style={{ zIndex: 2 }}>
          <Table.Tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
            {shown.map((c) => {
              const active = c.sort !== undefined && c.sort === sort;
              return (
                <Table.Th
                  key={c.id}
                  scope="col"
                  ta={c.align}
                  aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {c.sort ? (
                    <UnstyledButton
                      fw={700}
                      fz="sm"
                      onClick={() =>
                        onSort(c.sort ?? 'created', active && order === 'desc' ? 'asc' : 'desc')
                      }
                    >
                      {t(`ledger.pledges.col.${c.id}`)}
                      <span aria-hidden> {active ? (order === 'asc' ? '▲' : '▼') : '↕'}</span>
                    </UnstyledButton>
                  ) : (
                    t(`ledger.pledges.col.${c.id}`)
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <LedgerBody
          slug={slug}
          filters={filters}
          columns={columns.join(',')}
          scroller={scroller}
          total={total}
          onTotal={reportTotal}
          onError={reportError}
        />
      </Table>
    </div>
  );
}

interface LedgerBodyProps {
  slug: string;
  filters: PledgeFilters;
  /** The column ids joined: a string, so an unchanged set does not redraw the rows. */
  columns: string;
  scroller: HTMLDivElement | null;
  total: number | null;
  onTotal: (total: number | null) => void;
  onError: (error: unknown) => void;
}

/** The rows in view with spacers above and below; redrawn as the table scrolls. */
function LedgerBody({
  slug,
  filters,
  columns,
  scroller,
  total,
  onTotal,
  onError,
}: LedgerBodyProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const ledger = useLedgerWindow(
    slug,
    filters,
    items[0]?.index ?? 0,
    items[items.length - 1]?.index ?? 0,
  );

  useEffect(() => onTotal(ledger.total), [ledger.total, onTotal]);
  useEffect(() => {
    if (ledger.error) onError(ledger.error);
  }, [ledger.error, onError]);

  const span = columns.split(',').length;
  const first = items[0];
  const last = items[items.length - 1];
  const padTop = first ? first.start - HEADER_HEIGHT : 0;
  const padBottom = last ? virtualizer.getTotalSize() - last.end : 0;
  return (
    <Table.Tbody>
      {padTop > 0 ? (
        <tr aria-hidden>
          <td colSpan={span} style={{ height: padTop, padding: 0, border: 0 }} />
        </tr>
      ) : null}
      {items.map((v) => (
        <LedgerRow
          key={v.index}
          index={v.index}
          pledge={ledger.rowAt(v.index)}
          columns={columns}
          t={t}
          locale={locale}
          nameOf={nameOf}
        />
      ))}
      {padBottom > 0 ? (
        <tr aria-hidden>
          <td colSpan={span} style={{ height: padBottom, padding: 0, border: 0 }} />
        </tr>
      ) : null}
    </Table.Tbody>
  );
}

interface LedgerRowProps extends CellContext {
  index: number;
  pledge: Pledge | undefined;
  /** The column ids joined: a string, so an unchanged set does not redraw the row. */
  columns: string;
}

/** One row, redrawn only when its pledge or the columns change, not on every scroll frame. */
const LedgerRow = memo(function LedgerRow({
  index,
  pledge,
  columns,
  t,
  locale,
  nameOf,
}: LedgerRowProps) {
  const shown = columns
    .split(',')
    .filter(isColumnId)
    .map((id) => PLEDGE_COLUMNS[id]);
  return (
    <Table.Tr aria-rowindex={index + 2} data-testid="ledger-row" style={{ height: ROW_HEIGHT }}>
      {pledge ? (
        shown.map((c) => (
          <Table.Td
            key={c.id}
            ta={c.align}
            style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          >
            {c.render(pledge, { t, locale, nameOf })}
          </Table.Td>
        ))
      ) : (
        <Table.Td colSpan={shown.length}>
          <Text size="sm" c="dimmed">
            {t('ledger.pledges.loadingRow', { row: index + 1 })}
          </Text>
        </Table.Td>
      )}
    </Table.Tr>
  );
});
