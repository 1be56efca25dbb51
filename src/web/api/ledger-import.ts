import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorSchema } from '../../core/common.schema';
import {
  type ImportJob,
  type ImportKind,
  type ImportMapping,
  type ImportReport,
  importJobSchema,
  importReportSchema,
} from '../../core/ledger-import/ledger-import.schema';
import { ApiError, apiPath, getJson } from './client';
import { group, refreshLedger } from './ledger';

/** Imports of requirements, pledges and deliveries from CSV or XLSX files, with a dry run first. */

export type ImportOutcome =
  { kind: 'report'; report: ImportReport } | { kind: 'job'; job: ImportJob };

export interface ImportUpload {
  kind: ImportKind;
  file: File;
  dryRun: boolean;
  mapping: ImportMapping;
  sheet?: string;
}

const refusedSchema = errorSchema.extend({ report: importReportSchema.optional() });

/** The type an upload is sent as; the server reads the bytes, this only has to be one it accepts. */
function contentTypeOf(file: File): string {
  if (/\.csv$/i.test(file.name)) return 'text/csv';
  if (/\.xlsx$/i.test(file.name)) {
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return 'application/octet-stream';
}

/**
 * Sends a CSV or XLSX file as the request body. A refused file (400 with its report) is an answer, not
 * a failure: the report lists every problem. A large import answers with a job to follow.
 */
export async function uploadImport(
  slug: string,
  upload: ImportUpload,
  csrfToken: string,
): Promise<ImportOutcome> {
  const response = await fetch(
    apiPath(group(slug, `imports/${upload.kind}`), {
      dryRun: upload.dryRun ? 'true' : 'false',
      mapping: upload.mapping,
      sheet: upload.sheet,
      fileName: upload.file.name,
    }),
    {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': contentTypeOf(upload.file),
        'x-csrf-token': csrfToken,
      },
      body: upload.file,
      credentials: 'same-origin',
    },
  );
  const payload: unknown = await response.json().catch(() => null);
  if (response.status === 200) return { kind: 'report', report: importReportSchema.parse(payload) };
  if (response.status === 202) return { kind: 'job', job: importJobSchema.parse(payload) };
  const refused = refusedSchema.safeParse(payload);
  if (response.status === 400 && refused.success && refused.data.report) {
    return { kind: 'report', report: refused.data.report };
  }
  throw new ApiError(
    response.status,
    refused.success
      ? refused.data
      : { error: `http_${response.status}`, message: response.statusText, issues: [] },
  );
}

export function useImport(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ csrfToken, ...upload }: ImportUpload & { csrfToken: string }) =>
      uploadImport(slug, upload, csrfToken),
    onSuccess: (outcome) => {
      if (outcome.kind === 'report' && outcome.report.written) return refreshLedger(client);
    },
  });
}

/** A large import running on the server, asked again every second until it ends. */
export function useImportJob(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['import-job', id],
    queryFn: async ({ signal }) => {
      const job = await getJson(
        apiPath(`/imports/${encodeURIComponent(id ?? '')}`),
        importJobSchema,
        signal,
      );
      if (job.state === 'succeeded') await refreshLedger(client);
      return job;
    },
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 1000 : false),
  });
}
