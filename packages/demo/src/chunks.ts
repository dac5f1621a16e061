// Collects a file's lines into ~1 MB encoded chunks, so big files are never one giant string.
import { bomFor, writeGb18030, type DemoEncoding } from './encoding.js';

/** Flush threshold in bytes: chunks are about 1 MB. */
export const CHUNK_CHARS = 1 << 20;

export class ChunkWriter {
  // Rows are encoded one by one straight into a byte buffer: joining a chunk's row strings first
  // is 3–4× slower (ropes get flattened, and one Chinese character makes the whole chunk two-byte).
  private readonly put: (text: string, buf: Buffer, offset: number) => number;
  private buf = Buffer.allocUnsafe(CHUNK_CHARS + (256 << 10));
  private offset = 0;
  private readonly chunks: Buffer[] = [];

  constructor(
    encoding: DemoEncoding,
    private readonly eol: string,
    /** Receives each encoded chunk (a copy it may keep); when absent, chunks are kept for finish(). */
    private readonly sink?: (chunk: Buffer) => void,
  ) {
    this.put =
      encoding === 'gb18030'
        ? writeGb18030
        : encoding === 'utf-16le'
          ? (text, buf, offset) => buf.write(text, offset, 'utf16le')
          : (text, buf, offset) => buf.write(text, offset, 'utf8');
    const bom = bomFor(encoding);
    if (bom.length > 0) this.emit(Buffer.from(bom));
  }

  line(text: string): void {
    // worst case 4 bytes per UTF-16 unit (GB18030 four-byte sequences)
    const worst = (text.length + this.eol.length) * 4;
    if (this.offset + worst > this.buf.length) {
      this.flush();
      if (worst > this.buf.length) this.buf = Buffer.allocUnsafe(worst);
    }
    this.offset += this.put(text, this.buf, this.offset);
    this.offset += this.put(this.eol, this.buf, this.offset);
    if (this.offset >= CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (this.offset === 0) return;
    this.emit(Buffer.from(this.buf.subarray(0, this.offset)));
    this.offset = 0;
  }

  /** Flushes; returns everything written, or an empty buffer when chunks went to a sink. */
  finish(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks);
  }

  private emit(chunk: Buffer): void {
    if (this.sink) this.sink(chunk);
    else this.chunks.push(chunk);
  }
}
