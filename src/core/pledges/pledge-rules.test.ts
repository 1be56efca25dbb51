import { describe, expect, it } from 'vitest';
import {
  afterDelivery,
  deliveryProblems,
  pathFromAnnounced,
  pledgeShapeProblems,
  requirementProblems,
  trancheProblems,
} from './pledge-rules';

const pledge = {
  status: 'committed',
  status_on: '2024-02-20',
  quantity: 100,
  delivered_quantity: 60,
  announced_on: '2024-02-14',
};

describe('pledge rules', () => {
  it('reaches a status from announced only by legal transitions', () => {
    expect(pathFromAnnounced('announced', 10)).toEqual({ path: [], problems: [] });
    expect(pathFromAnnounced('contracted', 10).path).toEqual(['contracted']);
    // Money without a quantity is delivered by hand, through delivering.
    expect(pathFromAnnounced('delivered', null).path).toEqual(['delivering', 'delivered']);
    // Items are delivered by their deliveries, never by hand.
    expect(pathFromAnnounced('delivered', 10).problems).toEqual([
      {
        field: 'status',
        message: 'only 0 of 10 delivered; record the deliveries and it becomes delivered',
      },
    ]);
  });

  it('keeps deliveries within the pledge and its dates, and says every problem', () => {
    expect(
      deliveryProblems(pledge, { quantity: 50, deliveredOn: '2024-02-01' }, '2024-06-01'),
    ).toEqual([
      { field: 'quantity', message: 'only 40 of the 100 pledged remain to be delivered' },
      { field: 'deliveredOn', message: 'is before the pledge was announced (2024-02-14)' },
    ]);
    expect(
      deliveryProblems(pledge, { quantity: 1, deliveredOn: '2024-07-01' }, '2024-06-01'),
    ).toEqual([{ field: 'deliveredOn', message: 'is after today (2024-06-01)' }]);
    expect(
      deliveryProblems(
        { ...pledge, status: 'withdrawn' },
        { quantity: 1, deliveredOn: '2024-03-01' },
        '2024-06-01',
      ),
    ).toEqual([{ field: '', message: 'the pledge is withdrawn: no more deliveries' }]);
  });

  it('moves a pledge to delivering with its first delivery and to delivered with the last, never back in time', () => {
    expect(afterDelivery(pledge, 10, '2024-03-01')).toEqual({
      delivered_quantity: 70,
      status: 'delivering',
      status_on: '2024-03-01',
      changed: true,
    });
    expect(
      afterDelivery({ ...pledge, status: 'delivering', status_on: '2024-03-01' }, 40, '2024-02-25'),
    ).toEqual({
      delivered_quantity: 100,
      status: 'delivered',
      status_on: '2024-03-01',
      changed: true,
    });
  });

  it('checks the shape of a pledge in the order the API reports it', () => {
    expect(
      pledgeShapeProblems({
        item: undefined,
        quantity: null,
        unit: undefined,
        kind: 'donation',
        hasValue: false,
        againstRequirement: false,
      }).map((p) => p.field),
    ).toEqual(['item', 'quantity', 'value']);
    expect(
      requirementProblems(
        { status: 'withdrawn', area_slug: 'armour', specification: '155 mm NATO', unit: 'rounds' },
        { capabilityArea: 'armour', specification: '152 mm', unit: 'rounds' },
      ).map((p) => p.field),
    ).toEqual(['requirementId', 'specification']);
    expect(trancheProblems([{ plannedOn: '2024-01-01', quantity: 5 }], 4, '2024-02-01')).toEqual([
      { field: 'tranches.0.plannedOn', message: 'is before the pledge was announced (2024-02-01)' },
      { field: 'tranches', message: 'plans 5 in all, more than the 4 pledged' },
    ]);
  });
});
