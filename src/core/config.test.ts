import { describe, expect, it } from 'vitest';
import { ConfigError, describeDatabaseUrl, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite database on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DATABASE_URL: './data/ramstein.sqlite',
      PORT: 3000,
      HOST: 'localhost',
      TRUST_PROXY: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(
      /PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*PORT/,
    );
  });
});

describe('describeDatabaseUrl', () => {
  it('recognises PostgreSQL URLs and SQLite paths', () => {
    expect(describeDatabaseUrl('postgres://u@h:5432/db').kind).toBe('postgres');
    expect(describeDatabaseUrl('postgresql://u@h/db').kind).toBe('postgres');
    expect(describeDatabaseUrl('sqlite:./x.sqlite')).toEqual({
      kind: 'sqlite',
      target: './x.sqlite',
    });
    expect(describeDatabaseUrl('/var/lib/ramstein.sqlite')).toEqual({
      kind: 'sqlite',
      target: '/var/lib/ramstein.sqlite',
    });
  });
});
