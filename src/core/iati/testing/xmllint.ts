import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The official schema as the product ships it (standards/iati-2.03, beside xml.xsd and iati-common.xsd). */
export const IATI_ACTIVITIES_XSD = fileURLToPath(
  new URL('../../../../standards/iati-2.03/iati-activities-schema.xsd', import.meta.url),
);

/**
 * Validates an IATI activity file against the official 2.03 schema with libxml2's xmllint (Debian's
 * libxml2-utils; scripts/test.mjs installs it). Exit code 0 means valid; stderr names each violation.
 */
export function validateIati(xml: string): { code: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ramstein-iati-'));
  try {
    const file = join(dir, 'activities.xml');
    writeFileSync(file, xml);
    const result = spawnSync(
      '/usr/bin/xmllint',
      ['--noout', '--nonet', '--schema', IATI_ACTIVITIES_XSD, file],
      { encoding: 'utf8' },
    );
    if (result.error) throw result.error;
    return { code: result.status, stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
