import countries from 'i18n-iso-countries';
import { userAssignedNations } from '../reference/nation-list';

/**
 * Who a nation is in IATI: its organisation identifier, organisation type and name. Pure lookups, no
 * I/O. docs/iati.md explains the choices.
 */

/**
 * OECD DAC donor codes, as used by IATI organisation identifiers `XM-DAC-<code>` (the XM-DAC prefix
 * of org-id.guide). DAC members and the non-DAC donors that report to the DAC, from the OECD's "DAC and
 * CRS code lists" (donor codes); EU Institutions report under 918. Kuwait is absent on purpose: its
 * code (552) is the Kuwait Fund (KFAED), not the government.
 */
const dacDonorCodes: Readonly<Record<string, string>> = {
  // DAC members
  AUT: '1',
  BEL: '2',
  DNK: '3',
  FRA: '4',
  DEU: '5',
  ITA: '6',
  NLD: '7',
  NOR: '8',
  PRT: '9',
  SWE: '10',
  CHE: '11',
  GBR: '12',
  FIN: '18',
  ISL: '20',
  IRL: '21',
  LUX: '22',
  GRC: '40',
  ESP: '50',
  SVN: '61',
  CZE: '68',
  SVK: '69',
  HUN: '75',
  POL: '76',
  LTU: '84',
  EST: '82',
  CAN: '301',
  USA: '302',
  JPN: '701',
  KOR: '742',
  AUS: '801',
  NZL: '820',
  XEU: '918',
  // Donors outside the DAC that report to it
  CYP: '30',
  MLT: '45',
  TUR: '55',
  HRV: '62',
  LIE: '70',
  BGR: '72',
  ROU: '77',
  LVA: '83',
  ISR: '546',
  QAT: '561',
  SAU: '566',
  ARE: '576',
  KAZ: '613',
  TWN: '732',
  THA: '764',
};

/**
 * The prefix of the identifier a nation without a DAC donor code reports under. ZZ is a user-assigned
 * ISO 3166 code, so no registration agency of org-id.guide (a country code, XI or XM) can ever clash
 * with it; it says plainly that the identifier is this platform's, not a registered one.
 */
export const UNREGISTERED_PREFIX = 'ZZ-RAMSTEIN';

/** IATI OrganisationType codes used here. */
export const organisationTypes = { government: '10', multilateral: '40' } as const;

export interface IatiOrganisation {
  /** An IATI organisation identifier, or null where none is known (participants only). */
  ref: string | null;
  type: string | null;
  name: string;
}

/** The well-known IATI identifier of a nation's government, or undefined when it has none. */
export function registeredIdentifier(nationCode: string): string | undefined {
  const code = Object.hasOwn(dacDonorCodes, nationCode) ? dacDonorCodes[nationCode] : undefined;
  return code === undefined ? undefined : `XM-DAC-${code}`;
}

/**
 * The identifier a donor reports under: its DAC one, or `ZZ-RAMSTEIN-<ISO3>` when it has none (the
 * schema requires reporting-org/@ref). Activity identifiers are built on it, so it must stay stable.
 */
export const reportingIdentifier = (nationCode: string): string =>
  registeredIdentifier(nationCode) ?? `${UNREGISTERED_PREFIX}-${nationCode}`;

const userAssigned = (code: string) => userAssignedNations.find((n) => n.code === code);

/** A nation's English name: the platform's own when given, else ISO 3166's, else the code. */
export function nationName(code: string, names?: ReadonlyMap<string, string>): string {
  return (
    names?.get(code) ??
    userAssigned(code)?.name ??
    countries.getName(code, 'en', { select: 'official' }) ??
    code
  );
}

/** ISO 3166-1 alpha-2 of an alpha-3 code (UKR → UA), as IATI's Country codelist uses; XKX → XK. */
export function alpha2Of(code: string): string | undefined {
  return countries.alpha3ToAlpha2(code) ?? userAssigned(code)?.alpha2 ?? undefined;
}

/** A nation (or the EU or NATO, which take user-assigned codes here) as an IATI organisation. */
export function nationOrganisation(
  code: string,
  names?: ReadonlyMap<string, string>,
): IatiOrganisation {
  const organisation = userAssigned(code)?.kind === 'organisation';
  return {
    ref: registeredIdentifier(code) ?? null,
    type: organisation ? organisationTypes.multilateral : organisationTypes.government,
    name: nationName(code, names),
  };
}
