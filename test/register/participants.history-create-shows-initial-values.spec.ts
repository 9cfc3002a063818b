/**
 * The detail's history starts with the participant's CREATE: who registered them, from which upload,
 * when, and the values they were registered with, even after later uploads changed those values
 * (DOMAIN §4: changes never erase history). The initial values are not stored as a history row: they
 * are rebuilt from the current values and the UPDATE rows (each holds old and new of every field it
 * changed), so this spec changes the same participant in two later uploads and checks the original.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { count, upload } from './support.js';

const HEADER = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT,TAT,ALASAN_BERAKHIR';
const csv = (name: string, ...rows: string[]) => ({ name, content: Buffer.from([HEADER, ...rows].join('\n') + '\n') });
const OPERATOR = 'uji-operator-dinkes';

const T1 = '2026-01-10T03:00:00.000Z';
const T2 = '2026-02-11T04:00:00.000Z';
const T3 = '2026-03-12T05:00:00.000Z';

describe('a participant changed in two later uploads', () => {
  let t: TestApp;
  const uploads: string[] = [];
  const detail = async (nik: string) => (await (await t.as(Role.AUDITOR)).get(`/api/v1/participants/${nik}`).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date(T1));
    const first = await upload(
      t,
      csv(
        'awal.csv',
        '1703060101700031,1703060101200001,Tiga Satu,1970-01-01,L,1703062001,0001000000311,2025-01-01,,',
        '1703064101700032,1703060101200001,Tiga Dua,1970-01-01,P,17.03.06.2002,,2025-02-01,,',
      ),
    );
    expect(first.body).toMatchObject({ status: 'DONE', created: 2, updated: 0, unchanged: 0 });
    t.clock.set(new Date(T2));
    // Name, card and village of 31 change; 32 is unchanged.
    const second = await upload(
      t,
      csv(
        'mutasi-1.csv',
        '1703060101700031,1703060101200001,Tiga Satu Baru,1970-01-01,L,1703062003,0001000000399,2025-01-01,,',
        '1703064101700032,1703060101200001,Tiga Dua,1970-01-01,P,17.03.06.2002,,2025-02-01,,',
      ),
    );
    expect(second.body).toMatchObject({ status: 'DONE', created: 0, updated: 1, unchanged: 1 });
    t.clock.set(new Date(T3));
    // 31 dies and is renamed again; a new participant 33 takes 31's card in the same upload (so 33
    // is inserted at the end of the promotion, not with the early batches), 32 gets a card.
    const third = await upload(
      t,
      csv(
        'mutasi-2.csv',
        '1703060101700033,1703060101200001,Tiga Tiga,1970-01-01,L,1703062001,0001000000399,2026-03-01,,',
        '1703060101700031,1703060101200001,Tiga Satu Akhir,1970-01-01,L,1703062003,0001000000399,2025-01-01,2026-03-10,MENINGGAL',
        '1703064101700032,1703060101200001,Tiga Dua,1970-01-01,P,17.03.06.2002,0001000000322,2025-02-01,,',
      ),
    );
    expect(third.body).toMatchObject({ status: 'DONE', accepted: 3, created: 1, updated: 2, unchanged: 0 });
    uploads.push(first.body.id, second.body.id, third.body.id);
  });
  afterAll(() => t.close());

  it('shows the values the participant was registered with, then each change with old and new', async () => {
    const body = await detail('1703060101700031');
    expect(body).toMatchObject({ name: 'Tiga Satu Akhir', noka: '0001000000399', villageCode: '17.03.06.2003', tat: '2026-03-10', endReason: 'MENINGGAL', active: false });
    expect(body.history).toEqual([
      {
        id: null,
        kind: 'CREATE',
        uploadId: uploads[0],
        uploadFilename: 'awal.csv',
        changedBy: OPERATOR,
        changedAt: T1,
        changes: {
          noKk: { old: null, new: '1703060101200001' },
          noka: { old: null, new: '0001000000311' },
          name: { old: null, new: 'Tiga Satu' },
          birthDate: { old: null, new: '1970-01-01' },
          sex: { old: null, new: 'L' },
          villageCode: { old: null, new: '17.03.06.2001' },
          tmt: { old: null, new: '2025-01-01' },
        },
      },
      {
        id: expect.any(Number),
        kind: 'UPDATE',
        uploadId: uploads[1],
        uploadFilename: 'mutasi-1.csv',
        changedBy: OPERATOR,
        changedAt: T2,
        changes: {
          name: { old: 'Tiga Satu', new: 'Tiga Satu Baru' },
          noka: { old: '0001000000311', new: '0001000000399' },
          villageCode: { old: '17.03.06.2001', new: '17.03.06.2003' },
        },
      },
      {
        id: expect.any(Number),
        kind: 'UPDATE',
        uploadId: uploads[2],
        uploadFilename: 'mutasi-2.csv',
        changedBy: OPERATOR,
        changedAt: T3,
        changes: {
          name: { old: 'Tiga Satu Baru', new: 'Tiga Satu Akhir' },
          tat: { old: null, new: '2026-03-10' },
          endReason: { old: null, new: 'MENINGGAL' },
        },
      },
    ]);
    expect(body.history[1].id).toBeLessThan(body.history[2].id);
  });

  it('leaves out the fields a participant was registered without (no card, no end)', async () => {
    const body = await detail('1703064101700032');
    expect(body.history).toEqual([
      {
        id: null,
        kind: 'CREATE',
        uploadId: uploads[0],
        uploadFilename: 'awal.csv',
        changedBy: OPERATOR,
        changedAt: T1,
        changes: {
          noKk: { old: null, new: '1703060101200001' },
          name: { old: null, new: 'Tiga Dua' },
          birthDate: { old: null, new: '1970-01-01' },
          sex: { old: null, new: 'P' },
          villageCode: { old: null, new: '17.03.06.2002' },
          tmt: { old: null, new: '2025-02-01' },
        },
      },
      {
        id: expect.any(Number),
        kind: 'UPDATE',
        uploadId: uploads[2],
        uploadFilename: 'mutasi-2.csv',
        changedBy: OPERATOR,
        changedAt: T3,
        changes: { noka: { old: null, new: '0001000000322' } },
      },
    ]);
  });

  it('records a participant inserted at the end of a promotion like one inserted early', async () => {
    const body = await detail('1703060101700033');
    expect(body.history).toEqual([
      {
        id: null,
        kind: 'CREATE',
        uploadId: uploads[2],
        uploadFilename: 'mutasi-2.csv',
        changedBy: OPERATOR,
        changedAt: T3,
        changes: {
          noKk: { old: null, new: '1703060101200001' },
          noka: { old: null, new: '0001000000399' },
          name: { old: null, new: 'Tiga Tiga' },
          birthDate: { old: null, new: '1970-01-01' },
          sex: { old: null, new: 'L' },
          villageCode: { old: null, new: '17.03.06.2001' },
          tmt: { old: null, new: '2026-03-01' },
        },
      },
    ]);
  });

  it('stores the creation on the participant and only the updates as history rows', async () => {
    const rows = await t.dataSource.query('SELECT nik, created_upload_id, created_by, created_at FROM participant ORDER BY nik');
    expect(rows).toEqual([
      { nik: '1703060101700031', created_upload_id: uploads[0], created_by: OPERATOR, created_at: new Date(T1) },
      { nik: '1703060101700033', created_upload_id: uploads[2], created_by: OPERATOR, created_at: new Date(T3) },
      { nik: '1703064101700032', created_upload_id: uploads[0], created_by: OPERATOR, created_at: new Date(T1) },
    ]);
    expect(await t.dataSource.query('SELECT DISTINCT kind FROM participant_change')).toEqual([{ kind: 'UPDATE' }]);
    expect(await count(t, 'participant_change')).toBe(3);
  });
});
