import { describe, expect, it } from 'vitest';
import type { PledgeFigures } from '../pledges/pledge';
import { BucketSums } from './bucket-totals';

const figures = (overrides: Partial<PledgeFigures> = {}): PledgeFigures => ({
  group_id: 'g',
  requirement_id: 'r',
  capability_area_id: 'a',
  donor_nation: 'NOR',
  channel: 'direct',
  marking: 'GROUP',
  rel_to: null,
  announced_on: '2024-07-01',
  meeting_id: null,
  status: 'announced',
  quantity: 100,
  delivered_quantity: 0,
  reporting_value_minor: 1_000_000,
  valuation_method: 'reported',
  ...overrides,
});

const snapshot = (sums: BucketSums) => ({
  requirement: sums.changed('requirement'),
  donor: sums.changed('donor'),
  timeline: sums.changed('timeline'),
});

describe('bucket sums of an import', () => {
  it('add up to the same totals as applying each change in turn', () => {
    const created = figures();
    const delivering = figures({ status: 'delivering', delivered_quantity: 40 });
    const moved = figures({
      status: 'delivering',
      delivered_quantity: 40,
      marking: 'RESTRICTED',
      rel_to: ',NOR,UKR,',
    });
    const stepwise = new BucketSums();
    stepwise.record(null, created);
    stepwise.record(created, delivering);
    stepwise.record(delivering, moved);
    const once = new BucketSums();
    once.record(null, moved);
    expect(snapshot(stepwise)).toEqual(snapshot(once));
    expect(once.changed('donor')).toEqual([
      expect.objectContaining({
        marking: 'RESTRICTED',
        rel_to: ',NOR,UKR,',
        pledge_count: 1,
        contracted_value_minor: 1_000_000,
        delivered_value_minor: 400_000,
      }),
    ]);
  });

  it('sums several pledges into one bucket, and leaves out buckets that net to nothing', () => {
    const sums = new BucketSums();
    sums.record(null, figures({ quantity: 10, reporting_value_minor: 5 }));
    sums.record(null, figures({ quantity: 20, reporting_value_minor: null }));
    const gone = figures({ donor_nation: 'DNK', requirement_id: null });
    sums.record(null, gone);
    sums.record(gone, null);
    expect(sums.changed('requirement')).toEqual([
      expect.objectContaining({ requirement_id: 'r', pledge_count: 2, pledged_quantity: 30 }),
    ]);
    expect(sums.changed('donor')).toEqual([
      expect.objectContaining({
        donor_nation: 'NOR',
        pledge_count: 2,
        unvalued_count: 1,
        pledged_value_minor: 5,
      }),
    ]);
  });
});
