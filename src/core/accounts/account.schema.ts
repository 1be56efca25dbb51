import { z } from 'zod';
import { nationCode, nationRefSchema, uuid } from '../common.schema';

export const roleSchema = z.enum(['admin', 'secretariat', 'coordinator', 'recipient', 'viewer']);

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{1,62}$/, {
    message:
      'must be 2–63 characters: letters, digits and . _ @ -, starting with a letter or digit',
  });

/** Checked for length here; the full rules (common passwords, the user's name) run in the service. */
const passwordField = z.string().min(1, 'is required').max(1024, 'is too long');

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  nation: nationRefSchema,
  roles: z.array(roleSchema),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  signsInWith: z.array(z.enum(['password', 'oidc'])),
  createdAt: z.string(),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const userListSchema = z.object({ items: z.array(userSchema), total: z.number().int() });

export const createUserSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1, 'is required').max(200),
  email: z.email().max(320).optional(),
  nation: nationCode,
  roles: z.array(roleSchema).min(1, 'needs at least one role'),
  password: passwordField,
});
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  version: z
    .number()
    .int()
    .min(1)
    .describe('The version you read; a stale one is refused with 409'),
  displayName: z.string().trim().min(1).max(200).optional(),
  roles: z.array(roleSchema).min(1, 'needs at least one role').optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const userParamsSchema = z.strictObject({ id: uuid });

export const signInSchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1, 'is required').max(100),
  password: passwordField,
});
export type SignIn = z.infer<typeof signInSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: passwordField,
  newPassword: passwordField,
});
export type ChangePassword = z.infer<typeof changePasswordSchema>;

export const sessionInfoSchema = z.object({
  user: userSchema,
  csrfToken: z
    .string()
    .describe('Send as the X-CSRF-Token header on every write made with the session cookie'),
  expiresAt: z.string(),
  secretariatOf: z
    .array(z.string())
    .describe('Slugs of the groups where the secretariat role is in effect today'),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scope: z.enum(['read', 'write']),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createApiTokenSchema = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(100),
  scope: z.enum(['read', 'write']),
  expiresInDays: z.number().int().min(1).max(366).default(90),
});
export type CreateApiToken = z.infer<typeof createApiTokenSchema>;

export const createdApiTokenSchema = apiTokenSchema.extend({
  token: z.string().describe('Shown once: only its hash is kept'),
});
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });
export const apiTokenParamsSchema = z.strictObject({ id: uuid });
