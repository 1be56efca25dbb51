import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import { newId } from '../ids';
import {
  figureKey,
  type PublishedAidFigurePlan,
  type PublishedAidMonthPlan,
} from './published-aid-plan';

/** Rows added and rows planned, per table. */
export interface PublishedAidCounts {
  published_aid_figures: { added: number; planned: number };
  published_aid_monthly: { added: number; planned: number };
}

async function inSlices<T>(rows: T[], write: (slice: T[]) => Promise<unknown>): Promise<void> {
  // 200 rows of at most 15 columns stay far below either database's limit on bound parameters.
  for (let i = 0; i < rows.length; i += 200) await write(rows.slice(i, i + 200));
}

/**
 * Inserts the planned Kiel figures and donor-months that are missing, in the seed's transaction. A row
 * already there (by natural key: the figure's key, or donor, year and month) is kept as it is.
 */
export async function writePublishedAid(
  trx: Transaction<Database>,
  plan: { figures: readonly PublishedAidFigurePlan[]; monthly: readonly PublishedAidMonthPlan[] },
): Promise<PublishedAidCounts> {
  const figureKeys = new Set(
    (
      await trx
        .selectFrom('published_aid_figures')
        .select([
          'donor_nation',
          'donor_name',
          'aid_type',
          'measure',
          'currency',
          'period_start',
          'data_cutoff',
          'release_date',
          'source_url',
        ])
        .execute()
    ).map(figureKey),
  );
  const newFigures = plan.figures.filter((f) => !figureKeys.has(f.key));
  await inSlices(
    newFigures.map((f) => ({
      id: newId(),
      donor_nation: f.donorNation,
      donor_name: f.donorName,
      aid_type: f.aidType,
      measure: f.measure,
      amount_bn: f.amountBn,
      currency: f.currency,
      period_start: f.periodStart,
      data_cutoff: f.dataCutoff,
      release_date: f.releaseDate,
      notes: f.notes,
      source_url: f.source_url,
      source_title: f.source_title,
      confidence: f.confidence,
    })),
    (slice) => trx.insertInto('published_aid_figures').values(slice).execute(),
  );

  const monthKey = (nation: string, year: number, month: number) => `${nation}|${year}|${month}`;
  const monthKeys = new Set(
    (
      await trx
        .selectFrom('published_aid_monthly')
        .select(['donor_nation', 'year', 'month'])
        .execute()
    ).map((m) => monthKey(m.donor_nation, m.year, m.month)),
  );
  const newMonths = plan.monthly.filter(
    (m) => !monthKeys.has(monthKey(m.donorNation, m.year, m.month)),
  );
  await inSlices(
    newMonths.map((m) => ({
      donor_nation: m.donorNation,
      year: m.year,
      month: m.month,
      total_bn: m.totalBn,
      financial_bn: m.financialBn,
      humanitarian_bn: m.humanitarianBn,
      military_bn: m.militaryBn,
      commitments_bn: m.commitmentsBn,
      to_be_allocated_bn: m.toBeAllocatedBn,
      gdp_bn: m.gdpBn,
      release: m.release,
      source_url: m.source_url,
      source_title: m.source_title,
      confidence: m.confidence,
    })),
    (slice) => trx.insertInto('published_aid_monthly').values(slice).execute(),
  );

  return {
    published_aid_figures: { added: newFigures.length, planned: plan.figures.length },
    published_aid_monthly: { added: newMonths.length, planned: plan.monthly.length },
  };
}
