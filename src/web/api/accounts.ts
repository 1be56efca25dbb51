import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  apiTokenListSchema,
  apiTokenSchema,
  type ChangePassword,
  type CreateApiToken,
  type CreateUser,
  createdApiTokenSchema,
  type UpdateUser,
  userListSchema,
  userSchema,
} from '../../core/accounts/account.schema';
import { apiPath, deleteJson, getJson, patchJson, postJson, putJson } from './client';
import { SESSION_KEY } from './session';

/** The signed-in user's own account: password and API tokens. */

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChangePassword) => putJson(apiPath('/account/password'), input),
  });
}

export function useApiTokens(enabled = true) {
  return useQuery({
    queryKey: ['api-tokens'],
    queryFn: ({ signal }) => getJson(apiPath('/account/tokens'), apiTokenListSchema, signal),
    enabled,
  });
}

export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiToken) =>
      postJson(apiPath('/account/tokens'), input, createdApiTokenSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      deleteJson(apiPath(`/account/tokens/${encodeURIComponent(id)}`), apiTokenSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}

/** Administration of every account (admin only). */

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => getJson(apiPath('/users'), userListSchema, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUser) => postJson(apiPath('/users'), input, userSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUser & { id: string }) =>
      patchJson(apiPath(`/users/${encodeURIComponent(id)}`), input, userSchema),
    // On success and on a 409 alike the list must show the latest versions.
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: ['users'] });
      await client.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}
