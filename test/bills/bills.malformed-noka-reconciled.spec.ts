/**
 * DOMAIN §7: a bill line whose NOKA is not 13 digits is BPJS's billing all the same (QA: it was
 * refused, so its amount vanished: the person showed as NOT_BILLED and only TOTAL_MISMATCH hinted
 * at it). It is kept as written with a warning and meets the participant's NOKA as NOKA_MISMATCH,
 * whose action does not propose recording that NOKA in the register; nor does a NOKA typed as a
 * number whose leading zeros were restored.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { BillLineNokaRestored1768400000000 } from '../../src/database/migrations/1768400000000-bill-line-noka-restored.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, nik } from '../reconciliation/support/seed.js';
import { nonZero, reconcile } from '../reconciliation/support/run.js';
import { download, readWorkbook, rowWhere } from '../reports/support/xlsx.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

type Issue = { row: number; column: string | null; severity: string; code: string; message: string };

const NUMERIC_CELL_ACTION =
  'NOKA pada berkas tagihan tertulis sebagai angka; nol di depannya dipulihkan menjadi 0000000696872, yang berbeda dari NOKA di daftar peserta (1000000696872): ' +
  'minta BPJS nomor kartu yang benar atau periksa berkas tagihannya; data peserta tidak diubah';
const MALFORMED_ACTION = 'NOKA pada tagihan (12345678901234) bukan 13 digit angka: periksa NOKA peserta ini dengan BPJS dan minta BPJS membetulkannya; data peserta tidak diubah';

describe('bills: a NOKA that is not 13 digits is kept and reconciled', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [
      { nik: nik(1), noka: '0000000000001' },
      { nik: nik(2), noka: '0000000000002' },
      { nik: nik(3) }, // no NOKA in the register: any billed NOKA matches (§7)
      { nik: nik(4), noka: '0000000000004' },
      { nik: nik(5), noka: '0000000000005' },
      { nik: nik(6), noka: '1000000696872', tmt: '2026-07-01', tat: '2026-07-31', endReason: 'PINDAH' },
    ]);
  });
  afterAll(() => t?.close());

  const upload = async (month: string, invoiceTotal: number, file: Buffer, name: string) =>
    (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', month).field('invoiceTotal', String(invoiceTotal)).attach('file', file, name).expect(201);

  it('a 14-digit No Kartu is accepted with a warning, counted in the lines, and is NOKA_MISMATCH with an action to check it with BPJS; no TOTAL_MISMATCH', async () => {
    const csv = [
      'No Kartu;NIK;NAMA;IURAN',
      `12345678901234;${nik(1)};Kartu 14 digit;37800`,
      `0000000000002;${nik(2)};Baik;37800`,
      `123;${nik(3)};Kartu pendek tanpa NOKA register;37800`,
      `1234 5678 9012 34;${nik(4)};Kartu 14 digit ditagih lebih;42000`,
      `99999;17030601018;NIK pendek;37800`, // a NIK that cannot be read: refused as before, NOKA named too
      `0000000000005;${nik(5)};Baik juga;37800`,
    ].join('\n');
    const total = 4 * 37800 + 42000;
    const up = await upload('2026-10', total, Buffer.from(csv), 'tagihan.csv');
    expect(up.body).toMatchObject({ lines: 5, linesTotal: total, rowsRead: 6, accepted: 5, rejected: 1, warnings: 3 });
    expect(up.body.issues.map((i: Issue) => [i.row, i.column, i.severity, i.code])).toEqual([
      [2, 'No Kartu', 'WARN', 'NOKA_FORMAT'],
      [4, 'No Kartu', 'WARN', 'NOKA_FORMAT'],
      [5, 'No Kartu', 'WARN', 'NOKA_FORMAT'],
      [6, 'No Kartu', 'REJECT', 'NOKA_FORMAT'],
      [6, 'NIK', 'REJECT', 'NIK_FORMAT'],
    ]);
    expect(up.body.issues[0].message).toBe('No Kartu "12345678901234" bukan 13 digit angka; baris tetap dihitung dan dicocokkan lewat NIK. Jika peserta sudah punya NOKA lain, dilaporkan sebagai temuan NOKA berbeda; jika belum punya NOKA, NOKA ini tidak dilaporkan lagi.');
    expect(up.body.issues[3].message).toBe('No Kartu "99999" harus 13 digit angka (atau kosong).');
    // stored as written (spaces removed, as for a 13-digit NOKA)
    const lines = await t.dataSource.query('SELECT row_number, noka FROM bill_line WHERE bill_id = $1 ORDER BY row_number', [up.body.id]);
    expect(lines.map((l: { noka: string }) => l.noka)).toEqual(['12345678901234', '0000000000002', '123', '12345678901234', '0000000000005']);

    const { run, findings } = await reconcile(t, '2026-10');
    // the 14-digit line is NOKA_MISMATCH; the one billed Rp42.000 is AMOUNT_MISMATCH first (§7 order); no NOKA in the register matches any
    expect(nonZero(run.findings)).toEqual({ AMOUNT_MISMATCH: 1, NOKA_MISMATCH: 1, MATCHED: 3 });
    expect(run.bill).toEqual({ invoiceTotal: total, linesTotal: total, payable: 5 * 37800, overbilled: 4200, underbilled: 0 });
    const mismatch = findings.find((f) => f.category === 'NOKA_MISMATCH')!;
    expect(mismatch).toMatchObject({ nik: nik(1), noka: '12345678901234', registerNoka: '0000000000001', rowNumber: 2, billedAmount: 37800, expectedAmount: 37800, action: MALFORMED_ACTION });
    expect(mismatch.action).not.toMatch(/catat/);
    expect(findings.find((f) => f.category === 'AMOUNT_MISMATCH')).toMatchObject({ nik: nik(4), noka: '12345678901234', billedAmount: 42000, expectedAmount: 37800 });

    // the reconciliation workbook lists it in Temuan, the NOKA as text, with the same action
    const res = await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${run.id}/workbook.xlsx`));
    const temuan = (await readWorkbook(res.body)).getWorksheet('Temuan')!;
    const row = rowWhere(temuan, 3, 'NOKA_MISMATCH'); // column 3: Kode (Kategori says it in Indonesian)
    // the billed NOKA, then the register's (NOKA di Daftar Peserta), the amounts, the action
    expect([4, 5, 6, 7, 9, 10, 12].map((c) => row.getCell(c).value)).toEqual([2, nik(1), '12345678901234', '0000000000001', 37800, 37800, MALFORMED_ACTION]);
    expect(row.getCell(6).type).toBe(ExcelJS.ValueType.String);
    expect(() => rowWhere(temuan, 3, 'TOTAL_MISMATCH')).toThrow();
  });

  it('in an .xlsx: a 14-digit number cell is kept as its digits, with the warning; the row report lists it on Peringatan', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tagihan');
    ws.addRow(['NOKA', 'NIK', 'NAMA', 'IURAN']);
    ws.addRow([12345678901234, nik(1), 'Kartu angka 14 digit', 37800]);
    ws.addRow(['0000000000002', nik(2), 'Baik', 37800]);
    const up = await upload('2026-09', 75600, Buffer.from(await wb.xlsx.writeBuffer()), 'tagihan.xlsx');
    expect(up.body).toMatchObject({ lines: 2, linesTotal: 75600, accepted: 2, rejected: 0, warnings: 1 });
    expect(up.body.issues).toEqual([
      { row: 2, column: 'NOKA', severity: 'WARN', code: 'NOKA_FORMAT', message: 'NOKA "12345678901234" bukan 13 digit angka; baris tetap dihitung dan dicocokkan lewat NIK. Jika peserta sudah punya NOKA lain, dilaporkan sebagai temuan NOKA berbeda; jika belum punya NOKA, NOKA ini tidak dilaporkan lagi.' },
    ]);
    const [line] = await t.dataSource.query('SELECT noka FROM bill_line WHERE bill_id = $1 AND row_number = 2', [up.body.id]);
    expect(line.noka).toBe('12345678901234');

    const report = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/bills/${up.body.id}/report.xlsx`))).body);
    expect(report.getWorksheet('Perbaiki')!.rowCount).toBe(1); // the line was kept: nothing to fix and upload again
    const peringatan = report.getWorksheet('Peringatan')!;
    expect((peringatan.getRow(3).values as unknown[]).slice(1)).toEqual([2, 12345678901234, nik(1), 'Kartu angka 14 digit', 'NOKA', up.body.issues[0].message]); // the number cell as the number

    // (the three other participants are covered too, on no line of this bill)
    const { run } = await reconcile(t, '2026-09');
    expect(nonZero(run.findings)).toEqual({ NOKA_MISMATCH: 1, MATCHED: 1, NOT_BILLED: 3 });
    expect(run.bill).toEqual({ invoiceTotal: 75600, linesTotal: 75600, payable: 75600, overbilled: 0, underbilled: 3 * 37800 });
  });

  it('in an .xlsx: a short NOKA typed as a number is restored to 13 digits with a warning, and its NOKA_MISMATCH proposes no register change (QA)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tagihan');
    ws.addRow(['NOKA', 'NIK', 'NAMA', 'IURAN']);
    ws.addRow([696872, nik(6), 'NOKA sebagai angka', 37800]);
    const up = await upload('2026-07', 37800, Buffer.from(await wb.xlsx.writeBuffer()), 'tagihan-angka.xlsx');
    expect(up.body.issues.map((i: Issue) => [i.row, i.code, i.message])).toEqual([
      [2, 'NOKA_NUMERIC_CELL', expect.stringContaining('nol di depan dipulihkan menjadi 0000000696872')],
    ]);
    const lines = await t.dataSource.query('SELECT noka, noka_restored FROM bill_line WHERE bill_id = $1', [up.body.id]);
    expect(lines).toEqual([{ noka: '0000000696872', noka_restored: true }]);

    const { run, findings } = await reconcile(t, '2026-07');
    expect(nonZero(run.findings)).toMatchObject({ NOKA_MISMATCH: 1 });
    const mismatch = findings.find((f) => f.category === 'NOKA_MISMATCH')!;
    expect(mismatch).toMatchObject({ nik: nik(6), noka: '0000000696872', registerNoka: '1000000696872', rowNumber: 2, action: NUMERIC_CELL_ACTION });
    expect(mismatch.action).not.toMatch(/catat/);
    const res = await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${run.id}/workbook.xlsx`));
    expect(rowWhere((await readWorkbook(res.body)).getWorksheet('Temuan')!, 3, 'NOKA_MISMATCH').getCell(12).value).toBe(NUMERIC_CELL_ACTION);

    // a bill stored before the flag was kept gets it from its NOKA_NUMERIC_CELL warning (migration 1768400000000)
    await t.dataSource.query('ALTER TABLE bill_line DROP COLUMN noka_restored');
    const runner = t.dataSource.createQueryRunner();
    try {
      await new BillLineNokaRestored1768400000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await t.dataSource.query('SELECT noka_restored FROM bill_line WHERE bill_id = $1', [up.body.id])).toEqual([{ noka_restored: true }]);
  });

  it("a leading apostrophe (typed to keep Excel from making it a number) is not part of the NOKA, as for a NIK: no warning, no NOKA_MISMATCH (QA)", async () => {
    const csv = ['NOKA,NIK,NAMA,IURAN', `'0000000000001,${nik(1)},Petik di NOKA,37800`, `0000000000002,'${nik(2)},Petik di NIK,37800`, `’0000000000004,${nik(4)},Petik miring,37800`].join('\n');
    const up = await upload('2026-08', 3 * 37800, Buffer.from(csv), 'tagihan-petik.csv');
    expect(up.body).toMatchObject({ lines: 3, accepted: 3, rejected: 0, warnings: 0, issues: [] });
    const lines = await t.dataSource.query('SELECT noka, nik FROM bill_line WHERE bill_id = $1 ORDER BY row_number', [up.body.id]);
    expect(lines).toEqual([{ noka: '0000000000001', nik: nik(1) }, { noka: '0000000000002', nik: nik(2) }, { noka: '0000000000004', nik: nik(4) }]);
    const { run } = await reconcile(t, '2026-08');
    expect(nonZero(run.findings)).toEqual({ MATCHED: 3, NOT_BILLED: 2 });
  });
});
