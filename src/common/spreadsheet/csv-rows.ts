/**
 * Rows of a .csv file: UTF-8 with or without BOM, the delimiter (comma, semicolon or tab) guessed
 * from the first lines. Every cell is text.
 *
 * A small hand-written parser (csv-parse cost as much as validating the rows): lines without a
 * quote are split on the delimiter directly; a line with quotes goes through a state machine.
 * Same results as csv-parse with `relax_quotes`, `relax_column_count` and empty lines kept
 * (they count as rows, and are skipped as empty):
 * - a field that starts with `"` is quoted: `""` inside is one quote, delimiters and line breaks
 *   inside are kept, and it ends at a `"` followed by the delimiter, a line break or the end;
 * - a `"` elsewhere is an ordinary character, and so is the closing quote of a quoted field that
 *   goes on with other characters (`"ab"c` reads `"ab"c`);
 * - records end at `\n`, `\r\n` or (files from old Macs, when the first lines have no `\n`) `\r`
 *   (csv-parse takes the first line break it meets as the only one: files that mix them read
 *   better here);
 * - a quote still open at the end of the file is an error.
 * Row numbers count records (a quoted line break does not start a new row).
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { type Cell, EMPTY_CELL, textCell } from './cell.js';
import type { ByteCounter, RawRow } from './raw-row.js';

const QUOTE = 34; // "
const CR = 13;

/** The file's non-empty records, a chunk of the file at a time. */
export async function* csvRows(path: string, head: Buffer, counter: ByteCounter): AsyncGenerator<RawRow[]> {
  const sample = head.toString('utf8');
  const parser = new CsvParser(guessDelimiter(sample), !sample.includes('\n') && sample.includes('\r') ? '\r' : '\n');
  // 64 KB at a time (about 600 rows): the rows of a chunk die young, before the next scavenge.
  const input = createReadStream(path, { highWaterMark: 64 * 1024 });
  const decoder = new StringDecoder('utf8');
  let first = true;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      counter.bytesRead += chunk.length;
      let text = decoder.write(chunk);
      if (first && text.length) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      const rows = parser.push(text, false);
      if (rows.length) yield rows;
    }
    const rows = parser.push(decoder.end(), true);
    if (rows.length) yield rows;
  } finally {
    input.destroy();
  }
}

/** Incremental parser: `push` text as it arrives, get the complete non-empty records back. */
export class CsvParser {
  private carry = '';
  private rowNumber = 0;
  private rows: RawRow[] = [];
  private readonly delimiterCode: number;
  private readonly crlf: boolean;

  constructor(
    private readonly delimiter: string,
    private readonly recordEnd: '\n' | '\r' = '\n',
  ) {
    this.delimiterCode = delimiter.charCodeAt(0);
    this.crlf = recordEnd === '\n';
  }

  /** Non-empty records completed by `chunk` (with `end`: every record left). */
  push(chunk: string, end: boolean): RawRow[] {
    const text = this.carry ? this.carry + chunk : chunk;
    this.carry = '';
    const { recordEnd, delimiter } = this;
    let pos = 0;
    let quote = text.indexOf('"');
    while (pos < text.length) {
      if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
      let nl = text.indexOf(recordEnd, pos);
      if (quote === -1 || (nl !== -1 && quote > nl)) {
        // Fast path: no quote before the end of the record.
        if (nl === -1) {
          if (!end) break;
          nl = text.length;
        }
        const stop = this.crlf && nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        this.emit(splitFields(text, pos, stop, delimiter));
        pos = nl + 1;
        continue;
      }
      const next = this.quotedRecord(text, pos, end);
      if (next === -1) break;
      pos = next;
    }
    if (pos < text.length) this.carry = text.slice(pos);
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  /**
   * One record with a quote in it, from `start`: emitted, and the position after its record end
   * returned; -1 when the text ends before the record does and more text will come.
   */
  private quotedRecord(text: string, start: number, end: boolean): number {
    const n = text.length;
    const fields: string[] = [];
    let pos = start;
    for (;;) {
      if (pos < n && text.charCodeAt(pos) === QUOTE) {
        let value = '';
        let i = pos + 1;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1 || (q + 1 >= n && !end)) {
            if (!end) return -1; // more text may close it (or make it `""`)
            throw new Error(`CSV: tanda kutip (") yang dibuka pada baris ke-${this.rowNumber + 1} tidak pernah ditutup.`);
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(i, q + 1);
            i = q + 2;
            continue;
          }
          value += text.slice(i, q);
          i = q + 1;
          break;
        }
        const stop = this.fieldEnd(text, i);
        if (stop === i || i >= n) {
          fields.push(value);
          pos = i;
        } else if (stop === -1 && !end) {
          return -1;
        } else {
          // Characters after the closing quote: the field is read as written.
          const from = pos;
          pos = stop === -1 ? n : stop;
          fields.push(text.slice(from, pos));
        }
      } else {
        const stop = this.fieldEnd(text, pos);
        if (stop === -1 && !end) return -1;
        const at = stop === -1 ? n : stop;
        fields.push(text.slice(pos, at));
        pos = at;
      }
      if (pos >= n) {
        this.emit(fields);
        return n;
      }
      if (text.charCodeAt(pos) === this.delimiterCode) {
        pos++;
        continue;
      }
      this.emit(fields);
      return this.crlf && text.charCodeAt(pos) === CR ? pos + 2 : pos + 1;
    }
  }

  /** Where the field at `pos` ends: its delimiter or record end (the CR of a CRLF), or -1 if not in `text`. */
  private fieldEnd(text: string, pos: number): number {
    const d = text.indexOf(this.delimiter, pos);
    let r = text.indexOf(this.recordEnd, pos);
    if (r !== -1 && this.crlf && r > pos && text.charCodeAt(r - 1) === CR) r--;
    if (d === -1) return r;
    return r === -1 || d < r ? d : r;
  }

  private emit(fields: string[]): void {
    this.rowNumber++;
    const cells = textCells(fields);
    if (cells) this.rows.push({ sheet: 0, rowNumber: this.rowNumber, cells });
  }
}

/** The fields of `text[from, to)` (no quotes in it): substrings taken once, no line copy. */
function splitFields(text: string, from: number, to: number, delimiter: string): string[] {
  const fields: string[] = [];
  let at = from;
  for (;;) {
    const d = text.indexOf(delimiter, at);
    if (d === -1 || d >= to) {
      fields.push(at < to ? text.slice(at, to) : '');
      return fields;
    }
    fields.push(d > at ? text.slice(at, d) : '');
    at = d + 1;
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
