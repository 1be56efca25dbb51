/** ISO 3166-1 alpha-3 states, plus user-assigned codes for participants ISO does not list (XKX, XEU, XNT). */
export interface NationsTable {
  code: string;
  /** ISO 3166-1 alpha-2, for localised names in the browser; null for user-assigned codes. */
  alpha2: string | null;
  name: string;
  /** `state` or `organisation` (the EU and NATO sit at the table too). */
  kind: string;
  /** 0/1 on both databases. */
  nato_member: number;
  eu_member: number;
}
