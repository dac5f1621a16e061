// Collects a file's lines into ~1 MB encoded chunks, so big files are never one giant string.
import { bomFor, encodeText, type DemoEncoding } from './encoding.js';

export const CHUNK_CHARS = 1 << 20;

export class ChunkWriter {
  private parts: string[] = [];
  private size = 0;
  private readonly chunks: Buffer[];

  constructor(
    private readonly encoding: DemoEncoding,
    private readonly eol: string,
    /** Receives each encoded chunk; when absent, chunks are kept for finish(). */
    private readonly sink?: (chunk: Buffer) => void,
  ) {
    const bom = bomFor(encoding);
    this.chunks = [];
    if (bom.length > 0) this.emit(bom);
  }

  line(text: string): void {
    this.parts.push(text, this.eol);
    this.size += text.length + this.eol.length;
    if (this.size >= CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    this.emit(encodeText(this.parts.join(''), this.encoding));
    this.parts = [];
    this.size = 0;
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
