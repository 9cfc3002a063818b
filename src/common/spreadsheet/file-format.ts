/**
 * Tells what kind of file an upload is from its first bytes (and its name): an .xlsx or a .csv, or one
 * refused whole with the SpreadsheetException that names what it is instead (empty, old .xls, PDF,
 * OpenDocument, UTF-16 text, Excel 2003 XML, a web page, text named as Excel, a binary file). Holds
 * detectFormat, the magic numbers it looks for, and the byte-sampling tests it is built on; SheetReader
 * calls it on the file's first 64 KiB before reading any row.
 */
import { isUtf8 } from 'node:buffer';
import { extname } from 'node:path';
import { SpreadsheetException } from './spreadsheet.exception.js';

export type SheetFormat = 'xlsx' | 'csv';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
export const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const PDF_MAGIC = Buffer.from('%PDF-');

/** Tells .xlsx from .csv by content first, then by the file name. */
export function detectFormat(filename: string, head: Buffer): SheetFormat {
  if (head.length === 0) throw SpreadsheetException.empty(filename);
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
    const mimetype = openDocumentType(head);
    if (mimetype?.startsWith(ODS_MIMETYPE)) throw SpreadsheetException.openDocument(filename);
    if (mimetype !== undefined) throw SpreadsheetException.notASpreadsheet(filename); // a text document (.odt), a presentation
    return 'xlsx';
  }
  if (head.subarray(0, 4).equals(OLE_MAGIC)) throw SpreadsheetException.oldExcel(filename);
  if (head.subarray(0, 5).equals(PDF_MAGIC)) throw SpreadsheetException.pdf(filename);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || looksUtf16(head)) throw SpreadsheetException.csvUtf16(filename);
  const ext = extname(filename).toLowerCase();
  const named = ext === '.xlsx' || ext === '.xls' || ext === '.xlsm' || ext === '.ods';
  if (looksXmlSpreadsheet(head)) throw SpreadsheetException.xmlSpreadsheet(filename);
  if (looksHtml(head)) throw SpreadsheetException.html(filename, named);
  if (named && !head.includes(0) && looksUtf8(head) && fewControlBytes(head)) throw SpreadsheetException.textNamedAsExcel(filename);
  if (named || (head.includes(0) && !fewControlBytes(head))) throw SpreadsheetException.notASpreadsheet(filename);
  // Text in an 8-bit encoding is refused by csvRows, naming the row, wherever its first such byte stands.
  if (!looksUtf8(head) && !looksLikeText(head)) throw SpreadsheetException.notASpreadsheet(filename);
  return 'csv';
}

/** A file's first kilobyte as markup is looked at: without a UTF-8 BOM and leading whitespace (tags are ASCII). */
function markupStart(head: Buffer): string {
  return head.subarray(0, 1024).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart();
}

/**
 * Excel 2003's XML Spreadsheet (a `.xls` or `.xml` export of older systems): an XML declaration, then Excel's
 * processing instruction or a `Workbook` element, in the first kilobyte (QA: told it was a web page).
 */
function looksXmlSpreadsheet(head: Buffer): boolean {
  const text = markupStart(head);
  return text.startsWith('<?xml') && /mso-application\s+progid\s*=\s*["']Excel\.Sheet["']|<(?:ss:)?Workbook[\s>]/i.test(text);
}

/**
 * A web page (HTML): after an optional UTF-8 BOM and whitespace it opens a tag, and `<html`,
 * `<!DOCTYPE html` or `<table` stands in its first kilobyte, in any case. Web applications export
 * their tables so, under an .xls name that Excel opens (QA: told to rename it .csv, which then
 * failed MISSING_COLUMNS with the header `<html><body><table>`).
 */
function looksHtml(head: Buffer): boolean {
  const text = markupStart(head);
  return text.startsWith('<') && /<(?:!doctype\s+html|html|table)[\s>]/i.test(text);
}

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const OPENDOCUMENT_MIMETYPE = 'application/vnd.oasis.opendocument.';

/**
 * The media type of an OpenDocument file (.ods, .odt …), or undefined for any other zip. ODF puts
 * an uncompressed entry `mimetype` first, holding the type (ODF 1.2 part 3, §3.3); a zip whose
 * first entry is something else but that has `content.xml` and no `xl/workbook.xml` is caught
 * when the workbook is looked for (xlsx-rows.ts).
 */
function openDocumentType(head: Buffer): string | undefined {
  if (head.length < 30) return undefined;
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  if (head.toString('latin1', 30, 30 + nameLength) !== 'mimetype') return undefined;
  const start = 30 + nameLength + extraLength;
  const text = head.toString('latin1', start, start + Math.min(head.readUInt32LE(18), 200));
  return text.startsWith(OPENDOCUMENT_MIMETYPE) ? text : undefined;
}

/** Bytes looked at for UTF-16 without a byte order mark. */
const UTF16_SAMPLE = 256;

/**
 * UTF-16 without a byte order mark (some exports leave it out): in the first bytes, NUL at every
 * odd position (little endian, `N\0I\0K\0`) or every even one (big endian), nine in ten at least,
 * and almost never between: the letters, digits and separators of a header row. A text file with a
 * stray NUL, or a binary file, does not alternate so.
 */
function looksUtf16(head: Buffer): boolean {
  const length = Math.min(head.length, UTF16_SAMPLE) & ~1;
  if (length < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < length; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const pairs = length / 2;
  const alternate = (nul: number, other: number) => nul >= pairs * 0.9 && other <= pairs * 0.1;
  return alternate(odd, even) || alternate(even, odd);
}

/**
 * Control bytes (but tab and line breaks) are at most a tenth of the sample: text with a few stray
 * NULs or other control characters in cells (each refused with its row, cell.ts), not UTF-16 (every
 * other byte NUL) or a binary file. A tenth, not less: a payment sheet of 150 bytes with two NULs in
 * one reference is still a sheet whose other rows count (QA: 1% refused it whole).
 */
function fewControlBytes(head: Buffer): boolean {
  let controls = 0;
  for (const byte of head) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) controls++;
  return controls * 10 <= head.length;
}

/**
 * Text in some 8-bit encoding: almost all bytes are printable ASCII or line breaks, and the rest are
 * the high bytes of accented letters (é, ñ) rather than control codes.
 */
function looksLikeText(head: Buffer): boolean {
  let plain = 0;
  for (const byte of head) if (byte < 0x80) plain++;
  // a few control characters are refused with their rows; the encoding is named with its row (QA: called "not a spreadsheet")
  return plain >= head.length * 0.9 && fewControlBytes(head);
}

/** Valid UTF-8, tolerating a multi-byte character cut at the end of the sample. */
function looksUtf8(head: Buffer): boolean {
  for (let cut = 0; cut < 4 && cut < head.length; cut++) {
    if (isUtf8(head.subarray(0, head.length - cut))) return true;
  }
  return false;
}
