import type { Source } from './common.schema';
import type { SourceColumns } from './db/tables/reference';

const confidences = new Set(['high', 'medium', 'uncertain']);

/** The provenance of a row, as the API shows it. */
export const toSource = (row: SourceColumns): Source => ({
  url: row.source_url,
  title: row.source_title,
  confidence:
    row.confidence !== null && confidences.has(row.confidence)
      ? (row.confidence as Source['confidence'])
      : null,
});
