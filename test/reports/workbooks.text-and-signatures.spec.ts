import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { looksLikeFormula, NUMBER_FORMATS, printHeaderFooter, textValue, wrappedLines } from '../../src/common/spreadsheet/workbook-style.js';
import { SIGNATORIES } from '../../src/reports/reconciliation-workbook/berita-acara.sheet.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { libreOfficePrintedText, sofficePath } from './support/libreoffice.js';
import { insertReportFixture } from './support/report-fixture.js';
import { download, readWorkbook, rowOf } from './support/xlsx.js';
import { funderLabel } from '../../src/reports/format/labels.js';

/**
 * The three signature blocks of Berita Acara line up (QA, printed with LibreOffice: "Kabupaten
 * Bengkulu Utara" wrapped to two lines under Kepala BPKAD only): every title and unit fits its
 * column on one line, and LibreOffice prints the three units on one line. A statement's closing,
 * written by the same code (workbook/signature-block.ts), prints on one page with the figures it
 * is signed for.
 */
const itWithLibreOffice = sofficePath() ? it : it.skip;

describe('Berita Acara and statements: signature blocks', () => {
  let t: TestApp;
  let body: Buffer;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    t = await createTestApp();
    const runId = await insertReportFixture(t.dataSource);
    body = (await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body;
    ws = (await readWorkbook(body)).getWorksheet('Berita Acara')!;
  });
  afterAll(() => t.close());

  it('each title and unit fits its column on one line, so the rows stay one line high', () => {
    const titles = rowOf(ws, SIGNATORIES[0][0]);
    for (const row of [titles, ws.getRow(titles.number + 1)]) {
      const cells = [1, 2, 3].map((c) => ({ text: String(row.getCell(c).value), width: ws.getColumn(c).width! }));
      expect(cells.map((c) => c.text)).toEqual(SIGNATORIES.map((s) => (row === titles ? s[0] : s[1])));
      expect(cells.map((c) => wrappedLines(c.text, c.width))).toEqual([1, 1, 1]);
      expect(row.height).toBe(15);
    }
  });

  /**
   * A rupiah figure under a header that says "(Rp)" shows without "Rp" (QA: "Terutang (Rp)" over "Rp37.800"), in the
   * table and its JUMLAH row; one standing beside its label and words (Berita Acara, a statement's closing figures and
   * its pledge's pagu) keeps "Rp". Negative figures stay red with a minus.
   */
  it('rupiah: plain under a "(Rp)" header, with "Rp" where the figure stands alone', async () => {
    const plain = '#,##0;[Red]-#,##0;0';
    expect(NUMBER_FORMATS.rupiahUnderHeader).toBe(plain);
    const pembayaran = (await readWorkbook(body)).getWorksheet('Pembayaran')!;
    const header = rowOf(pembayaran, 'Kode Komitmen');
    const due = (header.values as unknown[]).indexOf('Terutang (Rp)');
    expect(due).toBeGreaterThan(0);
    expect(pembayaran.getRow(header.number + 1).getCell(due).value).toBe(37_800);
    expect(pembayaran.getRow(header.number + 1).getCell(due).numFmt).toBe(plain);
    expect(rowOf(pembayaran, 'JUMLAH').getCell(due).numFmt).toBe(plain);

    const figure = rowOf(ws, 'Iuran yang menjadi kewajiban daerah').getCell(2);
    expect(rowOf(ws, 'Uraian').getCell(2).value).toBe('Angka'); // no "(Rp)" over Berita Acara's figures
    expect(figure.numFmt).toBe('"Rp"#,##0;[Red]-"Rp"#,##0;"Rp"0');
    expect(rowOf(ws, 'Jumlah dibayar').getCell(2).numFmt).toBe(NUMBER_FORMATS.rupiah);

    const statement = (await readWorkbook((await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?month=2026-10'))).body)).worksheets[0];
    const month = rowOf(statement, 'Oktober 2026');
    expect(rowOf(statement, 'Bulan').getCell(3).value).toBe('Terutang (Rp)');
    expect(month.getCell(3).numFmt).toBe(plain);
    expect(rowOf(statement, 'Terutang (didanai komitmen ini)').getCell(4).numFmt).toBe(NUMBER_FORMATS.rupiah);
    expect(rowOf(statement, 'Nilai komitmen (pagu)').getCell(3).numFmt).toBe(NUMBER_FORMATS.rupiah);
    expect(rowOf(statement, 'Sisa komitmen').getCell(3).numFmt).toBe(NUMBER_FORMATS.rupiah);
    expect(rowOf(statement, 'Sisa komitmen').getCell(3).font?.bold).toBe(true);
  });

  itWithLibreOffice('LibreOffice prints the three units side by side on one line', () => {
    const printed = libreOfficePrintedText(body);
    if (printed === null) return; // no pdftotext
    const line = printed.split('\n').find((l) => l.includes('Kantor Cabang Bengkulu'));
    expect(line).toMatch(/Kabupaten Bengkulu Utara\s+Kabupaten Bengkulu Utara\s+Kantor Cabang Bengkulu/);
  });

  itWithLibreOffice("LibreOffice prints a statement's Jumlah, closing and both blocks side by side on one page", async () => {
    // October's TJSLP statement fills its first page before the closing, which goes on the next whole
    const statement = (await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?month=2026-10'))).body;
    const printed = libreOfficePrintedText(statement);
    if (printed === null) return; // no pdftotext
    const page = printed.split('\f').find((p) => p.includes('Kepala Dinas Kesehatan'))!;
    expect(page).toContain('Terutang (didanai komitmen ini)');
    expect(page).toContain('Demikian laporan ini dibuat untuk dipergunakan sebagaimana mestinya.');
    expect(page).toMatch(/Pimpinan\s+Kepala Dinas Kesehatan/);
    expect(page).toMatch(/=1\+2 PT Alno Agro Utama\s+Kabupaten Bengkulu Utara/);
    expect(page).toContain('NIP. ..............................');
    // the title's two lines head the page whole, one a line (on one line the second ran past the page and was cut)
    const summary = (await readWorkbook(statement)).worksheets[0];
    const [first, second] = [1, 2].map((r) => String(summary.getRow(r).getCell(1).value));
    expect(page.split('\n').map((l) => l.trim()).slice(0, 4)).toEqual(expect.arrayContaining([first, second]));
  });
});

/**
 * User text starting with =, +, - or @ (names from the register and the BPJS bill, SP2D
 * references, funder names) is written as text with the Text format, never as a formula.
 */
function textCells(wb: ExcelJS.Workbook): Map<string, ExcelJS.Cell> {
  const out = new Map<string, ExcelJS.Cell>();
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.set(`${ws.name}!${cell.address}:${String(cell.value)}`, cell))));
  return out;
}

describe('printed page header', () => {
  it('one header line per title line, & doubled, at most the 255 characters Excel keeps, cut only between words', () => {
    expect(printHeaderFooter(['Berita Acara — A & B', 'Bulan Oktober 2026']).oddHeader).toBe('&L&8Berita Acara — A && B\nBulan Oktober 2026');
    expect(printHeaderFooter(['a', 'b', 'c']).oddHeader).toBe('&L&8a\nb\nc');
    // the last line (the facts) is kept whole; the title above it is shortened at a word, with "…" (QA: "… diunduh 06/")
    const facts = 'Bulan Oktober 2026 · dibuat 15 November 2026 10.00 WIB';
    const title = `Laporan Komitmen: ${'PT Sawit & Karet Sejahtera '.repeat(10)}— TJSLP (CSR), TJSLP-X-2026`;
    const header = printHeaderFooter([title, facts]).oddHeader!;
    expect(header.length).toBeLessThanOrEqual(255);
    expect(header).toMatch(/^&L&8Laporan Komitmen: PT Sawit && Karet .*[a-z]…\nBulan Oktober 2026 · dibuat 15 November 2026 10\.00 WIB$/);
    // a last line too long alone is itself shortened at a word, and no room is left for the title
    expect(printHeaderFooter(['title', 'word '.repeat(60)]).oddHeader).toBe(`&L&8${'word '.repeat(50).trim()}…`);
    expect(printHeaderFooter(['y'.repeat(300), 'z']).oddHeader).toBe('&L&8z');
    // a footer note follows the sheet's name, shortened the same way
    expect(printHeaderFooter(['t'], 'dijalankan oleh a & b').oddFooter).toBe('&L&8&A · dijalankan oleh a && b&R&8Halaman &P dari &N');
    const footer = printHeaderFooter(['t'], 'kata '.repeat(100)).oddFooter!;
    expect(footer.length).toBeLessThanOrEqual(255);
    expect(footer).toMatch(/^&L&8&A · (kata )+kata…&R&8Halaman &P dari &N$/);
  });
});

describe('formula injection: user text is written as text', () => {
  let t: TestApp;
  let runId: string;
  beforeAll(async () => {
    t = await createTestApp();
    runId = await insertReportFixture(t.dataSource);
  });
  afterAll(() => t.close());

  it('the helper recognises every formula trigger and keeps the text unchanged', () => {
    for (const s of ['=1+1', '+62', '-Budi', '@SUM(A1)', '\t=1', '\r=1']) expect(looksLikeFormula(s)).toBe(true);
    for (const s of ['Budi', '1703', '', ' =1']) expect(looksLikeFormula(s)).toBe(false);
    expect(textValue('=1+1')).toBe('=1+1');
    expect(textValue(1703)).toBe('1703');
    expect(textValue(null)).toBeNull();
  });

  it.each([
    ['reconciliation workbook', 'run'],
    ['village statement', '/api/v1/statements/villages/1703062001.xlsx?month=2026-10'],
    ['pledge statement', '/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?month=2026-10'],
  ])('%s: formula-like text cells are strings with the Text format, and the only formulas are totals', async (_, url) => {
    const path = url === 'run' ? `/api/v1/reconciliations/${runId}/workbook.xlsx` : url;
    const wb = await readWorkbook((await download((await t.as(Role.KEUANGAN)).get(path))).body);
    let formulaLike = 0;
    for (const cell of textCells(wb).values()) {
      if (cell.type === ExcelJS.ValueType.Merge) continue; // a cell a long text spans shows its master's value: checked on the master
      if (cell.type === ExcelJS.ValueType.Formula) {
        // totals, differences, a ratio; Pembayaran's shortfall and overpayment (SUMIF of a Selisih column by sign); and the
        // Temuan recap's counts and sums per category over the table
        const range = "'Temuan( \\(\\d+\\))?'![A-Z]+\\d+:[A-Z]+\\d+";
        const recap = new RegExp(`^((COUNTA\\(${range}\\)|COUNTIF\\(${range},"[A-Z_]+"\\)|SUMIF\\(${range},"[A-Z_]+",${range}\\))\\+?)+$`);
        const bySign = '-?SUMIF\\([A-Z]+\\d+:[A-Z]+\\d+,"[<>]0"\\)';
        expect(cell.formula).toMatch(new RegExp(`^(SUM\\([A-Z]+\\d+:[A-Z]+\\d+\\)|[A-Z]+\\d+[-+][A-Z]+\\d+([-+][A-Z]+\\d+)?|IF\\(D\\d+=0,0,F\\d+\\/D\\d+\\)|${bySign})$|${recap.source}`));
        continue;
      }
      if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) {
        formulaLike++;
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.numFmt).toBe('@');
      }
    }
    expect(formulaLike).toBeGreaterThan(0);
  });

  it('the reconciliation workbook keeps each injected value verbatim', async () => {
    const wb = await readWorkbook((await download((await t.as(Role.ADMIN)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body);
    const values = new Set([...textCells(wb).values()].map((c) => c.value));
    for (const v of ['=HYPERLINK("http://contoh.invalid","klik")', '-Budi Santoso', '@Siti Aminah', '+Rina Wati', "=cmd|' /C calc'!A0", '=SUM(A1:A9)', '=1+2 PT Alno Agro Utama — TJSLP (CSR), TJSLP-ALNO-2026']) {
      expect(values.has(v)).toBe(true);
    }
  });
});

/**
 * A funder is named once, in one form across the workbooks: "PT Agricinal — TJSLP (CSR),
 * TJSLP-ALNO-2026" (QA: "Didanai TJSLP-ALNO-2026 — PT Agricinal (TJSLP) (TJSLP (CSR))" and "Dibayar
 * oleh PT Sawit Bengkulu Lestari (TJSLP) (TJSLP-SAWIT-2026)"). A name that already says its type in
 * brackets does not say it twice. Pagu & Realisasi, Per Sumber Dana and Pembayaran, the pledge
 * statement's Pemberi dana and the village statement's pledge terms name it so too (QA: they kept
 * "PT Agricinal (TJSLP)" beside a separate Sumber Dana column).
 */
describe('funderLabel', () => {
  it.each([
    ['PT Agricinal (TJSLP)', 'TJSLP', 'TJSLP-ALNO-2026', 'PT Agricinal — TJSLP (CSR), TJSLP-ALNO-2026'],
    ['PT Sawit Bengkulu Lestari (TJSLP)', 'TJSLP', 'TJSLP-SAWIT-2026', 'PT Sawit Bengkulu Lestari — TJSLP (CSR), TJSLP-SAWIT-2026'],
    ['Bank Bengkulu (CSR)', 'TJSLP', 'TJSLP-BANK-2026', 'Bank Bengkulu — TJSLP (CSR), TJSLP-BANK-2026'],
    ['PT Bank Bengkulu (Perseroda)', 'TJSLP', 'TJSLP-BANK-2026', 'PT Bank Bengkulu (Perseroda) — TJSLP (CSR), TJSLP-BANK-2026'],
    ['Pemerintah Kabupaten Bengkulu Utara', 'APBD', 'APBD-2026', 'Pemerintah Kabupaten Bengkulu Utara — APBD Kabupaten, APBD-2026'],
    ['Pemerintah Desa Talang Jambu (APBDes)', 'DESA', 'DESA-1703062001-2026', 'Pemerintah Desa Talang Jambu — APBDes, DESA-1703062001-2026'],
  ])('%s (%s)', (funder, sourceType, code, expected) => {
    expect(funderLabel({ code, funder, sourceType })).toBe(expected);
  });

  it('a pledge known by its code alone is named by its code (not ", APBD-LAMA")', () => {
    expect(funderLabel({ code: 'APBD-LAMA', funder: undefined, sourceType: undefined })).toBe('APBD-LAMA');
    expect(funderLabel({ code: 'APBD-LAMA', funder: undefined, sourceType: 'APBD' })).toBe('APBD Kabupaten, APBD-LAMA');
  });
});

describe('workbooks name each funder once', () => {
  let t: TestApp;
  let runId: string;
  beforeAll(async () => {
    t = await createTestApp();
    runId = await insertReportFixture(t.dataSource);
    // the pledge as created with that name: its row and the terms of its revision 1, which its splits carry
    await t.dataSource.query(`UPDATE pledge SET funder = 'PT Agricinal (TJSLP)' WHERE code = 'TJSLP-ALNO-2026'`);
    await t.dataSource.query(`UPDATE pledge_revision SET data = jsonb_set(data, '{funder}', '"PT Agricinal (TJSLP)"') WHERE code = 'TJSLP-ALNO-2026'`);
  });
  afterAll(() => t.close());

  const TJSLP = 'PT Agricinal — TJSLP (CSR), TJSLP-ALNO-2026';
  const APBD = 'Pemerintah Kabupaten Bengkulu Utara — APBD Kabupaten, APBD-2026';
  let workbook: ExcelJS.Workbook | undefined;
  const reconciliation = async () => (workbook ??= await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body));
  const statement = async (code: string) => readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/statements/pledges/${code}.xlsx?year=2026`))).body);

  it('Ringkasan and Berita Acara of the reconciliation workbook', async () => {
    const wb = await reconciliation();
    expect(rowOf(wb.getWorksheet('Ringkasan')!, 'Didanai PT Agricinal — TJSLP (CSR), TJSLP-ALNO-2026').getCell(3).value).toBe(37800);
    expect(rowOf(wb.getWorksheet('Ringkasan')!, 'Didanai Pemerintah Provinsi Bengkulu — APBD Provinsi, PROV-2026').getCell(3).value).toBe(30240);
    expect(rowOf(wb.getWorksheet('Berita Acara')!, 'Dibayar oleh PT Agricinal — TJSLP (CSR), TJSLP-ALNO-2026').getCell(2).value).toBe(40000);
    const texts: string[] = [];
    for (const ws of [wb.getWorksheet('Ringkasan')!, wb.getWorksheet('Berita Acara')!]) ws.eachRow((r) => texts.push(String(r.getCell(1).value)));
    expect(texts.filter((x) => /\)\s*\)|\) \(/.test(x))).toEqual([]);
  });

  // QA: these sheets wrote the raw name ("PT Agricinal (TJSLP)") beside a Sumber Dana column.
  it.each([
    ['Pagu & Realisasi', 3],
    ['Per Sumber Dana', 4],
    ['Pembayaran', 3],
  ] as const)('%s: the Pemberi Dana cell of a TJSLP and an APBD pledge', async (sheet, column) => {
    const ws = (await reconciliation()).getWorksheet(sheet)!;
    expect(ws.getRow((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!).getCell(column).value).toBe('Pemberi Dana');
    expect(rowOf(ws, 'TJSLP-ALNO-2026').getCell(column).value).toBe(TJSLP);
    expect(rowOf(ws, 'APBD-2026').getCell(column).value).toBe(APBD);
  });

  it('no sheet of the reconciliation workbook keeps the raw name', async () => {
    const raw: string[] = [];
    for (const ws of (await reconciliation()).worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => void (String(cell.value).includes('(TJSLP)') && raw.push(`${ws.name}!${cell.address}: ${String(cell.value)}`))));
    }
    expect(raw).toEqual([]);
  });

  it('the pledge statement: its title and its Pemberi dana', async () => {
    const wb = await statement('TJSLP-ALNO-2026');
    for (const ws of wb.worksheets) expect(ws.getRow(1).getCell(1).value).toMatch(/: PT Agricinal — TJSLP \(CSR\), TJSLP-ALNO-2026$/);
    expect(rowOf(wb.getWorksheet('Ringkasan')!, 'Pemberi dana').getCell(3).value).toBe(TJSLP);
    expect(rowOf((await statement('APBD-2026')).getWorksheet('Ringkasan')!, 'Pemberi dana').getCell(3).value).toBe(APBD);
  });

  it("the village statement: its pledges' terms", async () => {
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/villages/17.03.06.2001.xlsx?month=2026-10'))).body);
    const ws = wb.getWorksheet('Ringkasan')!;
    const terms = ws.getRow(rowOf(ws, 'Komitmen pendanaan desa').number + 1).getCell(1).value;
    expect(terms).toBe('Desa Talang Jambu — APBDes, DESA-1703062001-2026: Dana Desa, tanpa pagu, PKS DESA-1703062001-2026');
  });
});
