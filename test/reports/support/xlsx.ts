/** Test helpers: download a workbook over HTTP and read it back with ExcelJS. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type request from 'supertest';

/** A supertest `.parse()` that keeps the body as bytes (a workbook). `res`: the response stream, untyped in supertest's parser signature. */
export function binary(res: any, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

export async function download(req: request.Test): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const res = await req.buffer(true).parse(binary as never);
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${String(res.body)}`);
  return { body: res.body as Buffer, headers: res.headers };
}

export async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  return wb;
}

/** The first row whose column A is exactly `label`. */
export function rowOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) {
    if (ws.getRow(r).getCell(1).value === label) return ws.getRow(r);
  }
  throw new Error(`No row "${label}" in ${ws.name}`);
}

/** The first row (after row `after`) whose cell in `column` equals `value`. */
export function rowWhere(ws: ExcelJS.Worksheet, column: number, value: unknown, after = 0): ExcelJS.Row {
  for (let r = after + 1; r <= ws.rowCount; r++) {
    if (ws.getRow(r).getCell(column).value === value) return ws.getRow(r);
  }
  throw new Error(`No row with ${String(value)} in column ${column} of ${ws.name}`);
}

/**
 * A formula cell's formula and cached result. ExcelJS's reader drops a cached result of 0 (it
 * tests the text "0" as falsy after parsing), so an absent result reads as 0 here;
 * `cachedValueMissing()` checks the XML itself that every formula has its `<v>`.
 */
export function formula(cell: ExcelJS.Cell): { formula: string; result: unknown } {
  const v = cell.value as ExcelJS.CellFormulaValue;
  if (!v || typeof v !== 'object' || !('formula' in v)) throw new Error(`${cell.address} is not a formula: ${JSON.stringify(cell.value)}`);
  return { formula: v.formula, result: v.result ?? 0 };
}

/** Formulas written without a cached value (`<f>` not followed by `<v>`), per sheet file. */
export async function cachedValueMissing(body: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(body);
  const missing: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*>(.*?)<\/c>/g)) {
      if (m[2].includes('<f>') && !/<\/f><v>[^<]+<\/v>/.test(m[2])) missing.push(`${name}!${m[1]}`);
    }
  }
  return missing;
}

/** Every formula cell of a workbook: sheet, address, cached result. */
export function formulaCells(wb: ExcelJS.Workbook): Array<{ sheet: string; row: number; col: number; formula: string; result: number }> {
  const out: Array<{ sheet: string; row: number; col: number; formula: string; result: number }> = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.type === ExcelJS.ValueType.Formula) out.push({ sheet: ws.name, row: r, col: c, formula: cell.formula, result: Number((cell.value as ExcelJS.CellFormulaValue).result ?? 0) });
      }),
    ),
  );
  return out;
}

/** The manual page breaks of a workbook's `n`th sheet (1-based): the rows a new printed page starts after. ExcelJS does not read them back. */
export async function rowBreaks(body: Buffer, n: number): Promise<number[]> {
  const xml = await (await JSZip.loadAsync(body)).file(`xl/worksheets/sheet${n}.xml`)!.async('string');
  return [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
}
