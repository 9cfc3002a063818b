/**
 * An older master sheet uploaded again after a mutation file brings the ended participants back (an empty TAT is an
 * upsert, README "Re-uploads"), and the answer says so at the top: how many were reinstated and how many of them had
 * died (QA: four came back, two of them dead, with only row warnings and "Semua baris diterima."). A death undone says
 * so plainly in its row's REINSTATED warning.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issues, upload } from './support.js';

describe('re-uploading an older master sheet: the reinstated counted', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('counts the participants brought back and those of them recorded dead, in the answer, the upload and the list', async () => {
    const first = await upload(t, 'ok/reinstate-master.csv');
    expect(first.body).toMatchObject({ status: 'DONE', created: 6, reinstated: 0, reinstatedDeaths: 0 });
    const mutations = await upload(t, 'ok/reinstate-mutations.csv');
    expect(mutations.body).toMatchObject({ status: 'DONE', updated: 5, reinstated: 0, reinstatedDeaths: 0 });

    t.clock.set(new Date('2026-11-16T03:00:00Z')); // another day: the master sheet is applied again, not recognised
    const again = await upload(t, 'ok/reinstate-master.csv');
    expect(again.body).toMatchObject({ status: 'DONE', rejected: 0, warnings: 4, updated: 5, reinstated: 4, reinstatedDeaths: 2 });
    const ended = await t.dataSource.query(`SELECT count(*)::int AS n FROM participant WHERE nik LIKE '17030641016000%' AND tat IS NOT NULL`);
    expect(ended).toEqual([{ n: 0 }]);

    const found = await issues(t, again.body.id);
    expect(found.map((i) => [i.row_number, i.column_name, i.code])).toEqual([2, 3, 4, 5].map((row) => [row, 'TAT', 'REINSTATED']));
    expect(found[0].message).toBe(
      'Peserta ini tercatat meninggal pada 12 Oktober 2026; baris ini tanpa TAT sehingga catatan kematian itu dibatalkan: kepesertaannya aktif kembali dan iurannya dihitung lagi. ' +
        'Jika peserta ini memang meninggal, isi TAT 12/10/2026 dan ALASAN_BERAKHIR MENINGGAL lalu unggah ulang.',
    );
    expect(found[2].message).toBe(
      'Peserta ini tercatat berakhir 30 September 2026 (PINDAH); baris ini tanpa TAT sehingga kepesertaannya aktif kembali dan iurannya dihitung lagi. ' +
        'Jika bukan itu maksudnya, isi TAT dan ALASAN_BERAKHIR lalu unggah ulang.',
    );

    // read back, alone and in the list, with the same counts
    const auditor = await t.as(Role.AUDITOR);
    expect((await auditor.get(`/api/v1/enrollment-uploads/${again.body.id}`).expect(200)).body).toMatchObject({ reinstated: 4, reinstatedDeaths: 2 });
    const listed = (await auditor.get('/api/v1/enrollment-uploads').expect(200)).body.items as { id: string; reinstated: number; reinstatedDeaths: number }[];
    expect(Object.fromEntries(listed.map((u) => [u.id, [u.reinstated, u.reinstatedDeaths]]))).toEqual({
      [again.body.id]: [4, 2],
      [mutations.body.id]: [0, 0],
      [first.body.id]: [0, 0],
    });
  });
});
