import { beforeAll, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { errorSchema } from '../../core/common.schema';
import { validateIati } from '../../core/iati/testing/xmllint';
import { pledgeDetailSchema } from '../../core/pledges/pledge.schema';
import { addPrincipal, bearer, type Principal } from '../test/principals';
import { describeApiOnEachDatabase } from '../test/test-app';

const IATI_URL = '/api/v1/groups/udcg/pledges/iati.xml';

/** The activities of a downloaded file, by the pledge id that ends each identifier. */
function activitiesOf(xml: string): Map<string, Element> {
  const doc = create(xml).node as unknown as Document;
  const activities = new Map<string, Element>();
  for (const activity of doc.getElementsByTagName('iati-activity')) {
    const identifier = activity.getElementsByTagName('iati-identifier')[0]?.textContent ?? '';
    activities.set(identifier.slice(-36), activity);
  }
  return activities;
}

describeApiOnEachDatabase('IATI export API', (ctx) => {
  const who: Record<'gbr' | 'deu' | 'alb' | 'pol' | 'ukr', Principal | undefined> = {
    gbr: undefined,
    deu: undefined,
    alb: undefined,
    pol: undefined,
    ukr: undefined,
  };
  const ids = { british: '', german: '', albanian: '', group: '', restricted: '' };

  const download = (principal?: Principal, query = '') =>
    ctx().app.inject({
      method: 'GET',
      url: `${IATI_URL}${query}`,
      headers: principal ? bearer(principal.readToken) : {},
    });

  async function record(principal: Principal | undefined, payload: object): Promise<string> {
    const response = await ctx().app.inject({
      method: 'POST',
      url: '/api/v1/groups/udcg/pledges',
      headers: bearer(principal?.token ?? ''),
      payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return pledgeDetailSchema.parse(response.json()).id;
  }

  beforeAll(async () => {
    who.gbr = await addPrincipal(ctx(), 'iati.gbr', 'GBR', ['coordinator']);
    who.deu = await addPrincipal(ctx(), 'iati.deu', 'DEU', ['coordinator']);
    who.alb = await addPrincipal(ctx(), 'iati.alb', 'ALB', ['coordinator']);
    who.pol = await addPrincipal(ctx(), 'iati.pol', 'POL', ['coordinator']);
    who.ukr = await addPrincipal(ctx(), 'iati.ukr', 'UKR', ['recipient']);

    ids.british = await record(who.gbr, {
      capabilityArea: 'air-defence',
      item: 'Launchers & missiles <Raven>',
      specification: 'Зенітні ракети — série 2',
      quantity: 10,
      unit: 'launchers',
      kind: 'donation',
      value: { amount: '1500000.00', currency: 'EUR' },
      announcedOn: '2024-06-13',
      status: 'committed',
      tranches: [
        { plannedOn: '2024-07-01', quantity: 4 },
        { plannedOn: '2024-09-01', quantity: 6 },
      ],
      marking: { classification: 'PUBLIC' },
    });
    const delivered = await ctx().app.inject({
      method: 'POST',
      url: `/api/v1/pledges/${ids.british}/deliveries`,
      headers: bearer(who.gbr?.token ?? ''),
      payload: { quantity: 4, deliveredOn: '2024-07-02', place: 'Rzeszów' },
    });
    expect(delivered.statusCode, delivered.body).toBe(201);
    ids.german = await record(who.deu, {
      channel: { kind: 'fund', name: 'International Fund for Ukraine' },
      capabilityArea: 'demining',
      item: 'Contribution to demining equipment',
      kind: 'funding',
      value: { amount: '5000000.00', currency: 'EUR' },
      announcedOn: '2024-06-13',
      marking: { classification: 'PUBLIC' },
    });
    ids.albanian = await record(who.alb, {
      capabilityArea: 'artillery-ammunition',
      item: '82 mm mortar rounds',
      quantity: 1000,
      unit: 'rounds',
      kind: 'donation',
      announcedOn: '2024-06-13',
      marking: { classification: 'PUBLIC' },
    });
    ids.group = await record(who.gbr, {
      capabilityArea: 'drones-ew',
      item: 'Electronic warfare kits',
      quantity: 50,
      unit: 'kits',
      kind: 'donation',
      value: { amount: '250000.00', currency: 'EUR' },
      announcedOn: '2024-06-13',
      marking: { classification: 'GROUP' },
    });
    ids.restricted = await record(who.gbr, {
      capabilityArea: 'air-force',
      item: 'Long-range cruise missiles',
      quantity: 20,
      unit: 'missiles',
      kind: 'donation',
      value: { amount: '50000000.00', currency: 'EUR' },
      announcedOn: '2024-06-13',
      marking: { classification: 'RESTRICTED', relTo: ['UKR'] },
    });
  });

  it('serves anonymous callers a valid IATI file of the PUBLIC pledges only', async () => {
    const response = await download();
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    expect(response.headers['content-disposition']).toMatch(/udcg-pledges-iati\.xml/);
    const validation = validateIati(response.body);
    expect(validation.stderr).toMatch(/validates/);
    expect(validation.code).toBe(0);
    const activities = activitiesOf(response.body);
    expect([...activities.keys()].sort()).toEqual([ids.british, ids.german, ids.albanian].sort());
    expect(response.body).not.toContain('Electronic warfare kits');
    expect(response.body).not.toContain('cruise missiles');
  });

  it('maps the recorded pledges: donors, channel, delivery, plan and the unvalued one', async () => {
    const activities = activitiesOf((await download()).body);
    const british = activities.get(ids.british);
    const identifier = (a: Element | undefined) =>
      a?.getElementsByTagName('iati-identifier')[0]?.textContent;
    expect(identifier(british)).toBe(`XM-DAC-12-${ids.british}`);
    expect(identifier(activities.get(ids.albanian))).toBe(`ZZ-RAMSTEIN-ALB-${ids.albanian}`);
    expect(british?.getElementsByTagName('title')[0]?.textContent?.trim()).toBe(
      'Launchers & missiles <Raven> (Зенітні ракети — série 2)',
    );
    expect(british?.getElementsByTagName('recipient-country')[0]?.getAttribute('code')).toBe('UA');
    const transactions = [...(british?.getElementsByTagName('transaction') ?? [])].map((t) => [
      t.getElementsByTagName('transaction-type')[0]?.getAttribute('code'),
      t.getElementsByTagName('transaction-date')[0]?.getAttribute('iso-date'),
      t.getElementsByTagName('value')[0]?.textContent?.trim(),
    ]);
    expect(transactions).toEqual([
      ['12', '2024-06-13', '1500000.00'],
      ['2', '2024-06-13', '1500000.00'],
      ['3', '2024-07-02', '600000.00'],
    ]);
    expect(british?.getElementsByTagName('planned-disbursement')).toHaveLength(2);
    const german = activities.get(ids.german);
    const implementing = [...(german?.getElementsByTagName('participating-org') ?? [])].find(
      (o) => o.getAttribute('role') === '4',
    );
    expect(implementing?.textContent?.trim()).toBe('International Fund for Ukraine');
    expect(german?.getElementsByTagName('sector')[0]?.getAttribute('code')).toBe('15250');
    const albanian = activities.get(ids.albanian);
    expect(albanian?.getElementsByTagName('transaction')).toHaveLength(0);
  });

  it('leaves a RESTRICTED pledge out for a nation outside its REL TO', async () => {
    const polish = await download(who.pol);
    expect(polish.statusCode, polish.body).toBe(200);
    expect(validateIati(polish.body).code).toBe(0);
    const seenByPoland = activitiesOf(polish.body);
    expect(seenByPoland.has(ids.group)).toBe(true); // GROUP: Poland takes part in the UDCG
    expect(seenByPoland.has(ids.restricted)).toBe(false);
    expect(polish.body).not.toContain('cruise missiles');

    const ukrainian = await download(who.ukr);
    expect(validateIati(ukrainian.body).code).toBe(0);
    const seenByUkraine = activitiesOf(ukrainian.body);
    expect(seenByUkraine.has(ids.restricted)).toBe(true);
    const other = [
      ...(seenByUkraine.get(ids.restricted)?.getElementsByTagName('description') ?? []),
    ]
      .find((d) => d.getAttribute('type') === '4')
      ?.textContent?.trim();
    expect(other).toBe('Releasability marking: RESTRICTED REL TO GBR, UKR.');
  });

  it("applies the pledge list's filters", async () => {
    const german = await download(undefined, '?donor=DEU');
    expect(german.statusCode, german.body).toBe(200);
    expect([...activitiesOf(german.body).keys()]).toEqual([ids.german]);
    const demining = await download(who.pol, '?area=drones-ew');
    expect([...activitiesOf(demining.body).keys()]).toEqual([ids.group]);
  });

  it('answers 404 when nothing matches, since an IATI file needs one activity', async () => {
    const response = await download(undefined, '?donor=USA');
    expect(response.statusCode).toBe(404);
    expect(errorSchema.parse(response.json()).message).toMatch(/at least one/);
    expect(
      (await ctx().app.inject({ method: 'GET', url: '/api/v1/groups/nope/pledges/iati.xml' }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses bad filters and paging with 400 naming the field', async () => {
    const badStatus = await download(undefined, '?status=lost');
    expect(badStatus.statusCode).toBe(400);
    expect(errorSchema.parse(badStatus.json()).issues[0]?.path).toMatch(/status/);
    const paging = await download(undefined, '?limit=5');
    expect(paging.statusCode).toBe(400);
  });
});
