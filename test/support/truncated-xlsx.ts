/**
 * QA's recipe for a damaged workbook: unzip an .xlsx, cut a part (the first worksheet) short, zip it
 * again. The zip itself is sound; the part's XML ends early. `declaredSize` instead keeps the part
 * whole and has the zip declare it longer than it is (data shorter than declared).
 */
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { zip } from './zip.js';

/** A workbook of one sheet holding `rows` as text cells. */
export async function textWorkbook(rows: string[][], sheet = 'Data'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The workbook zipped again with `part` cut to `keep` (0..1) of its bytes, declared `longer` bytes longer than it is, or changed by `edit`. */
export async function truncated(xlsx: Buffer, options: { part?: string; keep?: number; longer?: number; edit?: (xml: string) => string } = {}): Promise<Buffer> {
  const { part = 'xl/worksheets/sheet1.xml', keep = 0.5, longer = 0, edit } = options;
  const path = join(mkdtempSync(join(tmpdir(), 'cut-')), 'whole.xlsx');
  await writeFile(path, xlsx);
  const directory = await unzipper.Open.file(path);
  const parts = [];
  for (const file of directory.files) {
    if (file.type !== 'File') continue;
    const data = await buffer(file.stream());
    if (file.path !== part) parts.push({ name: file.path, data });
    else if (edit) parts.push({ name: file.path, data: Buffer.from(edit(data.toString('utf8'))) });
    else if (longer) parts.push({ name: file.path, data, declaredSize: data.length + longer });
    else parts.push({ name: file.path, data: data.subarray(0, Math.floor(data.length * keep)) });
  }
  if (!parts.some((p) => p.name === part)) throw new Error(`${part} not in the workbook`);
  return zip(parts);
}
