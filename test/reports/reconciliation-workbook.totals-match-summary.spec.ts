/**
 * The reconciliation workbook read back with ExcelJS: sheet order, every total (a SUM formula
 * with its cached value) against the run's API summary, number formats, frozen headers,
 * filters and print setup.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { NUMBER_FORMATS, wrappedLines } from '../../src/common/spreadsheet/workbook-style.js';
import { CATEGORY_LABELS } from '../../src/reports/format/labels.js';
import { MONTHLY_SPLIT_NOTE } from '../../src/reports/reconciliation-workbook/pagu-realisasi.sheet.js';
import { RINGKASAN_COLUMNS } from '../../src/reports/reconciliation-workbook/ringkasan.sheet.js';
import { DOUBLE_COVERAGE_NOTE } from '../../src/reports/reconciliation-workbook/temuan.sheet.js';
import { RECONCILIATION_SHEETS } from '../../src/reports/use-cases/write-reconciliation-workbook.use-case.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PAYMENTS, SUMMARY } from './support/report-fixture.js';
import { insertReportFixture } from './support/report-fixture.js';
import { cachedValueMissing, download, formula, formulaCells, readWorkbook, rowOf, rowWhere } from './support/xlsx.js';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const fundedTotal = sum(SUMMARY.funded.map((f) => f.amount));
const byCode = (code: string) => SUMMARY.funded.find((f) => f.pledgeCode === code)!.amount;

describe('reconciliation workbook: totals match the run summary', () => {
  let t: TestApp;
  let wb: ExcelJS.Workbook;
  let headers: Record<string, string>;
  let body: Buffer;
  let summary: typeof SUMMARY;
  let runId: string;

  beforeAll(async () => {
    t = await createTestApp();
    runId = await insertReportFixture(t.dataSource);
    const auditor = await t.as(Role.AUDITOR);
    const res = await download(auditor.get(`/api/v1/reconciliations/${runId}/workbook.xlsx`));
    headers = res.headers;
    body = res.body;
    wb = await readWorkbook(res.body);
    // The summary the API serves for this run is the stored JSON: read it back the same way.
    const [run] = await t.dataSource.query('SELECT summary FROM reconciliation_run WHERE id = $1', [runId]);
    summary = run.summary;
  });
  afterAll(() => t.close());

  it('is served as an xlsx attachment named after the month and version', () => {
    expect(headers['content-type']).toContain('spreadsheetml.sheet');
    expect(headers['content-disposition']).toBe('attachment; filename="rekonsiliasi-2026-10-v1.xlsx"');
  });

  it('has the §11 sheets in order, with Indonesian names', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([...RECONCILIATION_SHEETS]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Pagu & Realisasi', 'Per Sumber Dana', 'Per Desa', 'Rincian Peserta', 'Temuan', 'Koreksi Peserta Bulan Tertutup', 'Pembayaran', 'Berita Acara']);
  });

  it('freezes the header row, filters tables and prints landscape A4 fit to width with repeated headers and numbered pages', () => {
    for (const ws of wb.worksheets) {
      const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
      expect(view.state).toBe('frozen');
      const headerRow = view.ySplit!;
      expect(headerRow).toBeGreaterThan(1);
      expect(ws.getRow(headerRow).getCell(1).font?.bold).toBe(true);
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
      // the sheet and "Halaman 3 dari 58" at the foot of each printed page (QA: a 58-page printout had no page numbers)
      // and after the sheet's name who ran the run (moved from the header, which Excel cuts at 255 characters)
      expect(ws.headerFooter.oddFooter).toMatch(ws.name === 'Berita Acara' ? /^&L&8&A&R&8Halaman &P dari &N$/ : /^&L&8&A · dijalankan oleh uji \d{1,2} [A-Z][a-z]+ \d{4} \d{2}\.\d{2} WIB&R&8Halaman &P dari &N$/);
      if (ws.name !== 'Berita Acara') expect(String(ws.autoFilter)).toMatch(new RegExp(`^A${headerRow}:[A-Z]+\\d+$`));
      for (const col of ws.columns) expect(col.width).toBeGreaterThanOrEqual(7);
    }
  });

  /**
   * QA: converted to PDF by LibreOffice, a long workbook had blank pages between Rincian Peserta and Temuan, counted in
   * "Halaman N dari M". With fitToHeight="0" ("automatic" tall) LibreOffice shrinks a long sheet 2% more when that saves
   * a page, and its PDF export does so drawing the pages but not counting them; fit to FIT_TO_HEIGHT_PAGES tall it does not.
   * A sheet of a few pages keeps "0" (fitToHeightOf; the long sheet's 1000 is checked in workbooks.long-text-printed-whole).
   */
  it('every sheet is written fit 1 page wide, and these short sheets "automatic" tall (fitToHeight="0")', async () => {
    const zip = await JSZip.loadAsync(body);
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(RECONCILIATION_SHEETS.length);
    for (const name of sheets) {
      const xml = await zip.file(name)!.async('string');
      expect({ name, fitToPage: xml.includes('<pageSetUpPr fitToPage="1"/>'), pageSetup: /<pageSetup [^>]*fitToWidth="1" fitToHeight="(\d+)"/.exec(xml)?.[1] }).toEqual({ name, fitToPage: true, pageSetup: '0' });
    }
  });

  it('every formula has a cached numeric result', async () => {
    expect(await cachedValueMissing(body)).toEqual([]);
    const cells = formulaCells(wb);
    expect(cells.length).toBeGreaterThan(30);
    for (const c of cells) expect(Number.isFinite(c.result)).toBe(true);
  });

  it('Ringkasan: funding by pledge sums (SUM formula) to the obligation; bill figures as in the summary', () => {
    const ws = wb.getWorksheet('Ringkasan')!;
    const total = formula(rowOf(ws, 'JUMLAH IURAN (didanai + tidak terdanai)').getCell(3));
    expect(total.formula).toMatch(/^SUM\(C\d+:C\d+\)$/);
    expect(total.result).toBe(summary.obligation);
    expect(fundedTotal + summary.unfunded.amount).toBe(summary.obligation);
    expect(rowOf(ws, 'Jumlah peserta dan iuran bulan ini').getCell(2).value).toBe(summary.participants);
    expect(rowOf(ws, 'Jumlah peserta dan iuran bulan ini').getCell(3).value).toBe(summary.obligation);
    expect(rowOf(ws, 'Tidak terdanai').getCell(3).value).toBe(summary.unfunded.amount);
    for (const [text, key] of [
      ['Total invoice', 'invoiceTotal'],
      ['Jumlah baris tagihan', 'linesTotal'],
      ['Dapat dibayar', 'payable'],
      ['Lebih tagih', 'overbilled'],
      ['Kurang tagih', 'underbilled'],
    ] as const) {
      expect(rowOf(ws, text).getCell(3).value).toBe(summary.bill![key]);
      expect(rowOf(ws, text).getCell(3).numFmt).toBe(NUMBER_FORMATS.rupiahUnderHeader); // under Jumlah (Rp): 235.200, not Rp235.200
    }
    // findings per category in Indonesian, the §7 code beside them in its own column (QA: "Kategori" read NOT_BILLED)
    const findingsHeader = rowOf(ws, 'Temuan');
    expect([2, 4].map((c) => findingsHeader.getCell(c).value)).toEqual(['Banyaknya', 'Kode kategori']);
    expect([2, 4].map((c) => rowOf(ws, 'Tidak ditagih').getCell(c).value)).toEqual([1, 'NOT_BILLED']);
    expect([2, 4].map((c) => rowOf(ws, 'Tagihan ganda').getCell(c).value)).toEqual([1, 'DUPLICATE_BILLING']);
    expect([2, 4].map((c) => rowOf(ws, 'Sesuai').getCell(c).value)).toEqual([3, 'MATCHED']);
    expect(rowOf(ws, 'Jumlah dibayar').getCell(3).value).toBe(sum(summary.payments.map((p) => p.paid)));
    // October's paid holds APBD's Rp32.680 correction for September: said on its line and the one under it (QA: unsaid,
    // while the section of the register's corrections below read "Tidak ada koreksi … 0" as if it were about it)
    expect(rowOf(ws, 'Jumlah dibayar').getCell(4).value).toBe('Termasuk koreksi bulan sebelumnya Rp32.680 (baris di bawah).');
    expect([3, 4].map((c) => rowOf(ws, 'Di antaranya koreksi September 2026 (dicatat bulan ini)').getCell(c).value)).toEqual([
      32680,
      'Membayar kekurangan (atau mengembalikan kelebihan) September 2026, bukan iuran bulan ini; rinciannya di sheet Pembayaran.',
    ]);
    const register = rowOf(ws, 'Koreksi daftar peserta bulan tertutup (perubahan daftar peserta sesudah bulan ditutup)');
    expect(ws.getRow(register.number + 1).getCell(1).value).toMatch(/^(Tidak ada koreksi daftar peserta|Tidak dihitung untuk rekonsiliasi versi ini)$/);
    expect(rowOf(ws, 'Jumlah terutang').getCell(3).value).toBe(sum(summary.payments.map((p) => p.due)));
    // CENTRAL component for information: Rp4.200 per participant.
    expect(rowOf(ws, 'Bantuan iuran Pemerintah Pusat — informasi').getCell(3).value).toBe(4200 * summary.participants);
    // The Dana Desa rule appears on the summary.
    const warned = rowOf(ws, 'Desa Talang Jambu — APBDes, DESA-1703062001-2026');
    const warning = warned.getCell(4).value as string;
    expect(warning).toContain('Dana Desa');
    expect(warning).toContain('4/PRI.00/I/2024');
    // printed whole: wrapped, on a row as high as its lines (QA: only its last two lines printed)
    expect(warned.getCell(4).alignment?.wrapText).toBe(true);
    expect(warned.height).toBeGreaterThanOrEqual(wrappedLines(warning, RINGKASAN_COLUMNS[3].width, 1.1) * 15);
  });

  it('Pagu & Realisasi: year to date per pledge and the APBD accounts (BANTUAN_DAERAH rounded down)', () => {
    const ws = wb.getWorksheet('Pagu & Realisasi')!;
    const total = rowOf(ws, 'JUMLAH');
    expect(formula(total.getCell(5)).result).toBe(fundedTotal); // this month
    const ytd = fundedTotal + 37800 + 2 * 37800 + 15120 + 22680; // September's splits
    expect(formula(total.getCell(6)).result).toBe(ytd);
    expect(formula(total.getCell(9)).result).toBe(sum(PAYMENTS.map((p) => p[2])));
    // no JUMLAH of pagu and sisa: pledges without a pagu would make JUMLAH Pagu − JUMLAH Realisasi ≠ JUMLAH Sisa
    expect([total.getCell(4).value, total.getCell(7).value]).toEqual([null, null]);
    expect(rowOf(ws, 'Pagu dan sisa pagu tidak dijumlahkan: komitmen dengan persentase atau kuota saja tidak mempunyai pagu.')).toBeDefined();
    expect(rowOf(ws, 'TJSLP-ALNO-2026').getCell(4).value).toBe(500000);
    // APBD: Sep 22680 → 1680 + 21000; Oct 32680 → floor(32680 × 2800 / 37800) = 2420 + 30260.
    const apbd = rowOf(ws, 'APBD-2026');
    expect(apbd.getCell(10).value).toBe(21000 + 30260);
    expect(apbd.getCell(11).value).toBe(1680 + 2420);
    expect(formula(apbd.getCell(7))).toEqual({ formula: `D${apbd.number}-F${apbd.number}`, result: 2000000 - 22680 - 32680 });
    expect(rowOf(ws, '5.1.02.02.02.0003').getCell(6).value).toBe(51260);
    expect(rowOf(ws, '5.1.02.02.02.0004').getCell(6).value).toBe(4100);
    expect(rowOf(ws, '5.1.02.02.02.0004').getCell(5).value).toBe(2420);
    const apbdTotal = rowOf(ws, 'JUMLAH APBD KABUPATEN');
    expect(formula(apbdTotal.getCell(6)).result).toBe(22680 + 32680);
    expect(formula(apbdTotal.getCell(9)).result).toBe(22680 + 32680);
    // under the recap: the split is per month, so year to date is a sum of monthly roundings (QA: it was not said)
    const note = ws.getRow(apbdTotal.number + 1).getCell(1).value;
    expect(note).toBe(MONTHLY_SPLIT_NOTE);
    expect(note).toMatch(/^Pembagian ke rekening dihitung per bulan: Bantuan Daerah dibulatkan ke bawah setiap bulan, Iuran sisanya\. Angka s\.d\. bulan ini adalah jumlah/);
    expect(note).toContain('dapat berbeda beberapa rupiah');
    expect(apbd.getCell(8).numFmt).toBe(NUMBER_FORMATS.percent);
  });

  it('Per Sumber Dana: funded per pledge, unfunded and the obligation', () => {
    const ws = wb.getWorksheet('Per Sumber Dana')!;
    for (const f of summary.funded) expect(rowOf(ws, f.pledgeCode).getCell(10).value).toBe(f.amount);
    expect(formula(rowOf(ws, 'JUMLAH DIDANAI').getCell(10)).result).toBe(fundedTotal);
    expect(formula(rowOf(ws, 'JUMLAH IURAN').getCell(10)).result).toBe(summary.obligation);
    expect(rowOf(ws, 'Tidak terdanai').getCell(9).value).toBe(summary.unfunded.participants);
    // Allocation order: priority, then code.
    const firstData = (ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit! + 1;
    expect(ws.getRow(firstData).getCell(1).value).toBe('TJSLP-ALNO-2026');
  });

  it('Per Desa: village totals add up to the summary, with kecamatan names; each count says whom it counts', () => {
    const ws = wb.getWorksheet('Per Desa')!;
    const header = ws.getRow((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!);
    expect([4, 5, 6, 11, 12].map((c) => header.getCell(c).value)).toEqual(['Seluruh Peserta', 'Iuran (Rp)', 'Peserta Terdanai', 'Peserta Belum Terdanai Penuh', 'Tidak Terdanai (Rp)']);
    // the source types as SOURCE_TYPE_LABELS says them everywhere (proofreader: "TJSLP (Rp)" here only)
    expect([7, 8, 9, 10].map((c) => header.getCell(c).value)).toEqual(['APBD Kabupaten (Rp)', 'APBD Provinsi (Rp)', 'APBDes (Rp)', 'TJSLP (CSR) (Rp)']);
    const total = rowOf(ws, 'JUMLAH');
    const results = [4, 5, 6, 7, 8, 9, 10, 11, 12].map((c) => formula(total.getCell(c)).result);
    // every participant has some funding: all five are funded, and the partly funded one is also not fully funded
    expect(results).toEqual([summary.participants, summary.obligation, 5, byCode('APBD-2026'), byCode('PROV-2026'), byCode('DESA-1703062001-2026'), byCode('TJSLP-ALNO-2026'), summary.unfunded.participants, summary.unfunded.amount]);
    const talang = rowOf(ws, '17.03.06.2001');
    expect([talang.getCell(2).value, talang.getCell(3).value, talang.getCell(4).value]).toEqual(['Talang Jambu', 'Kerkap', 2]);
    const partly = rowOf(ws, '17.03.01.2001'); // +Rina Wati: Rp25.120 of Rp37.800 funded
    expect([4, 6, 11, 12].map((c) => partly.getCell(c).value)).toEqual([1, 1, 1, 12680]);
    expect(String(ws.getRow(total.number + 1).getCell(1).value)).toMatch(/^Seluruh Peserta: .* dihitung di kedua kolom itu\.$/);
  });

  it('Rincian Peserta: one row per participant-month; totals match; NIK as 16-digit text; TMT a date', () => {
    const ws = wb.getWorksheet('Rincian Peserta')!;
    const header = (ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!;
    const total = rowOf(ws, 'JUMLAH');
    expect(total.number - header - 1).toBe(summary.participants);
    const results = [9, 10, 11, 12, 13, 14].map((c) => formula(total.getCell(c)).result);
    expect(results).toEqual([summary.obligation, byCode('APBD-2026'), byCode('PROV-2026'), byCode('DESA-1703062001-2026'), byCode('TJSLP-ALNO-2026'), summary.unfunded.amount]);
    expect(formula(total.getCell(9)).formula).toBe(`SUM(I${header + 1}:I${header + summary.participants})`);
    const first = ws.getRow(header + 1);
    expect(first.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(2).value).toMatch(/^\d{16}$/);
    expect(first.getCell(2).numFmt).toBe('@');
    expect(first.getCell(8).value).toBeInstanceOf(Date);
    expect(first.getCell(9).numFmt).toBe(NUMBER_FORMATS.rupiahUnderHeader);
    const p5 = rowWhere(ws, 2, '1703010404000005');
    expect(p5.getCell(15).value).toBe('PROV-2026 Rp15.120, APBD-2026 Rp10.000'); // each with its rupiah: 25.120 funded, 12.680 not
    expect(p5.getCell(14).value).toBe(12680);
  });

  it('Temuan: every finding with its proposed action; its count and the per-category recap under it are formulas over the table (§11)', () => {
    const ws = wb.getWorksheet('Temuan')!;
    const header = (ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!;
    const counted = sum(Object.entries(summary.findings).filter(([c]) => c !== 'MATCHED').map(([, n]) => n));
    const total = rowOf(ws, 'JUMLAH TEMUAN');
    expect(total.number - header - 1).toBe(counted);
    // every header cell centred, the wrapped ones too (QA: "Seharusnya (Rp)" stood at the top)
    ws.getRow(header).eachCell((cell) => expect([cell.value, cell.alignment?.vertical, cell.alignment?.horizontal]).toEqual([cell.value, 'middle', 'center']));
    expect(ws.getRow(header).getCell(10).alignment?.wrapText).toBe(true);
    const range = (column: string) => `'Temuan'!${column}${header + 1}:${column}${header + counted}`;
    // Kategori in Indonesian (the console's words), the §7 code in Kode beside it; the formulas count by the code
    expect([2, 3].map((c) => ws.getRow(header).getCell(c).value)).toEqual(['Kategori', 'Kode']);
    expect([2, 3].map((c) => ws.getRow(header + 1).getCell(c).value)).toEqual(['Tagihan ganda', 'DUPLICATE_BILLING']);
    expect(ws.getColumn(3).width).toBeLessThan(ws.getColumn(2).width!);
    expect(formula(total.getCell(2))).toEqual({ formula: `COUNTA(${range('C')})`, result: counted });
    // the invoice total of TOTAL_MISMATCH is not added to participants' premiums
    expect([9, 10, 11].map((c) => total.getCell(c).value)).toEqual([null, null, null]);
    // the billed NOKA and, beside it, the register's (QA: a NOKA_MISMATCH showed the billed one only)
    expect([6, 7].map((c) => ws.getRow(header).getCell(c).value)).toEqual(['NOKA', 'NOKA di Daftar Peserta']);
    const recapHeader = rowOf(ws, 'Rekap per kategori');
    const recapTotal = rowOf(ws, 'Jumlah temuan');
    const recap: Record<string, unknown[]> = {};
    for (let r = recapHeader.number + 1; r < recapTotal.number; r++) {
      const row = ws.getRow(r);
      recap[String(row.getCell(3).value)] = [4, 9, 10, 11].map((c) => formula(row.getCell(c)).result);
      expect(row.getCell(2).value).toBe(CATEGORY_LABELS[String(row.getCell(3).value)]);
    }
    expect(recap).toEqual({
      DUPLICATE_BILLING: [1, 37800, 0, 37800],
      NOT_REGISTERED: [1, 37800, 0, 37800],
      AMOUNT_MISMATCH: [1, 42000, 37800, 4200],
      NOT_BILLED: [1, 0, 37800, -37800], // nothing billed: underbilled by the obligation
      TOTAL_MISMATCH: [1, 235200, 231000, 4200], // invoice total against the lines' total
    });
    const amountMismatch = rowWhere(ws, 3, 'AMOUNT_MISMATCH', recapHeader.number);
    expect(amountMismatch.getCell(2).value).toBe('Selisih nominal iuran');
    expect(formula(amountMismatch.getCell(4)).formula).toBe(`COUNTIF(${range('C')},"AMOUNT_MISMATCH")`);
    expect(formula(amountMismatch.getCell(11)).formula).toBe(`SUMIF(${range('C')},"AMOUNT_MISMATCH",${range('K')})`);
    expect(formula(recapTotal.getCell(4))).toEqual({ formula: `SUM(D${recapHeader.number + 1}:D${recapTotal.number - 1})`, result: counted });
    expect(Object.fromEntries(Object.entries(recap).map(([c, [n]]) => [c, n]))).toEqual(Object.fromEntries(Object.entries(summary.findings).filter(([c]) => c !== 'MATCHED')));
    expect(ws.getRow(header + 1).getCell(12).value).toBe('Tolak baris ganda; minta BPJS mengoreksi tagihan.');
    // no double coverage: no note that it is counted twice
    expect(ws.getRow(recapTotal.number + 1).getCell(1).value).toBeNull();
  });

  it('Temuan: with double coverage, a note under the recap says those participants are also counted in their other category (QA: the billed column added up to more than the bill, unsaid)', async () => {
    // the participant of the AMOUNT_MISMATCH line is on the PBI-APBN list too: one more finding, its line's billed amount again (DOMAIN §7)
    const [line] = await t.dataSource.query(`SELECT nik, noka, name, billed_amount FROM finding WHERE run_id = $1 AND category = 'AMOUNT_MISMATCH'`, [runId]);
    await t.dataSource.query(
      `INSERT INTO finding (run_id, seq, category, nik, noka, name, row_number, billed_amount, expected_amount, action) VALUES ($1, 100, 'DOUBLE_COVERAGE', $2, $3, $4, NULL, $5, 37800, 'Akhiri kepesertaan Jamkesda.')`,
      [runId, line.nik, line.noka, line.name, line.billed_amount],
    );
    await t.dataSource.query(`UPDATE reconciliation_run SET summary = jsonb_set(summary, '{findings,DOUBLE_COVERAGE}', '1') WHERE id = $1`, [runId]);
    try {
      const auditor = await t.as(Role.AUDITOR);
      const ws = (await readWorkbook((await download(auditor.get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body)).getWorksheet('Temuan')!;
      const recapTotal = rowOf(ws, 'Jumlah temuan');
      expect(ws.getRow(recapTotal.number + 1).getCell(1).value).toBe(DOUBLE_COVERAGE_NOTE);
      expect(ws.getRow(recapTotal.number + 1).getCell(1).value).toMatch(/^Temuan "Terdaftar ganda, PBI APBN" juga dihitung pada kategori lainnya \(kategori baris tagihannya, atau "Tidak ditagih"\).*bukan jumlah tagihan\.$/);
    } finally {
      await t.dataSource.query(`DELETE FROM finding WHERE run_id = $1 AND category = 'DOUBLE_COVERAGE'`, [runId]);
      await t.dataSource.query(`UPDATE reconciliation_run SET summary = summary #- '{findings,DOUBLE_COVERAGE}' WHERE id = $1`, [runId]);
    }
  });

  it('Pembayaran: §8 status per pledge and the payments of the month', () => {
    const ws = wb.getWorksheet('Pembayaran')!;
    const total = rowOf(ws, 'JUMLAH');
    expect(formula(total.getCell(4)).result).toBe(sum(summary.payments.map((p) => p.due)));
    expect(formula(total.getCell(5)).result).toBe(sum(summary.payments.map((p) => p.paid)));
    // its only October payment corrects September: in its own column, not October's own payment (QA: read as Lunas/Lebih bayar)
    expect([6, 7].map((c) => rowOf(ws, 'APBD-2026').getCell(c).value)).toEqual([32680, -32680]);
    expect(rowOf(ws, 'APBD-2026').getCell(8).value).toBe('Lunas menurut jumlah (termasuk koreksi September 2026 Rp32.680); iuran Oktober 2026 sendiri belum dibayar – lewat jatuh tempo 10 Oktober 2026');
    // late only by its correction of September, paid on the 12th (the console's status table says it so too)
    expect(rowOf(ws, 'APBD-2026').getCell(9).value).toBe('Ya (hanya koreksi)');
    // past its due date on the day the run finished (the fixture's run finished after October)
    expect(rowOf(ws, 'PROV-2026').getCell(8).value).toBe('Belum dibayar – lewat jatuh tempo 10 Oktober 2026');
    // The second JUMLAH (payments list) follows the detail rows.
    let detailTotal: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.number > total.number && row.getCell(1).value === 'JUMLAH') detailTotal = row;
    });
    expect(formula(detailTotal!.getCell(5)).result).toBe(sum(PAYMENTS.filter((p) => p[1] === '2026-10').map((p) => p[2])));
    // the list's header: Terlambat beside Jumlah, no empty dark cells between them or after (QA: three stood between)
    const listHeader = rowWhere(ws, 2, 'Tanggal Bayar', total.number);
    expect([1, 2, 3, 4, 5, 6].map((c) => listHeader.getCell(c).value)).toEqual(['Kode Komitmen', 'Tanggal Bayar', 'Referensi', 'Keterangan', 'Jumlah (Rp)', 'Dibayar terlambat']);
    for (const c of [7, 8, 9]) expect((listHeader.getCell(c).fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    const late = ws.getRow(listHeader.number + 1).getCell(6);
    expect(typeof late.value).toBe('string');
    expect(late.numFmt).toBe(NUMBER_FORMATS.text);
    // a correction says which month it corrects; the month's own payments say nothing there
    const notes: Record<string, unknown> = {};
    ws.eachRow((row) => {
      if (row.number > total.number && row.number < detailTotal!.number) notes[String(row.getCell(3).value)] = row.getCell(4).value;
    });
    expect(notes).toMatchObject({ 'SP2D-0012/BPKAD/2026': 'Koreksi untuk September 2026', 'TRF ALNO 10/2026': null });
  });

  it('Berita Acara: agreed totals in figures and words, paid per funder, three signature blocks', () => {
    const ws = wb.getWorksheet('Berita Acara')!;
    expect(ws.getRow(2).getCell(1).value).toBe('KABUPATEN BENGKULU UTARA — BULAN OKTOBER 2026');
    const obligation = rowOf(ws, 'Iuran yang menjadi kewajiban daerah');
    expect(obligation.getCell(2).value).toBe(summary.obligation);
    expect(obligation.getCell(3).value).toBe('seratus delapan puluh sembilan ribu rupiah');
    expect(rowOf(ws, 'Jumlah peserta').getCell(3).value).toBe('lima orang');
    expect(rowOf(ws, 'Dapat dibayar').getCell(2).value).toBe(summary.bill!.payable);
    expect(rowOf(ws, 'Lebih tagih').getCell(3).value).toBe('tujuh puluh sembilan ribu delapan ratus rupiah');
    expect(rowOf(ws, 'Kurang tagih').getCell(3).value).toBe('tiga puluh tujuh ribu delapan ratus rupiah');
    // a correction of an earlier month, recorded in this one, is named in its funder's line (QA); the lines still sum to the total
    expect(rowOf(ws, 'Dibayar oleh Pemerintah Kabupaten Bengkulu Utara — APBD Kabupaten, APBD-2026; termasuk koreksi untuk September 2026 Rp32.680').getCell(2).value).toBe(32680);
    const paid = rowOf(ws, 'Jumlah dibayar');
    expect(formula(paid.getCell(2)).result).toBe(sum(summary.payments.map((p) => p.paid)));
    expect(paid.getCell(3).value).toBe('seratus dua puluh dua ribu enam ratus delapan puluh rupiah');
    // what the funders owed, and the shortfall and the surplus of what they paid, each summed apart (QA: netted)
    const due = sum(summary.payments.map((p) => p.due));
    expect(rowOf(ws, 'Jumlah terutang').getCell(2).value).toBe(due);
    // each pledge's own payments of October against what it owed; APBD-2026's correction of September is on its own line (QA)
    const corrections = (code: string) => sum(PAYMENTS.filter((p) => p[1] === '2026-10' && p[0] === code && p[5]).map((p) => p[2]));
    const own = summary.payments.map((p) => ({ due: p.due, paid: p.paid - corrections(p.pledgeCode) }));
    expect(rowOf(ws, 'Kekurangan pembayaran komitmen').getCell(2).value).toBe(sum(own.map((p) => Math.max(p.due - p.paid, 0))));
    expect(rowOf(ws, 'Kelebihan pembayaran komitmen').getCell(2).value).toBe(sum(own.map((p) => Math.max(p.paid - p.due, 0))));
    expect(rowOf(ws, 'Koreksi bulan sebelumnya (September 2026), termasuk dalam jumlah dibayar').getCell(2).value).toBe(32680);
    const signatures = rowOf(ws, 'Kepala Dinas Kesehatan');
    expect([signatures.getCell(2).value, signatures.getCell(3).value]).toEqual(['Kepala BPKAD', 'Kepala BPJS Kesehatan']);
    // each block has its unit under the title, so the three line up (QA: the BPJS block had none)
    const units = ws.getRow(signatures.number + 1);
    expect([1, 2, 3].map((c) => units.getCell(c).value)).toEqual(['Kabupaten Bengkulu Utara', 'Kabupaten Bengkulu Utara', 'Kantor Cabang Bengkulu']);
    const ids = rowWhere(ws, 1, 'NIP. ..............................', signatures.number);
    expect([2, 3].map((c) => ids.getCell(c).value)).toEqual(['NIP. ..............................', 'NPP. ..............................']);
  });
});
