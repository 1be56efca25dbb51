import { z } from 'zod';

/**
 * The whole configuration, parsed once at start from the environment the edge passes in.
 * Every variable is documented in README.md and .env.example; keep the three in step.
 */
export const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .min(1)
    .default('./data/ramstein.sqlite')
    .describe(
      'postgres://user@host:port/db for PostgreSQL; otherwise a SQLite file path or sqlite:path',
    ),
  HOST: z.string().min(1).default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  RAMSTEIN_WEB_DIR: z.string().min(1).default('dist/web'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SIGN_IN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  RAMSTEIN_ADMIN_USERNAME: z.string().min(2).default('admin'),
  RAMSTEIN_ADMIN_PASSWORD: z.string().min(1).optional(),
  RAMSTEIN_ADMIN_NATION: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code')
    .optional()
    .describe("The first admin's nation; defaults to the UDCG's chair nation"),
  OIDC_ISSUER: z
    .url()
    .optional()
    .describe("The ministry identity provider's issuer URL; enables OIDC sign-in"),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URL: z
    .url()
    .optional()
    .describe('https://<host>/api/v1/auth/oidc/callback, registered at the provider'),
  OIDC_NATION_CLAIM: z.string().min(1).default('nation'),
  OIDC_AUTO_CREATE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  OIDC_ALLOW_HTTP: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('Allow an http:// issuer (development and tests only)'),
});

/** OIDC is all or nothing: an issuer needs a client id and a redirect URL. */
const checkedConfigSchema = configSchema.superRefine((config, ctx) => {
  if (config.OIDC_ISSUER === undefined) return;
  for (const key of ['OIDC_CLIENT_ID', 'OIDC_REDIRECT_URL'] as const) {
    if (config[key] === undefined)
      ctx.addIssue({ code: 'custom', path: [key], message: 'is required when OIDC_ISSUER is set' });
  }
});

export type Config = Readonly<z.infer<typeof configSchema>>;

/** Parses the environment; a bad value fails with one readable line per variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const picked = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = checkedConfigSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export type DatabaseKind = 'sqlite' | 'postgres';

/** Which database a DATABASE_URL points at, and the SQLite file path when it is SQLite. */
export function describeDatabaseUrl(url: string): { kind: DatabaseKind; target: string } {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', target: url };
  return { kind: 'sqlite', target: url.replace(/^sqlite:(\/\/)?/, '') };
}
