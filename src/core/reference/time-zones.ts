/**
 * The IANA zone of each venue country's capital, for reference meetings whose sources give a date but
 * no zone. Only countries that host meetings in the data need a line; a missing one is reported, not
 * guessed. A venue outside the capital's zone must carry its zone explicitly.
 */
export const capitalTimeZones: Readonly<Record<string, string>> = {
  BEL: 'Europe/Brussels',
  DEU: 'Europe/Berlin',
  GBR: 'Europe/London',
  USA: 'America/New_York',
  NLD: 'Europe/Amsterdam',
  FRA: 'Europe/Paris',
  POL: 'Europe/Warsaw',
  UKR: 'Europe/Kyiv',
  ITA: 'Europe/Rome',
  LTU: 'Europe/Vilnius',
};
