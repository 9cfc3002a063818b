/**
 * The one look of every workbook the service writes: upload templates, upload reports,
 * reconciliation workbooks and statements (DOMAIN §11). Fonts, header fill, number formats and
 * print setup are defined here once; writers style COLUMNS (ExcelJS copies a column's style into
 * each new cell), not single cells, which keeps the streaming writer fast (STACK.md).
 */
import type ExcelJS from 'exceljs';
import { TEXT_FORMAT } from './formula-injection.js';

export { looksLikeFormula, markAsText, textValue, TEXT_FORMAT } from './formula-injection.js';

export const FONT_NAME = 'Calibri';
export const FONT_SIZE = 11;

/** Number formats. Money is whole rupiah, shown with dots between thousands in an Indonesian locale. */
export const NUMBER_FORMATS = {
  /** A rupiah figure standing alone, a label beside it (a total said in words, a Berita Acara line): `Rp37.800`. */
  rupiah: '"Rp"#,##0;[Red]-"Rp"#,##0;"Rp"0',
  /** A rupiah figure under a header that says "(Rp)" already (`Terutang (Rp)`): `37.800`, negative red `-37.800`. */
  rupiahUnderHeader: '#,##0;[Red]-#,##0;0',
  count: '#,##0',
  percent: '0.00%',
  date: 'dd/mm/yyyy',
  /** A month as a date (its 1st) shown by its Indonesian name, "November 2026", whatever the reader's locale ([$-421]: id-ID). */
  month: '[$-421]mmmm yyyy',
  text: TEXT_FORMAT,
} as const;

export const COLORS = {
  headerFill: 'FF1F4E78',
  headerFont: 'FFFFFFFF',
  totalFill: 'FFDDEBF7',
  warningFont: 'FFC00000',
  border: 'FFBFBFBF',
} as const;

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: COLORS.border } };

export const BASE_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: FONT_SIZE };

/** Column header cells: white bold on dark blue, wrapped, centred. */
export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { ...BASE_FONT, bold: true, color: { argb: COLORS.headerFont } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: COLORS.headerFill } },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  border: { top: thin, left: thin, bottom: thin, right: thin },
};

/** The title line above a table. */
export const TITLE_STYLE: Partial<ExcelJS.Style> = { font: { ...BASE_FONT, size: 14, bold: true } };
export const SUBTITLE_STYLE: Partial<ExcelJS.Style> = { font: { ...BASE_FONT, italic: true } };
export const LABEL_STYLE: Partial<ExcelJS.Style> = { font: { ...BASE_FONT, bold: true } };
/** A warning line: bold red, wrapped, at the top of its row (QA: a DRAF label sat below its own long, wrapped reason). */
export const WARNING_STYLE: Partial<ExcelJS.Style> = { font: { ...BASE_FONT, bold: true, color: { argb: COLORS.warningFont } }, alignment: { wrapText: true, vertical: 'top' } };

/** A totals row: bold on light blue with a rule above. */
export const TOTAL_STYLE: Partial<ExcelJS.Style> = {
  font: { ...BASE_FONT, bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: COLORS.totalFill } },
  border: { top: { style: 'thin' }, bottom: { style: 'double' } },
};

export type ColumnKind = 'text' | 'rupiah' | 'count' | 'percent' | 'date' | 'general';

/** A column header that names its unit, rupiah: `Terutang (Rp)`, `TJSLP (CSR) (Rp)`. */
export function saysRupiah(header: string): boolean {
  return header.includes('(Rp)');
}

/**
 * The style of a whole column of one kind. Text columns use the Text format (NIK stays 16 digits). A rupiah column
 * whose `header` says "(Rp)" shows its figures without "Rp" (QA: "Terutang (Rp)" over cells reading "Rp37.800").
 */
export function columnStyle(kind: ColumnKind, header?: string): Partial<ExcelJS.Style> {
  switch (kind) {
    case 'text':
      return { font: BASE_FONT, numFmt: NUMBER_FORMATS.text, alignment: { vertical: 'top' } };
    case 'rupiah':
      return { font: BASE_FONT, numFmt: header !== undefined && saysRupiah(header) ? NUMBER_FORMATS.rupiahUnderHeader : NUMBER_FORMATS.rupiah, alignment: { vertical: 'top' } };
    case 'count':
      return { font: BASE_FONT, numFmt: NUMBER_FORMATS.count, alignment: { vertical: 'top' } };
    case 'percent':
      return { font: BASE_FONT, numFmt: NUMBER_FORMATS.percent, alignment: { vertical: 'top' } };
    case 'date':
      return { font: BASE_FONT, numFmt: NUMBER_FORMATS.date, alignment: { vertical: 'top', horizontal: 'center' } };
    case 'general':
      return { font: BASE_FONT, alignment: { vertical: 'top' } };
  }
}

/** Points per line of 11-point Calibri (Excel's default row height). */
export const LINE_POINTS = 15;

/**
 * Advance widths of 11-point Calibri in digit widths (Excel's unit of column width), each rounded up to a twentieth:
 * from the metrics of Carlito, Calibri's metric-compatible twin that LibreOffice prints with (a digit is 1038 of the
 * em's 2048 units, an "i" 470, an "M" 1751). Characters not listed take OTHER_WIDTH.
 */
const CHAR_WIDTHS: ReadonlyArray<readonly [chars: string, width: number]> = [
  [" '", 0.45],
  [',.Iijl·‘’', 0.5],
  [':;', 0.55],
  ['()`', 0.6],
  ['!-J[]f{}', 0.65],
  ['rt', 0.7],
  ['"/\\sz', 0.8],
  ['Lc“”', 0.85],
  ['kvxy', 0.9],
  ['?FSZag|', 0.95],
  ['#$*+0123456789<=>ETY^_e~–−', 1],
  ['KPXbdhnopqu', 1.05],
  ['BCR', 1.1],
  ['AV', 1.15],
  ['DGH', 1.25],
  ['NU', 1.3],
  ['&OQ', 1.35],
  ['…', 1.4],
  ['%w', 1.45],
  ['m', 1.6],
  ['M', 1.7],
  ['@W—', 1.8],
];
const WIDTH_OF = new Map(CHAR_WIDTHS.flatMap(([chars, width]) => [...chars].map((c) => [c, width] as const)));
/** A character of another script or an unlisted symbol: as wide as a wide capital, to be safe. */
const OTHER_WIDTH = 1.4;
const SPACE_WIDTH = WIDTH_OF.get(' ')!;

/**
 * What every width is taken larger by. LibreOffice gives a column `w` wide room for `w` - 1 digits (measured: 9 digits,
 * 21 "i" or 5 "M" in a column of 10; 78 digits, 176 "i" or 47 "M" in one of 80), while Excel draws it 7 pixels a unit
 * and prints a digit 7.4 pixels wide: about 6% less room.
 */
const WIDTH_MARGIN = 1.06;

/** How wide `text` prints in 11-point Calibri, in digit widths (CHAR_WIDTHS). */
export function textWidth(text: string): number {
  let width = 0;
  for (const c of text) width += WIDTH_OF.get(c) ?? OTHER_WIDTH;
  return width;
}

/**
 * How many lines `text` takes wrapped in a column `width` characters wide (Excel's unit: the width of a digit), words
 * kept whole where they fit. Neither Excel nor LibreOffice grows a row for wrapped text that a streaming writer wrote
 * (QA: the Dana Desa warning printed as its last two lines), so rows with long text get their height from this
 * (TableSheet, the upload row reports). Each character counts its own width (textWidth: an "i" half a digit, an "M"
 * 1.7: QA, counted a digit each, prose in a wide column got a line or two too many), taken WIDTH_MARGIN larger, and
 * bold or larger text (`scale` > 1) wider still: a row too tall for its text, never one too short, which hides it.
 */
export function wrappedLines(text: string, width: number, scale = 1): number {
  const room = (width - 1) / (scale * WIDTH_MARGIN);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = -1; // the width of the line so far; -1 before its first word
    for (const word of paragraph.split(' ')) {
      const wide = textWidth(word);
      if (used >= 0 && used + SPACE_WIDTH + wide <= room) {
        used += SPACE_WIDTH + wide;
        continue;
      }
      if (used >= 0) lines++;
      if (wide <= room) {
        used = wide;
        continue;
      }
      used = 0; // a word longer than a line breaks anywhere, at least a character a line
      for (const c of word) {
        const w = WIDTH_OF.get(c) ?? OTHER_WIDTH;
        if (used > 0 && used + w > room) {
          lines++;
          used = 0;
        }
        used += w;
      }
    }
  }
  return lines;
}

/** Whether `text` prints on one line in a column `width` wide (wrappedLines), without wrapping or running over. */
export function fitsOneLine(text: string, width: number, scale = 1): boolean {
  return !text.includes('\n') && textWidth(text) * scale * WIDTH_MARGIN <= width - 1;
}

/** How much wider than plain 11-point text a style's font runs (bold, larger). */
export function fontScale(style: Partial<ExcelJS.Style> | undefined): number {
  const size = style?.font?.size ?? 11;
  return (size / 11) * (style?.font?.bold ? 1.1 : 1);
}

/**
 * How many pages tall a sheet with a printed header and footer is fit to (TableSheet.commit): as many as it needs, in
 * effect, rather than printSetup()'s 0 ("automatic", what Excel writes for a blank "tall"). Given 0, LibreOffice
 * prints a long sheet 2% smaller when that saves a page (tdf#103516), and its PDF export of a sheet with a header
 * and footer does so when it draws the pages but not when it counts them: blank pages after the sheet, counted
 * in "Halaman N dari M" (QA: 2 after a Rincian Peserta of 3,000 rows, 3 after 6,000). 1000 is the most LibreOffice
 * reads: a sheet of more pages keeps 0 rather than print smaller.
 */
export const FIT_TO_HEIGHT_PAGES = 1000;

/**
 * From how many estimated pages a sheet is fit to FIT_TO_HEIGHT_PAGES tall; a shorter one keeps 0. The blank pages came
 * only after sheets of dozens of pages (none after 1,500 rows, 2 after 3,000), while on a sheet of a page or two the same
 * 2% shrink is what keeps a statement's totals, closing and signature blocks together on their page in LibreOffice (the
 * statement check of workbooks.text-and-signatures failed without it).
 */
export const FIT_TO_HEIGHT_FROM_PAGES = 20;

/** fitToHeight of a sheet estimated at `pages` printed pages: FIT_TO_HEIGHT_PAGES for a long one, else 0 (see above). */
export function fitToHeightOf(pages: number): number {
  return pages >= FIT_TO_HEIGHT_FROM_PAGES && pages <= FIT_TO_HEIGHT_PAGES * 0.95 ? FIT_TO_HEIGHT_PAGES : 0;
}

/** A4, landscape, fit to one page wide, header rows repeated on each printed page. */
export function printSetup(headerRow?: number): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(headerRow ? { printTitlesRow: `${headerRow}:${headerRow}` } : {}),
  };
}

/**
 * The printed page's footer: the sheet's name on the left, *Halaman 3 dari 58* on the right (QA: a 58-page printout,
 * Rincian Peserta alone 30 pages, had no page numbers to put the signed copy back in order by).
 */
export const PRINT_FOOTER: Partial<ExcelJS.HeaderFooter> = { oddFooter: '&L&8&A&R&8Halaman &P dari &N' };

/** Excel keeps at most 255 characters of a header or a footer (its codes included). */
export const HEADER_MAX = 255;

/**
 * PRINT_FOOTER with the document's title as every printed page's header, small at the left, one line of the title a
 * line of the header: a page that starts below the table (a statement's signatures, moved whole to the next page)
 * still says what it belongs to (QA: page 2 held the Jumlah and the signatures under a bare column header, no title,
 * code or period). `footerNote` follows the sheet's name in the footer (the reconciliation workbook's who ran it).
 *
 * Both stay within the 255 characters Excel keeps, and nothing is cut mid-word (QA: a finalized run's header ended
 * "… diunduh 06/"): the last header line (the facts: month, version, status, download time) is kept whole and the
 * lines above it are shortened at a word, with "…", to make room; only a last line alone too long is itself
 * shortened so. `&` is the header language's escape, so the text's own is doubled.
 */
export function printHeaderFooter(lines: readonly string[], footerNote?: string): Partial<ExcelJS.HeaderFooter> {
  const prefix = '&L&8';
  const escaped = lines.map((line) => line.replace(/&/g, '&&'));
  let room = HEADER_MAX - prefix.length - Math.max(0, escaped.length - 1); // the line breaks
  const last = escaped.length ? shortenAtWord(escaped[escaped.length - 1], room) : '';
  room -= last.length;
  const above: string[] = [];
  for (const line of escaped.slice(0, -1)) {
    const text = shortenAtWord(line, room);
    if (!text) break;
    above.push(text);
    room -= text.length;
  }
  const header = prefix + [...above, last].filter((l) => l).join('\n');
  if (!footerNote) return { ...PRINT_FOOTER, oddHeader: header };
  const [left, right] = PRINT_FOOTER.oddFooter!.split('&R');
  const note = shortenAtWord(` · ${footerNote.replace(/&/g, '&&')}`, HEADER_MAX - PRINT_FOOTER.oddFooter!.length);
  return { oddHeader: header, oddFooter: `${left}${note}&R${right}` };
}

/**
 * `text` (its `&` already doubled) in at most `max` characters: whole, or up to the last whole word that fits, "…"
 * after it (empty when not one does).
 */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 2) return '';
  let cut = text.slice(0, max); // the space ending the last whole word may be its last character
  const space = cut.lastIndexOf(' ');
  cut = space > 0 ? cut.slice(0, space) : '';
  // cut at a space, so never in half of a doubled &; nor after a separator or a lone && ("… — Kabupaten…", not "… —…")
  cut = cut.replace(/[\s·—,;:&]+$/, '');
  return cut ? `${cut}…` : '';
}

/** The `views` that freeze everything above and including `headerRow`. */
export function frozenHeader(headerRow: number): Partial<ExcelJS.WorksheetView>[] {
  return [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
