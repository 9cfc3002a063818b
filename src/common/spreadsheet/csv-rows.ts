/**
 * Rows of a .csv file: UTF-8 with or without BOM, the delimiter (comma, semicolon or tab) guessed
 * from the first lines, the line break (`\n`, `\r\n` or old Macs' `\r`) detected by the parser.
 * Every cell is text. Parsed by Papa Parse in chunks of the file (its fastest mode: rows of a chunk
 * die young), pausing while the caller works on the last chunk's rows.
 *
 * Quotes follow RFC 4180: a field that starts with `"` is quoted (`""` inside is one quote,
 * delimiters and line breaks inside are kept); a `"` inside an unquoted field is an ordinary
 * character. A quoted field that is never closed, or closed and followed by more text (`"ab"c`),
 * makes the rest of the file ambiguous: the file is refused (CSV_QUOTES) naming the row.
 * Row numbers count records, empty lines included (a quoted line break does not start a new row).
 * A first line `sep=;` (Excel's own hint, which it reads and hides) names the delimiter and is not a
 * record: rows are numbered from the line after it, as Excel shows them (QA: one too high).
 * Each record keeps all its fields, trailing empty ones included: SheetReader compares their count
 * with the header's (field-count.ts).
 *
 * The text must be UTF-8 throughout: the first byte that is not (a letter of a file Excel saved as
 * ANSI/Windows-1252, wherever it stands) refuses the file (CSV_NOT_UTF8) naming its row, as the
 * first 64 KB always were. Until 2026 the rest of the file was decoded leniently: such a letter
 * deep in the file was stored as U+FFFD ("Mu\uFFFDoz").
 */
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import Papa from 'papaparse';
import { type Cell, EMPTY_CELL, textCell } from './cell.js';
import type { ByteCounter, RawRow } from './raw-row.js';
import { SpreadsheetException } from './spreadsheet.exception.js';

const CHUNK_BYTES = 64 * 1024;

/** The file's non-empty records, one chunk of the file at a time. */
export async function* csvRows(path: string, head: Buffer, counter: ByteCounter, filename: string, delimiter?: string): AsyncGenerator<RawRow[]> {
  const sep = SEP_LINE.exec(head.toString('utf8'));
  const separator = delimiter ?? csvDelimiter(head);
  const input = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  input.on('data', (bytes) => (counter.bytesRead += bytes.length));
  const text = new Utf8Text();
  input.on('error', (err) => text.destroy(err));
  input.pipe(text);
  const chunks = new ChunkQueue();
  let rowNumber = sep ? -1 : 0; // the sep= line is record 0, skipped
  Papa.parse<string[]>(text as unknown as File, {
    delimiter: separator,
    skipEmptyLines: false,
    chunk(results, parser) {
      const quotes = results.errors.find((e) => e.type === 'Quotes');
      if (quotes) {
        parser.abort();
        return chunks.fail(SpreadsheetException.csvQuotes(rowNumber + (quotes.row ?? 0) + 1));
      }
      if (text.invalid) {
        const at = results.data.findIndex((fields) => fields.some((f) => f.includes('\uFFFD')));
        if (at >= 0) {
          parser.abort();
          const field = results.data[at].find((f) => f.includes('\uFFFD'))!;
          return chunks.fail(SpreadsheetException.csvNotUtf8(filename, { row: rowNumber + at + 1, text: field.trim() }));
        }
      }
      const rows: RawRow[] = [];
      for (const fields of results.data) {
        rowNumber += 1;
        if (rowNumber === 0) continue;
        const cells = textCells(fields);
        if (cells) rows.push({ sheet: 0, rowNumber, cells });
      }
      parser.pause();
      chunks.push(rows, () => parser.resume());
    },
    complete: () => chunks.end(),
    error: (err) => chunks.fail(err),
  });
  try {
    yield* chunks.drain();
  } finally {
    input.destroy();
    text.destroy();
  }
}

/**
 * Bytes to text for the parser. Decoded leniently (an invalid byte becomes U+FFFD, as Node's
 * `utf8` stream did) and, until the first invalid byte, strictly beside it: `invalid` then says so,
 * and the parser's chunk callback refuses the file at the first row holding U+FFFD. A byte order
 * mark is kept (the header matching ignores it, as before).
 */
class Utf8Text extends Transform {
  invalid = false;
  private readonly lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly strict = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

  constructor() {
    super({ readableObjectMode: true });
  }

  override _transform(bytes: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.check(bytes, true);
    const text = this.lenient.decode(bytes, { stream: true });
    if (text) this.push(text);
    done();
  }

  override _flush(done: TransformCallback): void {
    this.check(undefined, false);
    const text = this.lenient.decode();
    if (text) this.push(text);
    done();
  }

  private check(bytes: Buffer | undefined, stream: boolean): void {
    if (this.invalid) return;
    try {
      this.strict.decode(bytes, { stream });
    } catch {
      this.invalid = true;
    }
  }
}

/** Hands the parser's chunks to an async consumer, one at a time (the parser waits meanwhile). */
class ChunkQueue {
  private rows: RawRow[] | undefined;
  private resume: (() => void) | undefined;
  private done = false;
  private failure: unknown;
  private wake: (() => void) | undefined;

  push(rows: RawRow[], resume: () => void): void {
    this.rows = rows;
    this.resume = resume;
    this.signal();
  }

  end(): void {
    this.done = true;
    this.signal();
  }

  fail(err: unknown): void {
    this.failure ??= err;
    this.signal();
  }

  async *drain(): AsyncGenerator<RawRow[]> {
    for (;;) {
      if (this.failure) throw this.failure;
      if (this.rows) {
        const { rows, resume } = this;
        this.rows = this.resume = undefined;
        if (rows.length) yield rows;
        resume!();
        continue;
      }
      if (this.done) return;
      await new Promise<void>((wake) => (this.wake = wake));
    }
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/** Trimmed text cells, or null when every cell is empty. */
function textCells(fields: string[]): Cell[] | null {
  let any = false;
  const cells: Cell[] = new Array(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const cell = fields[i] === '' ? EMPTY_CELL : textCell(fields[i]);
    if (cell !== EMPTY_CELL) any = true;
    cells[i] = cell;
  }
  return any ? cells : null;
}

/** Excel's `sep=;` first line (after a BOM, if any): the delimiter it names. */
const SEP_LINE = /^\uFEFF?sep=([,;\t|])[ \t]*(?:\r\n|\r|\n)/i;

/** The file's delimiter: the one its `sep=` line names, else guessed (guessDelimiter). */
export function csvDelimiter(head: Buffer): string {
  const sample = head.toString('utf8');
  return SEP_LINE.exec(sample)?.[1] ?? guessDelimiter(sample);
}

/** The candidate delimiter seen most often outside quotes in the first lines. */
export function guessDelimiter(sample: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let lines = 0;
  for (const ch of sample) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
    else if (!quoted && ch === '\n' && ++lines >= 50) break;
  }
  const [best, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? best : ',';
}
