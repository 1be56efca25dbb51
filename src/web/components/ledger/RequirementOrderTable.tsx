import { Anchor, Table, Text, UnstyledButton } from '@mantine/core';
import { type DragEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Requirement } from '../../../core/requirements/requirement.schema';
import { formatDate } from '../../i18n/format';
import { MarkingBadge } from '../MarkingBanner';
import { useLocale } from '../use-locale';
import { formatQuantity } from './format';
import { MoveRequirementDialog } from './MoveRequirementDialog';
import { RequirementStatusBadge } from './StatusBadges';

export interface MoveRequest {
  requirement: Requirement;
  priority: number;
  reason?: string;
}

interface RequirementOrderTableProps {
  requirements: readonly Requirement[];
  /** Null when the viewer may not re-order (only the recipient's planners may). */
  onMove: ((move: MoveRequest) => Promise<boolean>) | null;
  /** True while a move is on its way: further moves wait, so each is sent with a fresh version. */
  busy: boolean;
}

/**
 * The requirements in priority order. A planner moves one by dragging its handle onto another row,
 * by Alt+Arrow keys on the focused handle, or by typing a rank in the dialog the handle opens.
 */
export function RequirementOrderTable({ requirements, onMove, busy }: RequirementOrderTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const hintId = useId();
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const [refocus, setRefocus] = useState<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [dialogFor, setDialogFor] = useState<Requirement | null>(null);

  // A re-ordered row is a moved DOM node, which drops keyboard focus: give it back to the handle.
  useEffect(() => {
    if (refocus === null) return;
    handles.current.get(refocus)?.focus();
    setRefocus(null);
  }, [requirements, refocus]);

  const move = async (request: MoveRequest) => {
    if (!onMove || busy || request.priority === request.requirement.priority) return;
    setRefocus(request.requirement.id);
    await onMove(request);
    setRefocus(request.requirement.id);
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const requirement = requirements[index];
    if (!requirement) return;
    // The neighbour's rank, not ours ± 1: in a filtered list the neighbour may be several ranks away.
    const neighbour = requirements[event.key === 'ArrowUp' ? index - 1 : index + 1];
    const priority = neighbour
      ? neighbour.priority
      : Math.max(1, requirement.priority + (event.key === 'ArrowUp' ? -1 : 1));
    void move({ requirement, priority });
  };

  const onDrop = (event: DragEvent, target: Requirement) => {
    event.preventDefault();
    const id = dragged ?? event.dataTransfer.getData('text/plain');
    setDragged(null);
    setOver(null);
    const requirement = requirements.find((r) => r.id === id);
    if (requirement) void move({ requirement, priority: target.priority });
  };

  const draggedIndex = requirements.findIndex((r) => r.id === dragged);

  return (
    <>
      {onMove ? (
        <Text id={hintId} size="sm" c="dimmed">
          {t('ledger.requirements.reorderHint')}
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="xs" highlightOnHover data-testid="requirements-table">
          <caption className="visually-hidden">{t('ledger.requirements.caption')}</caption>
          <Table.Thead>
            <Table.Tr>
              {onMove ? (
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('ledger.requirements.col.move')}</span>
                </Table.Th>
              ) : null}
              <Table.Th scope="col">{t('ledger.requirements.col.priority')}</Table.Th>
              <Table.Th scope="col">{t('ledger.requirements.col.item')}</Table.Th>
              <Table.Th scope="col">{t('ledger.requirements.col.area')}</Table.Th>
              <Table.Th scope="col">{t('ledger.requirements.col.quantity')}</Table.Th>
              <Table.Th scope="col">{t('ledger.requirements.col.neededBy')}</Table.Th>
              <Table.Th scope="col">{t('ledger.requirements.col.status')}</Table.Th>
              <Table.Th scope="col">{t('ledger.requirements.col.marking')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {requirements.map((r, index) => {
              const dropBelow = draggedIndex !== -1 && draggedIndex < index;
              const isTarget = over === r.id && dragged !== r.id;
              return (
                <Table.Tr
                  key={r.id}
                  data-testid="requirement-row"
                  onDragOver={
                    onMove && dragged
                      ? (event) => {
                          event.preventDefault();
                          event.dataTransfer.dropEffect = 'move';
                          setOver(r.id);
                        }
                      : undefined
                  }
                  onDragLeave={() => setOver((current) => (current === r.id ? null : current))}
                  onDrop={onMove ? (event) => onDrop(event, r) : undefined}
                  style={{
                    opacity: dragged === r.id ? 0.5 : undefined,
                    boxShadow: isTarget
                      ? `inset 0 ${dropBelow ? -3 : 3}px 0 var(--mantine-color-blue-7)`
                      : undefined,
                  }}
                >
                  {onMove ? (
                    <Table.Td w={48}>
                      <UnstyledButton
                        ref={(node) => {
                          if (node) handles.current.set(r.id, node);
                          else handles.current.delete(r.id);
                        }}
                        draggable
                        onDragStart={(event) => {
                          event.dataTransfer.effectAllowed = 'move';
                          event.dataTransfer.setData('text/plain', r.id);
                          const row = event.currentTarget.closest('tr');
                          if (row) event.dataTransfer.setDragImage(row, 16, 16);
                          setDragged(r.id);
                        }}
                        onDragEnd={() => {
                          setDragged(null);
                          setOver(null);
                        }}
                        onKeyDown={(event) => onKeyDown(event, index)}
                        onClick={() => setDialogFor(r)}
                        aria-label={t('ledger.requirements.moveHandle', {
                          item: r.item,
                          priority: r.priority,
                        })}
                        aria-describedby={hintId}
                        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                        aria-haspopup="dialog"
                        aria-disabled={busy || undefined}
                        data-testid="move-handle"
                        style={{
                          cursor: busy ? 'progress' : 'grab',
                          padding: '4px 8px',
                          borderRadius: 4,
                          border: '1px solid var(--mantine-color-gray-5)',
                          lineHeight: 1,
                          fontSize: 18,
                        }}
                      >
                        <span aria-hidden>⠿</span>
                      </UnstyledButton>
                    </Table.Td>
                  ) : null}
                  <Table.Td fw={700} ta="right" w={80}>
                    {r.priority}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/requirements/${r.id}`} fw={600}>
                      {r.item}
                    </Anchor>
                    {r.specification ? (
                      <Text size="sm" c="dimmed">
                        {r.specification}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{r.capabilityArea.name}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatQuantity(r.quantity, r.unit, locale)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {r.neededBy ? formatDate(r.neededBy, locale, 'medium') : '—'}
                  </Table.Td>
                  <Table.Td>
                    <RequirementStatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td>
                    <MarkingBadge marking={r.marking} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {dialogFor && onMove ? (
        <MoveRequirementDialog
          requirement={dialogFor}
          busy={busy}
          onClose={() => setDialogFor(null)}
          onMove={async (priority, reason) => {
            const moved = dialogFor;
            setDialogFor(null);
            await move({ requirement: moved, priority, reason });
          }}
        />
      ) : null}
    </>
  );
}
