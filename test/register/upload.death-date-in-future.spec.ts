/**
 * QA: a TAT after today with ALASAN_BERAKHIR MENINGGAL (a death still to come) was taken silently.
 * A death sets TAT to its day (DOMAIN §4), so the row is refused naming TAT and today (the Clock's,
 * in WIB); a death today is fine, and a later TAT with another reason (PINDAH) is still taken.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issues, upload } from './support.js';

const HEADER = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT,TAT,ALASAN_BERAKHIR';
const row = (n: number, name: string, tat: string, reason: string) => `17030601017000${String(n).padStart(2, '0')},1703060101200001,${name},1970-01-01,L,17.03.06.2001,,2025-01-01,${tat},${reason}`;

describe('a death after today is refused', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('TAT after today with MENINGGAL is rejected (DEATH_DATE_IN_FUTURE); today, or later with PINDAH, is taken', async () => {
    t.clock.set(new Date('2026-11-15T03:00:00Z')); // 10:00 WIB
    const content = [
      HEADER,
      row(11, 'Meninggal Hari Ini', '2026-11-15', 'MENINGGAL'),
      row(12, 'Meninggal Besok', '16/11/2026', 'MENINGGAL'),
      row(13, 'Meninggal Tahun Depan', '2027-12-31', 'meninggal'),
      row(14, 'Pindah Bulan Depan', '2026-12-15', 'PINDAH'),
    ].join('\n');
    const res = await upload(t, { name: 'meninggal.csv', content: Buffer.from(`${content}\n`) });
    expect(res.body).toMatchObject({ rowsRead: 4, accepted: 2, rejected: 2, warnings: 0 });
    const found = await issues(t, res.body.id);
    expect(found.map((i) => [i.row_number, i.severity, i.column_name, i.code])).toEqual([
      [3, 'REJECT', 'TAT', 'DEATH_DATE_IN_FUTURE'],
      [4, 'REJECT', 'TAT', 'DEATH_DATE_IN_FUTURE'], // not also warned that the year looks mistyped
    ]);
    expect(found[0].message).toBe('TAT 16 November 2026 sesudah hari ini (15 November 2026): dengan ALASAN_BERAKHIR MENINGGAL, TAT adalah tanggal meninggal, yang tidak mungkin di masa depan. Periksa tanggalnya, terutama tahunnya.');
    const stored = await t.dataSource.query(`SELECT nik, tat, end_reason FROM participant WHERE nik LIKE '17030601017000%' ORDER BY nik`);
    expect(stored).toEqual([
      { nik: '1703060101700011', tat: '2026-11-15', end_reason: 'MENINGGAL' },
      { nik: '1703060101700014', tat: '2026-12-15', end_reason: 'PINDAH' },
    ]);
  });
});
