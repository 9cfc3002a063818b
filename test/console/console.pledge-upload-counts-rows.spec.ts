/**
 * The pledge sheet's answer in the console counts rows, not messages, and counts the refused `Daftar` rows
 * (QA: "7 baris ditolak" over a table headed "Baris ditolak (9)", 9 messages; a sheet whose only refused
 * rows were on `Daftar` said nothing of them and its history offered no report).
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { consoleModule } from './support/console-module.js';

describe('console: a pledge sheet answer counts rows, Daftar rows too', () => {
  let sheet: any;
  let issues: any;
  let rowReport: any;
  beforeAll(async () => {
    sheet = await consoleModule('pledge-upload.js');
    issues = await consoleModule('issues-table.js');
    rowReport = await consoleModule('row-report.js');
  });

  it('heads the refused rows by rows, a row of each sheet its own', () => {
    const komitmen = [2, 2, 3, 4, 5, 6, 7].map((rowNumber) => ({ sheet: 'Komitmen', rowNumber }));
    const list = [{ sheet: 'Daftar', rowNumber: 3 }, { sheet: 'Daftar', rowNumber: 3 }];
    expect(issues.issuesCaption([...komitmen, ...list], undefined, undefined, 'Baris ditolak')).toBe('Baris ditolak (9 pesan pada 7 baris)');
    expect(issues.issuesCaption([{ sheet: 'Komitmen', rowNumber: 3 }, { sheet: 'Daftar', rowNumber: 3 }], undefined, undefined, 'Baris ditolak')).toBe('Baris ditolak (2 baris)');
    expect(issues.issuesCaption([{ row: 3 }, { row: 3 }])).toBe('Baris ditolak dan peringatan (2 pesan pada 1 baris)');
  });

  it('says how many Daftar rows were refused, apart from the pledge rows', () => {
    expect(sheet.resultText({ dryRun: false, accepted: 1, rejected: 0, listRowsRejected: 2 })).toBe('Lembar diproses: 1 komitmen tersimpan, 2 baris Daftar ditolak.');
    expect(sheet.resultText({ dryRun: true, accepted: 0, rejected: 7, listRowsRejected: 1 })).toBe('Hanya diperiksa, tidak ada yang disimpan: 0 komitmen dapat disimpan, 7 baris ditolak, 1 baris Daftar ditolak.');
  });

  it('says the same file as an earlier upload in the server\'s words, for a check too', () => {
    const message = 'Berkas ini sama dengan unggahan a.xlsx oleh keuangan1 pada 15 November 2026 10.00 WIB, yang komitmennya masih tersimpan seperti diunggah; tidak ada yang disimpan.';
    expect(sheet.resultText({ dryRun: false, recognised: true, message, accepted: 2, rejected: 0 })).toBe(`${message} Angka di bawah dari unggahan itu.`);
    expect(sheet.resultText({ dryRun: true, recognised: true, message: 'Berkas ini sama …', accepted: 2, rejected: 1 })).toBe('Berkas ini sama … Angka di bawah dari unggahan itu.');
  });

  it('offers the row report of an upload whose only refused rows are on Daftar', () => {
    expect(rowReport.hasRowReport({ rejected: 0, listRowsRejected: 2 })).toBe(true);
    expect(rowReport.hasRowReport({ rejected: 0, listRowsRejected: 0 })).toBe(false);
    expect(rowReport.hasRowReport({ rejected: 0, warnings: 0 })).toBe(false);
  });
});
