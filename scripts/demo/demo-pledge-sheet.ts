/**
 * The demo's pledge sheet, uploaded through the real route (POST /api/v1/pledge-uploads) so the Komitmen page's
 * history of pledge sheets has an upload with a row report: two new pledges for villages of the sample register
 * and one row refused for a village code the regency lacks. Built with the service's own sheet shape (sheet
 * `Komitmen`, the PLEDGE_COLUMNS headers of templates/pledges.xlsx, code and village columns as Text).
 */
import ExcelJS from 'exceljs';
import { PLEDGE_COLUMNS, PLEDGE_SHEET_NAME } from '../../src/funding/pledge-upload/pledge-sheet.js';
import { WILAYAH_1703 } from '../../src/regions/data/wilayah-1703.js';
import type { DemoContext } from './demo-context.js';

export const DEMO_PLEDGE_SHEET_NAME = 'lembar-komitmen-tambahan.xlsx';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** No village of Bengkulu Utara has this code (kecamatan 99): the row is refused, and named in the row report. */
const UNKNOWN_VILLAGE = '17.03.99.2001';

type SheetRow = Partial<Record<(typeof PLEDGE_COLUMNS)[number]['name'], string | number>>;

/** Who funds a DESA pledge of `code`: "Pemerintah Desa Talang Jambu" (QA: "Pemerintah Desa 17.03.11.2009" on the Berita Acara). */
export function villageGovernment(code: string): string {
  const row = WILAYAH_1703.find((r) => r[0] === code);
  return row ? `Pemerintah ${row[1] === 'kelurahan' ? 'Kelurahan' : 'Desa'} ${row[2]}` : `Pemerintah Desa ${code}`;
}

/** The sheet's rows: the two pledges it saves (`codes`) and the refused one last. */
export function demoPledgeRows(year: number, [village, otherVillage]: readonly string[]): { codes: string[]; rows: SheetRow[] } {
  const rows: SheetRow[] = [
    { KODE: `DESA-${village.replace(/\./g, '')}-${year}`, SUMBER: 'DESA', JENIS_DANA: 'PADES', PEMBERI_DANA: villageGovernment(village), TAHUN: year, CAKUPAN: 'VILLAGES', KODE_DESA: village, PAGU: 3_000_000, DASAR_HUKUM: `APBDes ${year}` },
    { KODE: `TJSLP-KOPI-${year}`, SUMBER: 'TJSLP', PEMBERI_DANA: 'PT Kopi Robusta Bengkulu (TJSLP)', TAHUN: year, BULAN_DARI: 7, CAKUPAN: 'VILLAGES', KODE_DESA: otherVillage, PERSEN: 50, KUOTA: 15, DASAR_HUKUM: `PKS No. 403/TJSLP/04/${year}` },
    { KODE: `DESA-${UNKNOWN_VILLAGE.replace(/\./g, '')}-${year}`, SUMBER: 'DESA', JENIS_DANA: 'ADD', PEMBERI_DANA: 'Pemerintah Desa (kode salah ketik)', TAHUN: year, CAKUPAN: 'VILLAGES', KODE_DESA: UNKNOWN_VILLAGE, DASAR_HUKUM: `APBDes ${year}` },
  ];
  return { codes: rows.slice(0, 2).map((r) => String(r.KODE)), rows };
}

async function workbook(rows: SheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(PLEDGE_SHEET_NAME);
  sheet.columns = PLEDGE_COLUMNS.map((c) => ({ header: c.name, key: c.name }));
  for (const name of ['KODE', 'KODE_DESA', 'NIK']) sheet.getColumn(name).numFmt = '@';
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Uploads the sheet as the finance officer, unless its pledges are in `existing` already (the codes of the year's
 * pledges, as the funding step skips the pledges it created before): a second upload would list the sheet twice.
 */
export async function uploadDemoPledgeSheet(ctx: DemoContext, year: number, villages: readonly string[], existing: ReadonlySet<string>): Promise<void> {
  const { codes, rows } = demoPledgeRows(year, villages);
  if (codes.every((code) => existing.has(code))) return;
  const file = { name: DEMO_PLEDGE_SHEET_NAME, content: await workbook(rows), contentType: XLSX };
  const report = await ctx.call('KEUANGAN', 'POST', '/api/v1/pledge-uploads', { form: { file } });
  const refused = report.issues.map((i: { rowNumber: number; column: string | null; message: string }) => `baris ${i.rowNumber} ${i.column ?? ''}: ${i.message}`);
  ctx.log(`${DEMO_PLEDGE_SHEET_NAME}: ${report.rowsRead} rows, ${report.accepted} accepted (${codes.join(', ')}), ${report.rejected} refused (${refused.join('; ')})`);
  ctx.log(`  row report: GET /api/v1/pledge-uploads/${report.id}/report.xlsx`);
}
