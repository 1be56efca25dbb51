import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import { newId } from '../ids';
import { insertFigures, insertTargets } from '../spending/spending.repository';
import { spendingFiles, type SpendingFigurePlan, type SpendingTargetPlan } from './spending-plan';

/** Rows added and rows planned, per table. */
export interface SpendingCounts {
  spending_figures: { added: number; planned: number };
  spending_targets: { added: number; planned: number };
}

/**
 * Inserts the planned figures and targets that are missing, in the seed's transaction. A row already
 * there (by natural key: nation, year and release; the target id) is kept as it is, so a second run adds
 * nothing and a figure an import has completed since is never overwritten.
 */
export async function writeSpendingReference(
  trx: Transaction<Database>,
  plan: { figures: readonly SpendingFigurePlan[]; targets: readonly SpendingTargetPlan[] },
  now: string,
): Promise<SpendingCounts> {
  const figureKey = (nation: string, year: number, release: string) =>
    `${nation}|${year}|${release}`;
  const storedFigures = new Set(
    (
      await trx.selectFrom('spending_figures').select(['nation_code', 'year', 'release']).execute()
    ).map((f) => figureKey(f.nation_code, f.year, f.release)),
  );
  const newFigures = plan.figures.filter(
    (f) => !storedFigures.has(figureKey(f.nationCode, f.year, f.release)),
  );
  await insertFigures(
    trx,
    newFigures.map((f) => ({
      id: newId(),
      nation_code: f.nationCode,
      year: f.year,
      release: f.release,
      release_date: f.releaseDate,
      pct_gdp: f.pctGdp,
      usd_million: f.usdMillion,
      national_million: null,
      national_currency: null,
      gdp_usd_billion: null,
      estimate: f.estimate ? 1 : 0,
      notes: f.notes,
      loaded_from: spendingFiles.figures,
      loaded_at: now,
      source_url: f.source_url,
      source_title: f.source_title,
      confidence: f.confidence,
    })),
  );

  const storedTargets = new Set(
    (await trx.selectFrom('spending_targets').select('id').execute()).map((t) => t.id),
  );
  const newTargets = plan.targets.filter((t) => !storedTargets.has(t.id));
  await insertTargets(
    trx,
    newTargets.map((t) => ({
      id: t.id,
      kind: t.kind,
      nation_code: t.nationCode,
      announced_on: t.announcedOn,
      announced_by: t.announcedBy,
      deadline_year: t.deadlineYear,
      deadline: t.deadline,
      pct_gdp: t.pctGdp,
      measure: t.measure,
      description: t.description,
      supersedes_id: t.supersedesId,
      part_of_id: t.partOfId,
      source_url: t.source_url,
      source_title: t.source_title,
      confidence: t.confidence,
    })),
  );

  return {
    spending_figures: { added: newFigures.length, planned: plan.figures.length },
    spending_targets: { added: newTargets.length, planned: plan.targets.length },
  };
}
