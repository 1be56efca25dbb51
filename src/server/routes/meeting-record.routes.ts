import { z } from 'zod';
import { groupParamsSchema } from '../../core/groups/group.schema';
import {
  actionItemListQuerySchema,
  actionItemListSchema,
  actionItemSchema,
  attendanceListSchema,
  attendanceSchema,
  createActionItemSchema,
  meetingActionItemsSchema,
  meetingPledgeSchema,
  outcomeListSchema,
  outcomeSchema,
  recordAttendanceSchema,
  recordOutcomeSchema,
  recordParamsSchema,
  updateActionItemSchema,
  updateOutcomeSchema,
} from '../../core/meetings/meeting-record.schema';
import {
  createActionItem,
  listGroupActionItems,
  listMeetingActionItems,
  updateActionItem,
} from '../../core/meetings/action-item.service';
import {
  listAttendance,
  recordAttendance,
  recordMeetingPledge,
} from '../../core/meetings/attendance.service';
import { listOutcomes, recordOutcome, updateOutcome } from '../../core/meetings/outcome.service';
import { meetingParamsSchema } from '../../core/meetings/meeting.schema';
import { pledgeDetailSchema } from '../../core/pledges/pledge.schema';
import type { AppServer } from '../app';
import { readErrors, writeErrors } from './error-responses';
import { toCsv } from '../csv';

/**
 * What a meeting records while it runs: attendance (secretariat, or a delegation checking itself in),
 * pledges into the ledger, outcomes and decisions, action items. Reads follow the meeting's marking.
 */
export function meetingRecordRoutes(app: AppServer): void {
  app.get(
    '/meetings/:id/attendance',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meetings'],
        summary: 'Who was there: check-in time, who recorded it, self check-in',
        params: meetingParamsSchema,
        response: { 200: attendanceListSchema, ...readErrors },
      },
    },
    (request) => listAttendance(app.db, request.viewer, request.params.id),
  );

  app.get(
    '/meetings/:id/attendance.csv',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meetings'],
        summary: 'The attendance record as CSV, with the meeting marking on every row',
        params: meetingParamsSchema,
        response: { 200: z.string(), ...readErrors },
      },
    },
    async (request, reply) => {
      const attendance = await listAttendance(app.db, request.viewer, request.params.id);
      const csv = toCsv(
        [
          'marking',
          'nation',
          'nation_name',
          'mode',
          'head_of_delegation',
          'level',
          'checked_in_at',
          'recorded_by',
          'recorded_by_nation',
          'self_check_in',
          'note',
        ],
        attendance.items.map((a) => [
          attendance.marking.label,
          a.nation.code,
          a.nation.name,
          a.mode,
          a.headOfDelegation,
          a.level,
          a.checkedInAt,
          a.recordedBy,
          a.recordedByNation,
          a.selfCheckIn ? 'yes' : 'no',
          a.note,
        ]),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="attendance-${attendance.meetingId}.csv"`,
        )
        .send(csv);
    },
  );

  app.post(
    '/meetings/:id/attendance',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary:
          'Record attendance: the chair secretariat for any invited nation, or a self check-in',
        params: meetingParamsSchema,
        body: recordAttendanceSchema,
        response: { 201: attendanceSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const attendance = await app.db
        .transaction()
        .execute((trx) => recordAttendance(trx, request.viewer, request.params.id, request.body));
      return reply.code(201).send(attendance);
    },
  );

  app.post(
    '/meetings/:id/pledges',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings', 'pledges'],
        summary:
          'Record a pledge announced at the open meeting: it goes into the ledger linked to the meeting',
        params: meetingParamsSchema,
        body: meetingPledgeSchema,
        response: { 201: pledgeDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const pledge = await app.db
        .transaction()
        .execute((trx) =>
          recordMeetingPledge(trx, request.viewer, request.params.id, request.body),
        );
      return reply.code(201).send(pledge);
    },
  );

  app.get(
    '/meetings/:id/outcomes',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meetings'],
        summary: 'Outcomes and decisions, per agenda item',
        params: meetingParamsSchema,
        response: { 200: outcomeListSchema, ...readErrors },
      },
    },
    (request) => listOutcomes(app.db, request.viewer, request.params.id),
  );

  app.post(
    '/meetings/:id/outcomes',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary: 'Record an outcome or decision (the chair secretariat, while the meeting is open)',
        params: meetingParamsSchema,
        body: recordOutcomeSchema,
        response: { 201: outcomeSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const outcome = await app.db
        .transaction()
        .execute((trx) => recordOutcome(trx, request.viewer, request.params.id, request.body));
      return reply.code(201).send(outcome);
    },
  );

  app.patch(
    '/outcomes/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary: 'Correct an outcome while the meeting is open (the version you read)',
        params: recordParamsSchema,
        body: updateOutcomeSchema,
        response: { 200: outcomeSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => updateOutcome(trx, request.viewer, request.params.id, request.body)),
  );

  app.get(
    '/meetings/:id/action-items',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meetings'],
        summary: 'Action items raised at this meeting, and those still open from earlier ones',
        params: meetingParamsSchema,
        response: { 200: meetingActionItemsSchema, ...readErrors },
      },
    },
    (request) => listMeetingActionItems(app.db, request.viewer, request.params.id),
  );

  app.post(
    '/meetings/:id/action-items',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary: 'Raise an action item: owner nation, due date (the chair secretariat)',
        params: meetingParamsSchema,
        body: createActionItemSchema,
        response: { 201: actionItemSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const item = await app.db
        .transaction()
        .execute((trx) => createActionItem(trx, request.viewer, request.params.id, request.body));
      return reply.code(201).send(item);
    },
  );

  app.patch(
    '/action-items/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary:
          "Update an action item's status or due date (secretariat, or the owner's coordinators)",
        params: recordParamsSchema,
        body: updateActionItemSchema,
        response: { 200: actionItemSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => updateActionItem(trx, request.viewer, request.params.id, request.body)),
  );

  app.get(
    '/groups/:slug/action-items',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meetings'],
        summary: "The group's action items releasable to you (open ones unless ?status=all)",
        params: groupParamsSchema,
        querystring: actionItemListQuerySchema,
        response: { 200: actionItemListSchema, ...readErrors },
      },
    },
    (request) => listGroupActionItems(app.db, request.viewer, request.params.slug, request.query),
  );
}
