// `@fixops/ingest/headers`: the Node-free part of ingest — the kinds catalogue, header
// normalisation and mapping, kind detection, separator guess and header parse — so the
// dashboard previews a file in the browser exactly as the server will read it. Nothing here
// may import node:* or DuckDB (headers-entry.test.ts walks the imports to check). The encoding
// sniff is here too, so the preview, the API's "is it text?" check and ingest agree.

export * from './kinds/index.js';
export { normalizeHeader, isPersonalHeader, mapColumns, type ColumnMapping, type MappedColumn } from './detect/headers.js';
export { detectKind } from './detect/kind.js';
export { detectSeparator, parseHeader, parseSeparator, separatorName, SEPARATORS, type Separator } from './detect/separator.js';
export { completeUtf8Prefix } from './detect/utf8Prefix.js';
export { bomLength, ENCODINGS, notTextReason, sniffBytes, type Encoding, type Refusal, type Sniffed } from './detect/sniff.js';
export { findHeaderRow, looksLikeHeader, HEADER_SEARCH_ROWS } from './detect/headerRow.js';
export { workbookFormat, type WorkbookFormat } from './detect/workbookFormat.js';
// The value and row rules (the preview warns about the rows the server would reject) and the reasons' words.
export { checkRow, type RowProblem, type RowCheckOptions } from './rules/rows.js';
export { cleanValue, readBookingStatus, readInteger, readMoney, readTimestamp } from './rules/values.js';
export { reasonFor, reasonIn } from './rules/reasons.js';
