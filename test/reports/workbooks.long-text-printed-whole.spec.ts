/**
 * Text longer than its column is printed whole (QA: the Dana Desa warning printed as its last two
 * lines, funder labels cut at the column edge): it wraps, spans the empty cells to its right, and its
 * row is as high as the wrapped text needs. What is signed keeps together on one printed page.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { FIT_TO_HEIGHT_FROM_PAGES, FIT_TO_HEIGHT_PAGES, textWidth, WARNING_STYLE, wrappedLines } from '../../src/common/spreadsheet/workbook-style.js';
import { fitScale, type TableColumn, TableSheet } from '../../src/reports/workbook/table-sheet.js';

const COLUMNS: TableColumn[] = [
  { header: 'Uraian', kind: 'text', width: 30 },
  { header: 'Jumlah (Rp)', kind: 'rupiah', width: 16 },
  { header: 'Keterangan', kind: 'text', width: 40 },
];

const WARNING =
  'Komitmen DESA-1703112010-2026 memakai Dana Desa untuk iuran PBI tahun 2026. Sejak 2024 Dana Desa tidak boleh dipakai membayar iuran PBI (Surat Edaran Kemendesa PDTT Nomor 4/PRI.00/I/2024).';

let lastFile: Buffer;

async function written(write: (t: TableSheet) => void, fixedRowHeights = false, columns = COLUMNS): Promise<ExcelJS.Worksheet> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const t = new TableSheet(workbook, 'Lembar', columns, { title: ['Judul'], fixedRowHeights });
  write(t);
  t.commit();
  await workbook.commit();
  lastFile = Buffer.concat(chunks);
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(lastFile as unknown as ArrayBuffer);
  return read.worksheets[0];
}

/** The manual page breaks of the last written sheet (ExcelJS does not read them back): rows they follow. */
async function pageBreaks(): Promise<number[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'breaks-')), 'lembar.xlsx');
  writeFileSync(path, lastFile);
  const zip = await unzipper.Open.file(path);
  const sheet = await text(zip.files.find((f) => f.path === 'xl/worksheets/sheet1.xml')!.stream());
  return [...sheet.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
}

describe('workbooks: long text is printed whole', () => {
  it('counts wrapped lines by words, breaking a word longer than a line', () => {
    expect(wrappedLines('pendek', 30)).toBe(1);
    expect(wrappedLines('satu dua tiga', 9)).toBe(2); // "satu dua" | "tiga"
    expect(wrappedLines('0'.repeat(20), 6)).toBe(5); // 4 digits a line, 6% to spare: 4+4+4+4+4
    expect(wrappedLines('baris satu\nbaris dua', 40)).toBe(2);
    expect(wrappedLines(WARNING, 40)).toBeGreaterThan(wrappedLines(WARNING, 80));
    expect(wrappedLines(WARNING, 40, 1.1)).toBeGreaterThanOrEqual(wrappedLines(WARNING, 40)); // bold runs wider
  });

  /**
   * Each character counts its own width in Calibri 11 (QA: counted a digit each, prose in a wide column got a line or
   * two too many), never fewer lines than LibreOffice prints: the most of each character it printed on one line in
   * columns 10, 20, 40 and 80 wide (rendered to PDF), one more wraps in the estimate too.
   */
  it('counts narrow letters narrow and wide ones wide, never fewer lines than LibreOffice prints', () => {
    expect(textWidth('il. ')).toBeLessThan(textWidth('0000') * 0.55);
    expect(textWidth('MW')).toBeGreaterThan(textWidth('00') * 1.7);
    expect(wrappedLines('l'.repeat(100), 60)).toBe(1); // 2 at a digit each
    expect(wrappedLines(WARNING, 40)).toBe(5); // 6 at a digit each
    const status = 'Lunas menurut jumlah (termasuk koreksi September 2026 Rp32.680); iuran Oktober 2026 sendiri belum dibayar – lewat jatuh tempo 10 Oktober 2026';
    expect(wrappedLines(status, 26)).toBe(6); // 7 at a digit each; LibreOffice prints 5
    // a word longer than a line still breaks anywhere, and is never given fewer lines than it takes
    expect(wrappedLines('M'.repeat(30), 10)).toBeGreaterThanOrEqual(6); // LibreOffice: 5 a line
    expect(wrappedLines('i'.repeat(60), 10)).toBe(4); // LibreOffice: 21 a line, 3 lines
    const printedOnOneLine: Array<[width: number, most: Record<string, number>]> = [
      [10, { '0': 9, a: 10, i: 21, M: 5 }],
      [20, { '0': 19, a: 20, i: 43, M: 11 }],
      [40, { '0': 39, a: 41, i: 87, M: 23 }],
      [80, { '0': 78, a: 83, i: 176, M: 47 }],
    ];
    for (const [width, most] of printedOnOneLine) {
      for (const [c, n] of Object.entries(most)) expect(wrappedLines(c.repeat(n + 1), width)).toBeGreaterThanOrEqual(2);
    }
  });

  it('a text of few characters but wide ones wraps too', async () => {
    const ws = await written((t) => t.addRow(['W'.repeat(25), 1, null])); // 25 characters in a column of 30, 45 digits wide
    expect(ws.getRow(4).getCell(1).alignment?.wrapText).toBe(true);
    expect(ws.getRow(4).height).toBe(2 * 15);
  });

  it('a data row: the long cell wraps and the row grows; short rows keep the default height', async () => {
    const ws = await written((t) => {
      t.addRow(['Didanai DESA-1703112010-2026 — Pemerintah Desa 17.03.11.2010 (APBDes)', 869400, WARNING]);
      t.addRow(['Tidak terdanai', 0, null]);
    });
    const long = ws.getRow(4);
    expect(long.getCell(3).alignment?.wrapText).toBe(true);
    expect(long.getCell(1).alignment?.wrapText).toBe(true);
    expect(long.height).toBe(wrappedLines(WARNING, 40) * 15);
    expect(ws.getRow(5).height).toBeUndefined();
    expect(ws.getRow(5).getCell(1).alignment?.wrapText).toBeFalsy();
  });

  it('a free row: a text spans the empty cells to its right before it wraps; a text beside a value wraps in its own column', async () => {
    const ws = await written((t) => {
      t.writeStyledRow([WARNING], WARNING_STYLE); // alone: the table's whole width
      t.writeStyledRow(['Terpakai sebelum periode ini (tahun yang sama)', 1_285_200]); // beside a value
      t.writeStyledRow(['Tahun anggaran dan bulan-bulan yang didanai komitmen', null, '2026']); // up to the next value
    });
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A4:C4']));
    expect(merges).not.toEqual(expect.arrayContaining([expect.stringMatching(/^A5:/)]));
    expect(ws.getRow(4).height).toBe(wrappedLines(WARNING, 86, 1.1) * 15);
    expect(ws.getRow(5).height).toBe(2 * 15); // 46 characters in a column of 30
    expect(merges).toEqual(expect.arrayContaining(['A6:B6']));
    expect(ws.getRow(6).height).toBe(wrappedLines('Tahun anggaran dan bulan-bulan yang didanai komitmen', 46) * 15);
    expect(ws.getRow(3).height).toBeUndefined(); // the header's titles fit
  });

  it('keepTogether starts a new printed page when the rows would not fit on this one, and only then', async () => {
    const short = await written((t) => {
      for (let i = 0; i < 5; i++) t.addRow([`Baris ${i}`, i, null]);
      t.keepTogether(11);
    }, true);
    expect(await pageBreaks()).toEqual([]);
    expect(short.getRow(5).height).toBe(15); // fixedRowHeights: one-line rows get theirs too

    await written((t) => {
      for (let i = 0; i < 25; i++) t.addRow([`Baris ${i}`, i, null]);
      t.keepTogether(11); // rows 1-28 take 28 lines of a page of about 30
      t.writeStyledRow(['Demikian berita acara ini dibuat.']);
    }, true);
    expect(await pageBreaks()).toEqual([28]);
  });

  /**
   * A table as wide as a pledge statement's Ringkasan (178 characters) prints at 81%, so its page holds 628 points of
   * rows, 41 lines (QA: the estimate held 39, and the statement's Jumlah and signatures went to page 2 with room for
   * them on page 1).
   */
  it('keepTogether counts the page at the scale fit to width prints it', async () => {
    const wide: TableColumn[] = [{ ...COLUMNS[0] }, { ...COLUMNS[1] }, { ...COLUMNS[2], width: 132 }];
    expect(fitScale(wide.map((c) => c.width))).toBe(0.81);
    expect(fitScale(COLUMNS.map((c) => c.width))).toBe(1); // narrower than the page: printed at 100%, not enlarged
    // the title (14 points: 19), a blank line and the header, then 27 rows and 11 kept together: 619 points, on one page
    await written((t) => {
      for (let i = 0; i < 27; i++) t.addRow([`Baris ${i}`, i, null]);
      t.keepTogether(11);
    }, true, wide);
    expect(await pageBreaks()).toEqual([]);
    // 29 rows and 11 come to 649: the 11 start page 2, after row 3 + 29
    await written((t) => {
      for (let i = 0; i < 29; i++) t.addRow([`Baris ${i}`, i, null]);
      t.keepTogether(11);
    }, true, wide);
    expect(await pageBreaks()).toEqual([32]);
  });

  /**
   * A long sheet is fit to FIT_TO_HEIGHT_PAGES tall rather than "automatic" (LibreOffice's blank pages, see there); a sheet
   * of a few pages keeps "automatic" (a statement's blocks stay on their page), and so does one of more pages than
   * LibreOffice reads, by the estimate, rather than print smaller.
   */
  it('fits a long sheet to FIT_TO_HEIGHT_PAGES tall, a short one and one of more pages to width alone', async () => {
    const tall = 'Keterangan panjang '.repeat(60); // 30 lines, 450 points: a row a page
    expect(wrappedLines(tall.trim(), COLUMNS[2].width)).toBe(30);
    const rows = (n: number) => written((t) => {
      for (let i = 0; i < n; i++) t.addRow([`Baris ${i}`, i, tall.trim()]);
    });
    expect((await rows(1)).pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect((await rows(FIT_TO_HEIGHT_FROM_PAGES + 5)).pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: FIT_TO_HEIGHT_PAGES });
    expect((await rows(FIT_TO_HEIGHT_PAGES)).pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });
});
