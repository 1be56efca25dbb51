import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Classification } from '../../core/marking.schema';
import {
  type CreateDocument,
  documentPageSchema,
  documentSchema,
  documentStatsSchema,
  documentWriteResultSchema,
  type UpdateDocument,
} from '../../core/documents/document.schema';
import { apiPath, deleteJson, getJson, patchJson, postJson } from './client';

export interface DocumentQuery {
  q?: string;
  classification?: Classification;
  limit?: number;
  offset?: number;
}

const groupPath = (slug: string) => `/groups/${encodeURIComponent(slug)}/documents`;

/** The group's documents the viewer may read: the server leaves out what is not releasable. */
export function useDocuments(slug: string, query: DocumentQuery) {
  return useQuery({
    queryKey: ['documents', slug, query],
    queryFn: ({ signal }) =>
      getJson(apiPath(groupPath(slug), { ...query }), documentPageSchema, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDocumentStats(slug: string) {
  return useQuery({
    queryKey: ['documents', slug, 'stats'],
    queryFn: ({ signal }) =>
      getJson(apiPath(`${groupPath(slug)}/stats`), documentStatsSchema, signal),
  });
}

export const documentExportHref = (slug: string, query: DocumentQuery = {}) =>
  apiPath(`${groupPath(slug)}/export.csv`, { q: query.q, classification: query.classification });

export function useDocument(id: string) {
  return useQuery({
    queryKey: ['document', id],
    queryFn: ({ signal }) =>
      getJson(apiPath(`/documents/${encodeURIComponent(id)}`), documentSchema, signal),
  });
}

export function useCreateDocument(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateDocument) =>
      postJson(apiPath(groupPath(slug)), input, documentWriteResultSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ['documents'] }),
  });
}

export function useUpdateDocument(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateDocument) =>
      patchJson(apiPath(`/documents/${encodeURIComponent(id)}`), input, documentWriteResultSchema),
    onSuccess: async (result) => {
      client.setQueryData(['document', id], result.document);
      await client.invalidateQueries({ queryKey: ['documents'] });
    },
  });
}

export function useDeleteDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      deleteJson(apiPath(`/documents/${encodeURIComponent(id)}`, { version })),
    onSuccess: (_nothing, { id }) => {
      client.removeQueries({ queryKey: ['document', id] });
      return client.invalidateQueries({ queryKey: ['documents'] });
    },
  });
}
