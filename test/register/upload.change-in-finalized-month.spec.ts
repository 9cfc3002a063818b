import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { closeMonth } from '../funding/support/register.js';
import { upload } from './support.js';

/**
 * §4/§9: a register change that moves the coverage of a finalized month is taken, with a warning
 * that the month is not recomputed (QA: a death reported after its month was signed went in silently).
 */
describe('enrollment: a change of coverage in a finalized month is accepted with a warning', () => {
  let t: TestApp;
  const header = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,TMT,TAT,ALASAN_BERAKHIR';
  const person = (i: number) => `17030641016000${String(i).padStart(2, '0')},1703060101200001,Peserta ${i},1960-01-01,P,17.03.06.2001`;
  const csv = (...rows: string[]) => ({ name: `mutasi-${rows.length}.csv`, content: Buffer.from([header, ...rows].join('\n') + '\n') });
  const findings = async (uploadId: string) =>
    (await t.dataSource.query('SELECT row_number, severity, column_name, code, message FROM upload_issue WHERE upload_id = $1 ORDER BY row_number', [uploadId])) as {
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
        'Bila karenanya ada iuran yang kelebihan atau kekurangan bayar, catat sebagai penyesuaian pada bulan yang masih terbuka.',
    );
    const [dead] = await t.dataSource.query(`SELECT tat::text FROM participant WHERE nik = '1703064101600001'`);
    expect(dead.tat).toBe('2026-09-20');
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
});
