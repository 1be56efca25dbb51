import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  channelKey,
  contributionOf,
  deliveredValue,
  type PledgeFigures,
  transitionProblem,
} from './pledge';
import { pledgeStatuses } from './pledge.schema';

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

describe('pledge transitions', () => {
  it('only moves forward along the chain, and nothing leaves delivered or withdrawn', () => {
    expect(allowedTransitions('announced')).toEqual([
      'committed',
      'contracted',
      'delivering',
      'withdrawn',
    ]);
    expect(allowedTransitions('delivered')).toEqual([]);
    expect(allowedTransitions('withdrawn')).toEqual([]);
    for (const from of pledgeStatuses) {
      expect(allowedTransitions(from)).not.toContain(from);
      expect(allowedTransitions(from)).not.toContain('announced');
    }
  });

  it('names why a move is refused', () => {
    const pledge = { status: 'committed' as const, quantity: 10, delivered_quantity: 0 };
    expect(transitionProblem(pledge, 'announced')).toBe(
      'cannot go from committed to announced; allowed: contracted, delivering, withdrawn',
    );
    expect(transitionProblem({ ...pledge, status: 'delivered' }, 'withdrawn')).toBe(
      'a delivered pledge cannot change status',
    );
    expect(transitionProblem({ ...pledge, delivered_quantity: 3 }, 'withdrawn')).toMatch(
      /3 already delivered/,
    );
    expect(
      transitionProblem({ ...pledge, status: 'delivering', delivered_quantity: 3 }, 'delivered'),
    ).toMatch(/only 3 of 10 delivered/);
    expect(
      transitionProblem(
        { status: 'delivering', quantity: null, delivered_quantity: 0 },
        'delivered',
      ),
    ).toBeNull();
    expect(transitionProblem(pledge, 'contracted')).toBeNull();
  });
});

describe('channel keys', () => {
  const none = { channel_nation: null, channel_coalition_id: null, channel_name: null };
  it('gives each route one key, whoever funds it', () => {
    expect(channelKey({ channel_kind: 'direct', ...none })).toBe('direct');
    expect(channelKey({ channel_kind: 'nation', ...none, channel_nation: 'GBR' })).toBe(
      'nation:GBR',
    );
    expect(channelKey({ channel_kind: 'coalition', ...none, channel_coalition_id: 'c1' })).toBe(
      'coalition:c1',
    );
    expect(channelKey({ channel_kind: 'fund', ...none, channel_name: 'IFU' })).toBe('fund:IFU');
  });
});

describe('what a pledge adds to the totals', () => {
  it('counts an active pledge once in each bucket kind, attributed to its funder', () => {
    const c = contributionOf(figures({ channel: 'nation:GBR' }));
    expect(c.requirement).toMatchObject({
      requirement_id: 'r',
      pledge_count: 1,
      pledged_quantity: 100,
      contracted_quantity: 0,
    });
    expect(c.donor).toMatchObject({
      donor_nation: 'NOR',
      channel: 'nation:GBR',
      pledge_count: 1,
      pledged_value_minor: 1_000_000,
    });
    expect(c.timeline).toMatchObject({
      month: '2024-07',
      meeting_id: '',
      pledged_value_minor: 1_000_000,
    });
    expect(c.donor.rel_to).toBe('');
  });

  it('counts nothing pledged for a withdrawn pledge', () => {
    const c = contributionOf(figures({ status: 'withdrawn' }));
    expect(c.requirement).toMatchObject({ pledge_count: 0, pledged_quantity: 0 });
    expect(c.donor).toMatchObject({
      pledge_count: 0,
      pledged_value_minor: 0,
      contracted_value_minor: 0,
    });
  });

  it('counts contracted value from contracted on, and estimates and unvalued pledges apart', () => {
    expect(contributionOf(figures({ status: 'contracted' })).donor.contracted_value_minor).toBe(
      1_000_000,
    );
    expect(contributionOf(figures({ status: 'committed' })).donor.contracted_value_minor).toBe(0);
    expect(
      contributionOf(figures({ valuation_method: 'price_list' })).donor.estimated_value_minor,
    ).toBe(1_000_000);
    const unvalued = contributionOf(
      figures({ reporting_value_minor: null, valuation_method: 'none' }),
    );
    expect(unvalued.donor).toMatchObject({ unvalued_count: 1, pledged_value_minor: 0 });
  });

  it('has no requirement bucket for a pledge without a requirement', () => {
    expect(contributionOf(figures({ requirement_id: null })).requirement).toBeNull();
  });

  it('values deliveries pro rata, rounding half to even, and funding only once delivered', () => {
    expect(
      deliveredValue(figures({ delivered_quantity: 1, quantity: 3, reporting_value_minor: 100 })),
    ).toBe(33);
    expect(
      deliveredValue(figures({ delivered_quantity: 1, quantity: 8, reporting_value_minor: 100 })),
    ).toBe(12);
    expect(deliveredValue(figures({ quantity: null, status: 'delivering' }))).toBe(0);
    expect(deliveredValue(figures({ quantity: null, status: 'delivered' }))).toBe(1_000_000);
  });
});
