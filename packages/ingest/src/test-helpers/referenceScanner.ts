// Reference for the record scanner: a plain byte-by-byte state machine, slow but obvious.
// The differential test checks the real scanner against it. It remembers where every record
// starts (byte offset and line number). DuckDB does the real parsing; this index lets a
// rejected row be reported with its line number and raw text, and catches rows with more
// fields than the header (a separator inside an unquoted value), whose extra fields DuckDB would
// drop silently.

import { GrowableNumbers } from '../detect/scanner.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;


export interface ReferenceIndex {
  /** Data records (the header excluded), in file order: the order DuckDB reads them. */
  count: number;
  headerFields: number;
  /** Byte offset where record i starts. */
  offset(i: number): number;
  /** 1-based line number where record i starts (the header is on line 1). */
  line(i: number): number;
  /** Byte offset just past the last record. */
  end: number;
  /** Records with more fields than the header (record index → field count). */
  tooManyFields: Map<number, number>;
  /** Records with fewer fields than the header (DuckDB must pad them with NULLs). */
  shortRecords: number;
  /** Some quoted value holds a line break (DuckDB's parallel reader cannot pad such files). */
  quotedLineBreaks: boolean;
}

// Parser states (plain numbers keep the hot loop monomorphic).
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote inside a quoted field: either the closing quote or the first of a doubled pair. */
const QUOTE_IN_QUOTED = 3;

export class ReferenceScanner {
  private readonly sep: number;
  private state = FIELD_START;
  private lineStartPending = true; // the next byte starts a record
  private prevCR = false;
  private line = 1;
  private pos = 0;
  private field = 0;
  private extraContent = false;
  private recordIndex = -1; // -1 = header
  private headerFields = 0;
  private readonly offsets = new GrowableNumbers();
  private readonly lines = new GrowableNumbers();
  private readonly tooMany = new Map<number, number>();
  private shortRecords = 0;
  private quotedLineBreaks = false;

  constructor(separator: string) {
    this.sep = separator.charCodeAt(0);
  }

  push(chunk: Uint8Array): void {
    const sep = this.sep;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (this.prevCR) {
        this.prevCR = false;
        if (b === LF) continue; // second half of CRLF
      }
      if (this.lineStartPending) {
        if (b === LF || b === CR) {
          // an empty line: DuckDB skips it, so do we
          this.line++;
          if (b === CR) this.prevCR = true;
          continue;
        }
        this.startRecord(this.pos + i);
      }
      let state = this.state;
      if (state === QUOTE_IN_QUOTED) {
        if (b === QUOTE) {
          this.state = QUOTED; // "" inside quotes is one literal quote
          continue;
        }
        state = UNQUOTED; // the quote closed the field; b is handled below
      }
      if (state === QUOTED) {
        if (b === QUOTE) this.state = QUOTE_IN_QUOTED;
        else if (b === LF) {
          this.line++;
          this.quotedLineBreaks = true;
        } else if (b === CR) {
          this.line++;
          this.prevCR = true;
          this.quotedLineBreaks = true;
        }
        continue;
      }
      if (b === sep) {
        this.field++;
        this.state = FIELD_START;
        if (this.field >= this.headerFields && this.recordIndex >= 0) this.extraContent = true;
      } else if (b === LF || b === CR) {
        this.endRecord();
        this.line++;
        if (b === CR) this.prevCR = true;
      } else if (b === QUOTE && state === FIELD_START) {
        this.state = QUOTED;
      } else {
        this.state = UNQUOTED;
      }
    }
    this.pos += chunk.length;
  }

  private startRecord(at: number): void {
    this.lineStartPending = false;
    this.field = 0;
    this.state = FIELD_START;
    this.extraContent = false;
    if (this.recordIndex >= 0) {
      this.offsets.push(at);
      this.lines.push(this.line);
    }
  }

  private endRecord(): void {
    if (this.recordIndex === -1) this.headerFields = this.field + 1;
    else if (this.extraContent) this.tooMany.set(this.recordIndex, this.field + 1);
    else if (this.field + 1 < this.headerFields) this.shortRecords++;
    this.recordIndex++;
    this.lineStartPending = true;
    this.state = FIELD_START;
  }

  finish(): ReferenceIndex {
    if (!this.lineStartPending) this.endRecord();
    const offsets = this.offsets;
    const lines = this.lines;
    return {
      count: offsets.length,
      headerFields: this.headerFields,
      offset: (i) => offsets.get(i),
      line: (i) => lines.get(i),
      end: this.pos,
      tooManyFields: this.tooMany,
      shortRecords: this.shortRecords,
      quotedLineBreaks: this.quotedLineBreaks,
    };
  }
}
