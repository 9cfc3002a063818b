/**
 * A streamed workbook written in the 1904 date system (`<workbookPr date1904="1"/>`), as the upload it
 * repeats was: the row report of a 1904-system upload repeats its number cells as the same numbers, so a
 * date pasted as a value (44561, 2026-01-01 there) shows and reads again as the day it was, and the
 * report's rows can be copied back into the user's own workbook without moving a day.
 *
 * ExcelJS's streaming writer writes `xl/workbook.xml` last (on commit) and has no option for the date
 * system (its WorkbookWriter passes empty workbook properties), so the part is amended as it is added
 * to the zip. Cells holding a JavaScript Date would still be written as 1900 serials by that writer:
 * the row report writes none (a moment is text, `wibTimestamp`; an uploaded date is `YYYY-MM-DD` text).
 */
import type ExcelJS from 'exceljs';

/** What is used of ExcelJS's WorkbookWriter (pinned version: package.json). */
interface ZipParts {
  zip: { append(data: unknown, options: { name: string }): unknown };
}

const WORKBOOK_PART = '/xl/workbook.xml';
const WORKBOOK_PR = /<workbookPr\b/;

/** Makes `wb`, not yet committed, write its workbook part in the 1904 date system. */
export function writeIn1904System(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const { zip } = wb as unknown as ZipParts;
  const append = zip.append.bind(zip);
  zip.append = (data, options) => {
    if (options.name !== WORKBOOK_PART) return append(data, options);
    const xml = String(data);
    // ExcelJS always writes a workbookPr element; a version that did not would write dates four years off: fail instead
    if (!WORKBOOK_PR.test(xml)) throw new Error('xl/workbook.xml without workbookPr: cannot set the 1904 date system');
    return append(xml.replace(WORKBOOK_PR, '<workbookPr date1904="1"'), options);
  };
}
