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
});

export type Config = Readonly<z.infer<typeof configSchema>>;

/** Parses the environment; a bad value fails with one readable line per variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const picked = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = configSchema.safeParse(picked);
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
