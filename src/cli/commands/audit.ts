import { verifyAuditChain } from '../../core/audit/audit.service';
import type { Config } from '../../core/config';
import { AppError } from '../../core/errors';
import { withConnection } from '../context';

/** Exits 0 when the chain is intact; otherwise names the first broken entry and exits 1. */
export async function runAuditVerify(config: Config): Promise<void> {
  await withConnection(config, async ({ db }) => {
    const result = await verifyAuditChain(db);
    if (result.ok) {
      process.stdout.write(`Audit chain intact: ${result.checked} entries checked.\n`);
      return;
    }
    const broken = result.firstBroken;
    throw new AppError(
      'conflict',
      `Audit chain broken at entry ${broken?.seq ?? '?'}${broken?.id ? ` (id ${broken.id})` : ''}: ${broken?.reason ?? 'unknown'}. ${result.checked} entries before it are intact.`,
    );
  });
}
