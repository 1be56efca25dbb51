import type { Viewer } from '../accounts/viewer';
import { donorTotals } from '../coverage/coverage.service';
import type { Db } from '../db/database';
import { listMemberRows } from '../groups/group.repository';
import { requireGroup } from '../groups/group.service';
import { addDecimal, type Decimal, formatMoney, minorUnitExponent, parseDecimal } from '../money';
import { gdpByNation } from '../published-aid/published-aid.service';
import { toSource } from '../source';
import { compareDecimal, currentFigures, decimal, divideDecimal, fixedText } from './spending';
import { listFigureRows } from './spending.repository';
import type { BurdenSharing, BurdenSharingQuery, BurdenSharingRow } from './spending.schema';

/** A share of GDP: amount ÷ (GDP in billions × 10^9) × 100, rounded half to even at 3 places. */
function pctOfGdp(amount: string, gdpBn: string): string | null {
  const gdp = parseDecimal(gdpBn);
  if (gdp === null || gdp.coefficient === 0n) return null;
  // × 100 / 10^9 = ÷ 10^7: the billions become units and the ratio a percentage in one step.
  const denominator: Decimal = { coefficient: gdp.coefficient * 10n ** 7n, scale: gdp.scale };
  return fixedText(divideDecimal(decimal(amount), denominator, 3), 3);
}

/**
 * Burden sharing: each member's (and donor's) support to the recipient from the ledger, pledged and
 * delivered, next to its defence spending, both as % of GDP. The support sums come from donorTotals,
 * so they cover only the pledges the viewer may read; the defence figures are public.
 */
export async function getBurdenSharing(
  db: Db,
  viewer: Viewer,
  slug: string,
  query: BurdenSharingQuery,
): Promise<BurdenSharing> {
  const group = await requireGroup(db, slug);
  const [donors, members] = await Promise.all([
    donorTotals(db, viewer, slug),
    listMemberRows(db, group.id, { role: 'member' }),
  ]);
  const currency = donors.currency;
  const nations = new Map(
    members
      .filter((m) => m.nation_kind === 'state')
      .map((m) => [
        m.nation_code,
        { code: m.nation_code, name: m.nation_name, alpha2: m.nation_alpha2 },
      ]),
  );
  for (const d of donors.items) nations.set(d.donor.code, d.donor);
  const codes = [...nations.keys()];
  const [gdp, figureRows] = await Promise.all([
    gdpByNation(db, codes),
    listFigureRows(db, { year: query.year }),
  ]);
  const latest = new Map<string, (typeof figureRows)[number]>();
  for (const row of currentFigures(figureRows).values()) {
    if (row.pct_gdp === null) continue;
    const held = latest.get(row.nation_code);
    if (held === undefined || row.year > held.year) latest.set(row.nation_code, row);
  }

  const zero = formatMoney({ minor: 0n, currency });
  // Shares of GDP need the support in the GDP's currency (EUR); another reporting currency gets none.
  const inEuro = currency === 'EUR';
  const rows: BurdenSharingRow[] = [...nations.values()].map((nation) => {
    const donor = donors.items.find((d) => d.donor.code === nation.code);
    const pledged = donor?.pledged ?? zero;
    const delivered = donor?.delivered ?? zero;
    const g = gdp.get(nation.code);
    const figure = latest.get(nation.code);
    return {
      nation,
      pledged,
      delivered,
      pledgedPctGdp: g && inEuro ? pctOfGdp(pledged, g.amount) : null,
      deliveredPctGdp: g && inEuro ? pctOfGdp(delivered, g.amount) : null,
      gdp: g ? { amount: g.amount, currency: 'EUR', unit: 'billion', source: g.source } : null,
      defence:
        figure === undefined || figure.pct_gdp === null
          ? null
          : {
              year: figure.year,
              pctGdp: figure.pct_gdp,
              estimate: figure.estimate === 1,
              release: { name: figure.release, date: figure.release_date },
              source: toSource(figure),
            },
    };
  });
  const support = (row: BurdenSharingRow) =>
    row.pledgedPctGdp === null ? null : decimal(row.pledgedPctGdp);
  rows.sort((a, b) => {
    const x = support(a);
    const y = support(b);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const c = compareDecimal(y, x);
      if (c !== 0) return c;
    }
    return (
      compareDecimal(decimal(b.pledged), decimal(a.pledged)) ||
      a.nation.name.localeCompare(b.nation.name)
    );
  });

  const sum = (pick: (row: BurdenSharingRow) => string) =>
    fixedText(
      rows.reduce<Decimal>((total, row) => addDecimal(total, decimal(pick(row))), {
        coefficient: 0n,
        scale: 0,
      }),
      minorUnitExponent(currency),
    );
  const notes = [
    "Support is what the ledger holds that you may read (filtered by your releasability), pledged and delivered since the group began, in the group's currency.",
    "Support as % of GDP divides that cumulative sum by one year's GDP: the Kiel Institute's GDP of each donor (EUR), as its tracker does.",
    query.year === undefined
      ? "Defence spending: each nation's latest NATO figure (the current release), with its year and source."
      : `Defence spending: the NATO figures for ${query.year} (the current release), with their sources.`,
  ];
  if (!inEuro)
    notes.push(
      `The group reports in ${currency}, and GDP is in EUR: support is not shown as % of GDP.`,
    );
  return {
    group: { slug: group.slug, name: group.name, recipient: group.recipient_code },
    currency,
    year: query.year ?? null,
    rows,
    total: { pledged: sum((r) => r.pledged), delivered: sum((r) => r.delivered) },
    notes,
  };
}
