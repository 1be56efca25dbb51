import type { z } from 'zod';
import { pledgeListQuerySchema } from '../pledges/pledge.schema';

/**
 * What an IATI export takes: the pledge list's filters and order, without paging, since the file holds
 * every matching pledge the viewer may read.
 */
export const iatiQuerySchema = pledgeListQuerySchema.omit({ limit: true, offset: true });
export type IatiQuery = z.infer<typeof iatiQuerySchema>;
