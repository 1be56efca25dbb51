import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deriveChairTerms,
  linkMeetingsToEvents,
  type MeetingPlan,
  planReferenceData,
} from './reference-plan';

const meeting = (
  number: number | null,
  date: string,
  chairCode: string,
  coChairCode: string | null = null,
): MeetingPlan => ({
  number,
  date,
  chairCode,
  coChairCode,
  timeZone: 'Europe/Brussels',
  venue: null,
  venueCountryCode: null,
  format: null,
  status: 'held',
  chairPersonKey: null,
  coChairPersonKey: null,
  note: null,
  source_url: `https://example.org/${number}`,
  source_title: 't',
  confidence: 'high',
});

describe('deriveChairTerms', () => {
  it('opens a term at each change of chair or co-chair and closes the previous one that day', () => {
    const terms = deriveChairTerms([
      meeting(2, '2022-05-23', 'USA'),
      meeting(1, '2022-04-26', 'USA'),
      meeting(26, '2025-02-12', 'GBR'),
      meeting(27, '2025-04-11', 'GBR', 'DEU'),
      meeting(28, '2025-06-04', 'GBR', 'DEU'),
    ]);
    expect(
      terms.map((t) => [
        t.nationCode,
        t.coChairCode,
        t.startsOn,
        t.endsOn,
        t.startsAtMeeting,
        t.source_url,
      ]),
    ).toEqual([
      ['USA', null, '2022-04-26', '2025-02-12', 1, 'https://example.org/1'],
      ['GBR', null, '2025-02-12', '2025-04-11', 26, 'https://example.org/26'],
      ['GBR', 'DEU', '2025-04-11', null, 27, 'https://example.org/27'],
    ]);
  });
});

describe('linkMeetingsToEvents', () => {
  const event = (ref: string, kind: string, startsOn: string, endsOn = startsOn) => ({
    ref,
    kind,
    startsOn,
    endsOn,
    name: ref,
    location: null,
    countryCode: null,
    actors: null,
    note: null,
    source_url: 'https://example.org',
    source_title: 't',
    confidence: 'high',
  });

  it('links a meeting to itself, to gatherings on its day and to those starting within three days', () => {
    const links = linkMeetingsToEvents(
      [meeting(26, '2025-02-12', 'GBR')],
      [
        event('UDCG26', 'contact_group', '2025-02-12'),
        event('DEFMIN', 'nato_ministerial', '2025-02-12', '2025-02-13'),
        event('MSC', 'conference', '2025-02-14', '2025-02-16'),
        event('LATER', 'summit', '2025-02-17'),
        event('PLEDGE', 'announcement', '2025-02-12'),
      ],
    );
    expect(links.map((l) => [l.eventRef, l.relation])).toEqual([
      ['UDCG26', 'same'],
      ['DEFMIN', 'alongside'],
      ['MSC', 'ahead_of'],
    ]);
  });
});

describe('planReferenceData', () => {
  it('plans the shipped reference data without a single problem', () => {
    const planned = planReferenceData('data/reference');
    expect('problems' in planned ? planned.problems : []).toEqual([]);
    if (!('plan' in planned)) return;
    expect(planned.plan.meetings).toHaveLength(33);
    expect(planned.plan.persons.map((p) => p.name)).toContain('Joseph R. Biden Jr.');
    expect(planned.plan.memberships).toHaveLength(57);
    expect(planned.plan.capabilityAreas).toHaveLength(12);
    expect(
      planned.plan.coalitions.map((c) => [c.areaSlug, c.leadCodes, c.formedOn, c.formedIn]),
    ).toEqual([
      ['air-force', ['USA', 'DNK', 'NLD'], '2023-05-17', null],
      ['air-defence', ['DEU', 'FRA'], '2023-11-22', null],
      ['it-cyber-comms', ['EST', 'LUX'], null, '2023'],
      ['demining', ['LTU', 'ISL'], '2024-02-14', null],
      ['maritime', ['GBR', 'NOR'], '2023-12-11', null],
      ['artillery-ammunition', ['FRA', 'USA'], '2024-01-18', null],
      ['drones-ew', ['LVA', 'GBR'], null, '2024-01'],
      ['armour', ['POL', 'DEU'], '2024-03-26', null],
    ]);
  });
});

describe('planReferenceData on a chair history that is not one chair at a time', () => {
  it('refuses it with a problem instead of failing on the database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ramstein-chair-'));
    cpSync('data/reference', dir, { recursive: true });
    const file = join(dir, 'udcg_meetings.csv');
    // Meeting 27 (UK with Germany) moved to meeting 26's day: the UK-alone term would last no day at all.
    writeFileSync(file, readFileSync(file, 'utf8').replace('\n27,2025-04-11,', '\n27,2025-02-12,'));
    const planned = planReferenceData(dir);
    expect('problems' in planned ? planned.problems : []).toContainEqual({
      path: 'udcg_meetings.csv',
      message: 'chair history: the term starting 2025-02-12 ends on or before it starts',
    });
  });
});
