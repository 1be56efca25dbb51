import { create } from 'xmlbuilder2';
import { describe, expect, it } from 'vitest';
import type { Delivery, PledgeDetail } from '../pledges/pledge.schema';
import { activityStatusOf, buildIatiActivities, type IatiGroup } from './iati-activity';
import { reportingIdentifier } from './iati-organisation';
import { proRata } from './iati-transactions';
import { validateIati as xmllint } from './testing/xmllint';

const udcg: IatiGroup = {
  slug: 'udcg',
  name: 'Ukraine Defence Contact Group',
  recipientCode: 'UKR',
  reportingCurrency: 'EUR',
};

let sequence = 0;
const uuid = (n: number) => `01890000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function delivery(overrides: Partial<Delivery> & Pick<Delivery, 'quantity' | 'deliveredOn'>) {
  sequence += 1;
  return {
    id: uuid(1000 + sequence),
    pledgeId: uuid(0),
    place: null,
    note: null,
    externalId: null,
    recordedBy: 'gbr.coordinator',
    recordedAt: `${overrides.deliveredOn}T12:00:00.000Z`,
    confirmed: false,
    confirmedBy: null,
    confirmedAt: null,
    ...overrides,
  } satisfies Delivery;
}

/** A realistic pledge as the API returns it; every field can be overridden. */
function pledgeDetail(overrides: Partial<PledgeDetail> = {}): PledgeDetail {
  sequence += 1;
  return {
    id: uuid(sequence),
    group: 'udcg',
    donor: 'GBR',
    channel: { kind: 'direct', nation: null, coalitionId: null, name: null, key: 'direct' },
    requirementId: null,
    capabilityArea: { id: uuid(500), slug: 'air-defence', name: 'Air defence' },
    item: 'Air defence missiles',
    specification: 'ASRAAM',
    quantity: 100,
    unit: 'missiles',
    kind: 'donation',
    value: { amount: '150000000.00', currency: 'GBP' },
    valuationDate: '2025-02-12',
    valuationMethod: 'reported',
    isEstimate: false,
    reportingValue: { amount: '180000000.00', currency: 'EUR' },
    rateUsed: { rate: '1.2', date: '2025-02-12' },
    announcedOn: '2025-02-12',
    meetingId: null,
    eventId: null,
    status: 'announced',
    statusOn: '2025-02-12',
    deliveredQuantity: 0,
    externalRef: null,
    externalId: null,
    note: null,
    marking: { classification: 'PUBLIC', relTo: [], label: 'PUBLIC' },
    source: { url: null, title: null, confidence: null },
    createdBy: 'gbr.coordinator',
    createdAt: '2025-02-12T09:30:00.000Z',
    updatedAt: '2025-02-12T09:30:00.000Z',
    version: 1,
    statusHistory: [
      {
        from: null,
        to: overrides.status === 'committed' ? 'committed' : 'announced',
        effectiveOn: '2025-02-12',
        note: null,
        changedBy: 'gbr.coordinator',
        changedAt: '2025-02-12T09:30:00.000Z',
      },
    ],
    tranches: [],
    deliveries: [],
    schedule: { plannedToDate: 0, deliveredToDate: 0, behind: 0 },
    ...overrides,
  };
}

const change = (from: PledgeDetail['status'] | null, to: PledgeDetail['status'], on: string) => ({
  from,
  to,
  effectiveOn: on,
  note: null,
  changedBy: 'someone',
  changedAt: `${on}T10:00:00.000Z`,
});

// The British pledge: committed, two of three tranches delivered, text that needs escaping.
const british = pledgeDetail({
  item: 'Air defence missiles & launchers <ASRAAM>',
  specification: 'Ракети для ППО "Житомир" — série 2',
  status: 'delivering',
  statusOn: '2025-03-10',
  deliveredQuantity: 70,
  externalRef: 'MOD/2025/017',
  statusHistory: [
    change(null, 'announced', '2025-02-12'),
    change('announced', 'committed', '2025-02-20'),
    change('committed', 'delivering', '2025-03-10'),
  ],
  tranches: [
    { id: uuid(900), plannedOn: '2025-03-01', quantity: 30, note: null },
    { id: uuid(901), plannedOn: '2025-04-01', quantity: 30, note: null },
    { id: uuid(902), plannedOn: '2025-05-01', quantity: 40, note: null },
  ],
  deliveries: [
    delivery({ quantity: 40, deliveredOn: '2025-04-02', place: 'Rzeszów' }),
    delivery({
      quantity: 30,
      deliveredOn: '2025-03-10',
      confirmed: true,
      confirmedBy: 'ukr.planner',
      confirmedAt: '2025-03-12T08:00:00.000Z',
    }),
  ],
});
// Germany pays, the Netherlands delivers: a pledge channelled through another nation, in euros.
const germanViaNetherlands = pledgeDetail({
  donor: 'DEU',
  channel: { kind: 'nation', nation: 'NLD', coalitionId: null, name: 'NLD', key: 'nation:NLD' },
  capabilityArea: { id: uuid(501), slug: 'demining', name: 'Demining' },
  item: 'Mine-clearing vehicles',
  specification: '',
  quantity: 3,
  unit: 'vehicles',
  value: { amount: '1000.00', currency: 'EUR' },
  status: 'delivered',
  statusOn: '2025-06-01',
  deliveredQuantity: 3,
  statusHistory: [
    change(null, 'committed', '2025-02-12'),
    change('delivering', 'delivered', '2025-06-01'),
  ],
  deliveries: [
    delivery({
      quantity: 1,
      deliveredOn: '2025-04-01',
      confirmed: true,
      confirmedAt: '2025-04-02T00:00:00Z',
    }),
    delivery({
      quantity: 1,
      deliveredOn: '2025-05-01',
      confirmed: true,
      confirmedAt: '2025-05-02T00:00:00Z',
    }),
    delivery({
      quantity: 1,
      deliveredOn: '2025-06-01',
      confirmed: true,
      confirmedAt: '2025-06-02T00:00:00Z',
    }),
  ],
});
// Funding with no quantity, through a fund, delivered in full; yen have no minor unit.
const japaneseFunding = pledgeDetail({
  donor: 'JPN',
  channel: {
    kind: 'fund',
    nation: null,
    coalitionId: null,
    name: 'NATO CAP Trust Fund',
    key: 'fund:NATO CAP Trust Fund',
  },
  capabilityArea: { id: uuid(502), slug: 'medical', name: 'Medical' },
  kind: 'funding',
  item: 'Contribution to the trust fund',
  specification: '',
  quantity: null,
  unit: null,
  value: { amount: '3000000000', currency: 'JPY' },
  status: 'delivered',
  statusOn: '2025-04-15',
  statusHistory: [
    change(null, 'committed', '2025-02-12'),
    change('committed', 'delivered', '2025-04-15'),
  ],
});
// Albania has no DAC donor code, and this pledge has no value at all.
const albanianUnvalued = pledgeDetail({
  donor: 'ALB',
  capabilityArea: { id: uuid(503), slug: 'artillery-ammunition', name: 'Artillery and ammunition' },
  item: '82 mm mortar rounds',
  specification: '',
  quantity: 5000,
  unit: 'rounds',
  value: null,
  valuationDate: null,
  valuationMethod: 'none',
  reportingValue: null,
  rateUsed: null,
  tranches: [{ id: uuid(910), plannedOn: '2025-09-01', quantity: 5000, note: null }],
});
// Norway committed, then withdrew before delivering, through a capability coalition.
const norwegianWithdrawn = pledgeDetail({
  donor: 'NOR',
  channel: {
    kind: 'coalition',
    nation: null,
    coalitionId: uuid(700),
    name: 'Maritime Capability Coalition',
    key: `coalition:${uuid(700)}`,
  },
  capabilityArea: { id: uuid(504), slug: 'maritime', name: 'Maritime' },
  item: 'Patrol boats',
  specification: '',
  quantity: 10,
  unit: 'boats',
  value: { amount: '2500000.00', currency: 'NOK' },
  status: 'withdrawn',
  statusOn: '2025-05-20',
  marking: {
    classification: 'RESTRICTED',
    relTo: ['NOR', 'UKR'],
    label: 'RESTRICTED REL TO NOR, UKR',
  },
  statusHistory: [
    change(null, 'committed', '2025-02-12'),
    change('committed', 'withdrawn', '2025-05-20'),
  ],
  tranches: [{ id: uuid(920), plannedOn: '2025-08-01', quantity: 10, note: null }],
});

const pledges = [
  british,
  germanViaNetherlands,
  japaneseFunding,
  albanianUnvalued,
  norwegianWithdrawn,
];
const xml = buildIatiActivities({
  group: udcg,
  pledges,
  generatedAt: new Date('2025-07-01T06:00:00.123Z'),
  nationNames: new Map([['GBR', 'United Kingdom']]),
});

const parsed = create(xml).node as unknown as Document;
const activities = [...parsed.getElementsByTagName('iati-activity')];
const childrenOf = (element: Element, name: string) =>
  [...element.getElementsByTagName(name)].filter((e) => e.parentNode === element);
const activityOf = (pledge: PledgeDetail) => {
  const found = activities.find((a) =>
    childrenOf(a, 'iati-identifier')[0]?.textContent?.endsWith(pledge.id),
  );
  if (!found) throw new Error(`no activity for ${pledge.id}`);
  return found;
};
const text = (element: Element | undefined) => element?.textContent?.trim();
const transactionsOf = (pledge: PledgeDetail) =>
  childrenOf(activityOf(pledge), 'transaction').map((t) => ({
    type: childrenOf(t, 'transaction-type')[0]?.getAttribute('code'),
    date: childrenOf(t, 'transaction-date')[0]?.getAttribute('iso-date'),
    value: text(childrenOf(t, 'value')[0]),
    valueDate: childrenOf(t, 'value')[0]?.getAttribute('value-date'),
    receiver: text(childrenOf(t, 'receiver-org')[0]),
  }));

describe('IATI activity export', () => {
  it('validates against the official IATI 2.03 schema', () => {
    const result = xmllint(xml);
    expect(result.stderr).toMatch(/validates/);
    expect(result.code).toBe(0);
  });

  it('fails validation when the schema is broken, so the check above can fail', () => {
    // activity-status before participating-org breaks the sequence the schema fixes.
    const misordered = xml.replace(
      /(<participating-org[\s\S]*?<\/participating-org>\s*)+(<activity-status code="\d"\/>)/,
      '$2$1',
    );
    expect(misordered).not.toBe(xml);
    const result = xmllint(misordered);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/activity-status|participating-org/);
    // And a transaction value must be a decimal number.
    const notDecimal = xml.replace(/>150000000\.00</, '>150,000,000.00<');
    expect(xmllint(notDecimal).code).not.toBe(0);
  });

  it('writes one activity per pledge, identified by its donor and the pledge id', () => {
    const root = parsed.documentElement;
    expect(root.tagName).toBe('iati-activities');
    expect(root.getAttribute('version')).toBe('2.03');
    expect(root.getAttribute('generated-datetime')).toBe('2025-07-01T06:00:00Z');
    expect(activities).toHaveLength(pledges.length);
    const ids = activities.map((a) => text(childrenOf(a, 'iati-identifier')[0]));
    expect(ids).toEqual([
      `XM-DAC-12-${british.id}`,
      `XM-DAC-5-${germanViaNetherlands.id}`,
      `XM-DAC-701-${japaneseFunding.id}`,
      `ZZ-RAMSTEIN-ALB-${albanianUnvalued.id}`,
      `XM-DAC-8-${norwegianWithdrawn.id}`,
    ]);
    const albania = childrenOf(activityOf(albanianUnvalued), 'reporting-org')[0];
    expect(albania?.getAttribute('ref')).toBe('ZZ-RAMSTEIN-ALB');
    expect(text(albania)).toBe('Albania');
  });

  it('names the donor as funder and the channel as implementer', () => {
    const orgs = (pledge: PledgeDetail) =>
      childrenOf(activityOf(pledge), 'participating-org').map((o) => [
        o.getAttribute('role'),
        o.getAttribute('ref'),
        text(o),
      ]);
    expect(orgs(germanViaNetherlands)).toEqual([
      ['1', 'XM-DAC-5', 'Germany'],
      ['4', 'XM-DAC-7', 'Netherlands'],
    ]);
    expect(orgs(japaneseFunding)).toEqual([
      ['1', 'XM-DAC-701', 'Japan'],
      ['4', null, 'NATO CAP Trust Fund'],
    ]);
    expect(orgs(norwegianWithdrawn)[1]).toEqual(['4', null, 'Maritime Capability Coalition']);
    expect(orgs(british)).toEqual([
      ['1', 'XM-DAC-12', 'United Kingdom'],
      ['4', 'XM-DAC-12', 'United Kingdom'],
    ]);
  });

  it('keeps text with markup characters and non-Latin script intact', () => {
    expect(xml).toContain('&amp; launchers &lt;ASRAAM&gt;');
    expect(text(childrenOf(activityOf(british), 'title')[0])).toBe(
      'Air defence missiles & launchers <ASRAAM> (Ракети для ППО "Житомир" — série 2)',
    );
    const other = childrenOf(activityOf(norwegianWithdrawn), 'description').find(
      (d) => d.getAttribute('type') === '4',
    );
    expect(text(other)).toContain('RESTRICTED REL TO NOR, UKR');
  });

  it('maps status, dates, recipient and sector', () => {
    const status = (p: PledgeDetail) =>
      childrenOf(activityOf(p), 'activity-status')[0]?.getAttribute('code');
    expect(pledges.map(status)).toEqual(['2', '4', '4', '1', '5']);
    const dates = (p: PledgeDetail) =>
      childrenOf(activityOf(p), 'activity-date').map((d) => [
        d.getAttribute('type'),
        d.getAttribute('iso-date'),
      ]);
    expect(dates(british)).toEqual([
      ['1', '2025-02-12'],
      ['2', '2025-03-10'],
      ['3', '2025-05-01'],
    ]);
    expect(dates(germanViaNetherlands)).toEqual([
      ['1', '2025-02-12'],
      ['2', '2025-04-01'],
      ['4', '2025-06-01'],
    ]);
    for (const activity of activities) {
      expect(childrenOf(activity, 'recipient-country')[0]?.getAttribute('code')).toBe('UA');
    }
    const sectors = (p: PledgeDetail) =>
      childrenOf(activityOf(p), 'sector').map((s) => [
        s.getAttribute('vocabulary'),
        s.getAttribute('code'),
      ]);
    expect(sectors(germanViaNetherlands)).toEqual([
      ['1', '15250'],
      ['99', 'demining'],
    ]);
    expect(sectors(british)).toEqual([['99', 'air-defence']]);
  });

  it('reports the pledge, the commitment and each delivery pro rata, in order', () => {
    expect(activityOf(british).getAttribute('default-currency')).toBe('GBP');
    expect(transactionsOf(british)).toEqual([
      {
        type: '12',
        date: '2025-02-12',
        value: '150000000.00',
        valueDate: '2025-02-12',
        receiver: 'Ukraine',
      },
      {
        type: '2',
        date: '2025-02-20',
        value: '150000000.00',
        valueDate: '2025-02-12',
        receiver: 'Ukraine',
      },
      {
        type: '3',
        date: '2025-03-10',
        value: '45000000.00',
        valueDate: '2025-02-12',
        receiver: 'Ukraine',
      },
      {
        type: '3',
        date: '2025-04-02',
        value: '60000000.00',
        valueDate: '2025-02-12',
        receiver: 'Ukraine',
      },
    ]);
    const planned = childrenOf(activityOf(british), 'planned-disbursement').map((p) => [
      childrenOf(p, 'period-start')[0]?.getAttribute('iso-date'),
      text(childrenOf(p, 'value')[0]),
    ]);
    expect(planned).toEqual([
      ['2025-03-01', '45000000.00'],
      ['2025-04-01', '45000000.00'],
      ['2025-05-01', '60000000.00'],
    ]);
  });

  it('disburses exactly the pledged value once everything is delivered, to the channel', () => {
    const deliveries = transactionsOf(germanViaNetherlands).filter((t) => t.type === '3');
    expect(deliveries.map((t) => t.value)).toEqual(['333.33', '333.34', '333.33']);
    expect(deliveries.every((t) => t.receiver === 'Netherlands')).toBe(true);
    const funding = transactionsOf(japaneseFunding);
    expect(funding.map((t) => [t.type, t.date, t.value])).toEqual([
      ['12', '2025-02-12', '3000000000'],
      ['2', '2025-02-12', '3000000000'],
      ['3', '2025-04-15', '3000000000'],
    ]);
  });

  it('reverses the pledge and commitment of a withdrawn pledge and plans nothing for it', () => {
    expect(transactionsOf(norwegianWithdrawn).map((t) => [t.type, t.date, t.value])).toEqual([
      ['12', '2025-02-12', '2500000.00'],
      ['2', '2025-02-12', '2500000.00'],
      ['12', '2025-05-20', '-2500000.00'],
      ['2', '2025-05-20', '-2500000.00'],
    ]);
    expect(childrenOf(activityOf(norwegianWithdrawn), 'planned-disbursement')).toHaveLength(0);
  });

  it('writes no money elements for a pledge without a value', () => {
    const activity = activityOf(albanianUnvalued);
    expect(childrenOf(activity, 'transaction')).toHaveLength(0);
    expect(childrenOf(activity, 'planned-disbursement')).toHaveLength(0);
    expect(activity.getAttribute('default-currency')).toBe('EUR');
  });

  it('replaces characters XML cannot hold instead of writing a broken file', () => {
    const document = buildIatiActivities({
      group: udcg,
      pledges: [pledgeDetail({ note: 'pasted\u0001from a spreadsheet\u0008' })],
      generatedAt: new Date('2025-07-01T00:00:00Z'),
    });
    expect(document).toContain('pasted\uFFFDfrom a spreadsheet\uFFFD');
    expect(xmllint(document).code).toBe(0);
  });

  it('refuses an empty list, which the schema would reject', () => {
    expect(() =>
      buildIatiActivities({ group: udcg, pledges: [], generatedAt: new Date() }),
    ).toThrow(/at least one activity/);
  });
});

describe('IATI mapping rules', () => {
  it('splits a total pro rata so that the shares add up to it exactly', () => {
    expect(proRata(100n, [1, 1, 1], 3)).toEqual([33n, 34n, 33n]);
    expect(proRata(1000n, [1, 2], 4)).toEqual([250n, 500n]);
    const shares = proRata(999_999_999n, [7, 11, 13, 17, 52], 100);
    expect(shares.reduce((a, b) => a + b, 0n)).toBe(999_999_999n);
  });

  it('closes a delivered pledge only once the recipient confirmed every delivery', () => {
    const confirmed = delivery({ quantity: 1, deliveredOn: '2025-01-01', confirmed: true });
    const pending = delivery({ quantity: 1, deliveredOn: '2025-01-02' });
    expect(activityStatusOf({ status: 'delivered', deliveries: [confirmed] })).toBe('4');
    expect(activityStatusOf({ status: 'delivered', deliveries: [confirmed, pending] })).toBe('3');
    expect(activityStatusOf({ status: 'contracted', deliveries: [] })).toBe('2');
  });

  it('reports under the DAC donor code, or a stable unregistered identifier', () => {
    expect(reportingIdentifier('USA')).toBe('XM-DAC-302');
    expect(reportingIdentifier('DEU')).toBe('XM-DAC-5');
    expect(reportingIdentifier('XEU')).toBe('XM-DAC-918');
    expect(reportingIdentifier('MDA')).toBe('ZZ-RAMSTEIN-MDA');
  });
});
