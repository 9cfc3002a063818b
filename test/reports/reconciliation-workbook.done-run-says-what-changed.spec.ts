/**
 * A DONE run's workbook after its month changed: the sheets read from the run (Ringkasan, Berita
 * Acara) and those read from the month as it is now would disagree, so Ringkasan lists what
 * changed and Berita Acara says it is a draft not to be signed. A run whose month is unchanged,
 * and a FINAL run, carry neither.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { insertBill, insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { secondKeuangan } from '../reconciliation/support/users.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { download, readWorkbook } from './support/xlsx.js';
import { staleRunText } from '../../src/reports/reconciliation-workbook/berita-acara.sheet.js';
import { currentDataNote } from '../../src/reports/reconciliation-workbook/titles.js';

jest.setTimeout(180_000);

const MONTH = '2026-09';
const DRAFT = 'DRAF — JANGAN DITANDATANGANI';

/** Column A of every row of a sheet (the labels). */
const labels = (ws: ExcelJS.Worksheet) => Array.from({ length: ws.rowCount }, (_, i) => String(ws.getRow(i + 1).getCell(1).value ?? ''));

describe('reconciliation workbook of a DONE run whose month changed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: nik(1), noka: '0000000000001' }, { nik: nik(2), noka: '0000000000002' }]);
    await insertPledge(t.dataSource, 'APBD-2026');
    await insertBill(t.dataSource, MONTH, [{ nik: nik(1), noka: '0000000000001' }]);
  });
  afterAll(() => t?.close());

  const keuangan = () => t.as(Role.KEUANGAN);
  const start = async () => (await (await keuangan()).post('/api/v1/reconciliations').send({ month: MONTH }).expect(201)).body as { id: string; version: number };
  const workbook = async (runId: string) => readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body);

  it('says nothing changed while the month holds what the run read; its Berita Acara is marked a draft until finalized (QA: it looked ready to sign)', async () => {
    const run = await start();
    const wb = await workbook(run.id);
    expect(labels(wb.getWorksheet('Ringkasan')!)).not.toContain('Data bulan ini berubah setelah rekonsiliasi');
    const beritaAcara = wb.getWorksheet('Berita Acara')!;
    const draft = beritaAcara.getRow(labels(beritaAcara).indexOf(DRAFT) + 1);
    expect(String(draft.getCell(3).value)).toBe(
      `Rekonsiliasi versi ${run.version} belum difinalisasi. Tanda tangani berita acara yang diunduh sesudah rekonsiliasi ini difinalisasi oleh petugas keuangan lain.`,
    );
    expect(labels(wb.getWorksheet('Pembayaran')!).filter((l) => l.startsWith('DRAF'))).toEqual([]);
  });

  it('lists a payment recorded after the run, and marks Berita Acara a draft', async () => {
    const run = await start();
    const payment = { pledgeCode: 'APBD-2026', month: MONTH, amount: 1000, paidAt: '2026-09-08', reference: 'SP2D 501' };
    const recorded = (await (await keuangan()).post('/api/v1/payments').send(payment).expect(201)).body;
    try {
      const wb = await workbook(run.id);
      const ringkasan = labels(wb.getWorksheet('Ringkasan')!);
      expect(ringkasan).toContain('Data bulan ini berubah setelah rekonsiliasi');
      expect(ringkasan.filter((l) => l.startsWith('Berubah: '))).toEqual(['Berubah: pembayaran']);
      const beritaAcara = wb.getWorksheet('Berita Acara')!;
      const draft = beritaAcara.getRow(labels(beritaAcara).indexOf(DRAFT) + 1);
      expect(String(draft.getCell(3).value)).toMatch(new RegExp(`^Rekonsiliasi versi ${run.version} tidak lagi berlaku karena data bulan ini berubah sejak dijalankan: pembayaran\\. Tanda tangani hanya berita acara versi terbaru`));
      // the draft line opens the sheet, above its title and the figures to be signed (QA: it stood under the header)
      expect(labels(beritaAcara).indexOf(DRAFT)).toBe(0);
      expect(labels(beritaAcara)[1]).toMatch(/^BERITA ACARA REKONSILIASI/);
      // the frozen header follows it: the table's heads stay in view below the notice and the title
      const frozen = beritaAcara.views[0] as ExcelJS.WorksheetViewFrozen;
      expect(beritaAcara.getRow(frozen.ySplit!).getCell(1).value).toBe('Uraian');
      // Pembayaran's status is the run's, its list now: said under the list (QA: the two totals differed, unsaid)
      const note = labels(wb.getWorksheet('Pembayaran')!).filter((l) => l.startsWith('DRAF: '));
      expect(note).toEqual([
        `DRAF: status di atas dihitung saat rekonsiliasi versi ${run.version} dijalankan, sedangkan rincian ini memuat pembayaran yang tercatat saat diunduh (dibayar Rp0 saat itu, Rp1.000 saat diunduh). Jalankan ulang rekonsiliasi agar keduanya sama sebelum ditandatangani.`,
      ]);
    } finally {
      await (await keuangan()).delete(`/api/v1/payments/${recorded.id}`).send({ reason: 'Tercatat keliru' }).expect(200);
    }
  });

  it('a payment replaced by another of the same amount: Pembayaran says the entries changed, not two equal sums (QA)', async () => {
    const finance = await keuangan();
    const payment = { pledgeCode: 'APBD-2026', month: MONTH, amount: 1000, paidAt: '2026-09-08' };
    const first = (await finance.post('/api/v1/payments').send({ ...payment, reference: 'SP2D 601' }).expect(201)).body;
    const run = await start();
    await finance.delete(`/api/v1/payments/${first.id}`).send({ reason: 'Tercatat keliru' }).expect(200);
    const second = (await finance.post('/api/v1/payments').send({ ...payment, reference: 'SP2D 602' }).expect(201)).body;
    try {
      const note = labels((await workbook(run.id)).getWorksheet('Pembayaran')!).filter((l) => l.startsWith('DRAF: '));
      expect(note).toEqual([
        `DRAF: status di atas dihitung saat rekonsiliasi versi ${run.version} dijalankan, sedangkan rincian ini memuat pembayaran yang tercatat saat diunduh; jumlahnya tetap Rp1.000, tetapi ada pembayaran yang dihapus atau dicatat sesudah rekonsiliasi. Jalankan ulang rekonsiliasi agar keduanya sama sebelum ditandatangani.`,
      ]);
    } finally {
      await finance.delete(`/api/v1/payments/${second.id}`).send({ reason: 'Tercatat keliru' }).expect(200);
    }
  });

  it('names every change: a pledge revised (months to re-allocate), a newer bill', async () => {
    const run = await start();
    await (await keuangan()).patch('/api/v1/pledges/APBD-2026').send({ priority: 2, reason: 'uji' }).expect(200);
    await insertBill(t.dataSource, MONTH, [{ nik: nik(2), noka: '0000000000002' }]);
    const changes = labels((await workbook(run.id)).getWorksheet('Ringkasan')!).filter((l) => l.startsWith('Berubah: '));
    expect(changes[0]).toBe('Berubah: tagihan BPJS');
    expect(changes[1]).toMatch(/^Berubah: alokasi bulan Januari 2026, .*September 2026 perlu dihitung ulang/);
  });

  it('shows the current obligation beside the run when the register grew and the month was re-allocated', async () => {
    const run = await start();
    const before = labels((await workbook(run.id)).getWorksheet('Ringkasan')!);
    expect(before).not.toContain('Kewajiban saat ini');
    await insertParticipants(t.dataSource, [{ nik: nik(3), noka: '0000000000003' }]);
    await (await keuangan()).post('/api/v1/allocations').send({ month: MONTH }).expect(201);
    const ringkasan = (await workbook(run.id)).getWorksheet('Ringkasan')!;
    const rows = labels(ringkasan);
    expect(rows.filter((l) => l.startsWith('Berubah: '))).toContain('Berubah: kewajiban iuran peserta');
    const current = ringkasan.getRow(rows.indexOf('Kewajiban saat ini') + 1);
    const ran = ringkasan.getRow(rows.indexOf('Jumlah peserta dan iuran bulan ini') + 1);
    expect(Number(current.getCell(2).value)).toBe(Number(ran.getCell(2).value) + 1);
    expect(Number(current.getCell(3).value)).toBeGreaterThan(Number(ran.getCell(3).value));
  });

  it('Per Sumber Dana shows the terms the run\'s figures were allocated under, after the month was allocated again (QA: 60% beside amounts at 50%)', async () => {
    const run = await start();
    const ran = (await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${run.id}`).expect(200)).body.inputs.pledges['APBD-2026'];
    await (await keuangan()).patch('/api/v1/pledges/APBD-2026').send({ sharePercent: 50, reason: 'uji bagian' }).expect(200);
    await (await t.as(Role.AUDITOR)).get(`/api/v1/allocations/${MONTH}`).expect(200); // allocated again by reading it
    const ws = (await workbook(run.id)).getWorksheet('Per Sumber Dana')!;
    const row = (ws.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1)).find((r) => r[0] === 'APBD-2026')!;
    expect(row[6]).toBe(100); // Bagian (%) of the revision the run's figures came from, not 50
    expect(String(row[10])).toMatch(new RegExp(`^Revisi ${ran.revisionTo}\\b`));
    expect(String(row[10])).not.toContain('pagu di sheet ini');
  });

  it("a draft's Ringkasan warns by the terms the run's figures were allocated under, as Per Sumber Dana, whether or not the month was re-allocated since; the sheets read from the month now say so (QA)", async () => {
    const desa = 'DESA-1703062001-2026';
    await insertPledge(t.dataSource, desa, { sourceType: 'DESA', fund: 'DANA_DESA', scope: 'RESIDENTS', niks: [nik(1)], priority: 1, sharePercent: 40 });
    await (await keuangan()).post('/api/v1/allocations').send({ month: MONTH }).expect(201);
    const run = await start();
    await (await keuangan()).patch(`/api/v1/pledges/${desa}`).send({ fund: 'ADD', reason: 'Salah jenis dana' }).expect(200);
    const warned = (wb: ExcelJS.Workbook, sheet: string) => {
      const said: string[] = [];
      wb.getWorksheet(sheet)!.eachRow((row) => row.eachCell((cell) => void (String(cell.value).includes(`Komitmen ${desa} memakai Dana Desa`) && said.push(String(cell.value)))));
      return said.length > 0;
    };
    const api = (await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${run.id}`).expect(200)).body;
    expect(api.warnings.map((w: { code: string }) => w.code)).toContain('DANA_DESA_PBI');
    const before = await workbook(run.id);
    await (await t.as(Role.AUDITOR)).get(`/api/v1/allocations/${MONTH}`).expect(200); // allocated again, under ADD, by reading it
    const after = await workbook(run.id);
    for (const wb of [before, after]) {
      expect([warned(wb, 'Ringkasan'), warned(wb, 'Per Sumber Dana')]).toEqual([true, true]);
      expect(labels(wb.getWorksheet('Ringkasan')!)).toContain('Data bulan ini berubah setelah rekonsiliasi');
      for (const sheet of ['Pagu & Realisasi', 'Per Desa', 'Rincian Peserta']) {
        const ws = wb.getWorksheet(sheet)!;
        expect([sheet, labels(ws)[0]]).toEqual([sheet, currentDataNote(run.version)]);
        // the table's heads stay the frozen row under the notice and the title
        expect(ws.getRow((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!).getCell(1).value).not.toBeNull();
      }
    }
    const fresh = await workbook((await start()).id); // run again: its sheets agree, nothing to warn of (ADD)
    expect([warned(fresh, 'Ringkasan'), warned(fresh, 'Per Sumber Dana')]).toEqual([false, false]);
    expect(labels(fresh.getWorksheet('Per Desa')!)[0]).not.toBe(currentDataNote(run.version + 1));
  });

  it('a FINAL run says nothing: its month is closed; an earlier version of the same data is a draft naming the final one (QA)', async () => {
    const older = await start();
    const run = await start();
    const api = await t.as(Role.AUDITOR);
    expect((await api.get(`/api/v1/reconciliations/${older.id}`).expect(200)).body.changes).toEqual([`rekonsiliasi versi ${run.version} sudah dijalankan`]);
    await (await secondKeuangan(t)).post(`/api/v1/reconciliations/${run.id}/finalize`).expect(201);
    const wb = await workbook(run.id);
    expect(labels(wb.getWorksheet('Ringkasan')!)).not.toContain('Data bulan ini berubah setelah rekonsiliasi');
    expect(labels(wb.getWorksheet('Berita Acara')!)).not.toContain(DRAFT);
    // the earlier version read the same data, yet it is not the one to sign
    expect((await api.get(`/api/v1/reconciliations/${older.id}`).expect(200)).body.changes).toEqual([`rekonsiliasi versi ${run.version} sudah difinalisasi`]);
    const superseded = await workbook(older.id);
    expect(labels(superseded.getWorksheet('Ringkasan')!).filter((l) => l.startsWith('Berubah: '))).toEqual([`Berubah: rekonsiliasi versi ${run.version} sudah difinalisasi`]);
    const beritaAcara = superseded.getWorksheet('Berita Acara')!;
    const draft = beritaAcara.getRow(labels(beritaAcara).indexOf(DRAFT) + 1);
    expect(String(draft.getCell(3).value)).toBe(
      `Rekonsiliasi versi ${older.version} tidak lagi berlaku: rekonsiliasi versi ${run.version} sudah difinalisasi. Tanda tangani hanya berita acara versi terbaru; bila data bulan ini berubah, jalankan ulang rekonsiliasi dulu.`,
    );
  });

  it('labels the data changed after a newer version was finalized (QA: "…versi 2 sudah difinalisasi; daftar PBI APBN.")', () => {
    expect(staleRunText(1, ['rekonsiliasi versi 2 sudah difinalisasi', 'daftar PBI APBN'])).toBe(
      'Rekonsiliasi versi 1 tidak lagi berlaku: rekonsiliasi versi 2 sudah difinalisasi; data yang berubah sejak versi 1 dijalankan: daftar PBI APBN.',
    );
    expect(staleRunText(1, ['rekonsiliasi versi 2 sudah dijalankan'])).toBe('Rekonsiliasi versi 1 tidak lagi berlaku: rekonsiliasi versi 2 sudah dijalankan.');
    expect(staleRunText(3, ['tagihan BPJS', 'pembayaran'])).toBe('Rekonsiliasi versi 3 tidak lagi berlaku karena data bulan ini berubah sejak dijalankan: tagihan BPJS; pembayaran.');
  });
});
