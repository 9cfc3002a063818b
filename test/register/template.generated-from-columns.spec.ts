import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SheetReader } from '../../src/common/spreadsheet/sheet-reader.js';
import { ENROLLMENT_COLUMNS } from '../../src/register/enrollment-columns.js';
import { buildEnrollmentTemplate, DATA_SHEET, VILLAGE_SHEET } from '../../src/register/workbooks/enrollment-template.js';

describe('enrollment template', () => {
  it('has the parser columns, Text identifiers, drop-downs and instructions', async () => {
    const buffer = await buildEnrollmentTemplate();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual([DATA_SHEET, 'Petunjuk', VILLAGE_SHEET]);
    const data = wb.getWorksheet(DATA_SHEET)!;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(ENROLLMENT_COLUMNS.map((c) => c.name));
    for (const name of ['NIK', 'NO_KK', 'NOKA']) {
      const col = ENROLLMENT_COLUMNS.findIndex((c) => c.name === name) + 1;
      expect(data.getColumn(col).numFmt).toBe('@');
    }
    const validations = (data as any).dataValidations.model;
    const kodeDesa = Object.entries(validations).find(([address]) => address.startsWith('F2')) as [string, any];
    expect(kodeDesa[1].formulae[0]).toBe(`'${VILLAGE_SHEET}'!$A$2:$A$219`);
    expect(wb.getWorksheet(VILLAGE_SHEET)!.getCell('A2').value).toMatch(/^17\.03\.\d{2}\.\d{4} - /);
    expect(wb.getWorksheet('Petunjuk')!.getCell('A1').value).toMatch(/Petunjuk/);
  });

  it('its drop-downs reach row 100,001, one range each (the file stays small), and the Petunjuk sheet says so', async () => {
    const buffer = await buildEnrollmentTemplate();
    const xml = await (await JSZip.loadAsync(buffer)).file('xl/worksheets/sheet1.xml')!.async('string');
    const ranges = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    const column = (name: string) => String.fromCharCode(65 + ENROLLMENT_COLUMNS.findIndex((c) => c.name === name));
    expect(ranges.sort()).toEqual(['KODE_DESA', 'JENIS_KELAMIN', 'ALASAN_BERAKHIR'].map((n) => `${column(n)}2:${column(n)}100001`).sort());
    expect(buffer.length).toBeLessThan(30_000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as any);
    const lines = wb.getWorksheet('Petunjuk')!.getColumn(3).values.map(String);
    expect(lines).toContain(
      'Pilihan KODE_DESA, JENIS_KELAMIN dan ALASAN_BERAKHIR tersedia sampai baris 100.001 (100.000 peserta). Baris sesudahnya tetap dibaca dan diperiksa saat diunggah, tanpa daftar pilihan.',
    );
  });

  it('says, as the upload does, that the same file again changes nothing only when no other file came in between (QA)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildEnrollmentTemplate()) as any);
    const lines = wb.getWorksheet('Petunjuk')!.getColumn(3).values.map(String);
    expect(lines.join('\n')).not.toContain('Unggahan ulang berkas yang sama tidak mengubah apa pun.');
    expect(lines).toContain(
      'Berkas yang sama diunggah ulang tanpa unggahan berkas lain di antaranya dikenali dan tidak mengubah apa pun; bila sudah ada berkas lain yang diunggah sesudahnya, berkas itu diproses lagi sebagai unggahan baru. Baris dengan NIK yang sudah terdaftar memperbarui data peserta; perubahan dicatat dalam riwayat.',
    );
  });

  it('is read back by the parser as an upload with no data rows', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'tpl-')), 'enrollment.xlsx');
    await writeFile(path, await buildEnrollmentTemplate());
    const reader = new SheetReader(path, { filename: 'enrollment.xlsx', columns: ENROLLMENT_COLUMNS });
    const err = await (async () => {
      for await (const _ of reader.batches()) void _;
    })().catch((e) => e);
    expect(reader.header?.missing).toEqual([]);
    expect(err.code).toBe('NO_DATA_ROWS');
  });
});
