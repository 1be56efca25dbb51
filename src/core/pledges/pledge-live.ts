import type { Db } from '../db/database';
import type { PledgesTable } from '../db/tables/ledger';
import type { LivePledgeData } from '../live/live-event.schema';
import { publishLiveEvent } from '../live/live-event.service';
import type { Pledge } from './pledge.schema';

/**
 * Puts a pledge announced at a meeting on that meeting's live board, in the pledge's transaction and
 * under the pledge's own marking: only nations that may read the pledge see it appear.
 */
export async function announcePledgeLive(
  db: Db,
  row: Pick<PledgesTable, 'meeting_id' | 'marking' | 'rel_to' | 'group_id'>,
  pledge: Pledge,
  now: Date = new Date(),
): Promise<void> {
  if (row.meeting_id === null) return;
  const data: LivePledgeData = {
    pledgeId: pledge.id,
    donor: pledge.donor,
    item: pledge.item,
    quantity: pledge.quantity,
    unit: pledge.unit,
    kind: pledge.kind,
    capabilityArea: pledge.capabilityArea.slug,
    value: pledge.value,
    reportingValue: pledge.reportingValue,
    status: pledge.status,
    announcedOn: pledge.announcedOn,
  };
  await publishLiveEvent(
    db,
    {
      meetingId: row.meeting_id,
      kind: 'pledge.recorded',
      marking: { marking: row.marking, rel_to: row.rel_to, group_id: row.group_id },
      data,
    },
    now,
  );
}
