/** A1 references for formulas. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function cellRef(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** `'Temuan (2)'!B7:B90`: a column's rows on a named sheet (the name quoted, its quotes doubled). */
export function sheetRange(sheet: string, column: number, firstRow: number, lastRow: number): string {
  const letter = columnLetter(column);
  return `'${sheet.replace(/'/g, "''")}'!${letter}${firstRow}:${letter}${lastRow}`;
}
