import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, insertPbiList, nik } from './support/seed.js';
import { type FindingItem, nonZero, reconcile } from './support/run.js';
import { FINDING_ACTIONS } from '../../src/reconciliation/finding-actions.js';
import type ExcelJS from 'exceljs';
import { download, readWorkbook, rowWhere } from '../reports/support/xlsx.js';

jest.setTimeout(180_000);

/** DOMAIN §7: each category on its own, one month per category (participants covered only in their month). */
// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
const only = (month: string) => ({ tmt: `${month}-01`, tat: `${month}-28`, endReason: 'PINDAH' });

describe('reconciliation: each category on its own', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [
      { nik: nik(101), ...only('2025-01') },
      { nik: nik(103), tmt: '2024-12-01', tat: '2024-12-15', endReason: 'MENINGGAL' },
      { nik: nik(104), ...only('2025-06') },
      { nik: nik(105), noka: '0000000000105', ...only('2025-05') },
      { nik: nik(107), noka: '0000000000107', ...only('2025-07') },
      { nik: nik(108), noka: '0000000000108', ...only('2025-08') },
      { nik: nik(109), noka: '0000000000109', ...only('2025-09') },
      { nik: nik(110), noka: '0000000000110', ...only('2025-10') },
      { nik: nik(112), noka: '0000000000112', ...only('2023-06') },
      { nik: nik(113), noka: '0000000000113', ...only('2023-06') },
    ]);
  });
  afterAll(() => t?.close());

  it('DUPLICATE_BILLING: the later line by NOKA as text (empty first), then file row', async () => {
    await insertBill(t.dataSource, '2025-01', [
      { nik: nik(101), noka: '1111111111111' },
      { nik: nik(101), noka: '' },
    ]);
    const { run, findings } = await reconcile(t, '2025-01');
    expect(nonZero(run.findings)).toEqual({ DUPLICATE_BILLING: 1, MATCHED: 1 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ category: 'DUPLICATE_BILLING', nik: nik(101), noka: '1111111111111', rowNumber: 2, billedAmount: 37800, expectedAmount: 0 });
    expect(findings[0].action).toMatch(/BPJS/);
  });

  it('NOT_REGISTERED: no participant with the NIK', async () => {
    await insertBill(t.dataSource, '2025-02', [{ nik: nik(9999), noka: '0000000009999', name: 'Orang Lain' }]);
    const { run, findings } = await reconcile(t, '2025-02');
    expect(nonZero(run.findings)).toEqual({ NOT_REGISTERED: 1 });
    expect(findings[0]).toMatchObject({ category: 'NOT_REGISTERED', nik: nik(9999), name: 'Orang Lain', billedAmount: 37800 });
  });

  it('BILLED_AFTER_DEATH: MENINGGAL with TAT before the month', async () => {
    await insertBill(t.dataSource, '2025-03', [{ nik: nik(103) }]);
    const { run, findings } = await reconcile(t, '2025-03');
    expect(nonZero(run.findings)).toEqual({ BILLED_AFTER_DEATH: 1 });
    expect(findings[0].action).toBe('Tagihan atas peserta yang telah meninggal: ajukan koreksi ke BPJS');
  });

  it('NOT_COVERED: billed in a month outside TMT..TAT', async () => {
    await insertBill(t.dataSource, '2025-04', [{ nik: nik(104) }]);
    const { run } = await reconcile(t, '2025-04');
    expect(nonZero(run.findings)).toEqual({ NOT_COVERED: 1 });
    expect(run.bill).toMatchObject({ payable: 0, overbilled: 37800, underbilled: 0 });
  });

  it('AMOUNT_MISMATCH: Rp42.000 billed against an obligation of Rp37.800', async () => {
    await insertBill(t.dataSource, '2025-05', [{ nik: nik(105), noka: '0000000000105', amount: 42000 }]);
    const { run, findings } = await reconcile(t, '2025-05');
    expect(nonZero(run.findings)).toEqual({ AMOUNT_MISMATCH: 1 });
    expect(findings[0]).toMatchObject({ billedAmount: 42000, expectedAmount: 37800 });
    // over by exactly the CENTRAL component of §3 (Rp4.200 from 2021): named as such (QA: the same text as any other difference)
    expect(findings[0].action).toBe(
      'BPJS menagih juga bantuan pusat Rp4.200 yang bukan beban daerah (ditagih Rp42.000, kewajiban daerah Rp37.800): bayar sesuai kewajiban dan minta koreksi tagihan',
    );
    expect(run.bill).toEqual({ invoiceTotal: 42000, linesTotal: 42000, payable: 37800, overbilled: 4200, underbilled: 0 });
  });

  it('AMOUNT_MISMATCH other than the central share: the action says over or under, and by how much (QA)', async () => {
    await insertBill(t.dataSource, '2023-06', [
      { nik: nik(112), noka: '0000000000112', amount: 35000 },
      { nik: nik(113), noka: '0000000000113', amount: 40000 },
    ]);
    const { run, findings } = await reconcile(t, '2023-06');
    expect(nonZero(run.findings)).toEqual({ AMOUNT_MISMATCH: 2 });
    expect(findings.map((f) => [f.rowNumber, f.action])).toEqual([
      [2, 'Iuran ditagih Rp35.000, kurang Rp2.800 dari kewajiban Rp37.800: bayar sesuai kewajiban dan minta BPJS mengoreksi kekurangan tagihan'],
      [3, 'Iuran ditagih Rp40.000, lebih Rp2.200 dari kewajiban Rp37.800: bayar sesuai kewajiban dan minta BPJS mengoreksi kelebihan tagihan'],
    ]);
    expect(run.bill).toMatchObject({ payable: 2 * 37800, overbilled: 2200, underbilled: 2800 });
  });

  it("NOKA_MISMATCH: the action records the billed NOKA; the finding names the register's beside it", async () => {
    await insertBill(t.dataSource, '2025-07', [{ nik: nik(107), noka: '0000000000999' }]);
    const { run, findings } = await reconcile(t, '2025-07');
    expect(nonZero(run.findings)).toEqual({ NOKA_MISMATCH: 1 });
    // QA: only the billed NOKA was shown; the register's is kept with the finding as the run read it
    expect(findings[0]).toMatchObject({ noka: '0000000000999', registerNoka: '0000000000107', expectedAmount: 37800 });
    await t.dataSource.query(`UPDATE participant SET noka = '0000000000999' WHERE nik = $1`, [nik(107)]);
    expect((await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${run.id}/findings?category=NOKA_MISMATCH`).expect(200)).body.items[0].registerNoka).toBe('0000000000107');
    await t.dataSource.query(`UPDATE participant SET noka = '0000000000107' WHERE nik = $1`, [nik(107)]);
    expect(findings[0].action).toContain('0000000000999');
    expect(run.bill.payable).toBe(37800);
  });

  it('NOKA_MISMATCH of a line without a NOKA: the action asks BPJS for it, and records nothing (QA: it proposed recording "()")', async () => {
    await insertParticipants(t.dataSource, [{ nik: nik(111), noka: '0000000000111', ...only('2025-11') }]);
    await insertBill(t.dataSource, '2025-11', [{ nik: nik(111), noka: '' }]);
    const { run, findings } = await reconcile(t, '2025-11');
    expect(nonZero(run.findings)).toEqual({ NOKA_MISMATCH: 1 });
    expect(findings[0].action).toBe('Tagihan tidak mencantumkan NOKA, padahal daftar peserta mencatat NOKA peserta ini: minta BPJS melengkapi NOKA pada tagihan; data peserta tidak diubah');
  });

  it('NOKA_MISMATCH of a NOKA restored from a numeric cell: never recorded in the register; a line with the register NOKA elsewhere says that first (QA)', async () => {
    await insertParticipants(t.dataSource, [
      { nik: nik(125), noka: '1000000696872', ...only('2023-07') },
      { nik: nik(126), noka: '1000000000126', ...only('2023-07') },
    ]);
    await insertBill(t.dataSource, '2023-07', [
      { nik: nik(125), noka: '0000000696872', nokaRestored: true },
      { nik: nik(126), noka: '0000000000126', nokaRestored: true }, // first of its NIK (§7 order)
      { nik: nik(126), noka: '1000000000126' },
    ]);
    const { findings } = await reconcile(t, '2023-07');
    expect(findings.map((f) => [f.category, f.rowNumber, f.action])).toEqual([
      ['DUPLICATE_BILLING', 4, expect.stringContaining('baris inilah yang dipertahankan; minta BPJS menghapus baris 3 untuk NIK ini')],
      [
        'NOKA_MISMATCH',
        2,
        'NOKA pada berkas tagihan tertulis sebagai angka; nol di depannya dipulihkan menjadi 0000000696872, yang berbeda dari NOKA di daftar peserta (1000000696872): ' +
          'minta BPJS nomor kartu yang benar atau periksa berkas tagihannya; data peserta tidak diubah',
      ],
      ['NOKA_MISMATCH', 3, expect.stringMatching(/^NIK ini juga ditagih pada baris 4 dengan NOKA yang terdaftar \(1000000000126\)/)],
    ]);
  });

  it("a NIK billed again with another NOKA or none: the line with the register's NOKA is kept, the other deleted, nothing recorded (QA)", async () => {
    await insertParticipants(t.dataSource, [
      { nik: nik(120), noka: '1000023733243', ...only('2024-02') },
      { nik: nik(121), noka: '0000000000121', ...only('2024-02') },
      { nik: nik(122), noka: '0000000000122', ...only('2024-02') },
      { nik: nik(123), noka: '0000000000123', ...only('2024-02') },
      { nik: nik(124), noka: '0000000000124', ...only('2024-03') },
      { nik: nik(127), noka: '0000000000127', ...only('2024-02') },
    ]);
    await insertBill(t.dataSource, '2024-02', [
      { nik: nik(120), noka: '1000023733243', amount: 42000 }, // row 2: the register's NOKA, sorted after row 3's
      { nik: nik(120), noka: '0999999999999' }, // row 3: first of the NIK (§7 order): NOKA_MISMATCH
      { nik: nik(121), noka: '0000000000121' }, // row 4: the register's NOKA
      { nik: nik(121), noka: '' }, // row 5: no NOKA, first of the NIK
      { nik: nik(122), noka: '0000000000122' }, // row 6: the register's NOKA
      { nik: nik(122), noka: '5555555555555' }, // row 7: a third line
      { nik: nik(122), noka: '' }, // row 8: first of the NIK
      { nik: nik(123), noka: '0000000000123' }, // row 9: the register's NOKA first: MATCHED
      { nik: nik(123), noka: '9999999999999' }, // row 10: an ordinary duplicate
      { nik: nik(124), noka: '' }, // row 11: not covered in the month: nothing to keep
      { nik: nik(124), noka: '0000000000124' }, // row 12
      { nik: nik(127), noka: '0000000000127' }, // row 13: the register's NOKA first: MATCHED, and the line to keep
      { nik: nik(127), noka: '0000000000127' }, // row 14: the same line again: an ordinary duplicate, not the one to keep
    ]);
    const { run, findings } = await reconcile(t, '2024-02');
    expect(nonZero(run.findings)).toEqual({ DUPLICATE_BILLING: 7, NOKA_MISMATCH: 3, NOT_COVERED: 1, MATCHED: 2 });
    const keep = (registerNoka: string, rows: string) =>
      `Tagihan ganda untuk NIK yang sama, tetapi NOKA baris ini sesuai daftar peserta (${registerNoka}): baris inilah yang dipertahankan; minta BPJS menghapus baris ${rows} untuk NIK ini. Iuran NIK ini dibayar sekali, sesuai kewajiban Rp37.800`;
    const again = (row: number, registerNoka: string, other: string) =>
      `NIK ini juga ditagih pada baris ${row} dengan NOKA yang terdaftar (${registerNoka}); baris ini ganda ${other}: minta BPJS menghapus baris ini; data peserta tidak diubah`;
    const duplicate = 'Tagihan ganda untuk NIK yang sama: ajukan koreksi ke BPJS agar baris ini dihapus';
    expect(findings.map((f) => [f.category, f.rowNumber, f.action])).toEqual([
      ['DUPLICATE_BILLING', 2, keep('1000023733243', '3')],
      ['DUPLICATE_BILLING', 4, keep('0000000000121', '5')],
      ['DUPLICATE_BILLING', 6, keep('0000000000122', '7, 8')],
      ['DUPLICATE_BILLING', 7, duplicate],
      ['DUPLICATE_BILLING', 10, duplicate],
      ['DUPLICATE_BILLING', 12, duplicate],
      ['DUPLICATE_BILLING', 14, duplicate],
      ['NOT_COVERED', 11, FINDING_ACTIONS.NOT_COVERED],
      ['NOKA_MISMATCH', 3, again(2, '1000023733243', 'dengan NOKA lain (0999999999999)')],
      ['NOKA_MISMATCH', 5, again(4, '0000000000121', 'tanpa NOKA')],
      ['NOKA_MISMATCH', 8, again(6, '0000000000122', 'tanpa NOKA')],
    ]);
    // the categories and amounts are §7's: the NOKA_MISMATCH and MATCHED lines are payable, the duplicates and NOT_COVERED overbilled
    expect(run.bill).toMatchObject({ payable: 5 * 37800, overbilled: 42000 + 7 * 37800, underbilled: 0 });
  });

  it('MATCHED: no finding rows, counted in the summary', async () => {
    await insertBill(t.dataSource, '2025-08', [{ nik: nik(108), noka: '0000000000108' }]);
    const { run, findings } = await reconcile(t, '2025-08');
    expect(nonZero(run.findings)).toEqual({ MATCHED: 1 });
    expect(findings).toEqual([]);
    expect(run.bill).toEqual({ invoiceTotal: 37800, linesTotal: 37800, payable: 37800, overbilled: 0, underbilled: 0 });
  });

  it('NOT_BILLED: a covered participant on no line of the bill', async () => {
    await insertBill(t.dataSource, '2025-09', []);
    const { run, findings } = await reconcile(t, '2025-09');
    expect(nonZero(run.findings)).toEqual({ NOT_BILLED: 1 });
    // no bill line had it: no billed NOKA, the register's apart (QA: the register's stood in the billed NOKA column)
    expect(findings[0]).toMatchObject({ category: 'NOT_BILLED', nik: nik(109), noka: null, registerNoka: '0000000000109', expectedAmount: 37800 });
    expect(run.bill).toMatchObject({ payable: 0, overbilled: 0, underbilled: 37800 });
    // the workbook's Temuan the same: NOKA empty, the number under NOKA di Daftar Peserta
    const temuan = (await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${run.id}/workbook.xlsx`))).body)).getWorksheet('Temuan')!;
    const header = temuan.getRow((temuan.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!);
    expect([5, 6, 7].map((c) => header.getCell(c).value)).toEqual(['NIK', 'NOKA', 'NOKA di Daftar Peserta']);
    expect([6, 7].map((c) => rowWhere(temuan, 5, nik(109)).getCell(c).value)).toEqual([null, '0000000000109']);
  });

  it('DOUBLE_COVERAGE: covered participants on the PBI-APBN list; unknown NIKs ignored; no bill, no bill findings', async () => {
    await insertPbiList(t.dataSource, '2025-10', [nik(110), nik(9998), nik(108)]);
    const { run, findings } = await reconcile(t, '2025-10');
    expect(run.bill).toBeNull();
    expect(nonZero(run.findings)).toEqual({ DOUBLE_COVERAGE: 1 });
    expect(findings[0]).toMatchObject({ category: 'DOUBLE_COVERAGE', nik: nik(110), billedAmount: 0, expectedAmount: 37800 });
    expect(findings[0].action).toBe('Peserta juga terdaftar PBI APBN: akhiri kepesertaan Jamkesda (masih ditanggung sampai operator mengakhirinya)');
    expect(run.participants).toBe(1);
    expect(run.obligation).toBe(37800);
  });
  // 2025-12, the latest month of this describe: reconciling it allocates the months before it, so it runs last
  it("NOKA_MISMATCH of the participant's former card: the action says the register replaced it and when, and records nothing (QA: it proposed writing the old card back)", async () => {
    await insertParticipants(t.dataSource, [{ nik: nik(115), noka: '0000000000115', ...only('2025-12') }]);
    // the card was replaced by an upload on 20 January 2026 (WIB), after December's bill was made with the old one
    await t.dataSource.query(
      `INSERT INTO participant_change (nik, kind, changes, changed_by, changed_at) VALUES ($1, 'UPDATE', $2::jsonb, 'operator', '2026-01-19T18:00:00Z')`,
      [nik(115), JSON.stringify({ noka: { old: '0000000000015', new: '0000000000115' } })],
    );
    await insertBill(t.dataSource, '2025-12', [{ nik: nik(115), noka: '0000000000015' }]);
    const { run, findings } = await reconcile(t, '2025-12');
    expect(nonZero(run.findings)).toEqual({ NOKA_MISMATCH: 1 }); // §7's category stays
    expect(findings[0].action).toBe(
      'NOKA pada tagihan (0000000000015) adalah kartu lama peserta ini, diganti menjadi 0000000000115 di daftar peserta pada 20 Januari 2026: ' +
        'bila BPJS masih memakai kartu lama, minta BPJS memperbarui NOKA peserta ini; data peserta tidak diubah',
    );
  });
});

/** DOMAIN §7: when several conditions hold, the first in §7 order wins; DOUBLE_COVERAGE is independent of the line. */
// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
describe('reconciliation: category precedence', () => {
  let t: TestApp;
  let findings: FindingItem[];
  let counts: Record<string, number>;
  const at = (row: number) => findings.find((f) => f.rowNumber === row)?.category ?? 'MATCHED';

  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [
      { nik: nik(1), noka: '0000000000001', tmt: '2024-01-01', tat: '2025-02-10', endReason: 'MENINGGAL' },
      { nik: nik(2), noka: '0000000000002', tmt: '2025-05-01' },
      { nik: nik(3), noka: '0000000000003', tmt: '2024-01-01' },
      { nik: nik(4), noka: null, tmt: '2024-01-01' },
      { nik: nik(5), noka: '0000000000005', tmt: '2024-01-01', tat: '2025-03-15', endReason: 'MENINGGAL' },
      { nik: nik(6), noka: '0000000000006', tmt: '2024-01-01', tat: '2025-02-28', endReason: 'PINDAH' },
      { nik: nik(7), noka: '0000000000007', tmt: '2024-01-01' },
    ]);
    await insertBill(t.dataSource, '2025-03', [
      { nik: nik(1), noka: '0000000000001', amount: 42000 }, // row 2: dead, wrong amount
      { nik: nik(1), noka: '0000000000001' }, // row 3: same NIK again
      { nik: nik(9001), noka: '0000000009001' }, // row 4: unregistered
      { nik: nik(9001), noka: '0000000009002' }, // row 5: unregistered, again
      { nik: nik(2), noka: '0000000000999', amount: 42000 }, // row 6: not yet covered, wrong NOKA and amount
      { nik: nik(3), noka: '0000000000999', amount: 42000 }, // row 7: wrong amount and wrong NOKA
      { nik: nik(4), noka: '0000000004444' }, // row 8: participant without NOKA
      { nik: nik(5), noka: '0000000000005' }, // row 9: died during the month: still covered
      { nik: nik(6), noka: '0000000000006' }, // row 10: moved out before the month
      { nik: nik(7), noka: '0000000000007' }, // row 11: on the PBI-APBN list as well
    ]);
    await insertPbiList(t.dataSource, '2025-03', [nik(7), nik(3)]);
    const result = await reconcile(t, '2025-03');
    findings = result.findings;
    counts = result.run.findings;
  });
  afterAll(() => t?.close());

  it('BILLED_AFTER_DEATH wins over AMOUNT_MISMATCH and NOT_COVERED; the second line of the NIK is DUPLICATE_BILLING', () => {
    expect(at(2)).toBe('BILLED_AFTER_DEATH');
    expect(at(3)).toBe('DUPLICATE_BILLING');
  });

  it('DUPLICATE_BILLING wins over NOT_REGISTERED for the second line of an unknown NIK', () => {
    expect(at(4)).toBe('NOT_REGISTERED');
    expect(at(5)).toBe('DUPLICATE_BILLING');
  });

  it('NOT_COVERED wins over AMOUNT_MISMATCH and NOKA_MISMATCH', () => expect(at(6)).toBe('NOT_COVERED'));
  it('AMOUNT_MISMATCH wins over NOKA_MISMATCH', () => expect(at(7)).toBe('AMOUNT_MISMATCH'));
  it('a participant without NOKA matches any NOKA', () => expect(at(8)).toBe('MATCHED'));
  it('a death during the month is not BILLED_AFTER_DEATH (still covered that month)', () => expect(at(9)).toBe('MATCHED'));
  it('an end other than death before the month is NOT_COVERED', () => expect(at(10)).toBe('NOT_COVERED'));

  it('DOUBLE_COVERAGE comes on top of the line category, with what the bill charges for the NIK', () => {
    expect([at(11), at(7)]).toEqual(['MATCHED', 'AMOUNT_MISMATCH']);
    const double = findings.filter((f) => f.category === 'DOUBLE_COVERAGE');
    expect(double.map((f) => [f.nik, f.billedAmount, f.expectedAmount])).toEqual([
      [nik(3), 42000, 37800],
      [nik(7), 37800, 37800],
    ]);
  });

  it('findings are numbered in category order, then file row', () => {
    expect(findings.map((f) => [f.category, f.rowNumber])).toEqual([
      ['DUPLICATE_BILLING', 3],
      ['DUPLICATE_BILLING', 5],
      ['NOT_REGISTERED', 4],
      ['BILLED_AFTER_DEATH', 2],
      ['NOT_COVERED', 6],
      ['NOT_COVERED', 10],
      ['AMOUNT_MISMATCH', 7],
      ['DOUBLE_COVERAGE', null],
      ['DOUBLE_COVERAGE', null],
    ]);
    expect(counts).toMatchObject({ MATCHED: 3, NOT_BILLED: 0, TOTAL_MISMATCH: 0 });
  });
});
