import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Requirement,
  type RequirementPage,
  requirementSchema,
} from '../../../core/requirements/requirement.schema';
import { ApiError } from '../../api/client';
import { requirementsKey, useMoveRequirement } from '../../api/ledger';
import type { MoveRequest } from './RequirementOrderTable';

/** The ranks after moving one requirement: those in between shift by one, as the server does it. */
export function reorder(items: readonly Requirement[], id: string, to: number): Requirement[] {
  const moving = items.find((r) => r.id === id);
  if (!moving) return [...items];
  const from = moving.priority;
  return items
    .map((r) => {
      if (r.id === id) return { ...r, priority: to };
      if (to < from && r.priority >= to && r.priority < from)
        return { ...r, priority: r.priority + 1 };
      if (to > from && r.priority <= to && r.priority > from)
        return { ...r, priority: r.priority - 1 };
      return r;
    })
    .sort((a, b) => a.priority - b.priority);
}

/**
 * Moves a requirement, showing the new order at once and saying what happened in words for the
 * aria-live region; on failure the list is read again from the server.
 */
export function useRequirementMove(slug: string) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const mutation = useMoveRequirement();
  const [said, setSaid] = useState({ text: '', count: 0 });
  // The same sentence twice in a row would not be read again: make each one differ, invisibly.
  const setAnnouncement = (text: string) => setSaid((s) => ({ text, count: s.count + 1 }));
  const announcement = said.text + (said.count % 2 === 0 ? '' : '\u200b');

  const move = async ({ requirement, priority, reason }: MoveRequest): Promise<boolean> => {
    await client.cancelQueries({ queryKey: requirementsKey(slug) });
    client.setQueriesData<RequirementPage>({ queryKey: requirementsKey(slug) }, (page) =>
      page ? { ...page, items: reorder(page.items, requirement.id, priority) } : page,
    );
    try {
      const moved = await mutation.mutateAsync({
        id: requirement.id,
        version: requirement.version,
        priority,
        reason,
      });
      setAnnouncement(
        t('ledger.requirements.moved', {
          item: moved.item,
          from: requirement.priority,
          to: moved.priority,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const current = requirementSchema.safeParse(error.body.current);
        setAnnouncement(
          t('ledger.requirements.moveConflict', {
            item: current.success ? current.data.item : requirement.item,
          }),
        );
      } else {
        setAnnouncement(
          t('ledger.requirements.moveFailed', {
            item: requirement.item,
            reason: error instanceof ApiError ? error.body.message : t('errors.unexpected'),
          }),
        );
      }
      return false;
    }
  };

  return { move, busy: mutation.isPending, announcement };
}
