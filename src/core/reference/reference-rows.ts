import { z } from 'zod';
import { confidenceSchema, isoDate, nationCode } from '../common.schema';

/**
 * The shape of each reference CSV row, as published in data/reference/README.md.
 * Empty cells arrive as '' and become null here, so the loader never stores an empty string.
 */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? null : value), schema.nullable());

const bool = z.enum(['true', 'false']).transform((value) => value === 'true');
const url = z.url({ message: 'must be a URL' });

export const sourceColumns = {
  source_url: url,
  source_title: z.string().min(1, 'is required'),
  confidence: confidenceSchema,
};

export const meetingRowSchema = z.object({
  meeting_number: optional(z.coerce.number().int().min(1)),
  date: isoDate,
  status: z.enum(['held', 'cancelled', 'planned']),
  location: optional(z.string()),
  location_country_iso3: optional(nationCode),
  format: optional(z.enum(['in_person', 'virtual', 'hybrid'])),
  chair_nation_iso3: nationCode,
  chair_person: optional(z.string()),
  co_chair_nation_iso3: optional(nationCode),
  co_chair_person: optional(z.string()),
  note: optional(z.string()),
  ...sourceColumns,
});
export type MeetingRow = z.infer<typeof meetingRowSchema>;

export const participantRowSchema = z.object({
  nation_iso3: optional(nationCode),
  name: z.string().min(1, 'is required'),
  kind: z.enum(['nation', 'organisation']),
  first_seen_meeting: optional(z.coerce.number().int().min(1)),
  first_seen_date: optional(isoDate),
  role: z.enum(['member', 'observer', 'recipient']),
  nato_member: bool,
  eu_member: bool,
  note: optional(z.string()),
  ...sourceColumns,
});
export type ParticipantRow = z.infer<typeof participantRowSchema>;

export const eventRowSchema = z
  .object({
    event_id: z.string().regex(/^[A-Z0-9_]+$/, 'must be upper-case letters, digits and _'),
    event: z.string().min(1, 'is required'),
    start_date: isoDate,
    end_date: isoDate,
    location: optional(z.string()),
    location_country_iso3: optional(nationCode),
    actors: optional(z.string()),
    note: optional(z.string()),
    ...sourceColumns,
  })
  .refine((row) => row.start_date <= row.end_date, {
    path: ['end_date'],
    message: 'must not be before start_date',
  });
export type EventRow = z.infer<typeof eventRowSchema>;

export const meetingColumns = Object.keys(meetingRowSchema.shape);
export const participantColumns = Object.keys(participantRowSchema.shape);
export const eventColumns = [
  'event_id',
  'event',
  'start_date',
  'end_date',
  'location',
  'location_country_iso3',
  'actors',
  'note',
  'source_url',
  'source_title',
  'confidence',
];

export const coalitionRowSchema = z.object({
  coalition_name: z.string().min(1, 'is required'),
  capability_area: z.string().min(1, 'is required'),
  lead_nations_iso3: z
    .string()
    .transform((text) =>
      text
        .split(';')
        .map((code) => code.trim())
        .filter(Boolean),
    )
    .pipe(z.array(nationCode).min(1, 'must name at least one lead nation')),
  formed_date: optional(
    z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  ),
  formed_date_note: optional(z.string()),
  key_milestones: optional(z.string()),
  ...sourceColumns,
});
export type CoalitionRow = z.infer<typeof coalitionRowSchema>;
export const coalitionColumns = Object.keys(coalitionRowSchema.shape);
