import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/audit/audit.service';
import { errorSchema } from '../../core/common.schema';
import { importEcbRates } from '../../core/currency/exchange-rate.service';
import {
  areaCoverageListSchema,
  channelTotalsListSchema,
  donorTotalsListSchema,
  ledgerSearchResultSchema,
  requirementCoveragePageSchema,
  timelineSchema,
} from '../../core/coverage/coverage.schema';
import {
  pledgeDetailSchema,
  pledgePageSchema,
  pledgeSchema,
} from '../../core/pledges/pledge.schema';
import {
  priorityHistorySchema,
  requirementPageSchema,
  requirementSchema,
} from '../../core/requirements/requirement.schema';
import { addPrincipal, bearer, type Principal } from '../test/principals';
import { describeApiOnEachDatabase } from '../test/test-app';

/**
 * The support ledger end to end through the HTTP API: the recipient publishes requirements, donors
 * pledge against them, deliveries arrive and are confirmed, and the analysis follows every change
 * at once, for each viewer only over what it may read.
 */
describeApiOnEachDatabase('support ledger API', (ctx) => {
  let ukr: Principal; // recipient
  let gbr: Principal; // coordinator
  let pol: Principal; // coordinator
  let nor: Principal; // coordinator
  let chair: Principal; // GBR secretariat
  const shells = { id: '', version: 0 };
  const missiles = { id: '', version: 0 };

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    who?: Principal,
    payload?: object,
  ) =>
    ctx().app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who ? bearer(who.token) : {},
      ...(payload ? { payload } : {}),
    });

  const pledge = async (who: Principal, body: object) => {
    const response = await call('POST', '/groups/udcg/pledges', who, body);
    expect(response.statusCode, response.body).toBe(201);
    return pledgeDetailSchema.parse(response.json());
  };

  const coverageOf = async (id: string, who?: Principal) => {
    const page = requirementCoveragePageSchema.parse(
      (await call('GET', '/groups/udcg/coverage/requirements?limit=500', who)).json(),
    );
    const row = page.items.find((i) => i.requirement.id === id);
    if (!row) throw new Error(`requirement ${id} not in coverage`);
    return row;
  };

  const expectError = (
    response: { statusCode: number; json: () => unknown },
    status: number,
    path: string,
  ) => {
    expect(response.statusCode).toBe(status);
    const body = errorSchema.parse(response.json());
    expect(body.issues.map((i) => i.path)).toContain(path);
    return body;
  };

  beforeAll(async () => {
    const rates = 'ecb_eurofxref_2022_2024.csv';
    const text = readFileSync(`data/reference/${rates}`, 'utf8');
    await ctx()
      .connection.db.transaction()
      .execute((trx) => importEcbRates(trx, systemActor, text, { fileName: rates }));
    ukr = await addPrincipal(ctx(), 'ledger.ukr', 'UKR', ['recipient']);
    gbr = await addPrincipal(ctx(), 'ledger.gbr', 'GBR', ['coordinator']);
    pol = await addPrincipal(ctx(), 'ledger.pol', 'POL', ['coordinator']);
    nor = await addPrincipal(ctx(), 'ledger.nor', 'NOR', ['coordinator']);
    chair = await addPrincipal(ctx(), 'ledger.chair', 'GBR', ['secretariat']);
  });

  describe('requirements', () => {
    it('lets the recipient publish requirements, ranked in order', async () => {
      const first = await call('POST', '/groups/udcg/requirements', ukr, {
        capabilityArea: 'artillery-ammunition',
        item: 'Artillery shells',
        specification: '155 mm NATO',
        quantity: 10_000,
        unit: 'rounds',
        neededBy: '2024-06-30',
        marking: { classification: 'GROUP' },
      });
      expect(first.statusCode, first.body).toBe(201);
      Object.assign(shells, requirementSchema.parse(first.json()));
      const second = requirementSchema.parse(
        (
          await call('POST', '/groups/udcg/requirements', ukr, {
            capabilityArea: 'air-defence',
            item: 'Interceptor missiles',
            specification: 'PAC-3 MSE',
            quantity: 60,
            unit: 'missiles',
            marking: { classification: 'GROUP' },
          })
        ).json(),
      );
      Object.assign(missiles, second);
      expect(shells).toMatchObject({ version: 1 });
      const list = requirementPageSchema.parse(
        (await call('GET', '/groups/udcg/requirements', gbr)).json(),
      );
      expect(list.items.map((r) => [r.item, r.priority])).toEqual([
        ['Artillery shells', 1],
        ['Interceptor missiles', 2],
      ]);
    });

    it('refuses requirements from anyone but the recipient, and bad ones with the field named', async () => {
      const body = {
        capabilityArea: 'armour',
        item: 'Tanks',
        quantity: 10,
        unit: 'tanks',
        marking: { classification: 'GROUP' },
      };
      expect((await call('POST', '/groups/udcg/requirements', gbr, body)).statusCode).toBe(403);
      expect((await call('POST', '/groups/udcg/requirements', undefined, body)).statusCode).toBe(
        401,
      );
      expectError(
        await call('POST', '/groups/udcg/requirements', ukr, { ...body, quantity: -5 }),
        400,
        'body.quantity',
      );
      expectError(
        await call('POST', '/groups/udcg/requirements', ukr, { ...body, quantity: 2.5 }),
        400,
        'body.quantity',
      );
      expectError(
        await call('POST', '/groups/udcg/requirements', ukr, { ...body, capabilityArea: 'space' }),
        400,
        'body.capabilityArea',
      );
      expectError(
        await call('POST', '/groups/udcg/requirements', ukr, { ...body, priority: 9 }),
        400,
        'body.priority',
      );
      const list = requirementPageSchema.parse(
        (await call('GET', '/groups/udcg/requirements', ukr)).json(),
      );
      expect(list.total).toBe(2);
    });

    it('re-orders priorities with history, and refuses a stale version with the current record', async () => {
      const moved = await call('POST', `/requirements/${missiles.id}/priority`, ukr, {
        version: missiles.version,
        priority: 1,
        reason: 'Winter strikes on the grid',
      });
      expect(moved.statusCode, moved.body).toBe(200);
      Object.assign(missiles, requirementSchema.parse(moved.json()));
      expect(missiles).toMatchObject({ priority: 1, version: 2 });
      const others = requirementSchema.parse(
        (await call('GET', `/requirements/${shells.id}`, gbr)).json(),
      );
      expect(others.priority).toBe(2);
      const history = priorityHistorySchema.parse(
        (await call('GET', `/requirements/${missiles.id}/priority-history`, gbr)).json(),
      );
      expect(history.map((h) => [h.fromPriority, h.toPriority, h.reason, h.changedBy])).toEqual([
        [null, 2, 'published', 'ledger.ukr'],
        [2, 1, 'Winter strikes on the grid', 'ledger.ukr'],
      ]);
      const stale = await call('POST', `/requirements/${missiles.id}/priority`, ukr, {
        version: 1,
        priority: 2,
      });
      const body = expectError(stale, 409, 'body.version');
      expect(requirementSchema.parse(body.current)).toMatchObject({
        id: missiles.id,
        version: 2,
        priority: 1,
      });
      expect(
        (
          await call('POST', `/requirements/${missiles.id}/priority`, gbr, {
            version: 2,
            priority: 2,
          })
        ).statusCode,
      ).toBe(403);
    });
  });

  it('keeps ranks 1..n without duplicates under concurrent publications', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call('POST', '/groups/udcg/requirements', ukr, {
          capabilityArea: 'medical',
          item: `Field ambulance kit ${i}`,
          quantity: 10,
          unit: 'kits',
          marking: { classification: 'GROUP' },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    const list = requirementPageSchema.parse(
      (await call('GET', '/groups/udcg/requirements?limit=100', ukr)).json(),
    );
    expect(list.items.map((r) => r.priority)).toEqual(list.items.map((_, i) => i + 1));
    // Withdraw them so the rest of the suite sees only its own requirements in the figures.
    for (const r of list.items.filter((r) => r.item.startsWith('Field ambulance'))) {
      const withdrawn = await call('PATCH', `/requirements/${r.id}`, ukr, {
        version: r.version,
        status: 'withdrawn',
      });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    }
  });

  describe('pledges and deliveries', () => {
    let ukPledge = { id: '', version: 0 };

    it('records a pledge against a requirement; the gap changes at once', async () => {
      const before = await coverageOf(shells.id, gbr);
      expect(before).toMatchObject({ needed: 10_000, pledged: 0, gap: 10_000, coveragePercent: 0 });
      const created = await pledge(gbr, {
        requirementId: shells.id,
        quantity: 4_000,
        kind: 'donation',
        value: { amount: '12000000.00', currency: 'EUR' },
        announcedOn: '2024-02-14',
        tranches: [
          { plannedOn: '2024-03-01', quantity: 2_000 },
          { plannedOn: '2024-04-01', quantity: 2_000 },
        ],
        marking: { classification: 'GROUP' },
      });
      ukPledge = created;
      expect(created).toMatchObject({
        donor: 'GBR',
        item: 'Artillery shells',
        specification: '155 mm NATO',
        unit: 'rounds',
        status: 'announced',
        reportingValue: { amount: '12000000.00', currency: 'EUR' },
        valuationMethod: 'reported',
        isEstimate: false,
      });
      expect(created.statusHistory).toHaveLength(1);
      expect(created.schedule).toEqual({ plannedToDate: 4_000, deliveredToDate: 0, behind: 4_000 });
      expect(await coverageOf(shells.id, pol)).toMatchObject({
        pledged: 4_000,
        gap: 6_000,
        coveragePercent: 40,
        pledgeCount: 1,
      });
    });

    it('does not confuse 152 mm with 155 mm NATO, nor rounds with tonnes', async () => {
      const base = {
        requirementId: shells.id,
        quantity: 100,
        kind: 'donation',
        announcedOn: '2024-02-14',
        marking: { classification: 'GROUP' },
      };
      expectError(
        await call('POST', '/groups/udcg/pledges', pol, { ...base, specification: '152 mm' }),
        400,
        'body.specification',
      );
      expectError(
        await call('POST', '/groups/udcg/pledges', pol, { ...base, unit: 'tonnes' }),
        400,
        'body.unit',
      );
    });

    it('refuses bad pledges naming the field, and writes nothing', async () => {
      const base = {
        capabilityArea: 'drones-ew',
        item: 'FPV drones',
        quantity: 1000,
        unit: 'drones',
        kind: 'procurement',
        announcedOn: '2024-05-02',
        marking: { classification: 'GROUP' },
      };
      const cases: [object, string][] = [
        [{ quantity: -1 }, 'body.quantity'],
        [{ quantity: 1.5 }, 'body.quantity'],
        [{ value: { amount: '10', currency: 'ABC' } }, 'body.value.currency'],
        [{ value: { amount: '10.001', currency: 'EUR' } }, 'body.value.amount'],
        [{ value: { amount: '-10', currency: 'EUR' } }, 'body.value.amount'],
        [
          { value: { amount: '10', currency: 'USD' }, valuationDate: '2021-06-01' },
          'body.valuationDate',
        ],
        [{ announcedOn: '2999-01-01' }, 'body.announcedOn'],
        [{ announcedOn: '2024-02-30' }, 'body.announcedOn'],
        [{ kind: 'gift' }, 'body.kind'],
        [{ channel: { kind: 'nation', nation: 'POL' } }, 'body.channel.nation'],
        [{ tranches: [{ plannedOn: '2024-01-01', quantity: 10 }] }, 'body.tranches.0.plannedOn'],
        [{ tranches: [{ plannedOn: '2024-06-01', quantity: 2000 }] }, 'body.tranches'],
        [{ donor: 'GBR' }, 'body.donor'],
      ];
      for (const [change, path] of cases) {
        const response = await call('POST', '/groups/udcg/pledges', pol, { ...base, ...change });
        expect(response.statusCode, `${JSON.stringify(change)}: ${response.body}`).toBe(
          path === 'body.donor' ? 403 : 400,
        );
        expect(
          errorSchema.parse(response.json()).issues.map((i) => i.path),
          JSON.stringify(change),
        ).toContain(path);
      }
      const list = pledgePageSchema.parse(
        (await call('GET', '/groups/udcg/pledges?donor=POL', pol)).json(),
      );
      expect(list.total).toBe(0);
    });

    it('moves only along legal transitions, dated and kept in history', async () => {
      const committed = await call('POST', `/pledges/${ukPledge.id}/status`, gbr, {
        version: ukPledge.version,
        status: 'committed',
        effectiveOn: '2024-02-20',
      });
      expect(committed.statusCode, committed.body).toBe(200);
      ukPledge = pledgeDetailSchema.parse(committed.json());
      expectError(
        await call('POST', `/pledges/${ukPledge.id}/status`, gbr, {
          version: ukPledge.version,
          status: 'announced',
          effectiveOn: '2024-02-21',
        }),
        400,
        'body.status',
      );
      expectError(
        await call('POST', `/pledges/${ukPledge.id}/status`, gbr, {
          version: ukPledge.version,
          status: 'contracted',
          effectiveOn: '2024-02-19',
        }),
        400,
        'body.effectiveOn',
      );
      expectError(
        await call('POST', `/pledges/${ukPledge.id}/status`, gbr, {
          version: 1,
          status: 'contracted',
          effectiveOn: '2024-02-21',
        }),
        409,
        'body.version',
      );
      expect(
        (
          await call('POST', `/pledges/${ukPledge.id}/status`, pol, {
            version: ukPledge.version,
            status: 'contracted',
            effectiveOn: '2024-02-21',
          })
        ).statusCode,
      ).toBe(403);
      const contracted = pledgeDetailSchema.parse(
        (
          await call('POST', `/pledges/${ukPledge.id}/status`, gbr, {
            version: ukPledge.version,
            status: 'contracted',
            effectiveOn: '2024-02-21',
          })
        ).json(),
      );
      ukPledge = contracted;
      expect(contracted.statusHistory.map((h) => [h.from, h.to, h.effectiveOn])).toEqual([
        [null, 'announced', '2024-02-14'],
        ['announced', 'committed', '2024-02-20'],
        ['committed', 'contracted', '2024-02-21'],
      ]);
      expect(await coverageOf(shells.id, gbr)).toMatchObject({ contracted: 4_000 });
    });

    it('takes deliveries up to the pledge, never before it, and the recipient confirms them', async () => {
      expectError(
        await call('POST', `/pledges/${ukPledge.id}/deliveries`, gbr, {
          quantity: 4_001,
          deliveredOn: '2024-03-02',
        }),
        400,
        'body.quantity',
      );
      expectError(
        await call('POST', `/pledges/${ukPledge.id}/deliveries`, gbr, {
          quantity: 10,
          deliveredOn: '2024-02-01',
        }),
        400,
        'body.deliveredOn',
      );
      expectError(
        await call('POST', `/pledges/${ukPledge.id}/deliveries`, gbr, {
          quantity: 0,
          deliveredOn: '2024-03-02',
        }),
        400,
        'body.quantity',
      );
      const first = await call('POST', `/pledges/${ukPledge.id}/deliveries`, gbr, {
        quantity: 1_500,
        deliveredOn: '2024-03-02',
        place: 'Rzeszów',
      });
      expect(first.statusCode, first.body).toBe(201);
      const afterFirst = pledgeDetailSchema.parse(first.json());
      expect(afterFirst).toMatchObject({ status: 'delivering', deliveredQuantity: 1_500 });
      expect(afterFirst.schedule).toMatchObject({
        plannedToDate: 4_000,
        deliveredToDate: 1_500,
        behind: 2_500,
      });
      expect(await coverageOf(shells.id, pol)).toMatchObject({
        delivered: 1_500,
        deliveredPercent: 15,
      });
      expectError(
        await call('POST', `/pledges/${ukPledge.id}/status`, gbr, {
          version: afterFirst.version,
          status: 'withdrawn',
          effectiveOn: '2024-03-03',
        }),
        400,
        'body.status',
      );

      const delivery = afterFirst.deliveries[0];
      if (!delivery) throw new Error('no delivery');
      expect((await call('POST', `/deliveries/${delivery.id}/confirm`, gbr)).statusCode).toBe(403);
      const confirmed = pledgeDetailSchema.parse(
        (await call('POST', `/deliveries/${delivery.id}/confirm`, ukr)).json(),
      );
      expect(confirmed.deliveries[0]).toMatchObject({ confirmed: true, confirmedBy: 'ledger.ukr' });

      const rest = pledgeDetailSchema.parse(
        (
          await call('POST', `/pledges/${ukPledge.id}/deliveries`, gbr, {
            quantity: 2_500,
            deliveredOn: '2024-04-10',
          })
        ).json(),
      );
      expect(rest).toMatchObject({ status: 'delivered', deliveredQuantity: 4_000 });
      expect(rest.statusHistory.at(-1)).toMatchObject({
        from: 'delivering',
        to: 'delivered',
        effectiveOn: '2024-04-10',
      });
      expectError(
        await call('POST', `/pledges/${ukPledge.id}/deliveries`, gbr, {
          quantity: 1,
          deliveredOn: '2024-04-11',
        }),
        400,
        'body',
      );
      const donors = donorTotalsListSchema.parse(
        (await call('GET', '/groups/udcg/donors', gbr)).json(),
      );
      expect(donors.items.find((d) => d.donor.code === 'GBR')).toMatchObject({
        pledged: '12000000.00',
        delivered: '12000000.00',
      });
    });

    it('converts at the rate of the valuation date (or the business day before) and says which', async () => {
      const usd = await pledge(pol, {
        capabilityArea: 'air-defence',
        item: 'Radar',
        quantity: 2,
        unit: 'systems',
        kind: 'procurement',
        value: { amount: '1000000.00', currency: 'USD' },
        valuationDate: '2024-05-04', // a Saturday: Friday's fixing is used
        announcedOn: '2024-05-04',
        marking: { classification: 'GROUP' },
      });
      expect(usd.rateUsed?.date).toBe('2024-05-03');
      expect(usd.value).toEqual({ amount: '1000000.00', currency: 'USD' });
      expect(usd.reportingValue?.currency).toBe('EUR');
      const rate = (
        await call(
          'GET',
          '/exchange-rates/convert?amount=1000000.00&from=USD&to=EUR&date=2024-05-04',
        )
      ).json<{ to: { amount: string } }>();
      expect(usd.reportingValue?.amount).toBe(rate.to.amount);
    });

    it('values an in-kind pledge without a value from the price list, flagged as an estimate', async () => {
      const price = await call('POST', '/groups/udcg/prices', chair, {
        item: 'Artillery shells',
        specification: '155 mm NATO',
        unit: 'rounds',
        unitPrice: { amount: '3500.00', currency: 'EUR' },
        validFrom: '2024-01-01',
      });
      expect(price.statusCode, price.body).toBe(201);
      expect(
        (
          await call('POST', '/groups/udcg/prices', gbr, {
            item: 'x',
            unit: 'y',
            unitPrice: { amount: '1', currency: 'EUR' },
            validFrom: '2024-01-01',
          })
        ).statusCode,
      ).toBe(403);
      const estimated = await pledge(pol, {
        requirementId: shells.id,
        quantity: 1_000,
        kind: 'donation',
        announcedOn: '2024-06-01',
        marking: { classification: 'GROUP' },
      });
      expect(estimated).toMatchObject({
        valuationMethod: 'price_list',
        isEstimate: true,
        value: { amount: '3500000.00', currency: 'EUR' },
      });
      const areas = areaCoverageListSchema.parse(
        (await call('GET', '/groups/udcg/coverage/areas', pol)).json(),
      );
      const artillery = areas.items.find((a) => a.capabilityArea.slug === 'artillery-ammunition');
      expect(artillery?.value).toMatchObject({
        pledged: '15500000.00',
        estimated: '3500000.00',
        unvaluedPledges: 0,
      });
      expect(artillery?.byUnit).toEqual([
        expect.objectContaining({
          unit: 'rounds',
          needed: 10_000,
          pledged: 5_000,
          delivered: 4_000,
          gap: 5_000,
        }),
      ]);
    });

    it('edits under a version, refusing a stale one with the current record', async () => {
      const current = pledgeSchema.parse(
        (await call('GET', '/groups/udcg/pledges?donor=POL&area=air-defence', pol)).json<{
          items: unknown[];
        }>().items[0],
      );
      const edited = await call('PATCH', `/pledges/${current.id}`, pol, {
        version: current.version,
        quantity: 3,
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(pledgeDetailSchema.parse(edited.json())).toMatchObject({
        quantity: 3,
        version: current.version + 1,
      });
      const stale = expectError(
        await call('PATCH', `/pledges/${current.id}`, pol, {
          version: current.version,
          quantity: 4,
        }),
        409,
        'body.version',
      );
      expect(stale.current).toMatchObject({ id: current.id, quantity: 3 });
    });
  });

  describe('funder and channel', () => {
    it('attributes a channelled pledge to its funder once, with the channel view beside it', async () => {
      const before = donorTotalsListSchema.parse(
        (await call('GET', '/groups/udcg/donors', gbr)).json(),
      );
      const gbrBefore = before.items.find((d) => d.donor.code === 'GBR')?.pledged;
      await pledge(nor, {
        capabilityArea: 'maritime',
        item: 'Maritime drones',
        quantity: 20,
        unit: 'drones',
        kind: 'procurement',
        value: { amount: '50000000.00', currency: 'EUR' },
        announcedOn: '2024-07-01',
        channel: { kind: 'nation', nation: 'GBR' },
        marking: { classification: 'GROUP' },
      });
      await pledge(nor, {
        capabilityArea: 'artillery-ammunition',
        item: 'Ammunition (joint initiative)',
        kind: 'funding',
        value: { amount: '25000000.00', currency: 'EUR' },
        announcedOn: '2024-07-02',
        channel: { kind: 'fund', name: 'Czech ammunition initiative' },
        marking: { classification: 'GROUP' },
      });
      const donors = donorTotalsListSchema.parse(
        (await call('GET', '/groups/udcg/donors', gbr)).json(),
      );
      expect(donors.items.find((d) => d.donor.code === 'NOR')?.pledged).toBe('75000000.00');
      expect(donors.items.find((d) => d.donor.code === 'GBR')?.pledged).toBe(gbrBefore);
      const cents = (s: string) => BigInt(s.replace('.', ''));
      const sumOfDonors = donors.items.reduce((sum, d) => sum + cents(d.pledged), 0n);
      expect(sumOfDonors).toBe(cents(donors.total));

      // Every pledge the viewer can read, valued once: the group total is exactly their sum.
      const all = pledgePageSchema.parse(
        (await call('GET', '/groups/udcg/pledges?limit=500', gbr)).json(),
      );
      const sumOfPledges = all.items
        .filter((p) => p.status !== 'withdrawn')
        .reduce((sum, p) => sum + cents(p.reportingValue?.amount ?? '0.00'), 0n);
      expect(cents(donors.total)).toBe(sumOfPledges);

      const channels = channelTotalsListSchema.parse(
        (await call('GET', '/groups/udcg/channels', gbr)).json(),
      );
      expect(channels.total).toBe(donors.total);
      expect(channels.items.reduce((sum, c) => sum + cents(c.pledged), 0n)).toBe(
        cents(donors.total),
      );
      expect(channels.items.find((c) => c.channel.key === 'nation:GBR')).toMatchObject({
        pledged: '50000000.00',
        funders: [{ nation: 'NOR', pledged: '50000000.00' }],
      });
      expect(
        channels.items.find((c) => c.channel.key === 'fund:Czech ammunition initiative')?.pledged,
      ).toBe('25000000.00');
    });
  });

  describe('releasability of every figure', () => {
    it('keeps a RESTRICTED pledge out of the lists, coverage and totals of nations outside REL TO', async () => {
      const secret = await pledge(gbr, {
        requirementId: missiles.id,
        quantity: 12,
        kind: 'procurement',
        value: { amount: '48000000.00', currency: 'EUR' },
        announcedOn: '2024-08-01',
        marking: { classification: 'RESTRICTED', relTo: ['UKR'] },
      });
      expect(secret.marking.label).toBe('RESTRICTED REL TO GBR, UKR');
      expect((await call('GET', `/pledges/${secret.id}`, pol)).statusCode).toBe(404);
      expect((await call('GET', `/pledges/${secret.id}`, ukr)).statusCode).toBe(200);
      const polList = pledgePageSchema.parse(
        (await call('GET', `/groups/udcg/pledges?requirementId=${missiles.id}`, pol)).json(),
      );
      expect(polList.items.map((p) => p.id)).not.toContain(secret.id);
      expect((await coverageOf(missiles.id, pol)).pledged).toBe(0);
      expect((await coverageOf(missiles.id, ukr)).pledged).toBe(12);
      expect((await coverageOf(missiles.id, gbr)).pledged).toBe(12);
      const gbrSeenByPol = donorTotalsListSchema
        .parse((await call('GET', '/groups/udcg/donors', pol)).json())
        .items.find((d) => d.donor.code === 'GBR');
      const gbrSeenByUkr = donorTotalsListSchema
        .parse((await call('GET', '/groups/udcg/donors', ukr)).json())
        .items.find((d) => d.donor.code === 'GBR');
      expect(gbrSeenByPol?.pledged).toBe('12000000.00');
      expect(gbrSeenByUkr?.pledged).toBe('60000000.00');
      const search = ledgerSearchResultSchema.parse(
        (await call('GET', '/groups/udcg/ledger/search?q=interceptor', pol)).json(),
      );
      expect(search.items.map((i) => i.id)).not.toContain(secret.id);
      const searchUkr = ledgerSearchResultSchema.parse(
        (await call('GET', '/groups/udcg/ledger/search?q=interceptor', ukr)).json(),
      );
      expect(searchUkr.items.map((i) => i.id)).toContain(secret.id);
      // Signed out: GROUP-marked ledger rows are not releasable at all.
      const anonymous = donorTotalsListSchema.parse(
        (await call('GET', '/groups/udcg/donors')).json(),
      );
      expect(anonymous.items).toEqual([]);
      expect(anonymous.total).toBe('0.00');
    });
  });

  describe('timeline and search', () => {
    it('shows what a meeting produced and the cumulative total by month', async () => {
      const meetings = (await call('GET', '/groups/udcg/meetings?number=26')).json<{
        items: { id: string }[];
      }>();
      const meetingId = meetings.items[0]?.id ?? '';
      await pledge(pol, {
        capabilityArea: 'demining',
        item: 'Demining vehicles',
        quantity: 5,
        unit: 'vehicles',
        kind: 'donation',
        value: { amount: '5000000.00', currency: 'EUR' },
        announcedOn: '2025-02-12',
        meetingId,
        marking: { classification: 'PUBLIC' },
      });
      const view = timelineSchema.parse((await call('GET', '/groups/udcg/timeline', pol)).json());
      const meeting26 = view.byMeeting.find((m) => m.meeting?.id === meetingId);
      expect(meeting26).toMatchObject({
        pledged: '5000000.00',
        pledgeCount: 1,
        donors: [{ nation: 'POL', pledged: '5000000.00', pledgeCount: 1 }],
      });
      expect(meeting26?.meeting?.number).toBe(26);
      const last = view.byMonth.at(-1);
      expect(last?.month).toBe('2025-02');
      const donors = donorTotalsListSchema.parse(
        (await call('GET', '/groups/udcg/donors', pol)).json(),
      );
      expect(last?.cumulative).toBe(donors.total);
      const publicView = timelineSchema.parse((await call('GET', '/groups/udcg/timeline')).json());
      expect(publicView.byMonth).toEqual([
        { month: '2025-02', pledged: '5000000.00', cumulative: '5000000.00', pledgeCount: 1 },
      ]);
    });

    it('finds requirements and pledges by item, specification and nation', async () => {
      const byItem = ledgerSearchResultSchema.parse(
        (await call('GET', '/groups/udcg/ledger/search?q=155', gbr)).json(),
      );
      expect(byItem.items.filter((i) => i.kind === 'requirement').map((i) => i.title)).toEqual([
        'Artillery shells (155 mm NATO)',
      ]);
      expect(byItem.items.some((i) => i.kind === 'pledge')).toBe(true);
      const byNation = ledgerSearchResultSchema.parse(
        (await call('GET', '/groups/udcg/ledger/search?q=norway', gbr)).json(),
      );
      expect(byNation.items.length).toBe(2);
      expectError(await call('GET', '/groups/udcg/ledger/search?q=a', gbr), 400, 'query.q');
    });
  });

  it('filters, sorts and pages coverage in SQL exactly as the whole list says', async () => {
    const page = async (query: string, who?: Principal) =>
      requirementCoveragePageSchema.parse(
        (await call('GET', `/groups/udcg/coverage/requirements?${query}`, who)).json(),
      );
    // Two delegations, which see different pledges (anonymous callers see no GROUP requirement).
    for (const who of [gbr, pol]) {
      const all = (await page('limit=500', who)).items;
      expect(all.length).toBeGreaterThan(1);
      // The whole list comes in priority order; each page must be a filtered, sorted cut of it.
      expect(all.map((c) => c.requirement.priority)).toEqual(
        [...all].map((c) => c.requirement.priority).sort((a, b) => a - b),
      );
      const byGap = [...all].sort(
        (a, b) => b.gap - a.gap || a.requirement.priority - b.requirement.priority,
      );
      const byNeededBy = [...all].sort(
        (a, b) =>
          (a.requirement.neededBy ?? '9999').localeCompare(b.requirement.neededBy ?? '9999') ||
          a.requirement.priority - b.requirement.priority,
      );
      const ids = (items: { requirement: { id: string } }[]) => items.map((c) => c.requirement.id);
      const gapPage = await page('sort=gap&limit=2&offset=1', who);
      expect(ids(gapPage.items)).toEqual(ids(byGap.slice(1, 3)));
      expect(gapPage.total).toBe(all.length);
      expect(ids((await page('sort=neededBy&limit=500', who)).items)).toEqual(ids(byNeededBy));
      const area = all[0]?.requirement.capabilityArea.slug ?? '';
      expect(ids((await page(`area=${area}&limit=500`, who)).items)).toEqual(
        ids(all.filter((c) => c.requirement.capabilityArea.slug === area)),
      );
      expect(ids((await page('status=open&limit=500', who)).items)).toEqual(
        ids(all.filter((c) => c.requirement.status === 'open')),
      );
      for (const overdue of [true, false]) {
        expect(ids((await page(`overdue=${overdue}&limit=500`, who)).items)).toEqual(
          ids(all.filter((c) => c.overdue === overdue)),
        );
      }
      // Past the last page: no items, and still the total.
      const past = await page(`limit=5&offset=${all.length + 10}`, who);
      expect(past.items).toEqual([]);
      expect(past.total).toBe(all.length);
    }
  });

  it('pages the pledges in every order exactly as the whole list says, per viewer', async () => {
    const page = async (query: string, who?: Principal) =>
      pledgePageSchema.parse((await call('GET', `/groups/udcg/pledges?${query}`, who)).json());
    const ids = (items: { id: string }[]) => items.map((p) => p.id);
    // Each viewer sees different pledges; each page must be a cut of that viewer's whole list.
    for (const who of [gbr, pol, undefined]) {
      const all = (await page('limit=500', who)).items;
      // Anonymous callers read the PUBLIC pledges only: one here.
      expect(all.length).toBeGreaterThan(who === undefined ? 0 : 3);
      for (const sort of ['created', 'announced', 'value', 'donor', 'status']) {
        for (const order of ['asc', 'desc']) {
          const whole = await page(`sort=${sort}&order=${order}&limit=500`, who);
          expect(ids(whole.items).sort()).toEqual(ids(all).sort());
          expect(whole.total).toBe(all.length);
          if (sort === 'donor' || sort === 'announced') {
            const keys = whole.items.map((p) => (sort === 'donor' ? p.donor : p.announcedOn));
            const sorted = [...keys].sort();
            expect(keys).toEqual(order === 'asc' ? sorted : sorted.reverse());
          }
          const cut = await page(`sort=${sort}&order=${order}&limit=2&offset=2`, who);
          expect(ids(cut.items)).toEqual(ids(whole.items.slice(2, 4)));
          expect(cut.total).toBe(all.length);
        }
      }
      // Filters: the same pledges as filtering the whole list, in the same order.
      const first = all[0];
      if (!first) throw new Error('no pledge to filter by');
      for (const [query, keep] of [
        [`donor=${first.donor}`, (p: (typeof all)[number]) => p.donor === first.donor],
        [
          `area=${first.capabilityArea.slug}`,
          (p: (typeof all)[number]) => p.capabilityArea.slug === first.capabilityArea.slug,
        ],
        [`status=${first.status}`, (p: (typeof all)[number]) => p.status === first.status],
      ] as const) {
        const filtered = await page(`${query}&limit=500`, who);
        expect(ids(filtered.items)).toEqual(ids(all.filter(keep)));
        expect(filtered.total).toBe(all.filter(keep).length);
      }
      const past = await page(`limit=5&offset=${all.length + 10}`, who);
      expect(past.items).toEqual([]);
      expect(past.total).toBe(all.length);
    }
  });

  it('sums each capability area as its requirements in the list add up, per viewer', async () => {
    for (const who of [gbr, pol, undefined]) {
      const requirements = requirementCoveragePageSchema.parse(
        (await call('GET', '/groups/udcg/coverage/requirements?limit=500', who)).json(),
      ).items;
      const areas = areaCoverageListSchema.parse(
        (await call('GET', '/groups/udcg/coverage/areas', who)).json(),
      ).items;
      expect(areas.reduce((sum, a) => sum + a.requirements.count, 0)).toBe(requirements.length);
      for (const area of areas) {
        const own = requirements.filter(
          (r) => r.requirement.capabilityArea.id === area.capabilityArea.id,
        );
        const withStatus = (status: string) =>
          own.filter((r) => r.requirement.status === status).length;
        expect(area.requirements).toEqual({
          count: own.length,
          open: withStatus('open'),
          partlyMet: withStatus('partly_met'),
          met: withStatus('met'),
          overdue: own.filter((r) => r.overdue).length,
        });
        // What withdrawn requirements needed no longer counts; units are never added together.
        const units = [
          ...new Set(
            own.filter((r) => r.requirement.status !== 'withdrawn').map((r) => r.requirement.unit),
          ),
        ].sort((a, b) => a.localeCompare(b));
        expect(area.byUnit.map((u) => u.unit)).toEqual(units);
        for (const unit of area.byUnit) {
          const mine = own.filter(
            (r) => r.requirement.unit === unit.unit && r.requirement.status !== 'withdrawn',
          );
          const sum = (pick: (r: (typeof mine)[number]) => number) =>
            mine.reduce((total, r) => total + pick(r), 0);
          expect(unit).toMatchObject({
            needed: sum((r) => r.needed),
            pledged: sum((r) => r.pledged),
            contracted: sum((r) => r.contracted),
            delivered: sum((r) => r.delivered),
            gap: Math.max(0, sum((r) => r.needed) - sum((r) => r.pledged)),
          });
        }
      }
    }
  });

  it('keeps every bucket equal to a full scan of the ledger', async () => {
    const db = ctx().connection.db;
    const pledges = await db.selectFrom('pledges').selectAll().execute();
    const scan = new Map<string, number>();
    for (const p of pledges) {
      if (p.requirement_id === null || p.status === 'withdrawn') continue;
      scan.set(p.requirement_id, (scan.get(p.requirement_id) ?? 0) + Number(p.quantity));
    }
    const buckets = await db.selectFrom('requirement_totals').selectAll().execute();
    const summed = new Map<string, number>();
    for (const b of buckets)
      summed.set(
        b.requirement_id,
        (summed.get(b.requirement_id) ?? 0) + Number(b.pledged_quantity),
      );
    for (const [id, quantity] of scan) expect(summed.get(id), id).toBe(quantity);
    const value = pledges
      .filter((p) => p.status !== 'withdrawn')
      .reduce((s, p) => s + Number(p.reporting_value_minor ?? 0), 0);
    const donorBuckets = await db
      .selectFrom('donor_totals')
      .select('pledged_value_minor')
      .execute();
    expect(donorBuckets.reduce((s, b) => s + Number(b.pledged_value_minor), 0)).toBe(value);
    const delivered = (await db.selectFrom('deliveries').select('quantity').execute()).reduce(
      (s, d) => s + Number(d.quantity),
      0,
    );
    expect(buckets.reduce((s, b) => s + Number(b.delivered_quantity), 0)).toBe(delivered);
  });
});
