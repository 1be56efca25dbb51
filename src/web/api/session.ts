import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type SessionInfo,
  type SignIn,
  roleSchema,
  sessionInfoSchema,
} from '../../core/accounts/account.schema';
import type { Document } from '../../core/documents/document.schema';
import {
  ApiError,
  SESSION_PATH,
  apiPath,
  getJson,
  postJson,
  postNoContent,
  setCsrfToken,
} from './client';

export type Role = z.infer<typeof roleSchema>;

export const SESSION_KEY = ['session'] as const;

/** Who is signed in: the session, or `null` when signed out (the API answers 401). */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async ({ signal }): Promise<SessionInfo | null> => {
      try {
        const session = await getJson(SESSION_PATH, sessionInfoSchema, signal);
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 30_000,
  });
}

const authConfigSchema = z.object({
  oidc: z.boolean(),
  password: z.object({ minLength: z.number().int(), maxLength: z.number().int() }),
});
export type AuthConfig = z.infer<typeof authConfigSchema>;

/** How one signs in here: the password rules, and whether a ministry identity provider exists. */
export function useAuthConfig() {
  return useQuery({
    queryKey: ['auth-config'],
    queryFn: ({ signal }) => getJson(apiPath('/auth/config'), authConfigSchema, signal),
    staleTime: Infinity,
  });
}

/**
 * Whether the user signed out in this tab (until the next sign-in). A page that needs a session then
 * sends the visitor home, not to sign in: the sign-out buttons navigate home as they sign out, but a
 * navigation still in its transition can leave the old page mounted when the session ends.
 */
let signedOutHere = false;
export const hasSignedOutHere = (): boolean => signedOutHere;

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SignIn) => postJson(apiPath('/auth/sign-in'), input, sessionInfoSchema),
    onSuccess: (session) => {
      signedOutHere = false;
      setCsrfToken(session.csrfToken);
      // What a visitor may read changes with who they are: drop every cached answer.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      client.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (everywhere: boolean) =>
      postNoContent(apiPath('/auth/sign-out'), everywhere ? { everywhere: true } : undefined),
    onSettled: () => {
      signedOutHere = true;
      setCsrfToken(null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      client.setQueryData(SESSION_KEY, null);
    },
  });
}

export const hasRole = (session: SessionInfo | null | undefined, role: Role): boolean =>
  session?.user.roles.includes(role) ?? false;

const NATION_WRITERS: readonly Role[] = ['coordinator', 'secretariat', 'recipient'];

/** Whether the user may record nation-scope documents for its own nation. */
export const canWriteForNation = (session: SessionInfo | null | undefined): boolean =>
  session?.user.roles.some((r) => NATION_WRITERS.includes(r)) ?? false;

/** Whether the user may record group-scope documents of a group (its secretariat, while chairing). */
export const canWriteForGroup = (session: SessionInfo | null | undefined, group: string): boolean =>
  session?.secretariatOf.includes(group) ?? false;

/** Mirrors the server's rule, only to decide which buttons to show; the server enforces it. */
export function canEditDocument(
  session: SessionInfo | null | undefined,
  document: Pick<Document, 'scope' | 'originNation' | 'group'>,
): boolean {
  if (!session) return false;
  if (document.scope === 'group') return canWriteForGroup(session, document.group);
  return canWriteForNation(session) && session.user.nation.code === document.originNation;
}
