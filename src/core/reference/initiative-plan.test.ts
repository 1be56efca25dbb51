import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planInitiatives } from './initiative-plan';
import { planReferenceData } from './reference-plan';

const eventsOf = (dir: string) => {
  const planned = planReferenceData(dir);
  if (!('plan' in planned)) throw new Error(JSON.stringify(planned.problems));
  return planned.plan.events;
};

describe('planInitiatives', () => {
  it('plans the February 2025 US plan from what events_2025.csv states, and nothing more', () => {
    const { initiatives, problems } = planInitiatives(
      eventsOf('data/reference'),
      'events_2025.csv',
    );
    expect(problems).toEqual([]);
    expect(initiatives).toHaveLength(1);
    const [plan] = initiatives;
    expect(plan).toMatchObject({
      ref: 'US_PLAN_2025_02',
      title: 'Peace Through Strength: A Plan for Ukraine',
      proposerCode: 'USA',
      source_title: 'US Special Envoy to Ukraine: No clear answers for Ukrainians (DW)',
    });
    expect(plan?.elements.map((e) => [e.text, e.source_url])).toEqual([
      ['Freeze the front lines', 'https://www.pravda.com.ua/eng/news/2024/11/27/7486609/'],
      ['Push negotiations', 'https://www.pravda.com.ua/eng/news/2024/11/27/7486609/'],
    ]);
    expect(plan?.raisedAt.map((r) => [r.eventRef, r.raisedOn])).toEqual([
      ['MSC_2025', '2025-02-16'],
    ]);
    // Only the proposer's own position is stated by the file.
    expect(plan?.positions.map((p) => [p.party, p.stance, p.statedOn])).toEqual([
      ['USA', 'supports', '2025-02-16'],
    ]);
  });

  it('refuses to seed a claim the file no longer states, naming the row and the words', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ramstein-ref-'));
    cpSync('data/reference', dir, { recursive: true });
    const file = join(dir, 'events_2025.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('push negotiations', 'talks'));
    // The whole reference load is refused, naming the row and the words it no longer says.
    const planned = planReferenceData(dir);
    expect('problems' in planned && planned.problems).toEqual([
      {
        path: 'events_2025.csv: KELLOGG_NAMED',
        message:
          'note: does not say "push negotiations" (needed for initiative US_PLAN_2025_02: element 2)',
      },
    ]);
  });

  it('refuses a cited event that is missing', () => {
    const events = eventsOf('data/reference').filter((e) => e.ref !== 'MSC_2025');
    const { problems } = planInitiatives(events, 'events_2025.csv');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.message.includes('MSC_2025'))).toBe(true);
  });
});
