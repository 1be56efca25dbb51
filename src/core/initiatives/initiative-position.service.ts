import { isSecretariatOf, type Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import type { Db } from '../db/database';
import { AppError, invalid } from '../errors';
import { newId } from '../ids';
import { markingColumns } from '../markings';
import { todayIso } from '../time';
import { statedOnProblem } from './initiative';
import { findNation, insertPosition } from './initiative.repository';
import type { Initiative, RecordPosition } from './initiative.schema';
import { getInitiative, requireAuthor, requireInitiative } from './initiative.service';

/**
 * Records a party's position on a day, with its source and its own marking. A nation records its
 * own position; the chair secretariat records any party's (from a statement, with the source).
 */
export async function recordPosition(
  db: Db,
  viewer: Viewer,
  initiativeId: string,
  input: RecordPosition,
  now: Date = new Date(),
): Promise<Initiative> {
  const row = await requireInitiative(db, viewer, initiativeId);
  requireAuthor(viewer);
  const chair = row.group_id !== null && isSecretariatOf(viewer, row.group_id);
  if (input.party !== viewer.nationCode && !chair) {
    throw new AppError(
      'forbidden',
      `Only ${input.party} or the chair secretariat may record ${input.party}'s position`,
      [{ path: 'body.party', message: `is not your nation (${viewer.nationCode})` }],
    );
  }
  const problem = statedOnProblem(input.statedOn, todayIso(now));
  if (problem !== null) throw invalid('body.statedOn', problem);
  if (!(await findNation(db, input.party))) {
    throw invalid('body.party', `${input.party} is not a known nation or organisation`);
  }
  const id = newId(now.getTime());
  const marking = markingColumns(input.marking, viewer.nationCode);
  await insertPosition(db, {
    id,
    initiative_id: initiativeId,
    party_code: input.party,
    stance: input.stance,
    stated_on: input.statedOn,
    statement: input.statement ?? null,
    ...marking,
    group_id: row.group_id,
    source_url: input.source.url ?? null,
    source_title: input.source.title,
    confidence: null,
    recorded_by: viewer.userId,
    recorded_at: now.toISOString(),
  });
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'initiative.position_recorded',
      entity: 'initiative_position',
      entityId: id,
      marking: { ...marking, group_id: row.group_id },
      after: {
        initiative: initiativeId,
        party: input.party,
        stance: input.stance,
        statedOn: input.statedOn,
        statement: input.statement ?? null,
        source: input.source,
      },
    },
    now,
  );
  return getInitiative(db, viewer, initiativeId);
}
