/**
 * Rows of a .csv file through csv-parse's streaming parser: UTF-8 with or without BOM, the
 * delimiter (comma, semicolon or tab) guessed from the first lines. Every cell is text.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { type Cell, EMPTY_CELL, textCell } from './cell.js';
import type { ByteCounter, RawRow } from './raw-row.js';

export async function* csvRows(path: string, head: Buffer, counter: ByteCounter): AsyncGenerator<RawRow> {
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  input.on('data', (chunk) => (counter.bytesRead += chunk.length));
  const parser = parse({
    bom: true,
    delimiter: guessDelimiter(head.toString('utf8')),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      let any = false;
      const cells: Cell[] = new Array(record.length);
      for (let i = 0; i < record.length; i++) {
        const cell = record[i] === '' ? EMPTY_CELL : textCell(record[i]);
        if (cell.kind !== 'empty') any = true;
        cells[i] = cell;
      }
      if (any) yield { sheet: 0, rowNumber, cells };
    }
  } finally {
    input.destroy();
  }
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
