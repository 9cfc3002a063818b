/**
 * A pledge row refused for other failures (an unknown village code, a share over 100, an unreadable PAGU) is also told
 * when its code is taken, in the words a row refused for that alone gets: by another row of the sheet (named: the row
 * that takes the code) or by a saved pledge. Before, the fixed row learned it only on its next upload. The row that
 * takes the code is the one that did before: an earlier row the rules passed, else the row saved with it (a good row
 * after a refused one is still saved), else the sheet's first row with it, which itself is told nothing of its code.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { pledgeWorkbook } from './support/pledge-workbook.js';

type Issue = { sheet: string; rowNumber: number; column: string; message: string };
const said = (issues: Issue[]) => issues.map((i) => [i.sheet, i.rowNumber, i.column, i.message]);

const HEADER = ['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'KODE_DESA', 'PERSEN', 'PAGU'];
const all = (code: string, persen: number | string = 100, pagu: string | null = null, tahun: number | string = 2027) => [code, 'APBD', 'Pemkab', tahun, 'ALL', null, persen, pagu];
const villages = (code: string, village: string) => [code, 'TJSLP', 'PT V', 2027, 'VILLAGES', village, 100, null];

const ROWS = [
  all('QA-A-2027'), // 2: saved
  villages('QA-A-2027', '1703999999'), // 3: unknown village, and row 2's code
  all('QA-B-2027', 150), // 4: a share over 100, and the code of row 5, which is still saved
  all('QA-B-2027'), // 5: saved
  all('QA-C-2027', 100, '1,5'), // 6: PAGU not read; the first row with its code: told nothing of it
  all('QA-C-2027', 0), // 7: a share of 0, and row 6's code
  villages('QA-ADA-2027', '1703888888'), // 8: unknown village, and a saved pledge's code
  all('QA-D-2027'), // 9: saved
  all('QA-D-2027'), // 10: row 9's code only
  all('QA E 2027', 150), // 11: a code that is no code: told that, not that it is taken
  all('QA E 2027', 100, null, 'dua ribu'), // 12: the same
];

const twice = (code: string, row: number) => `Kode ${code} muncul lebih dari sekali di berkas ini: sudah dipakai di baris ${row}.`;
const PERSEN = 'PERSEN "150" harus bilangan bulat 1 sampai 100.'; // the value read quoted (QA: said alone)
const unknown = (village: string) => expect.stringMatching(new RegExp(`^Kode desa tidak dikenal di Kabupaten Bengkulu Utara: ${village}\\.`));
const badCode = expect.stringMatching(/^KODE "QA E 2027" hanya boleh berisi huruf/);

/** The issues of the sheet above, `taken` the message of row 8's code (a check's or a save's). */
const expected = (taken: string) => [
  ['Komitmen', 3, 'KODE', twice('QA-A-2027', 2)],
  ['Komitmen', 3, 'KODE_DESA', unknown('1703999999')],
  ['Komitmen', 4, 'KODE', twice('QA-B-2027', 5)],
  ['Komitmen', 4, 'PERSEN', PERSEN],
  ['Komitmen', 6, 'PAGU', expect.stringMatching(/^PAGU "1,5" bukan rupiah bulat/)],
  ['Komitmen', 7, 'KODE', twice('QA-C-2027', 6)],
  ['Komitmen', 7, 'PERSEN', 'PERSEN "0" harus bilangan bulat 1 sampai 100.'],
  ['Komitmen', 8, 'KODE', taken],
  ['Komitmen', 8, 'KODE_DESA', unknown('1703888888')],
  ['Komitmen', 10, 'KODE', twice('QA-D-2027', 9)],
  ['Komitmen', 11, 'KODE', badCode],
  ['Komitmen', 11, 'PERSEN', PERSEN],
  ['Komitmen', 12, 'KODE', badCode],
  ['Komitmen', 12, 'TAHUN', expect.stringMatching(/^TAHUN "dua ribu" bukan angka/)],
];

describe('pledge sheet: a refused row is told its code is taken with its other failures', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    await keuangan.post('/api/v1/pledges').send({ code: 'QA-ADA-2027', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2027, scope: 'ALL' }).expect(201);
  });
  afterAll(() => t?.close());

  const upload = async (query = '') => keuangan.post(`/api/v1/pledge-uploads${query}`).attach('file', await pledgeWorkbook(HEADER, ROWS), 'komitmen.xlsx').expect(201);
  const saved = ['QA-A-2027', 'QA-B-2027', 'QA-D-2027'];

  it('a check names the row holding the code, or the saved pledge, beside the row\'s other failures, and saves nothing', async () => {
    const res = await upload('?dryRun=true');
    expect(res.body).toMatchObject({ rowsRead: 11, accepted: 3, rejected: 8, listRowsRejected: 0 });
    expect(res.body.pledges.map((p: { rowNumber: number; code: string }) => [p.rowNumber, p.code])).toEqual([[2, saved[0]], [5, saved[1]], [9, saved[2]]]);
    expect(said(res.body.issues)).toEqual(expected('Kode komitmen "QA-ADA-2027" sudah dipakai.'));
    for (const code of saved) await keuangan.get(`/api/v1/pledges/${code}`).expect(404);
  });

  it('an upload saves the same rows as before and tells the same, a saved pledge\'s code as a save is told it', async () => {
    const res = await upload();
    expect(res.body).toMatchObject({ rowsRead: 11, accepted: 3, rejected: 8, listRowsRejected: 0 });
    expect(res.body.pledges.map((p: { code: string }) => p.code)).toEqual(saved);
    const taken = 'Kode komitmen "QA-ADA-2027" sudah dipakai. Gunakan kode lain, atau revisi komitmen yang ada: buka menu Komitmen, pilih komitmen "QA-ADA-2027", lalu isi bagian "Ubah komitmen (revisi)".';
    expect(said(res.body.issues)).toEqual(expected(taken));
    // the saved rows are the good ones: row 5's share, not row 4's
    expect((await keuangan.get('/api/v1/pledges/QA-B-2027').expect(200)).body).toMatchObject({ sharePercent: 100, funder: 'Pemkab' });
    expect((await keuangan.get('/api/v1/pledges/QA-ADA-2027').expect(200)).body).toMatchObject({ scope: 'ALL', revision: 1 });
    await keuangan.get('/api/v1/pledges/QA-C-2027').expect(404);
    const read = await keuangan.get(`/api/v1/pledge-uploads/${res.body.id}`).expect(200);
    expect(read.body).toMatchObject({ accepted: 3, rejected: 8 });
    expect(said(read.body.issues)).toEqual(said(res.body.issues));
  });

  it('the column is named as the file wrote its header', async () => {
    const file = await pledgeWorkbook(['KODE KOMITMEN', ...HEADER.slice(1)], [all('QA-F-2027'), all('QA-F-2027', 150)]);
    const res = await keuangan.post('/api/v1/pledge-uploads?dryRun=true').attach('file', file, 'alias.xlsx').expect(201);
    expect(said(res.body.issues)).toEqual([
      ['Komitmen', 3, 'KODE KOMITMEN', twice('QA-F-2027', 2)],
      ['Komitmen', 3, 'PERSEN', PERSEN],
    ]);
  });
});
