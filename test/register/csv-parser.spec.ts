/**
 * The hand-written CSV parser reads what csv-parse (relax_quotes, relax_column_count, empty lines
 * kept) reads, however the text is cut into chunks. (Unlike csv-parse, which takes the first line
 * break it meets as the only one, it ends records at `\n` and `\r\n` alike: files mix them.)
 */
import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { CsvParser } from '../../src/common/spreadsheet/csv-rows.js';

/** Records as [rowNumber, ...trimmed cells], empty records left out (what SheetReader gets). */
function ours(text: string, delimiter: string, cuts: number[]): (string | number)[][] {
  const parser = new CsvParser(delimiter);
  const rows = [];
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    rows.push(...parser.push(text.slice(at, cut), false));
    at = Math.max(at, cut);
  }
  rows.push(...parser.push(text.slice(at), true));
  return rows.map((r) => [r.rowNumber, ...r.cells.map((c) => c.text)]);
}

function reference(text: string, delimiter: string): (string | number)[][] {
  const records: string[][] = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  return records
    .map((r, i) => [i + 1, ...r.map((c) => c.trim())] as (string | number)[])
    .filter((r) => r.slice(1).some((c) => c !== ''));
}

describe('CsvParser', () => {
  it('reads quoted fields, doubled quotes, delimiters and line breaks inside quotes, CRLF and empty lines', () => {
    const text = 'NIK;NAMA;KET\r\n1;"Siti; Aminah";"kata ""ya"""\r\n\r\n;;\n2;"dua\nbaris";x"y\n3;"ab"c;z\n4; spasi ;"akhir"';
    expect(ours(text, ';', [])).toEqual([
      [1, 'NIK', 'NAMA', 'KET'],
      [2, '1', 'Siti; Aminah', 'kata "ya"'],
      [5, '2', 'dua\nbaris', 'x"y'],
      [6, '3', '"ab"c', 'z'],
      [7, '4', 'spasi', 'akhir'],
    ]);
    // csv-parse takes the first line break as the only one; lines ending alike read the same.
    const crlf = 'NIK;NAMA;KET\r\n1;"Siti; Aminah";"kata ""ya"""\r\n\r\n;;\r\n2;"dua\r\nbaris";x"y\r\n3;"ab"c;z\r\n4; spasi ;"akhir"';
    expect(ours(crlf, ';', [])).toEqual(reference(crlf, ';'));
  });

  it('gives the same records for any chunking', () => {
    const text = 'a,b,c\n"x,1","y\n2",z\n\n"q""q",,\r\nlast,"row"';
    for (let cut = 0; cut <= text.length; cut++) expect(ours(text, ',', [cut])).toEqual(ours(text, ',', []));
  });

  it('agrees with csv-parse on well-formed files', () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-zA-Z0-9 .\-/]{0,8}$/),
      fc.stringMatching(/^[a-z,;"\n ]{0,8}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const record = fc.array(field, { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), fc.constantFrom(',', ';'), fc.constantFrom('\n', '\r\n'), fc.array(fc.nat(200), { maxLength: 4 }), (records, delimiter, eol, cuts) => {
        if (delimiter === ';' && records.some((r) => r.some((f) => !f.startsWith('"') && f.includes(';')))) return;
        const text = records.map((r) => r.join(delimiter)).join(eol) + eol;
        expect(ours(text, delimiter, cuts)).toEqual(reference(text, delimiter));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a quote left open at the end', () => {
    expect(() => ours('a,b\n1,"open\n', ',', [])).toThrow(/tidak pernah ditutup/);
  });
});
