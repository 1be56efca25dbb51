import { create } from 'xmlbuilder2';
import { invalid } from '../errors';
import { formatMoney, parseMoney } from '../money';
import type { PledgeDetail, PledgeKind, PledgeStatus } from '../pledges/pledge.schema';
import {
  alpha2Of,
  type IatiOrganisation,
  nationName,
  nationOrganisation,
  reportingIdentifier,
} from './iati-organisation';
import { plannedDisbursements, transactions } from './iati-transactions';

/**
 * Pledges as an IATI 2.03 activity file: one <iati-activity> per pledge, reported by its donor. Pure:
 * no I/O, the same input gives the same bytes. Element order follows iati-activities-schema.xsd, which
 * validates it (standards/iati-2.03). docs/iati.md describes the mapping and its limits.
 */

export const IATI_VERSION = '2.03';

export interface IatiGroup {
  slug: string;
  name: string;
  /** ISO 3166-1 alpha-3, e.g. UKR. */
  recipientCode: string;
  reportingCurrency: string;
}

export interface IatiExportInput {
  group: IatiGroup;
  pledges: readonly PledgeDetail[];
  generatedAt: Date;
  /** The platform's names of nations by code; ISO 3166's English names fill any gap. */
  nationNames?: ReadonlyMap<string, string>;
}

type Node = ReturnType<typeof create>;

/** IATI ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled. */
export function activityStatusOf(pledge: Pick<PledgeDetail, 'status' | 'deliveries'>): string {
  const codes: Record<PledgeStatus, string> = {
    announced: '1',
    committed: '2',
    contracted: '2',
    delivering: '2',
    // Delivered but some delivery not yet confirmed by the recipient: still open for sign-off.
    delivered: pledge.deliveries.every((d) => d.confirmed) ? '4' : '3',
    withdrawn: '5',
  };
  return codes[pledge.status];
}

/** The DAC 5 purpose code that honestly fits a capability area, where one does. */
const dacPurposeCodes: Readonly<Record<string, string>> = {
  demining: '15250', // Removal of land mines and explosive remnants of war
};

const kindLabels: Record<PledgeKind, string> = {
  donation: 'Donation',
  procurement: 'Procurement',
  funding: 'Funding',
  training: 'Training',
  'co-production': 'Co-production',
};

/** Builds the whole document; refuses an empty list, since the schema needs one activity at least. */
export function buildIatiActivities(input: IatiExportInput): string {
  if (input.pledges.length === 0) {
    throw invalid('pledges', 'an IATI activity file holds at least one activity');
  }
  // Characters XML cannot carry (control characters a user pasted) become U+FFFD, never a broken file.
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' });
  const root = doc.ele('iati-activities', {
    version: IATI_VERSION,
    'generated-datetime': dateTime(input.generatedAt.toISOString()),
  });
  for (const pledge of input.pledges) appendActivity(root, pledge, input);
  return doc.end({ prettyPrint: true });
}

function appendActivity(root: Node, pledge: PledgeDetail, input: IatiExportInput): void {
  const { group, nationNames } = input;
  const donor = nationOrganisation(pledge.donor, nationNames);
  // The reporting org is the donor; one without a registered identifier still needs a stable one.
  const reporter: IatiOrganisation = { ...donor, ref: reportingIdentifier(pledge.donor) };
  const recipient = nationOrganisation(group.recipientCode, nationNames);
  const channel = channelOrganisation(pledge, nationNames);
  const receiver = channel ?? recipient;

  const activity = root.ele('iati-activity', {
    'xml:lang': 'en',
    'default-currency': pledge.value?.currency ?? group.reportingCurrency,
    'last-updated-datetime': dateTime(pledge.updatedAt),
  });
  activity.ele('iati-identifier').txt(`${reporter.ref ?? ''}-${pledge.id}`);
  organisation(activity, 'reporting-org', reporter);
  narrative(activity.ele('title'), titleOf(pledge));
  narrative(activity.ele('description', { type: '1' }), generalDescription(pledge, input));
  narrative(activity.ele('description', { type: '4' }), otherDescription(pledge));
  organisation(activity, 'participating-org', reporter, { role: '1' }); // funding
  // Implementing: the channel, or the donor itself when it delivers directly.
  organisation(activity, 'participating-org', channel ?? reporter, { role: '4' });
  activity.ele('activity-status', { code: activityStatusOf(pledge) });
  for (const [type, date] of activityDates(pledge)) {
    activity.ele('activity-date', { type, 'iso-date': date });
  }
  activity.ele('activity-scope', { code: '4' }); // national: one recipient country
  const alpha2 = alpha2Of(group.recipientCode);
  if (alpha2 !== undefined) activity.ele('recipient-country', { code: alpha2 });
  const purpose = dacPurposeCodes[pledge.capabilityArea.slug];
  if (purpose !== undefined) activity.ele('sector', { vocabulary: '1', code: purpose });
  narrative(
    activity.ele('sector', { vocabulary: '99', code: pledge.capabilityArea.slug }),
    pledge.capabilityArea.name,
  );

  const money =
    pledge.value === null ? null : parseMoney(pledge.value.amount, pledge.value.currency);
  // Without a value there is nothing to put in <value>: the activity carries no money elements at all.
  if (money === null) return;
  const valueDate = pledge.valuationDate ?? pledge.announcedOn;
  const parties = { provider: reporter, receiver };
  for (const planned of plannedDisbursements(pledge, money.minor)) {
    const element = activity.ele('planned-disbursement');
    element.ele('period-start', { 'iso-date': planned.date });
    value(element, { minor: planned.minor, currency: money.currency }, valueDate);
    organisation(element, 'provider-org', parties.provider);
    organisation(element, 'receiver-org', parties.receiver);
  }
  for (const t of transactions(pledge, money.minor)) {
    const element = activity.ele('transaction', t.ref === undefined ? {} : { ref: t.ref });
    element.ele('transaction-type', { code: t.type });
    element.ele('transaction-date', { 'iso-date': t.date });
    value(element, { minor: t.minor, currency: money.currency }, valueDate);
    narrative(element.ele('description'), t.description);
    organisation(element, 'provider-org', parties.provider);
    organisation(element, 'receiver-org', parties.receiver);
  }
}

function channelOrganisation(
  pledge: PledgeDetail,
  names: ReadonlyMap<string, string> | undefined,
): IatiOrganisation | null {
  const { channel } = pledge;
  switch (channel.kind) {
    case 'direct':
      return null;
    case 'nation':
      return nationOrganisation(channel.nation ?? channel.name ?? '', names);
    case 'coalition':
      return { ref: null, type: null, name: channel.name ?? 'Capability coalition' };
    case 'fund':
      return { ref: null, type: null, name: channel.name ?? 'Fund' };
  }
}

/** Planned start (1), actual start (2), planned end (3), actual end (4), as IATI ActivityDateType. */
function activityDates(pledge: PledgeDetail): [string, string][] {
  const delivered = pledge.deliveries.map((d) => d.deliveredOn).sort();
  const planned = pledge.tranches.map((t) => t.plannedOn).sort();
  const dates: [string, string][] = [['1', pledge.announcedOn]];
  const firstDelivery = delivered[0];
  if (firstDelivery !== undefined) dates.push(['2', firstDelivery]);
  const lastTranche = planned.at(-1);
  if (lastTranche !== undefined && pledge.status !== 'withdrawn') dates.push(['3', lastTranche]);
  if (pledge.status === 'delivered') dates.push(['4', delivered.at(-1) ?? pledge.statusOn]);
  return dates;
}

function titleOf(pledge: PledgeDetail): string {
  const item = pledge.item.trim() || `${kindLabels[pledge.kind]}: ${pledge.capabilityArea.name}`;
  const specification = pledge.specification.trim();
  return specification === '' ? item : `${item} (${specification})`;
}

function generalDescription(pledge: PledgeDetail, input: IatiExportInput): string {
  const names = input.nationNames;
  const parts = [
    `${kindLabels[pledge.kind]} by ${nationName(pledge.donor, names)} for ${nationName(input.group.recipientCode, names)}, recorded in the ${input.group.name}.`,
  ];
  if (pledge.quantity !== null) {
    parts.push(`Quantity: ${pledge.quantity}${pledge.unit === null ? '' : ` ${pledge.unit}`}.`);
  }
  parts.push(`Capability area: ${pledge.capabilityArea.name}.`);
  parts.push(channelText(pledge, names));
  parts.push(valueText(pledge));
  if (pledge.deliveredQuantity > 0 && pledge.quantity !== null) {
    parts.push(`Delivered so far: ${pledge.deliveredQuantity} of ${pledge.quantity}.`);
  }
  if (pledge.note !== null && pledge.note.trim() !== '') parts.push(pledge.note.trim());
  return parts.join(' ');
}

function channelText(pledge: PledgeDetail, names: ReadonlyMap<string, string> | undefined): string {
  const { channel } = pledge;
  switch (channel.kind) {
    case 'direct':
      return 'Delivered directly by the donor.';
    case 'nation':
      return `Channelled through ${nationName(channel.nation ?? '', names)}.`;
    case 'coalition':
      return `Channelled through the ${channel.name ?? 'capability coalition'}.`;
    case 'fund':
      return `Channelled through ${channel.name ?? 'a fund'}.`;
  }
}

function valueText(pledge: PledgeDetail): string {
  if (pledge.value === null) return 'Not valued: no amount was reported or estimated.';
  const how: Record<string, string> = {
    reported: 'as reported by the donor',
    price_list: 'estimated from the price list',
    estimated: 'estimated',
    none: 'as recorded',
  };
  const on = pledge.valuationDate === null ? '' : ` on ${pledge.valuationDate}`;
  return `Value: ${pledge.value.currency} ${pledge.value.amount}, ${how[pledge.valuationMethod] ?? 'as recorded'}${on}.`;
}

function otherDescription(pledge: PledgeDetail): string {
  const parts = [`Releasability marking: ${pledge.marking.label}.`];
  if (pledge.externalRef !== null) parts.push(`Donor's reference: ${pledge.externalRef}.`);
  const { source } = pledge;
  if (source.title !== null || source.url !== null) {
    parts.push(`Source: ${[source.title, source.url].filter((s) => s !== null).join(', ')}.`);
  }
  return parts.join(' ');
}

function organisation(
  parent: Node,
  name: string,
  org: IatiOrganisation,
  extra: Record<string, string> = {},
): void {
  const attributes: Record<string, string> = {};
  if (org.ref !== null) attributes.ref = org.ref;
  if (org.type !== null) attributes.type = org.type;
  narrative(parent.ele(name, { ...attributes, ...extra }), org.name);
}

function narrative(parent: Node, text: string): void {
  parent.ele('narrative').txt(text);
}

function value(parent: Node, money: { minor: bigint; currency: string }, valueDate: string): void {
  parent.ele('value', { 'value-date': valueDate }).txt(formatMoney(money));
}

/** An xsd:dateTime in UTC without milliseconds: 2025-02-12T09:30:00Z. */
function dateTime(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw invalid('updatedAt', `"${instant}" is not a date-time`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
