import countries from 'i18n-iso-countries';

export interface NationSeed {
  code: string;
  alpha2: string | null;
  name: string;
  kind: 'state' | 'organisation';
}

/**
 * Participants that ISO 3166-1 does not list, under codes from its user-assigned range (X..):
 * Kosovo's XKX is the code in common use; the EU and NATO take XEU and XNT here so that they can
 * sit in memberships like any nation. See docs/decisions/0002-organisation-codes.md.
 */
export const userAssignedNations: readonly NationSeed[] = [
  { code: 'XKX', alpha2: 'XK', name: 'Kosovo', kind: 'state' },
  { code: 'XEU', alpha2: 'EU', name: 'European Union', kind: 'organisation' },
  { code: 'XNT', alpha2: null, name: 'NATO', kind: 'organisation' },
];

/** The full ISO 3166-1 list (from the i18n-iso-countries package) plus the user-assigned codes above. */
export function isoNations(): NationSeed[] {
  const iso = Object.entries(countries.getAlpha3Codes()).map(([alpha3, alpha2]) => ({
    code: alpha3,
    alpha2,
    name: countries.getName(alpha3, 'en', { select: 'official' }) ?? alpha3,
    kind: 'state' as const,
  }));
  return [...iso, ...userAssignedNations].sort((a, b) => a.code.localeCompare(b.code));
}

/** The code of an organisation the participants file lists without one. */
export function organisationCode(name: string): string | undefined {
  return userAssignedNations.find((n) => n.kind === 'organisation' && n.name === name)?.code;
}
