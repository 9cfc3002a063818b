/**
 * CSV rows as the sheet reader gets them (Papa Parse underneath): quoting per RFC 4180, record
 * numbers that count empty lines and not quoted line breaks, BOM and the three line breaks, the
 * same records as csv-parse on well-formed files whatever the size, and a clear refusal when a
 * quote makes the rest of the file ambiguous.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvRows } from '../../src/common/spreadsheet/csv-rows.js';
import { SpreadsheetException } from '../../src/common/spreadsheet/spreadsheet.exception.js';

const dir = mkdtempSync(join(tmpdir(), 'csv-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** Records as [rowNumber, ...trimmed cells], empty records left out (what SheetReader gets). */
async function ours(text: string): Promise<(string | number)[][]> {
  const path = join(dir, `f${files++}.csv`);
  const bytes = Buffer.from(text, 'utf8');
  writeFileSync(path, bytes);
  const rows: (string | number)[][] = [];
  for await (const chunk of csvRows(path, bytes.subarray(0, 64 * 1024), { bytesRead: 0 }, 'f.csv')) {
    for (const r of chunk) rows.push([r.rowNumber, ...r.cells.map((c) => c.text)]);
  }
  return rows;
}

function reference(text: string, delimiter: string): (string | number)[][] {
  const records: string[][] = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false });
  return records.map((r, i) => [i + 1, ...r.map((c) => c.trim())] as (string | number)[]).filter((r) => r.slice(1).some((c) => c !== ''));
}

describe('CSV rows', () => {
  it('reads quoted fields, doubled quotes, delimiters and line breaks inside quotes, CRLF and empty lines', async () => {
    const text = 'NIK;NAMA;KET\r\n1;"Siti; Aminah";"kata ""ya"""\r\n\r\n;;\r\n2;"dua\r\nbaris";x"y\r\n4; spasi ;"akhir"';
    expect(await ours(text)).toEqual([
      [1, 'NIK', 'NAMA', 'KET'],
      [2, '1', 'Siti; Aminah', 'kata "ya"'],
      [5, '2', 'dua\r\nbaris', 'x"y'],
      [6, '4', 'spasi', 'akhir'],
    ]);
  });

  it("reads Excel's sep= first line as the delimiter, not a row, and numbers rows as Excel shows them (QA: one too high)", async () => {
    // Excel hides the sep= line: the header is its row 1
    expect(await ours('sep=;\r\nNIK;NAMA\r\n1703;Siti, Aminah\r\n\r\n1704;Budi')).toEqual([
      [1, 'NIK', 'NAMA'],
      [2, '1703', 'Siti, Aminah'],
      [4, '1704', 'Budi'],
    ]);
    expect(await ours('\uFEFFSEP=,\nNIK,NAMA\n1703,Siti')).toEqual([
      [1, 'NIK', 'NAMA'],
      [2, '1703', 'Siti'],
    ]);
    // a refusal names the row as Excel shows it too
    const refused = await ours('sep=;\nNIK;NAMA\n1703;"Siti\n').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SpreadsheetException);
    expect((refused as SpreadsheetException).message).toMatch(/^Baris 2:/);
  });

  it('drops a UTF-8 BOM and reads files whose lines end in \\r only', async () => {
    expect(await ours('\ufeffNIK,NAMA\r1,Ani\r2,Budi')).toEqual([
      [1, 'NIK', 'NAMA'],
      [2, '1', 'Ani'],
      [3, '2', 'Budi'],
    ]);
  });

  it('numbers rows right across the parser chunks of a large file (quoted line breaks included)', async () => {
    const lines = ['NIK,NAMA,ALAMAT'];
    for (let i = 1; i <= 6000; i++) lines.push(i % 7 === 0 ? `${i},"Nama ${i}","Jl. ${i},\nRT ${i % 10}"` : i % 11 === 0 ? '' : `${i},Nama ${i},Jl. ${i}`);
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(2 * 64 * 1024);
    expect(await ours(text)).toEqual(reference(text, ','));
  });

  it('agrees with csv-parse on well-formed files', async () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-zA-Z0-9 .\-/]{0,8}$/),
      fc.stringMatching(/^[a-z,;"\n ]{0,8}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const record = fc.array(field, { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 2, maxLength: 8 }), fc.constantFrom(',', ';'), fc.constantFrom('\n', '\r\n'), async (records, delimiter, eol) => {
        if (records.some((r) => r.some((f) => !f.startsWith('"') && (f.includes(',') || f.includes(';'))))) return;
        // The delimiter is guessed from the text: the header row names it.
        const text = [['NIK', 'NAMA', 'KET'].join(delimiter), ...records.map((r) => r.join(delimiter))].join(eol) + eol;
        expect(await ours(text)).toEqual(reference(text, delimiter));
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['a quote left open at the end', 'NIK,NAMA\n1,Ani\n2,"Budi\n3,Citra\n', 3],
    ['text after a closing quote', 'NIK,NAMA\n1,Ani\n2,"Bu"di\n3,"Citra"\n', 3],
  ])('refuses %s with CSV_QUOTES naming the row', async (_, text, row) => {
    const err = await ours(text).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpreadsheetException);
    expect(err).toMatchObject({ code: 'CSV_QUOTES', details: { row }, message: expect.stringContaining(`Baris ${row}:`) });
  });
});
