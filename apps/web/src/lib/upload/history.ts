// The load log as GET /api/loads answers it: past loads and the writes waiting in the queue.

export interface LoadRecord {
  id: number;
  file: string;
  kind: string | null;
  status: string;
  dealers: string[];
  months: string[];
  rowsLoaded: number;
  rowsRejected: number;
  rowsSkipped: number;
  rowsDuplicate: number;
  error: { code: string; message: { zh: string; en: string } } | null;
  uploadedBy: string | null;
  startedAt: string;
  /** An `undo` entry: the load it undid. */
  undoes?: number | null;
  /** A load that was undone: the `undo` entry that did it. */
  undoneBy?: number | null;
}

export interface QueueEntry {
  kind: string;
  label: string;
  user: string;
  queuedAt: string;
  startedAt: string | null;
}

/** "2025-12-03T08:15:00.000Z" → "2025-12-03 08:15" (UTC, as stored). */
export function shortTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}
