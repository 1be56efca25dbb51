import { describe, expect, it } from 'vitest';
import { readCsv } from './csv';
import { classifyEvent } from './event-kind';

describe('classifyEvent', () => {
  it('gives every 2025 reference event a specific kind', () => {
    const file = readCsv('data/reference/events_2025.csv', ['event_id', 'event']);
    const kinds: Record<string, string> = {};
    for (const { values } of file.rows) {
      kinds[values.event_id ?? ''] = classifyEvent(values.event_id ?? '', values.event ?? '');
    }
    expect(kinds).toMatchObject({
      UDCG26: 'contact_group',
      NATO_DEFMIN_FEB25: 'nato_ministerial',
      MSC_2025: 'conference',
      NATO_HAGUE_SUMMIT: 'summit',
      KELLOGG_APPOINTED: 'appointment',
      UK_2_5_PLEDGE: 'announcement',
      TRUMP_5PCT: 'announcement',
      NATO_DEFEXP_2025: 'publication',
      RUTTE_KELLOGG: 'bilateral',
    });
    expect(Object.values(kinds)).not.toContain('other');
  });
});
