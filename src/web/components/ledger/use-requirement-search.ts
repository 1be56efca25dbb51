import { useDebouncedValue } from '@mantine/hooks';
import type { Requirement } from '../../../core/requirements/requirement.schema';
import { useRequirements } from '../../api/ledger';

/** How many requirements a picker offers at once: the most urgent, or the best matches of the words. */
export const PICK_LIMIT = 50;

/**
 * The requirements a picker offers as the user types. The words go to the server (after a pause in
 * typing), so any of a recipient's thousands of requirements can be found, not only those a first
 * page holds; with nothing typed, the most urgent. `chosen`: the requirement picked (or given, as
 * when a pledge is edited), with the label the picker puts in its search box (which is no search);
 * it stays among the options, where the picker finds the label of its value.
 */
export function useRequirementSearch(
  group: string,
  search: string,
  chosen: { requirement: Requirement; label: string } | null,
  enabled = true,
): { items: Requirement[]; loading: boolean } {
  const [typed] = useDebouncedValue(search.trim(), 250);
  const words = typed === '' || typed === chosen?.label.trim() ? undefined : typed;
  const query = useRequirements(
    group,
    words === undefined ? { limit: PICK_LIMIT } : { limit: PICK_LIMIT, q: words },
    enabled,
  );
  const items = query.data?.items ?? [];
  const kept = chosen?.requirement;
  return {
    items: kept && !items.some((r) => r.id === kept.id) ? [kept, ...items] : items,
    loading: query.isFetching,
  };
}
