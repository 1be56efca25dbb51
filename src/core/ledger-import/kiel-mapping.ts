import { createHash } from 'node:crypto';
import countries from 'i18n-iso-countries';
import { divideHalfEven, parseDecimal } from '../money';
import { type Cell, ImportRefused, type LedgerTable } from './ledger-file';
import { dayOf, type ImportRow, numberText, problemsByLine } from './ledger-columns';
import type { ImportProblem } from './ledger-import.schema';

/**
 * The Kiel Institute's Ukraine Support Tracker, item level ("Bilateral Assistance, MAIN DATA"), read as
 * pledges. Its releases name their columns a little differently (`Countries` or `countries`, `No. of
 * Units` or `Quantity`), so each column is found by any of its known names. docs/ledger-import.md has
 * the mapping in words; every rule of it is here.
 */

export const KIEL_SOURCE_URL =
  'https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/';

/** Each Kiel column Ramstein reads, by the names releases have used (compared normalised). */
const aliases = {
  id: ['id'],
  country: ['countries', 'country', 'donor', 'donor country'],
  date: ['announcement date', 'date of announcement', 'announced on', 'date'],
  typeGeneral: ['type of aid general', 'type of aid', 'aid type'],
  typeSpecific: ['type of aid specific', 'type of aid (specific)'],
  item: ['item', 'sub type of item', 'sub-type of item', 'item type', 'weapon'],
  explanation: ['explanation', 'description', 'details'],
  quantity: ['no of units', 'number of units', 'quantity', 'units'],
  valueEur: ['converted value in eur', 'value in eur', 'value eur', 'amount eur', 'value (eur)'],
  valueUsd: [
    'value in usd',
    'value usd',
    'amount usd',
    'value (usd)',
    'value committed (own estimate, in usd)',
  ],
  reportedValue: ['monetary value as given by source', 'reported value'],
  reportedCurrency: ['original currency', 'reported currency', 'currency'],
} as const;

type KielColumn = keyof typeof aliases;

const normalise = (name: string) =>
  name.trim().toLowerCase().replace(/[._]/g, ' ').replace(/\s+/g, ' ');

/**
 * Capability areas by keywords in the item, its explanation and the type of aid, tried in this order;
 * the first area with a matching word wins, `other` when none does.
 */
export const kielAreaKeywords: readonly (readonly [slug: string, words: readonly string[]])[] = [
  [
    'air-defence',
    [
      'air defence',
      'air defense',
      'patriot',
      'iris-t',
      'nasams',
      'hawk',
      'gepard',
      'stinger',
      'manpads',
      'interceptor',
      'skynex',
      'crotale',
      'samp/t',
      'aspide',
      'avenger',
      'anti-aircraft',
    ],
  ],
  [
    'drones-ew',
    [
      'drone',
      'drones',
      'uav',
      'uavs',
      'uas',
      'unmanned',
      'loitering',
      'switchblade',
      'electronic warfare',
      'jammer',
      'jammers',
      'counter-drone',
    ],
  ],
  [
    'armour',
    [
      'tank',
      'tanks',
      'leopard',
      'abrams',
      'challenger',
      'apc',
      'apcs',
      'ifv',
      'ifvs',
      'bradley',
      'marder',
      'm113',
      'armoured',
      'armored',
      'infantry fighting',
      'stryker',
      'cv90',
      'bmp',
      'mrap',
    ],
  ],
  [
    'artillery-ammunition',
    [
      'artillery',
      'howitzer',
      'howitzers',
      'shell',
      'shells',
      '155 mm',
      '155mm',
      '152 mm',
      'ammunition',
      'rounds',
      'mlrs',
      'himars',
      'm777',
      'caesar',
      'pzh',
      'mortar',
      'mortars',
      'rocket',
      'rockets',
      'gmlrs',
    ],
  ],
  [
    'air-force',
    [
      'f-16',
      'fighter',
      'fighters',
      'aircraft',
      'jets',
      'mig-29',
      'helicopter',
      'helicopters',
      'gripen',
      'mirage',
    ],
  ],
  [
    'maritime',
    [
      'naval',
      'ship',
      'ships',
      'boat',
      'boats',
      'maritime',
      'harpoon',
      'anti-ship',
      'minehunter',
      'minehunters',
      'vessel',
      'vessels',
    ],
  ],
  ['demining', ['demining', 'de-mining', 'mine clearance', 'mine clearing', 'mine-clearing']],
  [
    'it-cyber-comms',
    [
      'starlink',
      'satellite',
      'communication',
      'communications',
      'radio',
      'radios',
      'cyber',
      'comms',
      'encrypted',
    ],
  ],
  [
    'medical',
    ['medical', 'ambulance', 'ambulances', 'first aid', 'hospital', 'tourniquet', 'medicine'],
  ],
  [
    'logistics',
    [
      'truck',
      'trucks',
      'vehicle',
      'vehicles',
      'fuel',
      'logistic',
      'logistics',
      'trailer',
      'trailers',
      'spare parts',
      'generator',
      'generators',
    ],
  ],
  ['training', ['training', 'trained', 'instruction']],
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const areaPatterns = kielAreaKeywords.map(
  ([slug, words]) =>
    [slug, new RegExp(`(^|[^a-z0-9])(${words.map(escape).join('|')})([^a-z0-9]|$)`, 'i')] as const,
);

/** The capability area of a Kiel item by the keyword map; `other` when no keyword matches. */
export function kielArea(text: string): string {
  for (const [slug, pattern] of areaPatterns) if (pattern.test(text)) return slug;
  return 'other';
}

/**
 * The pledge kind of a Kiel row, or why it is left out. Military aid is a donation unless its specific
 * type says training, funding (grants, loans, budget) or procurement; financial aid is funding;
 * humanitarian aid is not in this ledger.
 */
export function kielKind(
  general: string,
  specific: string,
): { kind: string } | { skip: string } | { problem: string } {
  const g = general.trim().toLowerCase();
  const s = specific.trim().toLowerCase();
  if (g.startsWith('humanitarian')) {
    return { skip: 'humanitarian aid is not recorded in the support ledger' };
  }
  if (g.startsWith('financial')) return { kind: 'funding' };
  if (!g.startsWith('military')) {
    return { problem: `is "${general}": Ramstein maps Military, Financial and Humanitarian` };
  }
  if (/train/.test(s)) return { kind: 'training' };
  if (/fund|financ|grant|loan|budget/.test(s)) return { kind: 'funding' };
  if (/procure|contract|purchas/.test(s)) return { kind: 'procurement' };
  return { kind: 'donation' };
}

const EU_NAMES = new Set([
  'eu',
  'european union',
  'eu (commission and council)',
  'eu institutions',
  'european commission',
  'eu commission',
  'eu (commission)',
]);

/** The ISO 3166-1 alpha-3 code of a Kiel country name, from i18n-iso-countries, or the EU's XEU. */
export function countryCode(
  name: string,
  known: (name: string) => string | undefined,
): string | undefined {
  const text = name.trim();
  if (EU_NAMES.has(text.toLowerCase())) return 'XEU';
  return countries.getAlpha3Code(text, 'en') ?? known(text);
}

/** A spreadsheet day number (days since 1899-12-30, Excel's epoch) as a calendar day. */
const serialDay = (serial: number) => dayOf(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000));

/** Kiel's "." and "undisclosed" mean no value. */
const isBlank = (cell: Cell) =>
  cell === null ||
  (typeof cell === 'string' && /^(\.|-|n\/?a|undisclosed|unknown)?$/i.test(cell.trim()));

/** An amount rounded half-even to cents: converted values carry more decimals than a currency has. */
function cents(cell: Cell): string | null | { problem: string } {
  if (isBlank(cell)) return null;
  const text =
    typeof cell === 'number' ? numberText(cell) : String(cell).trim().replace(/[\s,]/g, '');
  const value = parseDecimal(text);
  if (value === null) return { problem: `"${String(cell)}" is not an amount` };
  if (value.coefficient < 0n) return { problem: 'must not be negative' };
  if (value.coefficient === 0n) return null;
  const minor =
    value.scale <= 2
      ? value.coefficient * 10n ** BigInt(2 - value.scale)
      : divideHalfEven(value.coefficient, 10n ** BigInt(value.scale - 2));
  const digits = minor.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** The standard pledge columns a Kiel row is mapped to, in the order `kielRows` writes them. */
const kielColumns = new Map(
  [
    'external_id',
    'donor',
    'capability_area',
    'item',
    'quantity',
    'unit',
    'kind',
    'value_amount',
    'value_currency',
    'announced_on',
    'external_ref',
    'note',
    'marking',
    'source_url',
    'source_title',
    'confidence',
  ].map((name, i) => [name, i]),
);

export interface KielRows {
  rows: ImportRow[];
  skipped: { line: number; reason: string }[];
}

/**
 * Reads a Kiel sheet into pledge rows in Ramstein's own columns, so they pass every check a standard
 * file passes; problems name the Kiel column a value came from.
 */
export function kielRows(
  table: LedgerTable,
  file: string,
  known: (name: string) => string | undefined,
): KielRows {
  const index = new Map<KielColumn, number>();
  const header = table.header.map(normalise);
  for (const [column, names] of Object.entries(aliases) as [KielColumn, readonly string[]][]) {
    const i = header.findIndex((h) => names.includes(h));
    if (i !== -1) index.set(column, i);
  }
  const missing: ImportProblem[] = [];
  const need = (column: KielColumn, what: string) => {
    if (!index.has(column)) {
      missing.push({
        sheet: table.sheet,
        line: table.headerLine,
        column: aliases[column][0],
        message: `is missing: a Kiel file needs ${what} (a column named ${aliases[column].map((n) => `"${n}"`).join(' or ')})`,
      });
    }
  };
  need('country', 'the donor country');
  need('date', 'the announcement date');
  need('typeGeneral', 'the type of aid');
  if (!index.has('item') && !index.has('explanation')) need('item', 'the item or its explanation');
  if (missing.length > 0) throw new ImportRefused(missing);

  const headerOf = (column: KielColumn) =>
    table.header[index.get(column) ?? -1] ?? aliases[column][0];
  const presetOf = problemsByLine(table.problems);
  const out: KielRows = { rows: [], skipped: [] };
  for (const row of table.rows) {
    const cell = (column: KielColumn): Cell => {
      const i = index.get(column);
      return i === undefined ? null : (row.cells[i] ?? null);
    };
    const text = (column: KielColumn) => {
      const value = cell(column);
      if (isBlank(value)) return '';
      return value instanceof Date
        ? dayOf(value)
        : typeof value === 'number'
          ? numberText(value)
          : String(value).trim();
    };
    const problems: ImportProblem[] = [...presetOf(row.line)];
    const problem = (column: KielColumn, message: string) =>
      problems.push({ sheet: table.sheet, line: row.line, column: headerOf(column), message });

    const kind = kielKind(text('typeGeneral'), text('typeSpecific'));
    if ('skip' in kind) {
      out.skipped.push({ line: row.line, reason: kind.skip });
      continue;
    }
    if ('problem' in kind) problem('typeGeneral', kind.problem);

    const country = text('country');
    const donor = country === '' ? undefined : countryCode(country, known);
    if (donor === undefined) {
      problem(
        'country',
        country === '' ? 'is empty' : `"${country}" is not a country Ramstein knows`,
      );
    }
    const rawDate = cell('date');
    let announced: string | undefined;
    if (rawDate instanceof Date) announced = dayOf(rawDate);
    else if (typeof rawDate === 'number' && rawDate > 0 && rawDate < 2_958_466)
      announced = serialDay(rawDate);
    else if (typeof rawDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(rawDate.trim()))
      announced = rawDate.trim();
    else
      problem(
        'date',
        isBlank(rawDate)
          ? 'is empty'
          : `"${String(rawDate)}" is not a date (YYYY-MM-DD or a date cell)`,
      );

    const explanation = text('explanation');
    const item = (text('item') || explanation).slice(0, 300);
    if (item === '')
      problem(index.has('item') ? 'item' : 'explanation', 'is empty: a pledge needs an item');

    const rawQuantity = cell('quantity');
    let quantity: number | null = null;
    if (!isBlank(rawQuantity)) {
      const n =
        typeof rawQuantity === 'number'
          ? rawQuantity
          : Number(String(rawQuantity).replace(/[\s,]/g, ''));
      if (Number.isInteger(n) && n > 0) quantity = n;
      else problem('quantity', `"${String(rawQuantity)}" is not a whole number of units`);
    }
    let value: { amount: string; currency: string } | null = null;
    for (const [column, currency] of [
      ['valueEur', 'EUR'],
      ['valueUsd', 'USD'],
      ['reportedValue', text('reportedCurrency').toUpperCase()],
    ] as const) {
      if (value !== null || !index.has(column)) continue;
      const amount = cents(cell(column));
      if (amount !== null && typeof amount === 'object') problem(column, amount.problem);
      else if (amount !== null) {
        if (!/^[A-Z]{3}$/.test(currency))
          problem('reportedCurrency', `"${currency}" is not an ISO 4217 currency code`);
        else value = { amount, currency };
      }
    }

    const pledgeKind = 'kind' in kind ? kind.kind : 'donation';
    // In-kind aid of undisclosed number is one package of its value (a donation needs a quantity).
    const inKind =
      pledgeKind === 'donation' || pledgeKind === 'procurement' || pledgeKind === 'co-production';
    const units = quantity !== null ? 'units' : inKind ? 'package' : null;
    if (quantity === null && inKind) quantity = 1;
    const id = text('id');
    const content =
      id !== ''
        ? `id=${id}`
        : row.cells.map((c) => (c instanceof Date ? dayOf(c) : String(c ?? ''))).join('\u0001');
    const externalId = `kiel:${createHash('sha256').update(content).digest('hex').slice(0, 24)}`;

    const values: [string, Cell][] = [
      ['external_id', externalId],
      ['donor', donor ?? null],
      ['capability_area', kielArea([item, explanation, text('typeSpecific')].join(' '))],
      ['item', item || null],
      ['quantity', quantity],
      ['unit', units],
      ['kind', pledgeKind],
      ['value_amount', value?.amount ?? null],
      ['value_currency', value?.currency ?? null],
      ['announced_on', announced ?? null],
      ['external_ref', id === '' ? null : `Kiel ID ${id}`],
      ['note', explanation !== '' && explanation !== item ? explanation.slice(0, 10_000) : null],
      ['marking', 'PUBLIC'],
      ['source_url', KIEL_SOURCE_URL],
      ['source_title', `Kiel Institute, Ukraine Support Tracker (${file})`.slice(0, 500)],
      ['confidence', 'medium'],
    ];
    const labels: Record<string, KielColumn> = {
      external_id: index.has('id') ? 'id' : 'country',
      donor: 'country',
      capability_area: index.has('item') ? 'item' : 'explanation',
      item: index.has('item') ? 'item' : 'explanation',
      quantity: 'quantity',
      unit: 'quantity',
      kind: 'typeGeneral',
      value_amount: index.has('valueEur')
        ? 'valueEur'
        : index.has('valueUsd')
          ? 'valueUsd'
          : 'reportedValue',
      value_currency: index.has('valueEur')
        ? 'valueEur'
        : index.has('valueUsd')
          ? 'valueUsd'
          : 'reportedCurrency',
      valuation_date: 'date',
      announced_on: 'date',
      note: 'explanation',
    };
    out.rows.push({
      sheet: table.sheet,
      line: row.line,
      cells: [...kielColumns.keys()].map((name) => values.find(([n]) => n === name)?.[1] ?? null),
      columns: kielColumns,
      label: (column) => {
        const from = labels[column];
        return from === undefined ? `${column} (set by the Kiel mapping)` : headerOf(from);
      },
      preset: problems,
    });
  }
  return out;
}
