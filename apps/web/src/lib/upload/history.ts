// The load log as GET /api/loads answers it: past loads and the writes waiting in the queue.

import type { Static } from 'typebox';
import type { LoadList as LoadListSchema, LoadRecord as LoadRecordSchema, QueueEntry as QueueEntrySchema } from '@fixops/contracts';

export type LoadRecord = Static<typeof LoadRecordSchema>;
export type QueueEntry = Static<typeof QueueEntrySchema>;
export type LoadList = Static<typeof LoadListSchema>;

/** "2025-12-03T08:15:00.000Z" → "2025-12-03 08:15" (UTC, as stored). */
export function shortTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}
