/**
 * Workbooks read back by ExcelJS:
 * - the Berita Acara states the shortfall (each pledge's max(due − paid, 0)) and the overpayment (max(paid − due, 0))
 *   apart, never netted (QA: Rp18.445.300 short for Rp18.465.300, two overpayments of Rp10.000 subtracted); the
 *   Pembayaran sheet keeps its net Selisih total and adds both under it as formulas;
 * - a status still owed says whether it is past its due date (§8): in the statements on the day they are taken (the
 *   injected Clock), in the reconciliation workbook on the day its run finished (its status is the run's, and a
 *   finalized run's workbook is the signed snapshot).
 *
 * The report fixture's October 2026 (finalized): TJSLP-ALNO-2026 owes Rp37.800 and paid Rp40.000, DESA-1703062001-2026
 * owes Rp75.600 and paid Rp50.000, PROV-2026 owes Rp30.240 and paid nothing, APBD-2026 owes Rp32.680 and paid Rp32.680
 * recorded as a correction of September: October's own premium unpaid, the correction on a line of its own (QA: a
 * correction of December recorded in January read as January's "Kelebihan pembayaran komitmen").
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture } from './support/report-fixture.js';
import { download, formula, readWorkbook, rowOf } from './support/xlsx.js';

// booting the app and the report fixture can pass a minute on a busy machine (PGlite), as in the other workbook specs
jest.setTimeout(180_000);

const SHORTFALL = 75600 - 50000 + 30240 + 32680; // DESA, PROV and APBD (its only October payment corrects September)
const CORRECTIONS = 32680; // APBD-2026's payment of September recorded in October: neither a shortfall nor a surplus of October
const OVERPAID = 40000 - 37800; // TJSLP-ALNO

describe('workbooks: shortfall and overpayment apart; due-ness of what is still owed', () => {
  let t: TestApp;
  let runId: string;
  beforeAll(async () => {
    t = await createTestApp(); // 15 November 2026
    runId = await insertReportFixture(t.dataSource);
  });
  afterAll(() => t.close());

  const workbook = async (url: string) => readWorkbook((await download((await t.as(Role.AUDITOR)).get(url))).body);
  const texts = (ws: ExcelJS.Worksheet) => {
    const all: string[] = [];
    ws.eachRow((r) => all.push(String(r.getCell(1).value)));
    return all;
  };

  it('Berita Acara: Kekurangan and Kelebihan pembayaran komitmen each summed over the pledges, in figures and words', async () => {
    const ws = (await workbook(`/api/v1/reconciliations/${runId}/workbook.xlsx`)).getWorksheet('Berita Acara')!;
    expect(rowOf(ws, 'Jumlah terutang').getCell(2).value).toBe(37800 + 75600 + 30240 + 32680);
    expect([2, 3].map((c) => rowOf(ws, 'Kekurangan pembayaran komitmen').getCell(c).value)).toEqual([SHORTFALL, 'delapan puluh delapan ribu lima ratus dua puluh rupiah']);
    expect([2, 3].map((c) => rowOf(ws, 'Kelebihan pembayaran komitmen').getCell(c).value)).toEqual([OVERPAID, 'dua ribu dua ratus rupiah']);
    expect(rowOf(ws, 'Koreksi bulan sebelumnya (September 2026), termasuk dalam jumlah dibayar').getCell(2).value).toBe(CORRECTIONS);
  });

  it('Berita Acara: under each total, the funders making it up by name and pledge code, with their amounts in figures and words (QA: named nobody)', async () => {
    const ws = (await workbook(`/api/v1/reconciliations/${runId}/workbook.xlsx`)).getWorksheet('Berita Acara')!;
    const short = rowOf(ws, 'Kekurangan pembayaran komitmen').number;
    const over = rowOf(ws, 'Kelebihan pembayaran komitmen').number;
    const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => ws.getRow(from + i).values as unknown[]).map((v) => v.slice(1, 4));
    expect(lines(short + 1, over)).toEqual([
      ['– kurang dibayar oleh Desa Talang Jambu — APBDes, DESA-1703062001-2026', 25600, 'dua puluh lima ribu enam ratus rupiah'],
      ['– kurang dibayar oleh Pemerintah Provinsi Bengkulu — APBD Provinsi, PROV-2026', 30240, 'tiga puluh ribu dua ratus empat puluh rupiah'],
      ['– kurang dibayar oleh Pemerintah Kabupaten Bengkulu Utara — APBD Kabupaten, APBD-2026', 32680, 'tiga puluh dua ribu enam ratus delapan puluh rupiah'],
    ]);
    expect(lines(over + 1, over + 2)).toEqual([[expect.stringMatching(/^– lebih dibayar oleh .+, TJSLP-ALNO-2026$/), OVERPAID, 'dua ribu dua ratus rupiah']]);
    // the lines add up to the totals above them
    expect(lines(short + 1, over).reduce((a, l) => a + Number(l[1]), 0)).toBe(SHORTFALL);
  });

  it('Pembayaran: the net Selisih total, then the shortfall and the overpayment as SUMIF formulas with their values', async () => {
    const ws = (await workbook(`/api/v1/reconciliations/${runId}/workbook.xlsx`)).getWorksheet('Pembayaran')!;
    const total = rowOf(ws, 'JUMLAH');
    expect(formula(total.getCell(7)).result).toBe(OVERPAID - SHORTFALL);
    expect(formula(total.getCell(6)).result).toBe(CORRECTIONS);
    const short = rowOf(ws, 'Jumlah kekurangan pembayaran (komitmen yang kurang/belum dibayar)');
    const over = rowOf(ws, 'Jumlah kelebihan pembayaran (komitmen yang lebih bayar)');
    expect([short.number, over.number]).toEqual([total.number + 1, total.number + 2]);
    const range = `G${total.number - 4}:G${total.number - 1}`;
    expect(formula(short.getCell(7))).toEqual({ formula: `-SUMIF(${range},"<0")`, result: SHORTFALL });
    expect(formula(over.getCell(7))).toEqual({ formula: `SUMIF(${range},">0")`, result: OVERPAID });
    const corrections = rowOf(ws, 'Koreksi bulan sebelumnya yang dicatat bulan ini (bukan kelebihan/kekurangan bulan ini)');
    expect(corrections.number).toBe(total.number + 3);
    expect(formula(corrections.getCell(6))).toEqual({ formula: `SUM(F${total.number - 4}:F${total.number - 1})`, result: CORRECTIONS });
  });

  it("Pembayaran's status of what is still owed is judged on the day the run finished, whenever it is downloaded", async () => {
    const status = async () => {
      const ws = (await workbook(`/api/v1/reconciliations/${runId}/workbook.xlsx`)).getWorksheet('Pembayaran')!;
      const cells = ['TJSLP-ALNO-2026', 'DESA-1703062001-2026', 'PROV-2026', 'APBD-2026'].map((code) => rowOf(ws, code).getCell(8).value);
      return { cells, note: texts(ws).find((x) => x.startsWith('Jatuh tempo dinilai')) };
    };
    await t.dataSource.query(`UPDATE reconciliation_run SET finished_at = '2026-10-08T03:00:00Z' WHERE id = $1`, [runId]);
    expect(await status()).toEqual({
      cells: [
        'Lebih bayar',
        'Dibayar sebagian (jatuh tempo 10 Oktober 2026)',
        'Belum dibayar (jatuh tempo 10 Oktober 2026)',
        'Lunas menurut jumlah (termasuk koreksi September 2026 Rp32.680); iuran Oktober 2026 sendiri belum dibayar (jatuh tempo 10 Oktober 2026)',
      ],
      note: 'Jatuh tempo dinilai pada 8 Oktober 2026, saat rekonsiliasi versi 1 dijalankan. Iuran jatuh tempo tanggal 10; BPJS Kesehatan dapat menonaktifkan kepesertaan bila iurannya belum lunas pada akhir bulan.',
    });
    await t.dataSource.query(`UPDATE reconciliation_run SET finished_at = '2026-10-10T17:00:00Z' WHERE id = $1`, [runId]); // 11 October 00:00 WIB
    const was = t.clock.now();
    t.clock.set(new Date('2027-03-01T03:00:00Z')); // downloaded months later: the same
    try {
      expect((await status()).cells).toEqual([
        'Lebih bayar',
        'Kurang bayar – lewat jatuh tempo 10 Oktober 2026',
        'Belum dibayar – lewat jatuh tempo 10 Oktober 2026',
        'Lunas menurut jumlah (termasuk koreksi September 2026 Rp32.680); iuran Oktober 2026 sendiri belum dibayar – lewat jatuh tempo 10 Oktober 2026',
      ]);
    } finally {
      t.clock.set(was);
    }
  });

  it('pledge statement: past due, not yet due (the 10th included) and paid, by the day it is taken', async () => {
    const september = async () => rowOf((await workbook('/api/v1/statements/pledges/PROV-2026.xlsx?year=2026')).getWorksheet('Ringkasan')!, 'September 2026').getCell(6).value;
    const was = t.clock.now();
    try {
      t.clock.set(new Date('2026-09-10T16:59:00Z')); // 10 September 23:59 WIB
      expect(await september()).toBe('Belum dibayar (jatuh tempo 10 September 2026)');
      t.clock.set(new Date('2026-09-10T17:00:00Z')); // 11 September 00:00 WIB
      expect(await september()).toBe('Belum dibayar – lewat jatuh tempo 10 September 2026');
    } finally {
      t.clock.set(was);
    }
    const year = (await workbook('/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?year=2026')).getWorksheet('Ringkasan')!;
    expect(['September 2026', 'Oktober 2026', 'November 2026'].map((m) => rowOf(year, m).getCell(6).value)).toEqual([
      'Belum dibayar – lewat jatuh tempo 10 September 2026',
      'Lebih bayar', // never overdue
      '-', // nothing due nor paid
    ]);
  });

  it("village statement: the village's own pledges' status with the same due-ness notes", async () => {
    const column = async () => {
      const ws = (await workbook('/api/v1/statements/villages/17.03.06.2001.xlsx?year=2026')).getWorksheet('Ringkasan')!;
      expect(ws.getRow((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!).getCell(10).value).toBe('Status Pembayaran Desa');
      return ['Agustus 2026', 'September 2026', 'Oktober 2026'].map((m) => rowOf(ws, m).getCell(10).value);
    };
    expect(await column()).toEqual(['-', 'Belum dibayar – lewat jatuh tempo 10 September 2026', 'Kurang bayar – lewat jatuh tempo 10 Oktober 2026']);
    const was = t.clock.now();
    t.clock.set(new Date('2026-10-05T03:00:00Z'));
    try {
      expect(await column()).toEqual(['-', 'Belum dibayar – lewat jatuh tempo 10 September 2026', 'Dibayar sebagian (jatuh tempo 10 Oktober 2026)']);
    } finally {
      t.clock.set(was);
    }
  });
});
