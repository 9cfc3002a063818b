/** Village and pledge statements for a month and a fiscal year: totals, balances, periods, errors and roles. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { NUMBER_FORMATS } from '../../src/common/spreadsheet/workbook-style.js';
import { terbilangRupiah } from '../../src/reports/terbilang.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture } from './support/report-fixture.js';
import { download, formula, readWorkbook, rowBreaks, rowOf, rowWhere } from './support/xlsx.js';

const dataRows = (ws: ExcelJS.Worksheet) => rowOf(ws, 'JUMLAH').number - (ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit! - 1;
const totals = (ws: ExcelJS.Worksheet, cols: number[]) => cols.map((c) => formula(rowOf(ws, 'JUMLAH').getCell(c)).result);

/** The closing's Jumlah block: each row's label (A), figure (D) with its format, and words (E), down to the blank row under it. */
function jumlah(ws: ExcelJS.Worksheet): Array<{ label: unknown; figure: unknown; numFmt: string; words: unknown }> {
  const rows = [];
  for (let r = rowOf(ws, 'Jumlah').number + 1; ws.getRow(r).getCell(1).value !== null; r++) {
    const row = ws.getRow(r);
    rows.push({ label: row.getCell(1).value, figure: row.getCell(4).value, numFmt: row.getCell(4).numFmt, words: row.getCell(5).value });
  }
  return rows;
}
const merges = (ws: ExcelJS.Worksheet) => (ws.model as unknown as { merges: string[] }).merges;
const columnA = (ws: ExcelJS.Worksheet) => {
  const texts: unknown[] = [];
  ws.eachRow((r) => texts.push(r.getCell(1).value));
  return texts;
};
/** No printed page starts between the Jumlah heading and the signatures' ID lines (keepTogether). */
async function keptTogether(body: Buffer, ws: ExcelJS.Worksheet, ids: number): Promise<void> {
  const from = rowOf(ws, 'Jumlah').number;
  expect((await rowBreaks(body, 1)).filter((b) => b >= from && b < ids)).toEqual([]);
}

describe('statements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertReportFixture(t.dataSource);
  });
  afterAll(() => t.close());

  it('village, one month: residents, the village pledge, payments and the balance', async () => {
    const { body, headers } = await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/villages/17.03.06.2001.xlsx?month=2026-10'));
    expect(headers['content-disposition']).toContain('laporan-desa-1703062001-2026-10.xlsx');
    const wb = await readWorkbook(body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Peserta', 'Pembayaran']);
    const summary = wb.getWorksheet('Ringkasan')!;
    expect(summary.getRow(1).getCell(1).value).toBe('Laporan Iuran Jamkesda Desa — Desa Talang Jambu, Kecamatan Kerkap');
    const oct = rowOf(summary, 'Oktober 2026');
    expect([2, 3, 4, 5, 6, 7, 8].map((c) => oct.getCell(c).value)).toEqual([2, 75600, 75600, 0, 0, 75600, 50000]);
    expect(formula(oct.getCell(9)).result).toBe(-25600);
    expect(oct.getCell(9).numFmt).toBe(NUMBER_FORMATS.rupiahUnderHeader); // under Selisih Dibayar − Terutang (Rp)
    // The Dana Desa rule is stated on the statement.
    const texts: string[] = [];
    summary.eachRow((r) => texts.push(String(r.getCell(1).value)));
    expect(texts.some((x) => x.startsWith('Peringatan:') && x.includes('Dana Desa'))).toBe(true);
    expect(dataRows(wb.getWorksheet('Peserta')!)).toBe(2);
    expect(totals(wb.getWorksheet('Peserta')!, [5, 6, 7, 8])).toEqual([75600, 75600, 0, 0]);
    expect(totals(wb.getWorksheet('Pembayaran')!, [5])).toEqual([50000]);
  });

  it('village statement lists the pledges that paid, each with its rupiah, in allocation order, as Rincian Peserta does (QA: the two orders differed)', async () => {
    const auditor = await t.as(Role.AUDITOR);
    const village = await readWorkbook((await download(auditor.get('/api/v1/statements/villages/17.03.06.2002.xlsx?month=2026-10'))).body);
    const [run] = await t.dataSource.query(`SELECT id FROM reconciliation_run WHERE month = '2026-10'`);
    const reconciliation = await readWorkbook((await download(auditor.get(`/api/v1/reconciliations/${run.id}/workbook.xlsx`))).body);
    const budi = '1703060202900003'; // PROV-2026 (priority 50) then APBD-2026 (priority 90)
    expect(rowWhere(village.getWorksheet('Peserta')!, 2, budi).getCell(9).value).toBe('PROV-2026 Rp15.120, APBD-2026 Rp22.680');
    expect(rowWhere(reconciliation.getWorksheet('Rincian Peserta')!, 2, budi).getCell(15).value).toBe('PROV-2026 Rp15.120, APBD-2026 Rp22.680');
  });

  it('village, fiscal year: twelve months, totals and balance over the year', async () => {
    const wb = await readWorkbook((await download((await t.as(Role.KEUANGAN)).get('/api/v1/statements/villages/1703062001.xlsx?year=2026'))).body);
    const summary = wb.getWorksheet('Ringkasan')!;
    expect(dataRows(summary)).toBe(12);
    expect(totals(summary, [3, 4, 5, 6, 7, 8, 9])).toEqual([151200, 151200, 0, 0, 151200, 50000, -101200]);
    expect(dataRows(wb.getWorksheet('Peserta')!)).toBe(4);
  });

  it('pledge (TJSLP), fiscal year: pledge vs used vs paid, month by month with the §8 status', async () => {
    const { body, headers } = await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?year=2026'));
    expect(headers['content-disposition']).toContain('laporan-komitmen-TJSLP-ALNO-2026-2026.xlsx');
    const wb = await readWorkbook(body);
    const summary = wb.getWorksheet('Ringkasan')!;
    expect(totals(summary, [3, 4, 5])).toEqual([75600, 40000, -35600]);
    // past its due date on the test clock's 15 November (QA: it read as not yet due)
    expect(rowOf(summary, 'September 2026').getCell(6).value).toBe('Belum dibayar – lewat jatuh tempo 10 September 2026');
    expect(rowOf(summary, 'Oktober 2026').getCell(6).value).toBe('Lebih bayar');
    expect(rowOf(summary, 'Januari 2026').getCell(6).value).toBe('-');
    // a month whose premiums are not yet due (the 10th, §8) on the day the statement is taken says so (QA: read as arrears)
    const was = t.clock.now();
    t.clock.set(new Date('2026-10-05T03:00:00Z'));
    try {
      const early = (await readWorkbook((await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?year=2026'))).body)).getWorksheet('Ringkasan')!;
      expect(rowOf(early, 'September 2026').getCell(6).value).toBe('Belum dibayar – lewat jatuh tempo 10 September 2026');
      t.clock.set(new Date('2026-09-10T10:00:00Z')); // the 10th itself: still on time
      const onTenth = (await readWorkbook((await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?year=2026'))).body)).getWorksheet('Ringkasan')!;
      expect(rowOf(onTenth, 'September 2026').getCell(6).value).toBe('Belum dibayar (jatuh tempo 10 September 2026)');
    } finally {
      t.clock.set(was);
    }
    expect(rowOf(summary, 'Nilai komitmen (pagu)').getCell(3).value).toBe(500000);
    expect(formula(rowOf(summary, 'Sisa komitmen').getCell(3)).result).toBe(500000 - 75600);
    expect(dataRows(wb.getWorksheet('Peserta')!)).toBe(2);
    // a month outside the pledge's terms says so, not '-' as a month it failed to pay (QA: TJSLP-KOPI, July–December)
    await t.dataSource.query(`UPDATE pledge SET from_month = 2 WHERE code = 'TJSLP-ALNO-2026'`);
    try {
      const terms = (await readWorkbook((await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?year=2026'))).body)).getWorksheet('Ringkasan')!;
      expect(rowOf(terms, 'Januari 2026').getCell(6).value).toBe('Di luar masa komitmen');
      expect(rowOf(terms, 'Februari 2026').getCell(6).value).toBe('-');
    } finally {
      await t.dataSource.query(`UPDATE pledge SET from_month = 1 WHERE code = 'TJSLP-ALNO-2026'`);
    }
    // a month after its pagu was used up says so, not '-' (QA: a village pledge's Rp2.000.000 ran out in September and
    // October–December read 0 / Rp0 / '-'); September and October used Rp37.800 each
    await t.dataSource.query(`UPDATE pledge SET budget = 75600 WHERE code = 'TJSLP-ALNO-2026'`);
    try {
      const spent = (await readWorkbook((await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?year=2026'))).body)).getWorksheet('Ringkasan')!;
      expect(rowOf(spent, 'Agustus 2026').getCell(6).value).toBe('-');
      expect(rowOf(spent, 'November 2026').getCell(6).value).toBe('Pagu habis (Rp75.600 terpakai sebelum bulan ini)');
      expect(rowOf(spent, 'Desember 2026').getCell(6).value).toBe('Pagu habis (Rp75.600 terpakai sebelum bulan ini)');
    } finally {
      await t.dataSource.query(`UPDATE pledge SET budget = 500000 WHERE code = 'TJSLP-ALNO-2026'`);
    }
  });

  it('pledge, one month: what was used before the month counts against the pledge', async () => {
    const wb = await readWorkbook((await download((await t.as(Role.ADMIN)).get('/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?month=2026-10'))).body);
    const summary = wb.getWorksheet('Ringkasan')!;
    expect(rowOf(summary, 'Terpakai sebelum periode ini (tahun yang sama)').getCell(3).value).toBe(37800);
    expect(formula(rowOf(summary, 'Sisa komitmen').getCell(3)).result).toBe(500000 - 75600);
  });

  it('village and pledge, one quarter: its three months, named as a triwulan; what the year used before it counts (QA: a month or a year only)', async () => {
    const agent = await t.as(Role.AUDITOR);
    const village = await download(agent.get('/api/v1/statements/villages/1703062001.xlsx?year=2026&quarter=4'));
    expect(village.headers['content-disposition']).toContain('laporan-desa-1703062001-2026-TW4.xlsx');
    const summary = (await readWorkbook(village.body)).getWorksheet('Ringkasan')!;
    expect(String(summary.getRow(2).getCell(1).value)).toMatch(/^Triwulan IV 2026 \(Oktober–Desember\) · kode 17\.03\.06\.2001/);
    expect(dataRows(summary)).toBe(3);
    const first = rowOf(summary, 'Oktober 2026').number; // rowOf throws on a month not there
    expect(['November 2026', 'Desember 2026'].map((m) => rowOf(summary, m).number)).toEqual([first + 1, first + 2]);
    expect(totals(summary, [3, 4, 5, 6, 7, 8, 9])).toEqual([75600, 75600, 0, 0, 75600, 50000, -25600]);
    const pledge = await readWorkbook((await download(agent.get('/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?year=2026&quarter=4'))).body);
    const pledgeSummary = pledge.getWorksheet('Ringkasan')!;
    expect(rowOf(pledgeSummary, 'Terpakai sebelum periode ini (tahun yang sama)').getCell(3).value).toBe(37800); // September
    expect(formula(rowOf(pledgeSummary, 'Sisa komitmen').getCell(3)).result).toBe(500000 - 75600);
    // a quarter none of whose months is allocated is said so, as a month or a year is
    const q1 = await agent.get('/api/v1/statements/villages/1703062001.xlsx?year=2026&quarter=1').expect(404);
    expect(q1.body).toMatchObject({ code: 'NOT_ALLOCATED', message: expect.stringMatching(/^Triwulan I 2026 \(Januari–Maret\) belum dialokasikan/), details: { year: 2026, quarter: 1 } });
  });

  it("village, one month: Ringkasan ends with the JUMLAH row's owed, paid and balance in figures and words, and the kepala desa's and Dinkes' signature blocks", async () => {
    const { body } = await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/villages/17.03.06.2001.xlsx?month=2026-10'));
    const summary = (await readWorkbook(body)).getWorksheet('Ringkasan')!;
    const amounts = jumlah(summary);
    expect(amounts.map((a) => a.label)).toEqual(['Terutang desa', 'Dibayar desa', 'Selisih dibayar − terutang']);
    // the figures are the table's Terutang Desa, Dibayar Desa and Selisih totals, as numbers in the rupiah format
    expect(amounts.map((a) => a.figure)).toEqual(totals(summary, [7, 8, 9]));
    expect(amounts.map((a) => a.figure)).toEqual([75600, 50000, -25600]);
    expect(amounts.map((a) => a.numFmt)).toEqual([NUMBER_FORMATS.rupiah, NUMBER_FORMATS.rupiah, NUMBER_FORMATS.rupiah]);
    // the words say the figures; a balance short says so, not "minus"
    expect(amounts.map((a) => a.words)).toEqual(['tujuh puluh lima ribu enam ratus rupiah', 'lima puluh ribu rupiah', 'kurang bayar dua puluh lima ribu enam ratus rupiah']);
    expect(amounts.slice(0, 2).map((a) => a.words)).toEqual(amounts.slice(0, 2).map((a) => terbilangRupiah(a.figure as number)));
    // allocated but not finalized: its figures can still change, so not to be signed yet (QA: it read as final)
    expect(rowOf(summary, 'DRAF — JANGAN DITANDATANGANI').getCell(5).value).toBe(
      'Oktober 2026 belum difinalisasi: angka bulan itu masih dapat berubah. Tanda tangani laporan yang diunduh sesudah rekonsiliasi bulan itu difinalisasi.',
    );
    // "Demikian …", the place and date, then the blocks: the kepala desa's over A–E, Dinkes' over J–K
    const heads = rowOf(summary, 'Kepala Desa Talang Jambu');
    expect(summary.getRow(heads.number - 3).getCell(1).value).toBe('Demikian laporan ini dibuat untuk dipergunakan sebagaimana mestinya.');
    expect(summary.getRow(heads.number - 1).getCell(1).value).toBe('Bengkulu Utara, ............................');
    expect(heads.getCell(10).value).toBe('Kepala Dinas Kesehatan');
    expect([1, 10].map((c) => summary.getRow(heads.number + 1).getCell(c).value)).toEqual(['Kecamatan Kerkap', 'Kabupaten Bengkulu Utara']);
    const ids = summary.getRow(heads.number + 7);
    expect([1, 10].map((c) => ids.getCell(c).value)).toEqual([null, 'NIP. ..............................']); // a kepala desa is elected: no NIP
    expect(summary.getRow(heads.number + 6).getCell(1).value).toBe('(....................................)');
    expect(merges(summary)).toEqual(expect.arrayContaining([`A${heads.number}:E${heads.number}`, `J${heads.number}:K${heads.number}`]));
    expect(heads.getCell(1).alignment?.horizontal).toBe('center');
    await keptTogether(body, summary, ids.number);
  });

  it('village: a year with months not allocated is a DRAF; its totals over the year in words; a kelurahan is signed by its lurah', async () => {
    const agent = await t.as(Role.KEUANGAN);
    const year = (await readWorkbook((await download(agent.get('/api/v1/statements/villages/1703062001.xlsx?year=2026'))).body)).getWorksheet('Ringkasan')!;
    const draft = rowOf(year, 'DRAF — JANGAN DITANDATANGANI');
    expect(draft.number).toBe(rowOf(year, 'Jumlah').number - 1);
    expect(draft.getCell(5).value).toBe(
      'Januari–Agustus 2026, November–Desember 2026 belum dialokasikan: jumlah di atas belum memuat bulan-bulan itu. Tanda tangani laporan yang diunduh sesudah bulan-bulan itu dialokasikan. ' +
        'September–Oktober 2026 belum difinalisasi: angka bulan-bulan itu masih dapat berubah. Tanda tangani laporan yang diunduh sesudah rekonsiliasi bulan-bulan itu difinalisasi.',
    );
    const amounts = jumlah(year);
    expect(amounts.map((a) => a.figure)).toEqual(totals(year, [7, 8, 9]));
    expect(amounts.map((a) => a.words)).toEqual(['seratus lima puluh satu ribu dua ratus rupiah', 'lima puluh ribu rupiah', 'kurang bayar seratus satu ribu dua ratus rupiah']);
    // 17.03.06.1009 is a kelurahan (1xxx): its lurah, a civil servant, signs with a NIP; it has no pledge of its own
    const kelurahan = (await readWorkbook((await download(agent.get('/api/v1/statements/villages/17.03.06.1009.xlsx?month=2026-10'))).body)).getWorksheet('Ringkasan')!;
    const heads = rowOf(kelurahan, 'Lurah Lubuk Durian');
    expect([heads.getCell(10).value, kelurahan.getRow(heads.number + 1).getCell(1).value]).toEqual(['Kepala Dinas Kesehatan', 'Kecamatan Kerkap']);
    expect(kelurahan.getRow(heads.number + 7).getCell(1).value).toBe('NIP. ..............................');
    // worded as a kelurahan's, which has no APBDes: it signs for its residents' premiums and who bore them, not for
    // three Rp0 lines of a village budget (QA)
    expect(kelurahan.getRow(1).getCell(1).value).toMatch(/^Laporan Iuran Jamkesda Kelurahan — Kelurahan Lubuk Durian, Kecamatan Kerkap$/);
    expect(columnA(kelurahan)).toContain('Kelurahan tidak mempunyai APBDes: iuran warganya ditanggung komitmen lain (kolom Ditanggung Pihak Lain) atau tidak terdanai.');
    const own = jumlah(kelurahan);
    expect(own.map((a) => a.label)).toEqual(['Iuran peserta', 'Ditanggung pihak lain', 'Tidak terdanai']);
    expect(own.map((a) => a.figure)).toEqual(totals(kelurahan, [3, 5, 6]));
    expect(own.map((a) => a.words)).toEqual(own.map((a) => terbilangRupiah(a.figure as number)));
  });

  it("pledge (TJSLP), one month: Ringkasan ends with what it funded, paid and the balance in figures and words, and the company's and Dinkes' blocks", async () => {
    const { body } = await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?month=2026-10'));
    const wb = await readWorkbook(body);
    const summary = wb.getWorksheet('Ringkasan')!;
    const amounts = jumlah(summary);
    expect(amounts.map((a) => a.label)).toEqual(['Terutang (didanai komitmen ini)', 'Dibayar', 'Selisih dibayar − terutang']);
    // Terutang, Dibayar and Selisih of the JUMLAH row; what it funded is also the Peserta sheet's Didanai Komitmen Ini
    expect(amounts.map((a) => a.figure)).toEqual(totals(summary, [3, 4, 5]));
    expect(amounts[0].figure).toBe(totals(wb.getWorksheet('Peserta')!, [8])[0]);
    expect(amounts.map((a) => [a.figure, a.words])).toEqual([
      [37800, 'tiga puluh tujuh ribu delapan ratus rupiah'],
      [40000, 'empat puluh ribu rupiah'],
      [2200, 'lebih bayar dua ribu dua ratus rupiah'],
    ]);
    expect(amounts.map((a) => a.numFmt)).toEqual([NUMBER_FORMATS.rupiah, NUMBER_FORMATS.rupiah, NUMBER_FORMATS.rupiah]);
    // the company's head over A–D ("Pimpinan" over its name, the type bracket left out), Dinkes over G–I
    const heads = rowOf(summary, 'Pimpinan');
    expect(heads.getCell(7).value).toBe('Kepala Dinas Kesehatan');
    expect([1, 7].map((c) => summary.getRow(heads.number + 1).getCell(c).value)).toEqual(['=1+2 PT Alno Agro Utama', 'Kabupaten Bengkulu Utara']);
    expect(summary.getRow(heads.number + 1).getCell(1).type).toBe(ExcelJS.ValueType.String); // the funder's name, not a formula
    expect(merges(summary)).toEqual(expect.arrayContaining([`A${heads.number}:D${heads.number}`, `G${heads.number}:I${heads.number}`]));
    const ids = summary.getRow(heads.number + 7);
    expect([1, 7].map((c) => ids.getCell(c).value)).toEqual([null, 'NIP. ..............................']);
    // every printed page is headed by the title and period: the page the signatures start says what it belongs to (QA)
    expect(summary.headerFooter.oddHeader).toBe(`&L&8${summary.getRow(1).getCell(1).value}\n${summary.getRow(2).getCell(1).value}`);
    expect(summary.headerFooter.oddHeader).toMatch(/TJSLP-ALNO-2026[\s\S]*Oktober 2026/);
    // the page is full before the closing: it starts the next, the figures (after the DRAF line: October is not
    // finalized) with the signatures
    expect(await rowBreaks(body, 1)).toEqual([rowOf(summary, 'DRAF — JANGAN DITANDATANGANI').number - 1]);
    await keptTogether(body, summary, ids.number);
  });

  it.each(['pledges/TJSLP-ALNO-2026', 'pledges/APBD-2026', 'villages/17.03.06.2001'])(
    "statement %s: every sheet's printed header and footer within the 255 characters Excel keeps, the header ending whole with WIB",
    async (path) => {
      const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/statements/${path}.xlsx?month=2026-10`))).body);
      for (const ws of wb.worksheets) {
        expect(ws.headerFooter.oddHeader!.length).toBeLessThanOrEqual(255);
        expect(ws.headerFooter.oddHeader).toMatch(/\nBulan Oktober 2026 · .*dibuat 15 November 2026 10\.00 WIB$/);
        expect(ws.headerFooter.oddFooter).toBe('&L&8&A&R&8Halaman &P dari &N');
      }
    },
  );

  it.each([
    ['APBD-2026', ['Kepala BPKAD', 'Kabupaten Bengkulu Utara', 'NIP. ..............................']],
    ['PROV-2026', ['Pejabat Pengelola Keuangan Daerah', 'Provinsi Bengkulu', 'NIP. ..............................']],
    ['DESA-1703062001-2026', ['Kepala Desa Talang Jambu', 'Kecamatan Kerkap', null]],
  ])("pledge statement of %s: its funder's signatory beside Dinkes'", async (code, [title, unit, id]) => {
    const summary = (await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/statements/pledges/${code}.xlsx?month=2026-10`))).body)).getWorksheet('Ringkasan')!;
    const heads = rowOf(summary, title!);
    expect(heads.getCell(7).value).toBe('Kepala Dinas Kesehatan');
    expect([summary.getRow(heads.number + 1).getCell(1).value, summary.getRow(heads.number + 7).getCell(1).value]).toEqual([unit, id]);
    expect(jumlah(summary).map((a) => a.figure)).toEqual(totals(summary, [3, 4, 5]));
  });

  /** Every text cell of a sheet. */
  const allTexts = (ws: ExcelJS.Worksheet) => {
    const all: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => typeof c.value === 'string' && all.push(c.value)));
    return all;
  };
  /** The statement at `path`'s Ringkasan, downloaded while the clock reads `at`. */
  const takenOn = async (path: string, at: string) => {
    const was = t.clock.now();
    t.clock.set(new Date(at));
    try {
      const { body } = await download((await t.as(Role.AUDITOR)).get(`/api/v1/statements/${path}`));
      return { body, summary: (await readWorkbook(body)).getWorksheet('Ringkasan')! };
    } finally {
      t.clock.set(was);
    }
  };

  it("village, one month taken before its premiums are due (the 10th, §8): the shortfall is said as not yet due, not 'kurang bayar' (QA)", async () => {
    // October: the village's pledge owes Rp75.600, Rp50.000 paid on 5 October
    const early = await takenOn('villages/17.03.06.2001.xlsx?month=2026-10', '2026-10-05T03:00:00Z'); // 5 October 10:00 WIB
    const amounts = jumlah(early.summary);
    expect(amounts.map((a) => [a.label, a.figure, a.words])).toEqual([
      ['Terutang desa', 75600, 'tujuh puluh lima ribu enam ratus rupiah'],
      ['Dibayar desa', 50000, 'lima puluh ribu rupiah'],
      ['Selisih dibayar − terutang di luar iuran yang belum jatuh tempo', 0, 'nol rupiah'],
      ['Belum jatuh tempo (iuran bulan Oktober 2026, jatuh tempo 10 Oktober 2026)', -25600, 'belum dibayar, belum jatuh tempo: dua puluh lima ribu enam ratus rupiah'],
    ]);
    expect(amounts.map((a) => a.numFmt)).toEqual(Array(4).fill(NUMBER_FORMATS.rupiah));
    // the two parts add up to the JUMLAH row's Saldo
    expect((amounts[2].figure as number) + (amounts[3].figure as number)).toBe(totals(early.summary, [9])[0]);
    // nor does the month's status say it: part paid, not yet due
    expect(rowOf(early.summary, 'Oktober 2026').getCell(10).value).toBe('Dibayar sebagian (jatuh tempo 10 Oktober 2026)');
    expect(allTexts(early.summary).filter((x) => /kurang bayar/i.test(x))).toEqual([]);
    await keptTogether(early.body, early.summary, rowOf(early.summary, 'Kepala Desa Talang Jambu').number + 7);
    // the 10th itself is on time (23:59 WIB)
    const tenth = jumlah((await takenOn('villages/17.03.06.2001.xlsx?month=2026-10', '2026-10-10T16:59:00Z')).summary);
    expect(tenth.map((a) => a.figure)).toEqual([75600, 50000, 0, -25600]);
    // from the 11th (00:00 WIB) it is past due: one balance line, "kurang bayar", as before
    const late = (await takenOn('villages/17.03.06.2001.xlsx?month=2026-10', '2026-10-10T17:00:00Z')).summary;
    expect(jumlah(late).map((a) => [a.label, a.figure, a.words])).toEqual([
      ['Terutang desa', 75600, 'tujuh puluh lima ribu enam ratus rupiah'],
      ['Dibayar desa', 50000, 'lima puluh ribu rupiah'],
      ['Selisih dibayar − terutang', -25600, 'kurang bayar dua puluh lima ribu enam ratus rupiah'],
    ]);
    expect(rowOf(late, 'Oktober 2026').getCell(10).value).toBe('Kurang bayar – lewat jatuh tempo 10 Oktober 2026');
  });

  it('village and pledge, a year taken before its last month is due: what is past due stays "kurang bayar", the rest is said as not yet due', async () => {
    // the village: September (Rp75.600, nothing paid) past due on 5 October, October (Rp25.600 short) not yet
    const village = (await takenOn('villages/17.03.06.2001.xlsx?year=2026', '2026-10-05T03:00:00Z')).summary;
    const balance = jumlah(village).slice(2);
    expect(balance.map((a) => [a.label, a.figure, a.words])).toEqual([
      ['Selisih dibayar − terutang di luar iuran yang belum jatuh tempo', -75600, 'kurang bayar tujuh puluh lima ribu enam ratus rupiah'],
      ['Belum jatuh tempo (iuran bulan Oktober 2026, jatuh tempo 10 Oktober 2026)', -25600, 'belum dibayar, belum jatuh tempo: dua puluh lima ribu enam ratus rupiah'],
    ]);
    expect(balance.reduce((a, b) => a + (b.figure as number), 0)).toBe(totals(village, [9])[0]);
    // the province's 40%: September Rp15.120 and October Rp30.240, nothing paid
    const pledge = (await takenOn('pledges/PROV-2026.xlsx?year=2026', '2026-10-05T03:00:00Z')).summary;
    const amounts = jumlah(pledge);
    expect(amounts.map((a) => [a.label, a.figure, a.words])).toEqual([
      ['Terutang (didanai komitmen ini)', 45360, 'empat puluh lima ribu tiga ratus enam puluh rupiah'],
      ['Dibayar', 0, 'nol rupiah'],
      ['Selisih dibayar − terutang di luar iuran yang belum jatuh tempo', -15120, 'kurang bayar lima belas ribu seratus dua puluh rupiah'],
      ['Belum jatuh tempo (iuran bulan Oktober 2026, jatuh tempo 10 Oktober 2026)', -30240, 'belum dibayar, belum jatuh tempo: tiga puluh ribu dua ratus empat puluh rupiah'],
    ]);
    expect((amounts[2].figure as number) + (amounts[3].figure as number)).toBe(totals(pledge, [5])[0]);
    expect(['September 2026', 'Oktober 2026'].map((m) => rowOf(pledge, m).getCell(6).value)).toEqual([
      'Belum dibayar – lewat jatuh tempo 10 September 2026',
      'Belum dibayar (jatuh tempo 10 Oktober 2026)',
    ]);
    // taken on the test clock's 15 November: all past due, one line
    const now = jumlah((await takenOn('pledges/PROV-2026.xlsx?year=2026', t.clock.now().toISOString())).summary);
    expect(now.slice(2).map((a) => [a.label, a.figure, a.words])).toEqual([['Selisih dibayar − terutang', -45360, 'kurang bayar empat puluh lima ribu tiga ratus enam puluh rupiah']]);
  });

  it("a kelurahan's statement says Kelurahan in its headers and sheet titles, a desa's Desa; fund names stay (QA: 'Status Pembayaran Desa')", async () => {
    const agent = await t.as(Role.AUDITOR);
    const headers = (ws: ExcelJS.Worksheet) => (ws.getRow((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!).values as unknown[]).slice(1);
    const of = async (code: string) => readWorkbook((await download(agent.get(`/api/v1/statements/villages/${code}.xlsx?month=2026-10`))).body);
    const kelurahan = await of('17.03.06.1009');
    expect(headers(kelurahan.getWorksheet('Ringkasan')!)).toEqual([
      'Bulan', 'Peserta', 'Iuran (Rp)', 'Ditanggung Kelurahan (Rp)', 'Ditanggung Pihak Lain (Rp)', 'Tidak Terdanai (Rp)',
      'Terutang Kelurahan (Rp)', 'Dibayar Kelurahan (Rp)', 'Selisih Dibayar − Terutang (Rp)', 'Status Pembayaran Kelurahan', 'Koreksi',
    ]);
    expect(headers(kelurahan.getWorksheet('Peserta')!)[5]).toBe('Ditanggung Kelurahan (Rp)');
    expect(kelurahan.getWorksheet('Pembayaran')!.getRow(1).getCell(1).value).toBe('Pembayaran Komitmen Kelurahan — Kelurahan Lubuk Durian, Kecamatan Kerkap');
    for (const ws of kelurahan.worksheets) {
      expect([ws.getRow(1).getCell(1).value, ...headers(ws)].filter((x) => /\bDesa\b/.test(String(x)))).toEqual([]);
    }
    const desa = await of('17.03.06.2001');
    expect(headers(desa.getWorksheet('Ringkasan')!).filter((x) => /Desa|Kelurahan/.test(String(x)))).toEqual([
      'Ditanggung Desa (Rp)', 'Terutang Desa (Rp)', 'Dibayar Desa (Rp)', 'Status Pembayaran Desa',
    ]);
    expect(desa.getWorksheet('Pembayaran')!.getRow(1).getCell(1).value).toBe('Pembayaran Komitmen Desa — Desa Talang Jambu, Kecamatan Kerkap');
    // the names of funds are names: a desa's Dana Desa warning is still said so
    expect(allTexts(desa.getWorksheet('Ringkasan')!).some((x) => x.includes('Dana Desa'))).toBe(true);
  });

  it('refuses a missing or double period, unknown villages and pledges; operators may not read', async () => {
    const agent = await t.as(Role.KEUANGAN);
    const none = await agent.get('/api/v1/statements/villages/17.03.06.2001.xlsx').expect(400);
    expect(none.body.code).toBe('INVALID_PERIOD');
    await agent.get('/api/v1/statements/villages/17.03.06.2001.xlsx?month=2026-10&year=2026').expect(400);
    await agent.get('/api/v1/statements/villages/17.03.06.2001.xlsx?month=2026-13').expect(400);
    // a quarter only with its year, and only 1–4
    expect((await agent.get('/api/v1/statements/villages/17.03.06.2001.xlsx?quarter=4').expect(400)).body.code).toBe('INVALID_PERIOD');
    expect((await agent.get('/api/v1/statements/villages/17.03.06.2001.xlsx?month=2026-10&quarter=4').expect(400)).body.code).toBe('INVALID_PERIOD');
    const fifth = await agent.get('/api/v1/statements/villages/17.03.06.2001.xlsx?year=2026&quarter=5').expect(400);
    expect(JSON.stringify(fifth.body)).toContain('quarter harus triwulan 1, 2, 3 atau 4.');
    expect((await agent.get('/api/v1/statements/villages/17.03.99.2001.xlsx?year=2026').expect(404)).body.code).toBe('VILLAGE_NOT_FOUND');
    expect((await agent.get('/api/v1/statements/pledges/TIDAK-ADA.xlsx?year=2026').expect(404)).body.code).toBe('PLEDGE_NOT_FOUND');
    // a 2026 pledge over 2025 or 2027 would show no use and its whole budget left
    const otherYear = await agent.get('/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?year=2025').expect(400);
    expect(otherYear.body).toMatchObject({ code: 'OUTSIDE_FISCAL_YEAR', message: expect.stringContaining('tahun anggaran 2026') });
    expect((await agent.get('/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?month=2027-01').expect(400)).body.code).toBe('OUTSIDE_FISCAL_YEAR');
    await (await t.as(Role.OPERATOR_DINKES)).get('/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?year=2026').expect(403);
  });

  // last: closing October freezes the year up to it for every test after
  it('a statement of closed months is no draft: October finalized, its village and pledge statements have no DRAF line', async () => {
    const [run] = await t.dataSource.query(`SELECT id FROM reconciliation_run WHERE month = '2026-10'`);
    // finalized as the fixture wrote its run, in the tables (its run is no real one the finalize route would take)
    await t.dataSource.query(`UPDATE reconciliation_run SET status = 'FINAL' WHERE id = $1`, [run.id]);
    await t.dataSource.query(`INSERT INTO closed_month (month, run_id, closed_by) VALUES ('2026-10', $1, 'uji')`, [run.id]);
    const agent = await t.as(Role.AUDITOR);
    for (const path of ['villages/17.03.06.2001.xlsx?month=2026-10', 'pledges/TJSLP-ALNO-2026.xlsx?month=2026-10']) {
      const summary = (await readWorkbook((await download(agent.get(`/api/v1/statements/${path}`))).body)).getWorksheet('Ringkasan')!;
      expect(columnA(summary)).toContain('Jumlah');
      expect(columnA(summary)).not.toContain('DRAF — JANGAN DITANDATANGANI');
    }
  });

  /**
   * QA: closing October froze September, which has no finalized reconciliation (no signed Berita Acara); the year recap
   * said so in its DRAF line, but September's village and pledge statements read as fit to sign. They now say it in
   * the recap's words (frozenUnsigned), never reconciled told apart from draft only.
   */
  it('a month frozen by a later finalization without a finalized reconciliation of its own: its statements are a DRAF naming it, as the year recap', async () => {
    await t.dataSource.query(`UPDATE allocation_month SET participants = 4 WHERE month = '2026-09'`); // something owed in it
    const agent = await t.as(Role.AUDITOR);
    const draftOf = async (path: string) => {
      const summary = (await readWorkbook((await download(agent.get(`/api/v1/statements/${path}`))).body)).getWorksheet('Ringkasan')!;
      return rowOf(summary, 'DRAF — JANGAN DITANDATANGANI').getCell(5).value;
    };
    const said = (kind: string) =>
      `September 2026 dibekukan tanpa rekonsiliasi final (${kind}: September 2026): belum ada berita acara yang ditandatangani untuk bulan itu. ` +
      'Tanda tangani laporan yang diunduh sesudah rekonsiliasi bulan itu difinalisasi.';
    const paths = ['villages/17.03.06.2001.xlsx?month=2026-09', 'pledges/TJSLP-ALNO-2026.xlsx?month=2026-09'];
    for (const path of paths) expect([path, await draftOf(path)]).toEqual([path, said('belum pernah direkonsiliasi')]);
    // a draft run of September (version 1, not finalized)
    await t.dataSource.query(`INSERT INTO reconciliation_run (month, version, status, started_by, finished_at) VALUES ('2026-09', 1, 'DONE', 'uji', now())`);
    for (const path of paths) expect([path, await draftOf(path)]).toEqual([path, said('hanya draf, belum difinalisasi')]);
    // a quarter with it names it after its months not allocated; October, finalized, is no part of it
    const quarter = String(await draftOf('villages/17.03.06.2001.xlsx?year=2026&quarter=3'));
    expect(quarter).toMatch(/^Juli–Agustus 2026 belum dialokasikan: .* September 2026 dibekukan tanpa rekonsiliasi final \(hanya draf, belum difinalisasi: September 2026\)/);
    // the year recap says the same of it
    const recap = (await readWorkbook((await download(agent.get('/api/v1/reports/year/2026.xlsx'))).body)).getWorksheet('Per Pemberi Dana')!;
    const recapDraft: string[] = [];
    recap.eachRow((r) => String(r.getCell(1).value).startsWith('DRAF') && recapDraft.push(String(r.getCell(1).value)));
    expect(recapDraft[0]).toContain('September 2026 dibekukan tanpa rekonsiliasi final (hanya draf, belum difinalisasi: September 2026)');
    await t.dataSource.query(`DELETE FROM reconciliation_run WHERE month = '2026-09'`);
  });

  // after October is closed: September and October keep the splits of revision 1, allocated from Dana Desa
  it('a fund corrected after months were allocated: the pledge statement and the year recap say each month by the fund and §5 warning of its revision (QA: ADD and no warning for months of Dana Desa)', async () => {
    const code = 'DESA-1703062001-2026';
    await (await t.as(Role.KEUANGAN)).patch(`/api/v1/pledges/${code}`).send({ fund: 'ADD', reason: 'Salah jenis dana: ADD' }).expect(200);
    const agent = await t.as(Role.AUDITOR);
    const earlier = `Komitmen ${code} memakai Dana Desa untuk iuran PBI September–Oktober 2026 (revisi 1), sebelum sumber dananya diubah menjadi APBDes (Alokasi Dana Desa).`;
    for (const [period, months] of [
      ['month=2026-10', 'Oktober 2026'],
      ['year=2026', 'September–Oktober 2026'],
    ]) {
      const ws = (await readWorkbook((await download(agent.get(`/api/v1/statements/pledges/${code}.xlsx?${period}`))).body)).getWorksheet('Ringkasan')!;
      expect(rowOf(ws, 'Oktober 2026').getCell(8).value).toBe('Revisi 1');
      expect(rowOf(ws, 'Sumber dana').getCell(3).value).toBe('APBDes (Alokasi Dana Desa)');
      expect(rowOf(ws, 'Sumber dana saat dialokasikan').getCell(3).value).toBe(`${months} (revisi 1): APBDes (Dana Desa)`);
      const warnings = columnA(ws).filter((x) => String(x).startsWith('Peringatan: '));
      expect(warnings).toHaveLength(1);
      expect(String(warnings[0])).toContain(`Komitmen ${code} memakai Dana Desa untuk iuran PBI ${months} (revisi 1), sebelum sumber dananya diubah menjadi APBDes (Alokasi Dana Desa).`);
    }
    const recap = (await readWorkbook((await download(agent.get('/api/v1/reports/year/2026.xlsx'))).body)).getWorksheet('Keterangan')!;
    const said: string[] = [];
    recap.eachRow((r) => said.push(String(r.getCell(2).value)));
    expect(said.filter((x) => x.includes(earlier))).toEqual([expect.stringMatching(/^Desa Talang Jambu — APBDes, DESA-1703062001-2026: /)]);
    // a pledge that never used Dana Desa is told nothing
    const other = (await readWorkbook((await download(agent.get('/api/v1/statements/pledges/APBD-2026.xlsx?year=2026'))).body)).getWorksheet('Ringkasan')!;
    expect(columnA(other).filter((x) => String(x).startsWith('Peringatan: '))).toEqual([]);
    expect(columnA(other)).not.toContain('Sumber dana saat dialokasikan');
  });
});
