import ExcelJS from 'exceljs';

/** A row of cells as ExcelJS writes them (text, a number, null for an empty cell, a formula, …). */
export type SheetRow = ExcelJS.CellValue[];

/** The `Daftar` sheet of a pledge workbook: its header (`KODE, NILAI` unless given), rows, visibility and merged ranges. */
export interface ListSheet {
  header?: string[];
  rows: SheetRow[];
  state?: ExcelJS.WorksheetState;
  merges?: string[];
}

/**
 * A pledge workbook as a user saves one: sheet `Komitmen` with `titles` (rows above the header, none unless given),
 * `header` and `rows`, then, when `list` is given, sheet `Daftar`.
 */
export async function pledgeWorkbook(header: readonly string[], rows: SheetRow[], list?: ListSheet, titles: SheetRow[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Komitmen');
  [...titles, [...header], ...rows].forEach((r) => sheet.addRow(r));
  if (list) {
    const daftar = wb.addWorksheet('Daftar', { state: list.state ?? 'visible' });
    [list.header ?? ['KODE', 'NILAI'], ...list.rows].forEach((r) => daftar.addRow(r));
    (list.merges ?? []).forEach((range) => daftar.mergeCells(range));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
