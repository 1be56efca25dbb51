import { renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { anonymousViewer, type Viewer } from '../../core/accounts/viewer';
import type { Config } from '../../core/config';
import { AppError } from '../../core/errors';
import { iatiQuerySchema } from '../../core/iati/iati.schema';
import { exportIati } from '../../core/iati/iati.service';
import { withConnection } from '../context';
import { cliActor } from './accounts';

export interface ExportIatiOptions {
  group: string;
  out?: string;
  donor?: string;
  area?: string;
  status?: string;
}

/**
 * Writes the group's pledges as an IATI 2.03 activity file. The command runs as nobody's nation, so
 * the markings filter leaves the PUBLIC pledges only: what may be published on the IATI Registry.
 */
export async function runExportIati(config: Config, options: ExportIatiOptions): Promise<void> {
  const parsed = iatiQuerySchema.safeParse({
    ...(options.donor === undefined ? {} : { donor: options.donor.toUpperCase() }),
    ...(options.area === undefined ? {} : { area: options.area }),
    ...(options.status === undefined ? {} : { status: options.status }),
  });
  if (!parsed.success) {
    throw new AppError(
      'invalid',
      'Bad filter',
      parsed.error.issues.map((issue) => ({
        path: `--${issue.path.join('.')}`,
        message: issue.message,
      })),
    );
  }
  const viewer: Viewer = { ...anonymousViewer, username: cliActor().username, via: 'cli' };
  const xml = await withConnection(config, ({ db }) =>
    exportIati(db, viewer, options.group, parsed.data),
  );
  if (options.out === undefined) {
    process.stdout.write(xml);
    return;
  }
  // Written beside the target and renamed over it, so a web server never serves half a file.
  const file = resolve(options.out);
  const partial = `${file}.partial`;
  writeFileSync(partial, xml);
  renameSync(partial, file);
  const activities = xml.match(/<iati-activity[\s>]/g)?.length ?? 0;
  process.stdout.write(
    `Wrote ${activities} IATI activit${activities === 1 ? 'y' : 'ies'} (the PUBLIC pledges of ${options.group}) to ${file}.\n`,
  );
}
