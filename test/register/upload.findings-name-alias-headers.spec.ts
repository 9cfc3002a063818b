/**
 * A file may name a column by an accepted alias (`No Kartu` for NOKA, `Tgl Lahir` for TANGGAL_LAHIR):
 * its findings then name the column as the file does, in the message and in the column field, so
 * the operator finds it in the sheet. A header that is the column's own name (`NO KK`) keeps the name.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issues, upload } from './support.js';

const HEADER = 'No KTP,NO KK,Nama Peserta,Tgl Lahir,JK,Kode Desa,No Kartu,Tanggal Mulai,Tgl Berakhir,Alasan';
const KK = '1703060101200001';
const line = (serial: number, noka = '', tat = '', reason = '') => `17030601017${String(serial).padStart(5, '0')},${KK},Peserta ${serial},1970-01-01,L,17.03.06.2001,${noka},2025-01-01,${tat},${reason}`;
const csv = (...rows: string[]) => ({ name: 'alias.csv', content: Buffer.from([HEADER, ...rows].join('\n') + '\n') });

describe('findings name an alias header as the file wrote it', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('row checks: the message and the column field say "No Kartu", "Tgl Lahir", "JK", not NOKA, TANGGAL_LAHIR, JENIS_KELAMIN', async () => {
    const res = await upload(t, 'not-ok/alias-headers.csv');
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 5, accepted: 1, rejected: 4 });
    const found = await issues(t, res.body.id);
    expect(found.map((i) => [i.row_number, i.column_name, i.code, i.message])).toEqual([
      [3, 'No Kartu', 'NOKA_INVALID', 'No Kartu "12345" harus tepat 13 digit angka atau dikosongkan.'],
      [4, 'Tgl Lahir', 'DATE_INVALID', 'Tgl Lahir "31-02-1970" bukan tanggal yang valid: tanggal 31 tidak ada di bulan Februari 1970 (hanya 28 hari). Gunakan sel tanggal, YYYY-MM-DD, DD/MM/YYYY atau DD-MM-YYYY.'],
      [5, 'Tgl Berakhir', 'TAT_BEFORE_TMT', 'Tgl Berakhir (31 Mei 2025) lebih awal dari Tanggal Mulai (1 Juni 2025).'],
      [6, 'JK', 'REQUIRED', 'JK wajib diisi.'],
    ]);
    // the row is kept under the columns' own names (the report heads them as the file did: upload.report-headers-as-written.spec.ts)
    const [raw] = await t.dataSource.query(`SELECT raw FROM upload_issue WHERE upload_id = $1 AND row_number = 3`, [res.body.id]);
    expect(raw.raw).toMatchObject({ NOKA: '12345', NO_KK: KK });
  });

  it('findings made once the file is read (a NOKA repeated or taken, coverage brought back) name the alias too', async () => {
    const first = await upload(t, csv(line(101, '0001000000101'), line(102, '', '2026-01-31', 'PINDAH')));
    expect(first.body).toMatchObject({ status: 'DONE', accepted: 2 });
    const res = await upload(t, csv(line(103, '0001000000101'), line(102), line(104, '0001000000104'), line(105, '0001000000104')));
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 4 });
    const found = await issues(t, res.body.id);
    expect(found.map((i) => [i.row_number, i.column_name, i.code])).toEqual([
      [2, 'No Kartu', 'NOKA_TAKEN'],
      [3, 'Tgl Berakhir', 'REINSTATED'],
      [5, 'No Kartu', 'NOKA_DUPLICATE_IN_FILE'],
    ]);
    expect(found[0].message).toMatch(/^No Kartu 0001000000101 sudah dipakai peserta aktif lain \(NIK 1703060101700101\)/);
    expect(found[1].message).toMatch(/baris ini tanpa Tgl Berakhir sehingga .* isi Tgl Berakhir dan Alasan lalu unggah ulang\.$/);
    expect(found[2].message).toBe('No Kartu 0001000000104 sudah dipakai di baris 4 berkas ini untuk NIK lain.');
    // the card's holder, later in the file, keeps it: the earlier row claiming it is refused naming the holder
    const again = await upload(t, csv(line(106, '0001000000101'), line(101, '0001000000101')));
    expect((await issues(t, again.body.id)).map((i) => [i.row_number, i.column_name, i.code, i.message])).toEqual([
      [2, 'No Kartu', 'NOKA_DUPLICATE_IN_FILE', 'No Kartu 0001000000101 milik peserta NIK 1703060101700101 (baris 3 berkas ini), bukan NIK baris ini. Periksa nomor kartu baris ini.'],
    ]);
  });
});
