// Finds where every record of a UTF-8 CSV starts (byte offset and line number), chunk by
// chunk, jumping between quotes and line ends with Buffer.indexOf instead of looking at each
// byte. DuckDB does the real parsing; this index gives a rejected row its line number and
// raw text, and its record count checks that DuckDB read the structure we expect.
// Rules, as DuckDB reads them: empty lines are skipped; a quote opens a quoted value only at
// the start of a field; inside one, "" is a literal quote; CRLF, LF and lone CR end a line.

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** A growing array of numbers in one Float64Array (a million offsets are 8 MB, not a JS array). */
export class GrowableNumbers {
  private data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i]!;
  }
  /** The numbers pushed so far, as a view on the backing store (no copy; transferable). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

export interface RecordIndex {
  /** Data records (the header excluded), in file order: the order DuckDB reads them. */
  count: number;
  /** Byte offset where record i starts. */
  offset(i: number): number;
  /** 1-based line number where record i starts (the header is on line 1 unless blank lines precede it). */
  line(i: number): number;
  /** Byte offset just past the last byte. */
  end: number;
}

/** A record index as plain data: what crosses from a worker thread (its buffers are transferred, not copied). */
export interface RecordIndexData {
  offsets: Float64Array;
  lines: Float64Array;
  end: number;
}

export function recordIndex(data: RecordIndexData): RecordIndex {
  const { offsets, lines, end } = data;
  return { count: offsets.length, offset: (i) => offsets[i]!, line: (i) => lines[i]!, end };
}

export class RecordScanner {
  private readonly sep: number;
  private pos = 0; // bytes of earlier chunks
  private line = 1;
  private inQuotes = false;
  /** A quote ended the previous chunk inside a quoted value: closing, or the first of "". */
  private quotePending = false;
  /** A CR ended the previous chunk: an LF starting this one belongs to it. */
  private crPending = false;
  /** The same, inside a quoted value (the line is counted once the next byte is known). */
  private quotedCrPending = false;
  private atRecordStart = true;
  /** Last byte before the current position (a quote after a separator or record start opens a value). */
  private prev = LF;
  private records: number; // negative while in the title records and the header
  private readonly offsets = new GrowableNumbers();
  private readonly lines = new GrowableNumbers();

  /** `titleRecords`: non-empty records above the header (title lines), skipped like the header. */
  constructor(separator: string, titleRecords = 0) {
    this.sep = separator.charCodeAt(0);
    this.records = -1 - titleRecords;
  }

  /** Data records finished so far (a reader may stop early at a limit). */
  get recordCount(): number {
    return Math.max(0, this.records);
  }

  push(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    const n = buf.length;
    let i = 0;
    if (this.crPending && n > 0) {
      this.crPending = false;
      if (buf[0] === LF) i = 1;
    }
    if (this.quotedCrPending && n > 0) {
      this.quotedCrPending = false;
      if (buf[0] !== LF) this.line++; // a lone CR; a CRLF is counted at its LF
    }
    if (this.quotePending && i < n) {
      this.quotePending = false;
      if (buf[i] === QUOTE) i++; // "" : still inside
      else {
        this.inQuotes = false;
        this.prev = QUOTE;
      }
    }
    let nextQuote = -2; // cached positions; -2 = not searched yet, -1 = none left in chunk
    let nextCR = -2;
    while (i < n) {
      if (this.inQuotes) {
        const q = buf.indexOf(QUOTE, i);
        const stop = q === -1 ? n : q;
        this.countLineBreaks(buf, i, stop);
        if (q === -1) {
          i = n;
          break;
        }
        if (q + 1 === n) {
          this.quotePending = true;
          i = n;
          break;
        }
        if (buf[q + 1] === QUOTE) i = q + 2;
        else {
          this.inQuotes = false;
          this.prev = QUOTE;
          i = q + 1;
        }
        continue;
      }
      if (this.atRecordStart) {
        const b = buf[i];
        if (b === LF || b === CR) {
          // an empty line: DuckDB skips it, so do we
          this.line++;
          i = this.skipLineEnd(buf, i);
          continue;
        }
        this.atRecordStart = false;
        this.prev = LF;
        if (this.records >= 0) {
          this.offsets.push(this.pos + i);
          this.lines.push(this.line);
        }
      }
      const lf = buf.indexOf(LF, i);
      if (nextCR !== -1 && nextCR < i) nextCR = buf.indexOf(CR, i);
      if (nextQuote !== -1 && nextQuote < i) nextQuote = buf.indexOf(QUOTE, i);
      let end = lf === -1 ? n : lf;
      if (nextCR !== -1 && nextCR < end) end = nextCR;
      if (nextQuote !== -1 && nextQuote < end) {
        // a quote before the line end: it opens a quoted value only at the start of a field
        const before = nextQuote === i ? this.prev : buf[nextQuote - 1];
        if (before === this.sep || before === LF || before === CR) this.inQuotes = true;
        else this.prev = QUOTE;
        i = nextQuote + 1;
        continue;
      }
      if (end === n) {
        this.prev = buf[n - 1]!;
        i = n;
        break;
      }
      // end of the record
      this.records++;
      this.atRecordStart = true;
      this.line++;
      i = this.skipLineEnd(buf, end);
    }
    this.pos += n;
  }

  /** Past the line end at `at` (CRLF, LF or lone CR); remembers a CR that ends the chunk. */
  private skipLineEnd(buf: Buffer, at: number): number {
    if (buf[at] === CR) {
      if (at + 1 === buf.length) this.crPending = true;
      else if (buf[at + 1] === LF) return at + 2;
    }
    return at + 1;
  }

  /** Line breaks inside a quoted value still advance the line number. */
  private countLineBreaks(buf: Buffer, from: number, to: number): void {
    for (let p = buf.indexOf(LF, from); p !== -1 && p < to; p = buf.indexOf(LF, p + 1)) this.line++;
    for (let p = buf.indexOf(CR, from); p !== -1 && p < to; p = buf.indexOf(CR, p + 1)) {
      if (p + 1 === buf.length) this.quotedCrPending = true;
      else if (buf[p + 1] !== LF) this.line++;
    }
  }

  finish(): RecordIndex {
    return recordIndex(this.finishData());
  }

  /** The index as plain data (views on the scanner's own arrays). */
  finishData(): RecordIndexData {
    if (!this.atRecordStart) this.records++;
    return { offsets: this.offsets.view(), lines: this.lines.view(), end: this.pos };
  }
}
