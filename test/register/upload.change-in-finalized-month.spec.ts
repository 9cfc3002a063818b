import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { closeMonth } from '../funding/support/register.js';
import { upload } from './support.js';
import { FROZEN_MONTHS } from '../../src/periods/sql/frozen-allocations.sql.js';
import { WARN_CLOSED_MONTH } from '../../src/register/sql/closed-month-warnings.sql.js';

/**
 * §4/§9: a register change that moves the coverage of a finalized month is taken, with a warning
 * that the month is not recomputed (QA: a death reported after its month was signed went in silently).
 * So is a new registration whose coverage reaches a finalized month: it is not counted there. On
 * PostgreSQL new rows are promoted while the file is read (copied straight into the register, or
 * moved from staging batch by batch); those specs run on both databases.
 */
describe('enrollment: a change of coverage in a finalized month is accepted with a warning', () => {
  let t: TestApp;
  const header = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,TMT,TAT,ALASAN_BERAKHIR';
  const person = (i: number) => `17030641016000${String(i).padStart(2, '0')},1703060101200001,Peserta ${i},1960-01-01,P,17.03.06.2001`;
  const csv = (...rows: string[]) => ({ name: `mutasi-${rows.length}.csv`, content: Buffer.from([header, ...rows].join('\n') + '\n') });
  // September is frozen by October's finalization (§6 budgets): never recomputed either
  const SEPTEMBER_OCTOBER = '2 bulan yang sudah ditutup, September–Oktober 2026 (Oktober 2026 sudah difinalisasi, bulan sebelumnya pada tahun itu ikut dibekukan)';
  const newRegistration = (tmtLabel: string, tmt = '1 September 2026', months = SEPTEMBER_OCTOBER) =>
    `${tmtLabel} ${tmt} pada pendaftaran baru ini menyangkut ${months}: peserta ini tidak dihitung pada bulan-bulan itu, ` +
    'dan iuran bulan-bulan itu tidak dihitung ulang. Bila iuran peserta ini untuk bulan-bulan itu harus dibayar, ' +
    'catat sebagai pembayaran penyesuaian untuk setiap bulan itu ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.';
  const newRegistrationOneMonth = (tmtLabel: string, tmt: string, month: string) =>
    `${tmtLabel} ${tmt} pada pendaftaran baru ini menyangkut bulan ${month}: peserta ini tidak dihitung pada bulan itu, ` +
    'dan iuran bulan itu tidak dihitung ulang. Bila iuran peserta ini untuk bulan itu harus dibayar, catat sebagai pembayaran penyesuaian ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.';
  /** A sheet of the upload's report, its rows by header (Peringatan's header is on its second line, under its note). */
  const reportRows = async (uploadId: string, sheet: 'Perbaiki' | 'Peringatan' = 'Perbaiki') => {
    const res = await (await t.as(Role.OPERATOR_DINKES))
      .get(`/api/v1/enrollment-uploads/${uploadId}/report.xlsx`)
      .buffer(true)
      .parse((r: any, cb: (err: Error | null, body: Buffer) => void) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    // by header: the report lays the file's columns out in its order, the ones it lacked (NOKA) after them
    const ws = wb.getWorksheet(sheet);
    if (!ws) return [];
    const [header, ...rows] = (ws.getSheetValues() as unknown[][]).slice(sheet === 'Perbaiki' ? 1 : 2);
    const names = Array.from(header, (name) => String(name)); // sparse (ExcelJS starts at 1): holes read as "undefined"
    return rows.map((r) => Object.fromEntries(names.map((name, k) => [name, r[k]])) as Record<string, unknown>);
  };
  const columns = (...names: string[]) => (r: Record<string, unknown>) => names.map((name) => r[name]);
  const findings = async (uploadId: string) =>
    (await t.dataSource.query('SELECT row_number, severity, column_name, code, message FROM upload_issue WHERE upload_id = $1 ORDER BY row_number, column_name DESC', [uploadId])) as {
      row_number: number;
      code: string;
      column_name: string;
      message: string;
    }[];

  beforeAll(async () => {
    t = await createTestApp();
    await upload(t, csv(...[1, 2, 3, 4, 5].map((i) => `${person(i)},2025-01-01,,`)));
    await closeMonth(t.dataSource, '2026-10');
  });
  afterAll(() => t.close());

  it('warns for a TAT or TMT that changes a finalized month, names that month, and takes the row', async () => {
    const res = await upload(
      t,
      csv(
        `${person(1)},2025-01-01,2026-09-20,MENINGGAL`, // no longer covered from October: October is finalized
        `${person(2)},2025-01-01,2026-10-15,MENINGGAL`, // covered in October still (TAT ≥ 1 October): November on is open
        `${person(3)},2026-11-05,,`, // TMT later: October no longer covered (TMT 2026-10-20 would still cover it)
        `${person(4)},2025-01-01,,`, // unchanged
      ),
    );
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 4, rejected: 0, warnings: 2, updated: 3 });
    const found = await findings(res.body.id);
    expect(found.map((f) => [f.row_number, f.code, f.column_name])).toEqual([
      [2, 'CLOSED_MONTH_UNCHANGED', 'TAT'],
      [4, 'CLOSED_MONTH_UNCHANGED', 'TMT'],
    ]);
    expect(found[0].message).toBe(
      'Perubahan TAT ini menyangkut bulan Oktober 2026 yang sudah difinalisasi: iuran bulan itu tidak dihitung ulang. ' +
        'Bila karenanya ada iuran yang kelebihan atau kekurangan bayar, catat sebagai pembayaran penyesuaian ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.',
    );
    const [dead] = await t.dataSource.query(`SELECT tat::text FROM participant WHERE nik = '1703064101600001'`);
    expect(dead.tat).toBe('2026-09-20');
    // the rows were taken: the report lists their warnings on Peringatan, not on Perbaiki, so uploaded back it cannot re-apply them
    expect(await reportRows(res.body.id)).toEqual([]);
    expect((await reportRows(res.body.id, 'Peringatan')).map(columns('BARIS', 'NIK', 'KOLOM', 'KETERANGAN'))).toEqual([
      [2, '1703064101600001', 'TAT', found[0].message],
      [4, '1703064101600003', 'TMT', found[1].message],
    ]);
  });

  it('warns for a change that moves frozen months and the finalized one, naming every one of them and how many', async () => {
    const res = await upload(t, csv(`${person(3)},2026-08-01,,`)); // TMT 5 November → 1 August: August–October change
    expect(res.body).toMatchObject({ accepted: 1, warnings: 1 });
    const [found] = await findings(res.body.id);
    expect(found.message).toBe(
      'Perubahan TMT ini menyangkut 3 bulan yang sudah ditutup, Agustus–Oktober 2026 (Oktober 2026 sudah difinalisasi, bulan sebelumnya pada tahun itu ikut dibekukan): ' +
        'iuran bulan-bulan itu tidak dihitung ulang. Bila karenanya ada iuran yang kelebihan atau kekurangan bayar, ' +
        'catat sebagai pembayaran penyesuaian untuk setiap bulan itu ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.',
    );
  });

  it('warns when an end inside a finalized month is taken back', async () => {
    const res = await upload(t, csv(`${person(1)},2025-01-01,,`));
    const found = await findings(res.body.id);
    expect(found.map((f) => f.code).sort()).toEqual(['CLOSED_MONTH_UNCHANGED', 'REINSTATED']);
  });

  it('says nothing for a change that only moves open months', async () => {
    const res = await upload(t, csv(`${person(5)},2025-01-01,2026-11-30,PINDAH`));
    expect(res.body).toMatchObject({ accepted: 1, warnings: 0 });
  });

  it('warns a new registration whose coverage reaches a finalized or frozen month, naming every such month; not one starting after the finalized month', async () => {
    const res = await upload(
      t,
      csv(
        `${person(11)},2026-09-01,,`, // covered in September (frozen) and October (finalized): warned, naming both
        `${person(12)},2026-11-01,,`, // from November on: open months only
        `${person(13)},2026-01-01,2026-09-30,PINDAH`, // ended before October, but January–September are frozen: warned
        `${person(14)},2026-10-01,2026-10-01,MENINGGAL`, // covered on 1 October only: warned, naming October
      ),
    );
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 4, rejected: 0, warnings: 3, created: 4, updated: 0 });
    const found = await findings(res.body.id);
    expect(found.map((f) => [f.row_number, f.code, f.column_name])).toEqual([
      [2, 'CLOSED_MONTH_UNCHANGED', 'TMT'],
      [4, 'CLOSED_MONTH_UNCHANGED', 'TMT'],
      [5, 'CLOSED_MONTH_UNCHANGED', 'TMT'],
    ]);
    expect(found.map((f) => f.message)).toEqual([
      newRegistration('TMT'),
      newRegistration('TMT', '1 Januari 2026', '9 bulan yang sudah ditutup, Januari–September 2026 (Oktober 2026 sudah difinalisasi, sehingga bulan-bulan itu dibekukan)'),
      newRegistrationOneMonth('TMT', '1 Oktober 2026', 'Oktober 2026 yang sudah difinalisasi'),
    ]);
    // registered as the file says (the finalized month is not recomputed, README)
    const registered = await t.dataSource.query(`SELECT nik, tmt::text FROM participant WHERE nik IN ('1703064101600011', '1703064101600014') ORDER BY nik`);
    expect(registered).toEqual([
      { nik: '1703064101600011', tmt: '2026-09-01' },
      { nik: '1703064101600014', tmt: '2026-10-01' },
    ]);
    // the row report lists the warnings on Peringatan with the message, like a change's warning
    expect((await reportRows(res.body.id, 'Peringatan')).map(columns('BARIS', 'NIK', 'KOLOM', 'KETERANGAN'))).toEqual([
      [2, '1703064101600011', 'TMT', found[0].message],
      [4, '1703064101600013', 'TMT', found[1].message],
      [5, '1703064101600014', 'TMT', found[2].message],
    ]);
  });

  it('warns the new registrations of a batch that also changes registered participants, naming the TMT column as the file does', async () => {
    const aliasCsv = (...rows: string[]) => ({
      name: 'campuran.csv',
      content: Buffer.from([header.replace(',TMT,', ',Tanggal Mulai,'), ...rows].join('\n') + '\n'),
    });
    const res = await upload(
      t,
      aliasCsv(
        `${person(21)},2026-12-01,,`, // new, open months only
        `${person(4)},2025-01-01,2026-09-30,PINDAH`, // registered: ended before October, which is finalized
        `${person(22)},2026-09-01,,`, // new, covered in October
        `${person(12)},2026-11-01,,`, // registered, unchanged
      ),
    );
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 4, rejected: 0, warnings: 2, created: 2, updated: 1, unchanged: 1 });
    const found = await findings(res.body.id);
    expect(found.map((f) => [f.row_number, f.code, f.column_name])).toEqual([
      [3, 'CLOSED_MONTH_UNCHANGED', 'TAT'],
      [4, 'CLOSED_MONTH_UNCHANGED', 'Tanggal Mulai'],
    ]);
    expect(found[1].message).toBe(newRegistration('Tanggal Mulai'));
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM participant WHERE nik IN ('1703064101600021', '1703064101600022')`)).toEqual([{ n: 2 }]);
  });
  it('names the column whose change touches the closed months: TMT moved later beside a TAT moved within open months; both when both do (QA: TAT was named for the TMT\'s months)', async () => {
    await upload(t, csv(`${person(31)},2025-01-01,2027-01-31,PINDAH`, `${person(32)},2025-01-01,,`));
    const res = await upload(
      t,
      csv(
        `${person(31)},2026-08-01,2026-12-05,PINDAH`, // TMT: January–July 2026 no longer covered; TAT 31/01/2027 → 05/12/2026: January 2027 only, open
        `${person(32)},2026-08-01,2026-09-15,MENINGGAL`, // TMT: January–July; TAT: October (finalized) no longer covered
      ),
    );
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 2, warnings: 2, updated: 2 });
    const found = await findings(res.body.id);
    const sevenMonths =
      'Perubahan TMT ini menyangkut 7 bulan yang sudah ditutup, Januari–Juli 2026 (Oktober 2026 sudah difinalisasi, sehingga bulan-bulan itu dibekukan): ' +
      'iuran bulan-bulan itu tidak dihitung ulang. Bila karenanya ada iuran yang kelebihan atau kekurangan bayar, ' +
      'catat sebagai pembayaran penyesuaian untuk setiap bulan itu ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.';
    expect(found.map((f) => [f.row_number, f.column_name, f.message])).toEqual([
      [2, 'TMT', sevenMonths],
      [3, 'TMT', sevenMonths],
      [
        3,
        'TAT',
        'Perubahan TAT ini menyangkut bulan Oktober 2026 yang sudah difinalisasi: iuran bulan itu tidak dihitung ulang. ' +
          'Bila karenanya ada iuran yang kelebihan atau kekurangan bayar, catat sebagai pembayaran penyesuaian ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.',
      ],
    ]);
    // the row report's Peringatan has a line per warning, a row's in its columns' order (TMT before TAT)
    const rows = await reportRows(res.body.id, 'Peringatan');
    expect(rows.map(columns('BARIS', 'NIK', 'KOLOM'))).toEqual([
      [2, '1703064101600031', 'TMT'],
      [3, '1703064101600032', 'TMT'],
      [3, '1703064101600032', 'TAT'],
    ]);
    expect(String(rows[1].KETERANGAN)).toContain('Perubahan TMT ini menyangkut 7 bulan');
    expect(String(rows[2].KETERANGAN)).toContain('Perubahan TAT ini menyangkut bulan Oktober 2026');
  });

  it('the frozen months are costed as the few rows they are, closed_month analyzed or not (QA: a 2 s JIT compile of the warning)', async () => {
    // closed_month gains a dozen rows a year: autovacuum never analyzes it. Without statistics it was
    // guessed at 700 rows of 1,000 months each, and WARN_CLOSED_MONTH costed past jit_above_cost (100,000).
    const estimate = async () => {
      const [{ 'QUERY PLAN': [frozen] }] = await t.dataSource.query(`EXPLAIN (FORMAT JSON) SELECT * FROM ${FROZEN_MONTHS} f`);
      const [{ 'QUERY PLAN': [warn] }] = await t.dataSource.query(`EXPLAIN (FORMAT JSON) ${WARN_CLOSED_MONTH}`, ['00000000-0000-4000-8000-000000000001', 'TAT', 'TMT']);
      return { months: frozen.Plan['Plan Rows'], warnCost: warn.Plan['Total Cost'] };
    };
    await t.dataSource.query(`UPDATE pg_class SET reltuples = -1, relpages = 0 WHERE oid = 'closed_month'::regclass`); // as never analyzed
    const unanalyzed = await estimate();
    expect(unanalyzed.months).toBeLessThanOrEqual(120);
    expect(unanalyzed.warnCost).toBeLessThan(100_000);
    await t.dataSource.query('ANALYZE closed_month');
    expect((await estimate()).warnCost).toBeLessThan(100_000);
    expect(await t.dataSource.query(`SELECT month, closed FROM ${FROZEN_MONTHS} f ORDER BY month`)).toEqual(
      Array.from({ length: 10 }, (_, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, closed: '2026-10' })),
    );
  });
});
