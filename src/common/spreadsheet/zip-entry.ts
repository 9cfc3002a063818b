/**
 * One part (zip entry) of an .xlsx, inflated as it is read and refused when it inflates like a zip
 * bomb. UPLOAD_MAX_MB counts compressed bytes: a 405 KB file whose shared strings inflate to one
 * 400 MB string ran the service out of memory. The rule is Apache POI's (ZipSecureFile), counted on
 * the bytes actually read and inflated, never on the sizes the zip declares:
 * - past GRACE_BYTES inflated, an entry may not have inflated to more than MAX_RATIO times the
 *   compressed bytes read so far (real workbooks: about 7; a 1,000,000-row register 7.3);
 * - no text between two tags (a cell's value, a shared string, an attribute) may exceed
 *   MAX_TEXT_BYTES: Excel keeps at most 32,767 characters in a cell, under 200 KB escaped;
 * - an entry may not inflate past `maxBytes` when the caller gives one (shared strings).
 * The central directory is read by unzipper; the entry's bytes are read and inflated here, so the
 * compressed bytes can be counted.
 *
 * An entry that ends early is refused too (TruncatedPartError): fewer bytes inflated than the zip
 * declares, or an XML part whose root element is never closed. ExcelJS's parsers never close their
 * XML parser, so a worksheet cut in half and zipped again read as the rows before the cut, and the
 * upload succeeded with the rest gone (QA: 50,319 of 100,000 enrollment rows, status DONE).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type { CentralDirectoryFile } from 'unzipper';

export const MAX_RATIO = 100;
export const GRACE_BYTES = 4 * 1024 * 1024;
export const MAX_TEXT_BYTES = 256 * 1024;

export type InflateLimit = 'RATIO' | 'TEXT' | 'SIZE';

/** The entry ended before its end: sheet-reader.ts refuses the file as corrupt (CORRUPT_FILE), whatever was read of it. */
export class TruncatedPartError extends Error {
  constructor(
    readonly part: string,
    why: string,
  ) {
    super(`${part}: ${why}`);
  }
}

/** The zip's "size in the zip64 extra field" marker: no size to compare with. */
const ZIP64_SIZE = 0xffffffff;
/** Bytes kept from an XML part's start (to find its root element) and end (to find it closed). */
const XML_EDGE_BYTES = 4096;

/** An entry broke one of the limits above (sheet-reader.ts turns it into a refusal naming the file). */
export class InflateLimitError extends Error {
  constructor(
    readonly part: string,
    readonly limit: InflateLimit,
  ) {
    super(`${part}: inflates past the ${limit} limit`);
  }
}

const LOCAL_HEADER = 0x04034b50;
const LT = 0x3c; // '<'

/** The entry's inflated bytes; `onRead` gets the compressed bytes as they are read (progress). */
export async function openEntry(path: string, file: CentralDirectoryFile, options: { maxBytes?: number; onRead?: (bytes: number) => void } = {}): Promise<Readable> {
  if (file.flags & 0x01) throw new Error(`${file.path}: encrypted entry`);
  if (file.compressionMethod !== 0 && file.compressionMethod !== 8) throw new Error(`${file.path}: compression method ${file.compressionMethod}`);
  if (file.compressedSize === 0) return Readable.from([]);
  const start = await dataOffset(path, file);
  const raw = createReadStream(path, { start, end: start + file.compressedSize - 1 });
  const guard = new InflateGuard(file.path, options.maxBytes ?? Infinity, file.uncompressedSize, /\.(xml|rels)$/i.test(file.path));
  raw.on('data', (chunk) => {
    guard.compressed += chunk.length;
    options.onRead?.(chunk.length);
  });
  const noop = () => undefined; // errors reach the reader through `guard`
  return file.compressionMethod === 8 ? pipeline(raw, createInflateRaw({ chunkSize: 64 * 1024 }), guard, noop) : pipeline(raw, guard, noop);
}

/** Where the entry's data starts: after its local header, whose name and extra field lengths may differ from the directory's. */
async function dataOffset(path: string, file: CentralDirectoryFile): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const header = Buffer.alloc(30);
    const { bytesRead } = await handle.read(header, 0, 30, file.offsetToLocalFileHeader);
    if (bytesRead < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) throw new Error(`${file.path}: no local file header`);
    return file.offsetToLocalFileHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await handle.close();
  }
}

/** Passes inflated bytes on, counting them and the longest run without a `<`; at the end, checks the entry is whole. */
class InflateGuard extends Transform {
  compressed = 0;
  private inflated = 0;
  /** Bytes since the last `<`. */
  private run = 0;
  /** An XML part's first and last bytes (XML_EDGE_BYTES of each). */
  private head: Buffer = Buffer.alloc(0);
  private tail: Buffer = Buffer.alloc(0);

  constructor(
    private readonly part: string,
    private readonly maxBytes: number,
    private readonly declared: number,
    private readonly xml: boolean,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.inflated += chunk.length;
    if (this.inflated > this.maxBytes) return done(new InflateLimitError(this.part, 'SIZE'));
    if (this.inflated > GRACE_BYTES && this.inflated > MAX_RATIO * this.compressed) return done(new InflateLimitError(this.part, 'RATIO'));
    if (!this.textFits(chunk)) return done(new InflateLimitError(this.part, 'TEXT'));
    if (this.xml) {
      if (this.head.length < XML_EDGE_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, XML_EDGE_BYTES - this.head.length)]);
      this.tail = chunk.length >= XML_EDGE_BYTES ? chunk.subarray(chunk.length - XML_EDGE_BYTES) : Buffer.concat([this.tail, chunk]).subarray(-XML_EDGE_BYTES);
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.declared !== ZIP64_SIZE && this.inflated < this.declared) {
      return done(new TruncatedPartError(this.part, `inflated ${this.inflated} of the ${this.declared} bytes declared`));
    }
    if (this.xml && this.inflated > 0 && !xmlClosed(this.head.toString('utf8'), this.tail.toString('utf8'))) {
      return done(new TruncatedPartError(this.part, 'XML root element not closed'));
    }
    done();
  }

  /** False when the chunk extends a run without `<` past MAX_TEXT_BYTES. Jumps about MAX_TEXT_BYTES per search. */
  private textFits(chunk: Buffer): boolean {
    let last = -this.run - 1; // position of the last `<`, relative to the chunk
    for (;;) {
      const limit = last + MAX_TEXT_BYTES + 1; // the next `<` must come by here
      if (limit >= chunk.length) break;
      const next = chunk.lastIndexOf(LT, limit);
      if (next < 0 || next <= last) return false;
      last = next;
    }
    const tail = chunk.lastIndexOf(LT);
    this.run = tail >= 0 ? chunk.length - 1 - tail : this.run + chunk.length;
    return true;
  }
}

/**
 * Whether an XML document whose first and last bytes these are ends by closing its root element
 * (`</worksheet>`, `</x:worksheet>`), or is that element alone, self-closed; only white space and
 * comments may follow.
 */
export function xmlClosed(head: string, tail: string): boolean {
  const root = /<([A-Za-z_][\w.:-]*)/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![A-Z][^>]*>/g, ''))?.[1];
  if (!root) return false;
  const end = tail.replace(/(?:\s|<!--[\s\S]*?-->)*$/, '');
  const name = root.replace(/[.]/g, '\\.');
  return new RegExp(`</${name}\\s*>$`).test(end) || (head === tail && new RegExp(`^[^<]*(?:<[?!][^>]*>[^<]*)*<${name}\\b[^>]*/>$`).test(end));
}
