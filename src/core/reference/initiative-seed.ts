import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import { newId } from '../ids';
import type { InitiativePlan } from './initiative-plan';

export interface InitiativeCounts {
  initiatives: { added: number; planned: number };
  initiative_positions: { added: number; planned: number };
}

/**
 * Inserts the planned reference initiatives that are missing (by `ref`), with their elements, the
 * events they were raised at and the positions the reference data states, in the seed's transaction.
 * One already there is kept as it is, with whatever users have recorded on it since. PUBLIC: they
 * come from public sources.
 */
export async function writeInitiatives(
  trx: Transaction<Database>,
  groupId: string,
  plans: readonly InitiativePlan[],
  now: string,
): Promise<InitiativeCounts> {
  const existing = new Set(
    (await trx.selectFrom('initiatives').select('ref').where('ref', 'is not', null).execute()).map(
      (r) => r.ref,
    ),
  );
  const eventIds = new Map(
    (await trx.selectFrom('events').select(['id', 'ref']).execute()).map((e) => [e.ref, e.id]),
  );
  const missing = plans.filter((p) => !existing.has(p.ref));
  let positions = 0;
  for (const plan of missing) {
    const id = newId();
    const publicMarking = { marking: 'PUBLIC', rel_to: null, group_id: groupId };
    await trx
      .insertInto('initiatives')
      .values({
        id,
        ref: plan.ref,
        title: plan.title,
        kind: plan.kind,
        proposer_code: plan.proposerCode,
        proposer_detail: plan.proposerDetail,
        summary: plan.summary,
        origin_nation: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        version: 1,
        ...publicMarking,
        source_url: plan.source_url,
        source_title: plan.source_title,
        confidence: plan.confidence,
      })
      .execute();
    if (plan.elements.length > 0) {
      await trx
        .insertInto('initiative_elements')
        .values(
          plan.elements.map((e, i) => ({
            id: newId(),
            initiative_id: id,
            sort_order: i + 1,
            text: e.text,
            source_url: e.source_url,
            source_title: e.source_title,
            confidence: e.confidence,
          })),
        )
        .execute();
    }
    const raisings = plan.raisedAt.flatMap((r) => {
      const eventId = eventIds.get(r.eventRef);
      return eventId === undefined
        ? []
        : [
            {
              id: newId(),
              initiative_id: id,
              meeting_id: null,
              event_id: eventId,
              raised_on: r.raisedOn,
              note: r.note,
              recorded_by: null,
              recorded_at: now,
              source_url: r.source_url,
              source_title: r.source_title,
              confidence: r.confidence,
            },
          ];
    });
    if (raisings.length > 0) await trx.insertInto('initiative_raisings').values(raisings).execute();
    if (plan.positions.length > 0) {
      await trx
        .insertInto('initiative_positions')
        .values(
          plan.positions.map((p) => ({
            id: newId(),
            initiative_id: id,
            party_code: p.party,
            stance: p.stance,
            stated_on: p.statedOn,
            statement: p.statement,
            ...publicMarking,
            recorded_by: null,
            recorded_at: now,
            source_url: p.source_url,
            source_title: p.source_title,
            confidence: p.confidence,
          })),
        )
        .execute();
      positions += plan.positions.length;
    }
  }
  return {
    initiatives: { added: missing.length, planned: plans.length },
    initiative_positions: {
      added: positions,
      planned: plans.reduce((n, p) => n + p.positions.length, 0),
    },
  };
}
