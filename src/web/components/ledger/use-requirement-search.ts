import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Requirement } from '../../../core/requirements/requirement.schema';
import { useRequirements } from '../../api/ledger';

/** How many requirements a picker offers at once: the most urgent, or the best matches of the words. */
export const PICK_LIMIT = 50;

export interface RequirementSearch {
  /** What to offer: the matches, with the chosen requirement among them. */
  items: Requirement[];
  loading: boolean;
  /** The requirement chosen, while it is the picker's value. */
  chosen: Requirement | null;
  /** Picks one of `items` by id (null: none); returns it. */
  choose: (id: string | null) => Requirement | null;
  /** Keeps a requirement read on its own (one the address or an edited pledge names) as the chosen one. */
  keep: (requirement: Requirement) => void;
}

/**
 * The requirements a picker offers as the user types. The words go to the server (after a pause in
 * typing), so any of a recipient's thousands of requirements can be found, not only those a first
 * page holds; with nothing typed, the most urgent. The requirement chosen — while it is the picker's
 * `value` — stays among the options, where the picker finds the label of its value, and that label in
 * the search box (`labelOf`) is not taken for words to search.
 */
export function useRequirementSearch(
  group: string,
  search: string,
  value: string | null,
  labelOf: (requirement: Requirement) => string,
  enabled = true,
): RequirementSearch {
  const [chosen, setChosen] = useState<Requirement | null>(null);
  const kept = chosen !== null && chosen.id === value ? chosen : null;
  const [typed] = useDebouncedValue(search.trim(), 250);
  const words = typed === '' || (kept && typed === labelOf(kept).trim()) ? undefined : typed;
  const query = useRequirements(
    group,
    words === undefined ? { limit: PICK_LIMIT } : { limit: PICK_LIMIT, q: words },
    enabled,
  );
  const found = query.data?.items ?? [];
  const items = kept && !found.some((r) => r.id === kept.id) ? [kept, ...found] : found;
  return {
    items,
    loading: query.isFetching,
    chosen: kept,
    choose: (id) => {
      const requirement = id === null ? null : (items.find((r) => r.id === id) ?? null);
      setChosen(requirement);
      return requirement;
    },
    keep: setChosen,
  };
}
