/**
 * A file through SheetReader as an upload reads it: written to a fresh temporary folder under `filename`, every batch
 * read, the rows and the reader (for `header`, `sheetWarnings`) returned. Shared by the sheet-reader specs.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SheetReader } from '../../src/common/spreadsheet/sheet-reader.js';
import type { SheetReaderOptions, SheetRow } from '../../src/common/spreadsheet/sheet-row.js';

export async function readSheet(content: Buffer | string, options: SheetReaderOptions): Promise<{ rows: SheetRow[]; reader: SheetReader }> {
  const path = join(await mkdtemp(join(tmpdir(), 'sheet-reader-')), options.filename);
  await writeFile(path, content);
  const reader = new SheetReader(path, options);
  const rows: SheetRow[] = [];
  for await (const batch of reader.batches()) rows.push(...batch);
  return { rows, reader };
}
