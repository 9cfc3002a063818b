import { beforeAll, describe, expect, it } from '@jest/globals';
import { consoleModule } from './support/console-module.js';

describe('console CSV export', () => {
  let csv: any;
  beforeAll(async () => (csv = await consoleModule('csv.js')));

  it('quotes separators, quotes and line breaks (RFC 4180, CRLF)', () => {
    const text = csv.toCsv([{ label: 'name', key: 'name' }, { label: 'amount', key: 'amount' }], [{ name: 'Desa "Maju", Kerkap', amount: 15120 }, { name: 'Dua\nbaris', amount: 0 }]);
    expect(text).toBe('name,amount\r\n"Desa ""Maju"", Kerkap",15120\r\n"Dua\nbaris",0\r\n');
  });

  it('writes text that a spreadsheet would run as a formula as plain text', () => {
    expect(csv.csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csv.csvCell('+62811')).toBe("'+62811");
    expect(csv.csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csv.csvCell(-1500)).toBe('-1500'); // numbers stay numbers
    expect(csv.csvCell('1703061205800002')).toBe('1703061205800002');
    expect(csv.csvCell(null)).toBe('');
  });
});
