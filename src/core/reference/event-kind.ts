import type { EventKind } from '../events/event.schema';

/**
 * The kind of a reference event, read from its stable key and name. The reference file has no kind
 * column; these rules are checked against every row of events_2025.csv by a unit test.
 */
export function classifyEvent(ref: string, name: string): EventKind {
  const text = name.toLowerCase();
  if (ref.startsWith('UDCG') || text.includes('contact group')) return 'contact_group';
  if (text.includes('summit')) return 'summit';
  if (text.includes('defence ministers') || text.includes('defense ministers'))
    return 'nato_ministerial';
  if (text.includes('security conference')) return 'conference';
  if (/\b(appoints|names|designates|re-designates)\b/.test(text)) return 'appointment';
  if (text.includes('publishes')) return 'publication';
  if (/\b(announces|calls for|pledges)\b/.test(text)) return 'announcement';
  if (/\bmeets\b/.test(text)) return 'bilateral';
  return 'other';
}
