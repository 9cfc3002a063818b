import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issues, upload } from './support.js';
import { closeMonth } from '../funding/support/register.js';
import { download, readWorkbook } from '../reports/support/xlsx.js';
import { monthsSaid, sqlMonthsSaid } from '../../src/common/month.js';
import { returnAfterGap } from '../../src/register/sql/coverage-warnings.sql.js';
import { consoleModule } from '../console/support/console-module.js';

describe('a register change marks open allocated months stale, closed months stay as they are', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await upload(t, 'ok/basic.xlsx');
    const [run] = await t.dataSource.query(
      "INSERT INTO reconciliation_run (month, version, status, started_by) VALUES ('2026-01', 1, 'FINAL', 'uji') RETURNING id",
    );
    await t.dataSource.query("INSERT INTO closed_month (month, run_id, closed_by) VALUES ('2026-01', $1, 'uji')", [run.id]);
    await t.dataSource.query(
      `INSERT INTO allocation_month (month, fiscal_year, status) VALUES ('2026-01', 2026, 'CURRENT'), ('2026-02', 2026, 'CURRENT')`,
    );
  });
  afterAll(() => t.close());

  const statuses = async () =>
    Object.fromEntries((await t.dataSource.query('SELECT month, status FROM allocation_month ORDER BY month')).map((r: { month: string; status: string }) => [r.month, r.status]));

  it('the same file again changes nothing and leaves allocations current', async () => {
    await upload(t, 'ok/basic.xlsx');
    expect(await statuses()).toEqual({ '2026-01': 'CURRENT', '2026-02': 'CURRENT' });
  });

  it('a changed participant makes the open month stale, not the closed one', async () => {
    await upload(t, 'ok/basic-changed.xlsx');
    expect(await statuses()).toEqual({ '2026-01': 'CURRENT', '2026-02': 'STALE' });
  });
});

/**
 * CLOSED_MONTH_UNCHANGED names EVERY closed month a change touches, and how many (QA: a death on
 * 10 February 2025 with March–May 2025 frozen named only March, so April and May were never
 * corrected; a resident added late with TMT 1 January 2025 was told of January only). A village move
 * (KODE_DESA) is warned too: closed months keep the old village (QA: it went in without a word).
 */
describe('enrollment: a change in closed months names all of them', () => {
  let t: TestApp;
  const header = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,TMT,TAT,ALASAN_BERAKHIR';
  const person = (i: number) => `17030641016000${String(i).padStart(2, '0')},1703060101200001,Peserta ${i},1960-01-01,P,17.03.06.2001`;
  const csv = (...rows: string[]) => ({ name: 'mutasi.csv', content: Buffer.from([header, ...rows].join('\n') + '\n') });
  const adjust = 'catat sebagai pembayaran penyesuaian untuk setiap bulan itu ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.';

  beforeAll(async () => {
    t = await createTestApp();
    await upload(t, csv(`${person(1)},2024-06-01,,`, `${person(4)},2024-06-01,,`, `${person(6)},2025-07-01,,`));
    await closeMonth(t.dataSource, '2025-05'); // January–April 2025 frozen by it
  });
  afterAll(() => t.close());

  it('a death in February with March–May closed names March–May 2025 and says 3 months', async () => {
    const res = await upload(t, csv(`${person(1)},2024-06-01,2025-02-10,MENINGGAL`));
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 1, warnings: 1, updated: 1 });
    expect((await issues(t, res.body.id)).map((i) => [i.row_number, i.code, i.column_name, i.message])).toEqual([
      [
        2,
        'CLOSED_MONTH_UNCHANGED',
        'TAT',
        'Perubahan TAT ini menyangkut 3 bulan yang sudah ditutup, Maret–Mei 2025 (Mei 2025 sudah difinalisasi, bulan sebelumnya pada tahun itu ikut dibekukan): ' +
          `iuran bulan-bulan itu tidak dihitung ulang. Bila karenanya ada iuran yang kelebihan atau kekurangan bayar, ${adjust}`,
      ],
    ]);
  });

  it('a village move with closed months of coverage is taken, warned that those months keep the old village; none when all are open', async () => {
    const moved = (i: number, tmt: string) => `${person(i).replace('17.03.06.2001', '17.03.01.2001')},${tmt},,`;
    const res = await upload(t, csv(moved(4, '2024-06-01'), moved(6, '2025-07-01')));
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 2, warnings: 1, updated: 2 });
    expect((await issues(t, res.body.id)).map((i) => [i.row_number, i.severity, i.code, i.column_name, i.message])).toEqual([
      [
        2,
        'WARN',
        'CLOSED_MONTH_OLD_VILLAGE',
        'KODE_DESA',
        'Perubahan KODE_DESA ini (17.03.06.2001 Talang Jambu menjadi 17.03.01.2001 Banjar Sari) tidak berlaku pada 5 bulan yang sudah ditutup, Januari–Mei 2025 ' +
          '(Mei 2025 sudah difinalisasi, bulan sebelumnya pada tahun itu ikut dibekukan): pada bulan-bulan itu peserta ini tetap dihitung di desa lama (Talang Jambu), ' +
          'dalam pendanaan dan jumlah peserta desa itu, karena iurannya tidak dihitung ulang; di desa baru ia dihitung mulai bulan yang masih terbuka. ' +
          `Bila karenanya pendanaan desa harus dibetulkan, ${adjust}`,
      ],
    ]);
    expect(await t.dataSource.query(`SELECT village_code FROM participant WHERE nik IN ('1703064101600004', '1703064101600006') ORDER BY nik`)).toEqual([
      { village_code: '17.03.01.2001' },
      { village_code: '17.03.01.2001' },
    ]);
  });

  it('a resident added late with TMT 1 January 2025 is told of January–May, 5 months; one closed year after another each named', async () => {
    const first = await upload(t, csv(`${person(2)},2025-01-01,,`));
    const [late] = await issues(t, first.body.id);
    expect(late.message).toBe(
      'TMT 1 Januari 2025 pada pendaftaran baru ini menyangkut 5 bulan yang sudah ditutup, Januari–Mei 2025 (Mei 2025 sudah difinalisasi, bulan sebelumnya pada tahun itu ikut dibekukan): ' +
        'peserta ini tidak dihitung pada bulan-bulan itu, dan iuran bulan-bulan itu tidak dihitung ulang. ' +
        `Bila iuran peserta ini untuk bulan-bulan itu harus dibayar, ${adjust}`,
    );
    await closeMonth(t.dataSource, '2026-02');
    const second = await upload(t, csv(`${person(3)},2025-04-01,,`));
    const [both] = await issues(t, second.body.id);
    expect(both.message).toMatch(
      /^TMT 1 April 2025 pada pendaftaran baru ini menyangkut 4 bulan yang sudah ditutup, April–Mei 2025, Januari–Februari 2026 \(Mei 2025, Februari 2026 sudah difinalisasi, bulan sebelumnya pada tahun itu ikut dibekukan\): peserta ini/,
    );
  });

  it('sqlMonthsSaid says a list of months as monthsSaid does', async () => {
    const lists = [['2026-10'], ['2026-08', '2026-09', '2026-10'], ['2026-01', '2026-03', '2026-04', '2026-05'], ['2026-12', '2027-01', '2027-02'], ['2026-05', '2026-03', '2026-05']];
    for (const months of lists) {
      const [{ said }] = await t.dataSource.query(`SELECT ${sqlMonthsSaid('$1::text[]')} AS said`, [months]);
      expect(said).toBe(monthsSaid(months));
    }
    expect(monthsSaid(lists[3])).toBe('Desember 2026–Februari 2027');
  });
});

/**
 * A participant coming back after a gap (the register keeps one TMT/TAT per participant): recorded with a new TMT,
 * open allocated months of the old period lose coverage; recorded with the old TMT and no TAT, the gap becomes owed.
 * Either way the row is warned COVERAGE_CHANGED naming the months lost and gained, and REINSTATED names the months
 * owed again (QA: the money changed with only the closed-months warning, or an unspecific REINSTATED).
 */
describe('enrollment: a change of coverage in allocated open months is named', () => {
  let t: TestApp;
  const header = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,TMT,TAT,ALASAN_BERAKHIR';
  const person = '1703202512590002,1703060101200001,Rahmat Kembali,1959-12-25,L,17.03.06.2001';
  const csv = (...rows: string[]) => ({ name: 'kembali.csv', content: Buffer.from([header, ...rows].join('\n') + '\n') });
  const ended = 'ok/return-after-gap-ended.csv'; // golden files: ok/return-after-gap-*.csv
  const stored = async () => (await t.dataSource.query(`SELECT tmt::text, tat::text, end_reason FROM participant WHERE nik = '1703202512590002'`))[0];

  beforeAll(async () => {
    t = await createTestApp(); // today 15 November 2026
    await upload(t, ended);
    await closeMonth(t.dataSource, '2026-07'); // January–July 2026 closed
    const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
    // allocated with the participant the file registered (a month allocated on an empty register is not warned of)
    await t.dataSource.query(`INSERT INTO allocation_month (month, fiscal_year, status, participants) SELECT m, 2026, 'CURRENT', 1 FROM unnest($1::text[]) m`, [months]);
  });
  afterAll(() => t.close());

  it('a new TMT after the gap: August–September lose coverage, named beside the closed months', async () => {
    const res = await upload(t, 'ok/return-after-gap-new-tmt.csv');
    // owedChanged: the rows whose warnings change what is owed (COVERAGE_CHANGED, CLOSED_MONTH_UNCHANGED), said at the top (QA)
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 1, rejected: 0, warnings: 1, updated: 1, reinstated: 1, owedChanged: 1 });
    expect((await (await t.as(Role.AUDITOR)).get(`/api/v1/enrollment-uploads/${res.body.id}`).expect(200)).body.owedChanged).toBe(1);
    const found = await issues(t, res.body.id);
    expect(found.map((i) => [i.code, i.column_name])).toEqual([
      ['CLOSED_MONTH_UNCHANGED', 'TMT'],
      ['COVERAGE_CHANGED', 'TMT'],
      ['REINSTATED', 'TAT'],
    ]);
    const changed = found.find((i) => i.code === 'COVERAGE_CHANGED')!;
    expect(changed.message).toBe(
      'Perubahan TMT dan TAT ini mengubah cakupan bulan yang sudah dialokasikan dan belum difinalisasi: Agustus–September 2026 tidak lagi ditanggung; November 2026 menjadi ditanggung. ' +
        'Alokasi bulan itu dihitung ulang: pada bulan yang tidak lagi ditanggung baris tagihan BPJS peserta ini menjadi tidak ditanggung, pada bulan yang menjadi ditanggung iurannya terutang dan didanai. ' +
        returnAfterGap('TMT', 'TAT', 'ALASAN_BERAKHIR'),
    );
    expect(found.find((i) => i.code === 'REINSTATED')!.message).toBe(
      'Peserta ini tercatat berakhir 30 September 2026 (PINDAH); baris ini tanpa TAT sehingga kepesertaannya aktif kembali dan iurannya dihitung lagi, ' +
        'termasuk bulan sesudah berakhirnya: Oktober–November 2026 kembali terutang. Jika bukan itu maksudnya, isi TAT dan ALASAN_BERAKHIR lalu unggah ulang. ' +
        returnAfterGap('TMT', 'TAT', 'ALASAN_BERAKHIR'),
    );
    expect(await stored()).toEqual({ tmt: '2026-11-01', tat: null, end_reason: null });
    // the old period back: the same months gained again, named so
    t.clock.set(new Date('2026-11-16T03:00:00Z'));
    const back = await upload(t, ended);
    const [again] = (await issues(t, back.body.id)).filter((i) => i.code === 'COVERAGE_CHANGED');
    expect(again.message).toMatch(/^Perubahan TMT dan TAT ini mengubah cakupan bulan yang sudah dialokasikan dan belum difinalisasi: November 2026 tidak lagi ditanggung; Agustus–September 2026 menjadi ditanggung\. /);
  });

  it('the old TMT with TAT emptied: October–November become owed, named by both warnings', async () => {
    t.clock.set(new Date('2026-11-17T03:00:00Z'));
    const res = await upload(t, 'ok/return-after-gap-old-tmt.csv');
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 1, warnings: 1, updated: 1, reinstated: 1 });
    const found = await issues(t, res.body.id);
    expect(found.map((i) => [i.code, i.column_name])).toEqual([
      ['COVERAGE_CHANGED', 'TAT'],
      ['REINSTATED', 'TAT'],
    ]);
    expect(found[0].message).toMatch(/^Perubahan TAT ini mengubah cakupan bulan yang sudah dialokasikan dan belum difinalisasi: Oktober–November 2026 menjadi ditanggung\. /);
    expect(found[1].message).toMatch(/termasuk bulan sesudah berakhirnya: Oktober–November 2026 kembali terutang\./);
  });

  it('a change touching no allocated open month is not warned; an end after this month names the month owed from', async () => {
    t.clock.set(new Date('2026-11-18T03:00:00Z'));
    const later = await upload(t, csv(`${person},01/07/2024,05/12/2026,PINDAH`)); // December is not allocated
    expect(await issues(t, later.body.id)).toEqual([]);
    t.clock.set(new Date('2026-11-19T03:00:00Z'));
    const back = await upload(t, csv(`${person},01/07/2024,,`));
    const found = await issues(t, back.body.id);
    expect(found.map((i) => i.code)).toEqual(['REINSTATED']);
    expect(found[0].message).toMatch(/^Peserta ini tercatat berakhir 5 Desember 2026 \(PINDAH\); baris ini tanpa TAT sehingga kepesertaannya aktif kembali dan iurannya dihitung lagi mulai Januari 2027\. /);
  });

  it('a new registration whose TMT reaches allocated open months is warned COVERAGE_CHANGED naming them (QA: only closed months were told)', async () => {
    t.clock.set(new Date('2026-11-19T05:00:00Z'));
    const fresh = '1703200101800003,1703060101200001,Baru Mundur,1980-01-01,L,17.03.06.2001';
    const res = await upload(t, csv(`${fresh},01/09/2026,,`, '1703200101800004,1703060101200001,Baru Desember,1980-01-01,L,17.03.06.2001,01/12/2026,,'));
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 2, created: 2, warnings: 1, owedChanged: 1 });
    expect((await issues(t, res.body.id)).map((i) => [i.row_number, i.code, i.column_name, i.message])).toEqual([
      [
        2,
        'COVERAGE_CHANGED',
        'TMT',
        'TMT 1 September 2026 pada pendaftaran baru ini membuat bulan yang sudah dialokasikan dan belum difinalisasi menjadi ditanggung: September–November 2026. ' +
          'Alokasi bulan itu dihitung ulang: iuran peserta ini terutang dan didanai pada bulan-bulan itu. Bila TMT itu bukan tanggal mulai kepesertaan yang sebenarnya, perbaiki TMT lalu unggah ulang.',
      ],
    ]);
    // the console lists them apart: GET …/issues?code=
    const agent = await t.as(Role.OPERATOR_DINKES);
    const listed = await agent.get(`/api/v1/enrollment-uploads/${res.body.id}/issues`).query({ code: 'COVERAGE_CHANGED,CLOSED_MONTH_UNCHANGED' }).expect(200);
    expect(listed.body).toMatchObject({ total: 1, rows: 1, items: [{ rowNumber: 2, code: 'COVERAGE_CHANGED' }] });
    expect((await agent.get(`/api/v1/enrollment-uploads/${res.body.id}/issues`).query({ code: 'REINSTATED' }).expect(200)).body).toMatchObject({ total: 0, items: [] });
    await agent.get(`/api/v1/enrollment-uploads/${res.body.id}/issues`).query({ code: 'x;drop' }).expect(400);
    // and the report's Ringkasan says it
    const wb = await readWorkbook((await download(agent.get(`/api/v1/enrollment-uploads/${res.body.id}/report.xlsx`))).body);
    const lines = (wb.getWorksheet('Ringkasan')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => [r[1], r[2]]);
    expect(lines).toContainEqual(['Mengubah iuran', '1 baris mengubah cakupan pada bulan yang sudah dialokasikan atau ditutup (lihat sheet Peringatan)']);
  });

  it('a new registration of this month, allocated and not yet reconciled, is not warned: green, not in owedChanged (QA: every registration of the month was)', async () => {
    t.clock.set(new Date('2026-11-19T07:00:00Z'));
    const res = await upload(t, csv('1703200101800005,1703060101200001,Baru November,1980-01-01,L,17.03.06.2001,05/11/2026,,'));
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 1, created: 1, warnings: 0, owedChanged: 0 });
    expect(await issues(t, res.body.id)).toEqual([]);
    const enrollment = await consoleModule('pages/enrollment.js');
    expect(enrollment.resultHeadline(res.body)).toEqual({ tone: 'success', headline: 'Semua baris diterima.' });
    // November is recomputed before its first run all the same
    expect((await t.dataSource.query(`SELECT status FROM allocation_month WHERE month = '2026-11'`))[0].status).toBe('STALE');
    // a back-dated TMT (October, an earlier allocated month) is warned as before
    t.clock.set(new Date('2026-11-19T08:00:00Z'));
    const late = await upload(t, csv('1703200101800006,1703060101200001,Baru Oktober,1980-01-01,L,17.03.06.2001,01/10/2026,,'));
    expect(late.body).toMatchObject({ status: 'DONE', accepted: 1, created: 1, warnings: 1, owedChanged: 1 });
    expect((await issues(t, late.body.id)).map((i) => [i.code, i.column_name, i.message])).toEqual([
      [
        'COVERAGE_CHANGED',
        'TMT',
        'TMT 1 Oktober 2026 pada pendaftaran baru ini membuat bulan yang sudah dialokasikan dan belum difinalisasi menjadi ditanggung: Oktober–November 2026. ' +
          'Alokasi bulan itu dihitung ulang: iuran peserta ini terutang dan didanai pada bulan-bulan itu. Bila TMT itu bukan tanggal mulai kepesertaan yang sebenarnya, perbaiki TMT lalu unggah ulang.',
      ],
    ]);
  });

  it('a new registration of this month once the month has a draft run is warned, naming the run that no longer holds', async () => {
    // version 1 a draft, version 2 failed (read nothing): version 1 is named
    await t.dataSource.query(`INSERT INTO reconciliation_run (month, version, status, started_by) VALUES ('2026-11', 1, 'DONE', 'uji'), ('2026-11', 2, 'FAILED', 'uji')`);
    try {
      t.clock.set(new Date('2026-11-19T09:00:00Z'));
      const res = await upload(t, csv('1703200101800007,1703060101200001,Baru Sesudah Draf,1980-01-01,L,17.03.06.2001,05/11/2026,,'));
      expect(res.body).toMatchObject({ status: 'DONE', accepted: 1, created: 1, warnings: 1, owedChanged: 1 });
      expect((await issues(t, res.body.id)).map((i) => [i.code, i.column_name, i.message])).toEqual([
        [
          'COVERAGE_CHANGED',
          'TMT',
          'TMT 5 November 2026 pada pendaftaran baru ini membuat bulan yang sudah dialokasikan dan belum difinalisasi menjadi ditanggung: November 2026. ' +
            'Alokasi bulan itu dihitung ulang: iuran peserta ini terutang dan didanai pada bulan-bulan itu. ' +
            'Rekonsiliasi November 2026 versi 1 (draf) sudah dijalankan tanpa peserta ini dan tidak lagi berlaku: jalankan ulang rekonsiliasinya sebelum finalisasi. ' +
            'Bila TMT itu bukan tanggal mulai kepesertaan yang sebenarnya, perbaiki TMT lalu unggah ulang.',
        ],
      ]);
      const enrollment = await consoleModule('pages/enrollment.js');
      expect(enrollment.resultHeadline(res.body).tone).toBe('warning');
    } finally {
      await t.dataSource.query(`DELETE FROM reconciliation_run WHERE month = '2026-11'`);
    }
  });

  it('an end recorded (a death in September) names the months lost, without the advice for a return after a gap', async () => {
    t.clock.set(new Date('2026-11-20T03:00:00Z'));
    const death = await upload(t, csv(`${person},01/07/2024,15/09/2026,MENINGGAL`));
    expect((await issues(t, death.body.id)).map((i) => [i.code, i.column_name, i.message])).toEqual([
      [
        'COVERAGE_CHANGED',
        'TAT',
        'Perubahan TAT ini mengubah cakupan bulan yang sudah dialokasikan dan belum difinalisasi: Oktober–November 2026 tidak lagi ditanggung. ' +
          'Alokasi bulan itu dihitung ulang: pada bulan yang tidak lagi ditanggung baris tagihan BPJS peserta ini menjadi tidak ditanggung, pada bulan yang menjadi ditanggung iurannya terutang dan didanai.',
      ],
    ]);
  });
});

/**
 * A new service's start-up catch-up allocates the missed months on its empty register; the first upload then makes them
 * owed. Nothing owed there could have been seen or signed, so it is not warned (QA: every row of the demo's first upload
 * was warned COVERAGE_CHANGED, "Januari–Desember 2026"); once a month was allocated with participants, it is.
 */
describe('enrollment: the first upload after months were allocated on an empty register', () => {
  let t: TestApp;
  const header = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,TMT,TAT,ALASAN_BERAKHIR';
  const csv = (...rows: string[]) => ({ name: 'pertama.csv', content: Buffer.from([header, ...rows].join('\n') + '\n') });

  beforeAll(async () => {
    t = await createTestApp(); // today 15 November 2026
    const months = ['2026-09', '2026-10', '2026-11'];
    await t.dataSource.query(`INSERT INTO allocation_month (month, fiscal_year, status) SELECT m, 2026, 'CURRENT' FROM unnest($1::text[]) m`, [months]);
  });
  afterAll(() => t.close());

  it('is not warned for months allocated with no participant and no run; a month allocated with participants is', async () => {
    const first = await upload(t, csv('1703200101800011,1703060101200001,Pertama Satu,1980-01-01,L,17.03.06.2001,01/09/2026,,'));
    expect(first.body).toMatchObject({ status: 'DONE', accepted: 1, created: 1, warnings: 0, owedChanged: 0 });
    expect(await issues(t, first.body.id)).toEqual([]);
    // the months are recomputed all the same
    expect((await t.dataSource.query(`SELECT DISTINCT status FROM allocation_month`)).map((r: { status: string }) => r.status)).toEqual(['STALE']);
    // October reallocated with its participant: a back-dated registration reaching it is warned, naming every month it reaches
    await t.dataSource.query(`UPDATE allocation_month SET participants = 1, status = 'CURRENT' WHERE month = '2026-10'`);
    const later = await upload(t, csv('1703200101800012,1703060101200001,Pertama Dua,1980-01-01,L,17.03.06.2001,01/09/2026,,'));
    expect(later.body).toMatchObject({ status: 'DONE', accepted: 1, warnings: 1, owedChanged: 1 });
    expect((await issues(t, later.body.id)).map((i) => [i.code, i.message.split('. ')[0]])).toEqual([
      ['COVERAGE_CHANGED', 'TMT 1 September 2026 pada pendaftaran baru ini membuat bulan yang sudah dialokasikan dan belum difinalisasi menjadi ditanggung: September–November 2026'],
    ]);
  });
});
