/**
 * §9: a finalized month's allocation and results are immutable. Its allocation used the budgets the
 * months before it left (§6), so those months are frozen with it; its workbook reads pledges and
 * payments as they stood when it was finalized. Before, a pledge created afterwards re-allocated
 * January–June and changed July's "Realisasi s.d. Bulan Ini".
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { billCsv, enrollmentCsv } from '../console/support/sheets.js';
import { download, formula, readWorkbook, rowOf } from '../reports/support/xlsx.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, nik } from './support/seed.js';
import { secondKeuangan } from './support/users.js';

jest.setTimeout(180_000);

const PEOPLE = [1, 2, 3].map((n) => ({ nik: nik(n), noka: `000000000000${n}` }));

describe('a finalized month stays as it was finalized', () => {
  let t: TestApp;
  let runId: string;
  let paguBefore: unknown[][];
  let juneBefore: unknown[];
  let juneRunId: string;
  let checker: Awaited<ReturnType<typeof secondKeuangan>>;
  beforeAll(async () => {
    t = await createTestApp();
    checker = await secondKeuangan(t);
    const finance = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, PEOPLE);
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 10 * 3 * 37800 }).expect(201);
    await insertBill(t.dataSource, '2026-07', PEOPLE);
    runId = (await finance.post('/api/v1/reconciliations').send({ month: '2026-07' }).expect(201)).body.id;
    await checker.post(`/api/v1/reconciliations/${runId}/finalize`).expect(201);
    paguBefore = await paguRows();
    juneBefore = await splitsOf('2026-06');
    t.clock.set(new Date('2026-11-20T03:00:00Z')); // later changes come after the finalization
  });
  afterAll(() => t?.close());

  const splitsOf = (month: string) => t.dataSource.query('SELECT nik, pledge_code, amount FROM split WHERE month = $1 ORDER BY nik, pledge_code', [month]);
  async function paguRows(): Promise<unknown[][]> {
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body);
    const ws: ExcelJS.Worksheet = wb.getWorksheet('Pagu & Realisasi')!;
    const rows = (ws.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    return rows.filter((r) => !JSON.stringify(r).includes('diunduh')); // the title line carries the download time
  }

  // QA, year end: the months a finalization froze without ever being reconciled were said nowhere; the Dasbor reads them here
  const frozenUnreconciled = async () => {
    const auditor = await t.as(Role.AUDITOR);
    const fromRun = (await auditor.get(`/api/v1/reconciliations/${runId}`).expect(200)).body.frozenUnreconciled;
    expect((await auditor.get('/api/v1/allocations/2026-07').expect(200)).body.frozenUnreconciled).toEqual(fromRun);
    return fromRun.map((f: { month: string; frozenBy: string; draftVersion: number | null }) => `${f.month}<${f.frozenBy}${f.draftVersion === null ? '' : ` draf v${f.draftVersion}`}`);
  };

  it('lists the months July froze without a finalized run (GET /reconciliations/:id, GET /allocations/:month); a frozen month still takes its bill', async () => {
    expect(await frozenUnreconciled()).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((m) => `${m}<2026-07`));
    const bill = billCsv(PEOPLE.map((p, i) => ({ noka: p.noka, nik: p.nik, name: `Peserta ${i + 1}`, amount: 37800 })));
    await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', '2026-05').field('invoiceTotal', String(3 * 37800)).attach('file', Buffer.from(bill), 'tagihan-mei.csv').expect(201);
  });

  it('refuses to re-allocate a month before it (409 MONTH_FROZEN), and leaves its splits', async () => {
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/allocations').send({ month: '2026-06' }).expect(409);
    expect(res.body).toMatchObject({ code: 'MONTH_FROZEN', details: { month: '2026-06', closedMonth: '2026-07' } });
    expect(res.body.message).toMatch(/bulan Juli 2026 sesudahnya sudah difinalisasi/);
  });

  it('a new first-priority pledge, a budget revision and a June payment (a correction: frozen June takes none of its own) change neither June nor July', async () => {
    const finance = await t.as(Role.KEUANGAN);
    const created = await finance.post('/api/v1/pledges').send({ code: 'APBD-BARU', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', priority: 1, budget: 1_000_000 }).expect(201);
    expect(created.body.closedMonths).toEqual(['2026-07']);
    await finance.patch('/api/v1/pledges/APBD-2026').send({ budget: 20 * 3 * 37800, reason: 'APBD-P' }).expect(200);
    const june = { pledgeCode: 'APBD-2026', month: '2026-06', amount: 113_400, paidAt: '2026-11-20', reference: 'SP2D 9' };
    const refused = await finance.post('/api/v1/payments').send(june).expect(409);
    expect(refused.body).toMatchObject({ code: 'MONTH_CLOSED', details: { month: '2026-06', closedMonth: '2026-07', field: 'month' } });
    await finance.post('/api/v1/payments').send({ ...june, month: '2026-11', adjustsMonth: '2026-06' }).expect(201);

    // August is allocated after them; before, it re-allocated January to June first.
    const august = await finance.post('/api/v1/allocations').send({ month: '2026-08' }).expect(201);
    expect(august.body.funded).toEqual(expect.arrayContaining([expect.objectContaining({ pledgeCode: 'APBD-BARU', participants: 3 })]));
    expect(await splitsOf('2026-06')).toEqual(juneBefore);
    expect(juneBefore).toHaveLength(3);
    expect(await paguRows()).toEqual(paguBefore);
    expect(JSON.stringify(paguBefore)).not.toContain('APBD-BARU');
  });

  it('on PostgreSQL the months July closed are durable (logged) and an open month stays UNLOGGED, recomputed after a crash', async () => {
    const persistence: { relname: string; relpersistence: string }[] = await t.dataSource.query(`
      SELECT c.relname, c.relpersistence FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent IN ('split'::regclass, 'obligation'::regclass) AND c.relname ~ '_2026_0[678]$' ORDER BY 1`);
    const open = process.env.DATABASE_URL ? 'u' : 'p'; // PGlite logs every table
    expect(persistence.map((p) => `${p.relname}:${p.relpersistence}`)).toEqual([
      'obligation_2026_06:p', 'obligation_2026_07:p', `obligation_2026_08:${open}`,
      'split_2026_06:p', 'split_2026_07:p', `split_2026_08:${open}`,
    ]);
  });

  it('reads and split queries do not report the frozen months as stale', async () => {
    const res = await (await t.as(Role.AUDITOR)).get(`/api/v1/splits?nik=${nik(1)}`).expect(200);
    expect(res.body.items.filter((s: { month: string }) => s.month <= '2026-07')).toHaveLength(7);
  });

  it('its workbook keeps the NOKA and name the run read when the register changes them later (QA: the signed attachment changed)', async () => {
    const operator = await t.as(Role.OPERATOR_DINKES);
    const sheet = enrollmentCsv([{ nik: nik(1), name: 'Nama Sesudah Finalisasi', birthDate: '1980-01-01', noka: '0000000000099', tmt: '2024-01-01' }]); // the seeded birth date: only the name and card change
    expect((await operator.post('/api/v1/enrollment-uploads').attach('file', Buffer.from(sheet), 'mutasi.csv').expect(201)).body).toMatchObject({ status: 'DONE', updated: 1 });
    expect((await operator.get(`/api/v1/participants/${nik(1)}`).expect(200)).body).toMatchObject({ name: 'Nama Sesudah Finalisasi', noka: '0000000000099' });
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body);
    const rincian = wb.getWorksheet('Rincian Peserta')!;
    const rows = (rincian.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(2, 5));
    expect(rows.filter((r) => String(r[0]).startsWith('1703'))).toEqual(PEOPLE.map((p) => [p.nik, p.noka, `Peserta ${p.nik.slice(-4)}`]));
    // back as it was, for the June bill below
    const undo = enrollmentCsv([{ nik: nik(1), name: 'Peserta 0001', birthDate: '1980-01-01', noka: PEOPLE[0].noka, tmt: '2024-01-01' }]);
    await operator.post('/api/v1/enrollment-uploads').attach('file', Buffer.from(undo), 'mutasi-kembali.csv').expect(201);
  });

  it('a frozen month is reconciled against the obligations it keeps: a death or a registration recorded later does not contradict what its funders pay', async () => {
    // Recorded after the freeze: participant 1 died in May, participant 9 was registered covered from March.
    await t.dataSource.query(`UPDATE participant SET tat = '2026-05-20', end_reason = 'MENINGGAL' WHERE nik = $1`, [nik(1)]);
    await insertParticipants(t.dataSource, [{ nik: nik(9), tmt: '2026-03-01' }]);
    await insertBill(t.dataSource, '2026-06', [...PEOPLE, { nik: nik(9) }]);
    const run = (await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-06' }).expect(201)).body;
    juneRunId = run.id;
    const findings = (await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${run.id}/findings?pageSize=50`).expect(200)).body.items;
    const byNik = new Map(findings.map((f: { nik: string; category: string }) => [f.nik, f.category]));
    // June's obligations (and splits) still hold participant 1: the line is payable, not "billed after death".
    expect(byNik.has(nik(1))).toBe(false);
    expect(byNik.get(nik(9))).toBe('NOT_COVERED');
    // ... and the officer hears that the register says otherwise now, and where a correction goes (QA: not a word)
    // (June has no PBI-APBN list here: NO_PBI_LIST, tested on its own in reconciliation.start-without-bill-warns)
    const drift = run.warnings.filter((w: { code: string }) => w.code !== 'NO_PBI_LIST');
    expect(drift).toEqual([
      {
        code: 'REGISTER_CHANGED_SINCE_FROZEN',
        message:
          'Juni 2026 sudah dibekukan (bulan sesudahnya difinalisasi): tagihannya dinilai dengan iuran saat dibekukan, tetapi daftar peserta sudah berubah: ' +
          `1 peserta yang berutang iuran bulan itu (Rp37.800) sudah tidak tercakup menurut daftar sekarang (berakhir atau meninggal sebelum bulan itu; NIK ${nik(1)}); ` +
          `1 peserta tercakup menurut daftar sekarang tetapi tidak berutang iuran bulan itu (terdaftar setelah dibekukan; NIK ${nik(9)}). ` +
          'Iuran bulan itu tidak dihitung ulang; catat koreksinya sebagai pembayaran penyesuaian pada bulan yang masih terbuka.',
      },
    ]);
    const detail = (await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${run.id}`).expect(200)).body;
    expect(detail).toMatchObject({ status: 'DONE' });
    // kept with the run, for whoever finalizes it and in its workbook (QA: said in the starting answer only)
    expect(detail.warnings).toEqual(run.warnings);
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${run.id}/workbook.xlsx`))).body);
    const ringkasan: string[] = [];
    wb.getWorksheet('Ringkasan')!.eachRow((r) => ringkasan.push(String(r.getCell(1).value)));
    expect(ringkasan).toEqual(expect.arrayContaining(['Peringatan saat rekonsiliasi dijalankan', drift[0].message]));
    expect(await splitsOf('2026-06')).toEqual(juneBefore);
  });

  it('finalized after a later revision, the frozen month’s Per Sumber Dana shows the terms it was allocated under (QA: the revision’s priority and quota)', async () => {
    const finance = await t.as(Role.KEUANGAN);
    const before = (await finance.get('/api/v1/pledges/APBD-2026').expect(200)).body;
    await finance.patch('/api/v1/pledges/APBD-2026').send({ priority: before.priority + 7, legalBasis: 'Perbup sesudah revisi', reason: 'urutan baru' }).expect(200);
    await checker.post(`/api/v1/reconciliations/${juneRunId}/finalize`).expect(201);
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${juneRunId}/workbook.xlsx`))).body);
    const rows = (wb.getWorksheet('Per Sumber Dana')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const apbd = rows.find((r) => r[0] === 'APBD-2026')!;
    expect(apbd[4]).toBe(before.priority); // Prioritas of revision 1, which allocated June
    expect(apbd[11] ?? null).toBe(before.legalBasis ?? null); // not 'Perbup sesudah revisi'
    expect(String(apbd[10])).toMatch(/^Revisi 1\b/);
    expect(String(apbd[10])).not.toContain('pagu di sheet ini');
    // every sheet's second title line says who ran and who finalized the run, and when this copy was downloaded (QA)
    const subtitle = String(wb.getWorksheet('Ringkasan')!.getCell('A2').value);
    expect(subtitle).toMatch(/^Bulan Juni 2026 · rekonsiliasi versi 1, Final · dijalankan oleh uji-keuangan \d.* · difinalisasi oleh uji-keuangan-2 \d.* · diunduh \d/);
  });

  it('a frozen month leaves the list once finalized, not when run: June (run, finalized, now freezing them) and May, billed while frozen, run (a draft, still listed) and finalized now', async () => {
    expect(await frozenUnreconciled()).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'].map((m) => `${m}<2026-06`));
    const may = (await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-05' }).expect(201)).body;
    expect(may.status).toBe('DONE');
    // an unsigned draft is no finalized reconciliation (QA: August–October, drafts only, were left out): listed as a draft
    expect(await frozenUnreconciled()).toEqual([...['2026-01', '2026-02', '2026-03', '2026-04'].map((m) => `${m}<2026-06`), '2026-05<2026-06 draf v1']);
    await checker.post(`/api/v1/reconciliations/${may.id}/finalize`).expect(201);
    expect(await frozenUnreconciled()).toEqual(['2026-01', '2026-02', '2026-03', '2026-04'].map((m) => `${m}<2026-05`));
  });
});

/**
 * §9: a correction of a closed month is recorded in an open month, so the open month's run says what the register now
 * contradicts in the year's closed months (QA, MAJOR: a death on 15 October 2026 recorded after November was finalized;
 * November had paid Rp37.800 for him, APBD Rp22.680 and the province 40% = Rp15.120, and December's run, workbook and
 * Berita Acara said nothing of it). Hand-computed: one OVER participant-month (November, Rp37.800 = 22.680 + 15.120);
 * one UNDER (a participant registered after the freeze with TMT 1 November 2026: November Rp37.800, October not covered).
 */
describe('corrections of closed months are said in the next open month', () => {
  let t: TestApp;
  let checker: Awaited<ReturnType<typeof secondKeuangan>>;
  let decemberRunId: string;
  const people = [1, 2, 3].map((n) => ({ nik: nik(n), noka: `000000000000${n}` }));
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-12-02T03:00:00Z'));
    checker = await secondKeuangan(t);
    const finance = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, people);
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL' }).expect(201);
    await finance.post('/api/v1/pledges').send({ code: 'APBD_PROV-2026', sourceType: 'APBD_PROV', funder: 'Pemprov', fiscalYear: 2026, scope: 'ALL', sharePercent: 40, priority: 10 }).expect(201);
    await insertBill(t.dataSource, '2026-11', people);
    const november = (await finance.post('/api/v1/reconciliations').send({ month: '2026-11' }).expect(201)).body;
    expect((await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${november.id}`).expect(200)).body.closedMonthCorrections).toMatchObject({ months: [], participantMonths: 0 });
    await checker.post(`/api/v1/reconciliations/${november.id}/finalize`).expect(201);

    // recorded after November was finalized: participant 1 died on 15 October; participant 9 registered, covered from November
    const operator = await t.as(Role.OPERATOR_DINKES);
    const death = enrollmentCsv([{ nik: nik(1), name: 'Peserta 0001', birthDate: '1980-01-01', noka: people[0].noka, tmt: '2024-01-01', tat: '2026-10-15', endReason: 'MENINGGAL' }]);
    expect((await operator.post('/api/v1/enrollment-uploads').attach('file', Buffer.from(death), 'kematian.csv').expect(201)).body).toMatchObject({ status: 'DONE', updated: 1 });
    await insertParticipants(t.dataSource, [{ nik: nik(9), tmt: '2026-11-01' }]);
    await insertBill(t.dataSource, '2026-12', [people[1], people[2], { nik: nik(9) }]);
    decemberRunId = (await finance.post('/api/v1/reconciliations').send({ month: '2026-12' }).expect(201)).body.id;
  });
  afterAll(() => t?.close());

  it("the open month's run has them: participant-months, the overpaid premium per pledge, the unpaid one", async () => {
    const run = (await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${decemberRunId}`).expect(200)).body;
    expect(run.closedMonthCorrections).toEqual({
      months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'],
      participantMonths: 2,
      over: { participantMonths: 1, amount: 37_800, funded: 37_800, months: ['2026-11'] },
      under: { participantMonths: 1, amount: 37_800, months: ['2026-11'] },
      byPledge: [
        { pledgeCode: 'APBD-2026', sourceType: 'APBD', amount: 22_680 },
        { pledgeCode: 'APBD_PROV-2026', sourceType: 'APBD_PROV', amount: 15_120 },
      ],
    });
    expect(run.closedMonthCorrections.items).toBeUndefined(); // the participant-months are the workbook's
    // November itself is untouched (§9)
    expect(await t.dataSource.query(`SELECT pledge_code, amount::int FROM split WHERE month = '2026-11' AND nik = $1 ORDER BY pledge_code COLLATE "C"`, [nik(1)])).toEqual([
      { pledge_code: 'APBD-2026', amount: 22_680 },
      { pledge_code: 'APBD_PROV-2026', amount: 15_120 },
    ]);
  });

  it("a frozen month's rerun lists only the closed months before it: October run again does not repeat November's, which December's run lists (QA: two Berita Acara said to claim the same premium back)", async () => {
    const october = (await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-10' }).expect(201)).body.id;
    expect((await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${october}`).expect(200)).body.closedMonthCorrections).toMatchObject({
      months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'],
      participantMonths: 0,
      byPledge: [],
    });
  });

  it('the workbook lists them one per participant-month in Koreksi Peserta Bulan Tertutup, totals as formulas, and names them in Ringkasan and Berita Acara', async () => {
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${decemberRunId}/workbook.xlsx`))).body);
    const ws = wb.getWorksheet('Koreksi Peserta Bulan Tertutup')!;
    const header = (ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!;
    expect((ws.getRow(header).values as unknown[]).slice(1)).toEqual([
      'No', 'Bulan', 'NIK', 'Nama', 'Desa', 'Kecamatan', 'Jenis', 'Alasan', 'Iuran Tersimpan (Rp)',
      'Didanai APBD-2026 (Rp)', 'Didanai APBD_PROV-2026 (Rp)', 'Kelebihan Iuran (Rp)', 'Kekurangan Iuran (Rp)', 'Usulan Tindakan',
    ]);
    expect(ws.autoFilter).toBeTruthy();
    // plain Indonesian, no spec section, in a signed attachment (proofreader: "(Finalisasi/Dibekukan)", "(DOMAIN §9)")
    const column1 = Array.from(ws.getColumn(1).values as unknown[], (v) => String(v ?? ''));
    expect(column1.some((v) => v.includes('Koreksi Iuran Bulan Tertutup (Difinalisasi/Dibekukan)'))).toBe(true);
    expect(column1.find((v) => v.startsWith('Bulan yang sudah ditutup tidak dihitung ulang'))).toMatch(/^Bulan yang sudah ditutup tidak dihitung ulang: .*Koreksi dicatat pada bulan yang masih terbuka\.$/);
    expect(column1.filter((v) => v.includes('§') || v.includes('DOMAIN'))).toEqual([]);
    const rows = [header + 1, header + 2].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[6], r[7], r[8], r[9] ?? null, r[10] ?? null, r[11] ?? null, r[12] ?? null])).toEqual([
      [1, 'November 2026', nik(1), 'Peserta 0001', 'Kelebihan iuran', 'TAT 15/10/2026 (meninggal) sebelum bulan itu, dicatat sesudah bulan itu ditutup', 37_800, 22_680, 15_120, 37_800, null],
      [2, 'November 2026', nik(9), 'Peserta 0009', 'Kekurangan iuran', expect.stringMatching(/TMT 01\/11\/2026/), 0, null, null, null, 37_800],
    ]);
    expect(ws.getRow(header + 1).getCell(3).type).toBe(3); // NIK as text (ExcelJS ValueType.String)
    expect(rows[0][13]).toBe(
      'Tagih kembali ke BPJS Kesehatan Rp37.800 yang dibayar untuk November 2026; catat koreksi negatif November 2026 per komitmen (APBD-2026 Rp22.680, APBD_PROV-2026 Rp15.120) pada bulan yang masih terbuka.',
    );
    // the months named, and who decides the shortfall's pledge (QA: "bulan itu" referred to nothing)
    expect(rows[1][13]).toBe(
      'Iuran Rp37.800 tidak dialokasikan untuk November 2026: periksa tagihan BPJS November 2026; bila ditagih, bayar dan catat sebagai pembayaran koreksi November 2026 ' +
        'pada bulan yang masih terbuka, dari komitmen yang ditentukan petugas keuangan (bulan yang sudah ditutup tidak dialokasikan ulang).',
    );
    const total = rowOf(ws, 'JUMLAH');
    expect(total.number).toBe(header + 3);
    expect([9, 10, 11, 12, 13].map((c) => formula(total.getCell(c)))).toEqual(
      ['I', 'J', 'K', 'L', 'M'].map((col, i) => ({ formula: `SUM(${col}${header + 1}:${col}${header + 2})`, result: [37_800, 22_680, 15_120, 37_800, 37_800][i] })),
    );

    const ringkasan = wb.getWorksheet('Ringkasan')!;
    expect([2, 3].map((c) => rowOf(ringkasan, 'Kelebihan iuran (peserta-bulan yang tidak tercakup lagi)').getCell(c).value)).toEqual([1, 37_800]);
    const berita = wb.getWorksheet('Berita Acara')!;
    expect(rowOf(ringkasan, 'Kekurangan iuran (peserta-bulan tercakup tanpa iuran)').getCell(4).value).toBe(
      'November 2026: bayar sebagai koreksi dari komitmen yang ditentukan petugas keuangan; rincian per peserta di sheet Koreksi Peserta Bulan Tertutup.',
    );
    const over = rowOf(berita, 'Koreksi daftar peserta bulan tertutup (November 2026): kelebihan iuran 1 peserta-bulan, ditagih kembali ke BPJS Kesehatan (APBD-2026 Rp22.680, APBD_PROV-2026 Rp15.120)');
    expect([2, 3].map((c) => over.getCell(c).value)).toEqual([37_800, 'tiga puluh tujuh ribu delapan ratus rupiah']);
    const under = 'Koreksi daftar peserta bulan tertutup (November 2026): kekurangan iuran 1 peserta-bulan, dibayar sebagai koreksi dari komitmen yang ditentukan petugas keuangan (rincian per peserta: sheet Koreksi Peserta Bulan Tertutup)';
    expect(rowOf(berita, under).getCell(2).value).toBe(37_800);
  });

  it('a finalized run keeps the corrections it was signed with; a register change since makes a DONE run unsignable until run again', async () => {
    const operator = await t.as(Role.OPERATOR_DINKES);
    const died = (n: number, tat: string) =>
      enrollmentCsv([{ nik: nik(n), name: `Peserta 000${n}`, birthDate: '1980-01-01', noka: people[n - 1].noka, tmt: '2024-01-01', tat, endReason: 'MENINGGAL' }]);
    // participant 2 reported dead on 20 October, after the run: December's allocation is recomputed, so its run no longer holds
    await operator.post('/api/v1/enrollment-uploads').attach('file', Buffer.from(died(2, '2026-10-20')), 'kematian-2.csv').expect(201);
    const refused = await checker.post(`/api/v1/reconciliations/${decemberRunId}/finalize`).expect(409);
    expect(refused.body).toMatchObject({ code: 'INPUTS_CHANGED' });
    expect(refused.body.message).toContain('alokasi bulan Desember 2026 perlu dihitung ulang');
    // run again: two participant-months over (November of participants 1 and 2), finalized
    const again = (await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-12' }).expect(201)).body.id;
    const over = { participantMonths: 2, amount: 75_600, funded: 75_600, months: ['2026-11'] };
    expect((await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${again}`).expect(200)).body.closedMonthCorrections).toMatchObject({
      over,
      byPledge: [expect.objectContaining({ amount: 45_360 }), expect.objectContaining({ amount: 30_240 })],
    });
    await checker.post(`/api/v1/reconciliations/${again}/finalize`).expect(201);
    // after the finalization the register moves again (participant 3 dead on 25 October): the signed run and workbook do not
    await operator.post('/api/v1/enrollment-uploads').attach('file', Buffer.from(died(3, '2026-10-25')), 'kematian-3.csv').expect(201);
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${again}/workbook.xlsx`))).body);
    expect(formula(rowOf(wb.getWorksheet('Koreksi Peserta Bulan Tertutup')!, 'JUMLAH').getCell(12)).result).toBe(75_600);
    expect((await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${again}`).expect(200)).body.closedMonthCorrections.over).toEqual(over);
  });

  it("a correction of December recorded in January is neither January's overpayment nor its shortfall (QA: \"Kelebihan pembayaran komitmen Rp122.200\")", async () => {
    t.clock.set(new Date('2027-01-05T03:00:00Z'));
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2027-01', amount: 122_200, paidAt: '2027-01-05', reference: 'SP2D KOREKSI DES', adjustsMonth: '2026-12' }).expect(201);
    const january = (await finance.post('/api/v1/reconciliations').send({ month: '2027-01' }).expect(201)).body;
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${january.id}/workbook.xlsx`))).body);
    const pembayaran = wb.getWorksheet('Pembayaran')!;
    // Dibayar, Koreksi Bulan Sebelumnya, Selisih Pembayaran Bulan Ini − Terutang, Status
    expect([5, 6, 7, 8].map((c) => rowOf(pembayaran, 'APBD-2026').getCell(c).value)).toEqual([122_200, 122_200, 0, 'Tidak ada iuran bulan ini; hanya koreksi Desember 2026 Rp122.200']);
    expect(formula(rowOf(pembayaran, 'Jumlah kelebihan pembayaran (komitmen yang lebih bayar)').getCell(7)).result).toBe(0);
    expect(formula(rowOf(pembayaran, 'Koreksi bulan sebelumnya yang dicatat bulan ini (bukan kelebihan/kekurangan bulan ini)').getCell(6)).result).toBe(122_200);
    const berita = wb.getWorksheet('Berita Acara')!;
    const labels: string[] = [];
    berita.eachRow((r) => labels.push(String(r.getCell(1).value)));
    expect(labels).not.toContain('Kelebihan pembayaran komitmen');
    expect(rowOf(berita, 'Koreksi bulan sebelumnya (Desember 2026), termasuk dalam jumlah dibayar').getCell(2).value).toBe(122_200);
  });

  it('a month whose only payment is a refund (a negative correction) reads so in Pembayaran, and the Berita Acara says the refund on its own line (QA: "Dibayar sebagian", "minus …")', async () => {
    const finance = await t.as(Role.KEUANGAN);
    // November's Rp15.120 paid by the province for participant 1 (dead in October) given back, recorded in January
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by) VALUES ('APBD_PROV-2026', '2027-01', -15120, '2027-01-06', 'NK-BPJS/11', '2026-11', 'uji')`,
    );
    const january = (await finance.post('/api/v1/reconciliations').send({ month: '2027-01' }).expect(201)).body;
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${january.id}/workbook.xlsx`))).body);
    expect(rowOf(wb.getWorksheet('Pembayaran')!, 'APBD_PROV-2026').getCell(8).value).toBe('Pengembalian kelebihan bayar (koreksi November 2026) Rp15.120; tidak ada iuran bulan ini');
    const berita = wb.getWorksheet('Berita Acara')!;
    const words: string[] = [];
    berita.eachRow((r) => words.push(String(r.getCell(3).value)));
    expect(words.filter((w) => w.startsWith('minus'))).toEqual([]);
    expect([2, 3].map((c) => rowOf(berita, 'Jumlah dibayar').getCell(c).value)).toEqual([
      expect.objectContaining({ result: 122_200 }),
      'seratus dua puluh dua ribu dua ratus rupiah',
    ]);
    const refunds: unknown[][] = [];
    berita.eachRow((r) => {
      if (String(r.getCell(1).value).startsWith('Pengembalian')) refunds.push([1, 2, 3].map((c) => r.getCell(c).value));
    });
    expect(refunds).toEqual([
      [expect.stringMatching(/^Pengembalian kelebihan bayar bulan sebelumnya \(koreksi November 2026: .+ Rp15\.120\), tidak termasuk dalam jumlah dibayar$/), 15_120, 'lima belas ribu seratus dua puluh rupiah'],
    ]);
    const labels: string[] = [];
    berita.eachRow((r) => labels.push(String(r.getCell(1).value)));
    expect(labels.filter((l) => l.startsWith('Dibayar oleh'))).toHaveLength(2); // the province's line reads Rp0, not -Rp15.120
    expect(rowOf(berita, 'Koreksi bulan sebelumnya (Desember 2026), termasuk dalam jumlah dibayar').getCell(2).value).toBe(122_200);
  });

  /*
   * QA, MAJOR, at the year turn: December 2026 finalized, then in January a death on 20 November 2026 is recorded for
   * participant 9 (covered from November, paid for in December); January 2027's run said nothing of December, since only
   * its own year was compared. Its run now compares 2026's closed months too. Hand-computed, November and December
   * finalized (December's run was signed before participant 3's death on 25 October was recorded): OVER November
   * participants 1, 2 and 3, December participants 3 and 9 (TAT 20/11 leaves November covered): 5 × Rp37.800 = Rp189.000,
   * APBD 5 × Rp22.680 = Rp113.400, province 5 × Rp15.120 = Rp75.600; UNDER November participant 9 (registered late), Rp37.800.
   */
  it("January's run lists the corrections of the year before's closed months: December 2026's death recorded in January 2027, named with its year", async () => {
    const death = enrollmentCsv([{ nik: nik(9), name: 'Peserta 0009', birthDate: '1980-01-01', tmt: '2026-11-01', tat: '2026-11-20', endReason: 'MENINGGAL' }]);
    const upload = (await (await t.as(Role.OPERATOR_DINKES)).post('/api/v1/enrollment-uploads').attach('file', Buffer.from(death), 'kematian-9.csv').expect(201)).body;
    expect(upload).toMatchObject({ status: 'DONE', updated: 1 });
    const [warned] = await t.dataSource.query(`SELECT code, message FROM upload_issue WHERE upload_id = $1 AND code = 'CLOSED_MONTH_UNCHANGED'`, [upload.id]);
    expect(warned.message).toContain('Desember 2026');
    const january = (await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2027-01' }).expect(201)).body.id;
    const run = (await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${january}`).expect(200)).body;
    expect(run.closedMonthCorrections).toEqual({
      months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'],
      participantMonths: 6,
      over: { participantMonths: 5, amount: 189_000, funded: 189_000, months: ['2026-11', '2026-12'] },
      under: { participantMonths: 1, amount: 37_800, months: ['2026-11'] },
      byPledge: [
        { pledgeCode: 'APBD-2026', sourceType: 'APBD', amount: 113_400 },
        { pledgeCode: 'APBD_PROV-2026', sourceType: 'APBD_PROV', amount: 75_600 },
      ],
    });
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${january}/workbook.xlsx`))).body);
    const ws = wb.getWorksheet('Koreksi Peserta Bulan Tertutup')!;
    const header = (ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!;
    const december: unknown[][] = [];
    ws.eachRow((r, n) => {
      if (n > header && r.getCell(2).value === 'Desember 2026') december.push([r.getCell(3).value, r.getCell(14).value]);
    });
    const action = 'Tagih kembali ke BPJS Kesehatan Rp37.800 yang dibayar untuk Desember 2026; catat koreksi negatif Desember 2026 per komitmen (APBD-2026 Rp22.680, APBD_PROV-2026 Rp15.120) pada bulan yang masih terbuka.';
    expect(december).toEqual([[nik(3), action], [nik(9), action]]);
    expect(rowOf(wb.getWorksheet('Ringkasan')!, 'Kelebihan iuran (peserta-bulan yang tidak tercakup lagi)').getCell(4).value).toBe(
      'November–Desember 2026: tagih kembali ke BPJS Kesehatan; didanai APBD-2026 Rp113.400, APBD_PROV-2026 Rp75.600.',
    );
    const over = rowOf(wb.getWorksheet('Berita Acara')!, 'Koreksi daftar peserta bulan tertutup (November–Desember 2026): kelebihan iuran 5 peserta-bulan, ditagih kembali ke BPJS Kesehatan (APBD-2026 Rp113.400, APBD_PROV-2026 Rp75.600)');
    expect(over.getCell(2).value).toBe(189_000);
  });
});
