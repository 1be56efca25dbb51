/**
 * Columns every row loaded from public reference data carries, so its provenance travels with it.
 * `confidence` is high / medium / uncertain as defined in data/reference/README.md; null for rows
 * entered by users.
 */
export interface SourceColumns {
  source_url: string | null;
  source_title: string | null;
  confidence: string | null;
}
