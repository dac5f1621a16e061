export * from './kinds/index.js';
export { normalizeHeader, isPersonalHeader, mapColumns, type ColumnMapping } from './detect/headers.js';
export { detectKind } from './detect/kind.js';
export { ENCODINGS, parseEncoding, sniffEncoding, type Encoding } from './detect/encoding.js';
export { parseSeparator, separatorName, type Separator } from './detect/separator.js';
export { ingestFile, DEFAULT_MAX_REJECT_RATE, type IngestOptions } from './load/ingestFile.js';
export type { LoadSummary, LoadError } from './load/summary.js';
export { TABLE_OF, storedColumns } from './load/store.js';
export { listLoads, countLoads, getLoad, listRejects, type LoadRecord, type LoadFilter, type StoredReject } from './load/history.js';
