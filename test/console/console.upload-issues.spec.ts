import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { BOOT_TIMEOUT } from './support/browser.js';
import { enrollmentCsv, PEOPLE } from './support/sheets.js';
import ExcelJS from 'exceljs';
import { consoleModule } from './support/console-module.js';
import { type EntityManager } from 'typeorm';
import { type EarlyPromotion, EnrollmentPromoter, type FileColumns, type PromotionCounts } from '../../src/register/enrollment-promoter.js';
import { ImportEnrollmentSheet } from '../../src/register/use-cases/import-enrollment-sheet.use-case.js';
import { count, upload } from '../register/support.js';

/** GET /api/v1/enrollment-uploads/:id/issues: the rows of an upload's report, as JSON for the console. */
describe('upload issues as JSON', () => {
  let t: TestApp;
  let uploadId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const operator = await t.as(Role.OPERATOR_DINKES);
    const sheet = enrollmentCsv([...PEOPLE.slice(0, 2), { nik: '1701061205800009', name: 'Dari Luar' }, { nik: '17030612058A0007', name: 'Huruf' }]);
    const res = await operator.post('/api/v1/enrollment-uploads').attach('file', Buffer.from(sheet), 'peserta.csv').expect(201);
    uploadId = res.body.id;
  }, BOOT_TIMEOUT);
  afterAll(() => t.close());

  it('lists the rejected and warned rows in row order, with column and message', async () => {
    const res = await (await t.as(Role.AUDITOR)).get(`/api/v1/enrollment-uploads/${uploadId}/issues`).expect(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((i: any) => [i.rowNumber, i.severity, i.column])).toEqual([
      [4, 'WARN', 'NIK'],
      [5, 'REJECT', 'NIK'],
    ]);
    for (const item of res.body.items) expect(item.message).toMatch(/NIK/);
  });

  it('filters by severity and pages', async () => {
    const operator = await t.as(Role.OPERATOR_DINKES);
    const rejects = await operator.get(`/api/v1/enrollment-uploads/${uploadId}/issues?severity=REJECT`).expect(200);
    expect(rejects.body.items.map((i: any) => i.rowNumber)).toEqual([5]);
    const second = await operator.get(`/api/v1/enrollment-uploads/${uploadId}/issues?page=2&pageSize=1`).expect(200);
    expect(second.body).toMatchObject({ total: 2, items: [{ rowNumber: 5 }] });
  });

  it('answers a malformed id as an unknown upload (404), refuses a malformed severity with 400, and needs a login', async () => {
    const operator = await t.as(Role.OPERATOR_DINKES);
    expect((await operator.get('/api/v1/enrollment-uploads/bukan-uuid/issues').expect(404)).body.code).toBe('UPLOAD_NOT_FOUND');
    const bad = await operator.get(`/api/v1/enrollment-uploads/${uploadId}/issues?severity=ERROR`).expect(400);
    expect(bad.body.details[0].field).toBe('severity');
    await t.http.get(`/api/v1/enrollment-uploads/${uploadId}/issues`).expect(401);
  });

  it('answers 404 for an upload that does not exist, instead of an empty list', async () => {
    const res = await (await t.as(Role.AUDITOR)).get('/api/v1/enrollment-uploads/00000000-0000-4000-8000-000000000000/issues').expect(404);
    expect(res.body.code).toBe('UPLOAD_NOT_FOUND');
  });
});

/**
 * The issue list counts rows as well as messages (QA: "Baris ditolak dan peringatan (8)" over 7
 * rows), and a row's messages follow the sheet's columns, in the JSON and in the report's KETERANGAN
 * (they were listed by code, and by column name).
 */
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('upload issues: rows counted, column order', () => {
  let t: TestApp;
  let uploadId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const sheet =
      'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,TMT\n' +
      '1703060101700001,1703060101200001,Baris Baik,1970-01-01,L,17.03.06.2001,2025-01-01\n' +
      // three findings on one row: NAMA, KODE_DESA, TMT (by code they were TMT, NAMA, KODE_DESA)
      '1703060101700002,1703060101200001,12345,1970-01-01,L,17.03.06.9999,2025-02-30\n' +
      '1701060101700003,1703060101200001,Dari Luar,1970-01-01,L,17.03.06.2001,2025-01-01\n';
    const res = await (await t.as(Role.OPERATOR_DINKES)).post('/api/v1/enrollment-uploads').attach('file', Buffer.from(sheet), 'peserta.csv').expect(201);
    uploadId = res.body.id;
  }, 400_000);
  afterAll(() => t.close());

  it('answers the messages (total) and the rows they are on (rows), a row in its columns order', async () => {
    const res = await (await t.as(Role.AUDITOR)).get(`/api/v1/enrollment-uploads/${uploadId}/issues`).expect(200);
    expect(res.body).toMatchObject({ total: 4, rows: 2 });
    expect(res.body.items.map((i: any) => [i.rowNumber, i.column, i.code])).toEqual([
      [3, 'NAMA', 'NAME_WITHOUT_LETTERS'],
      [3, 'KODE_DESA', 'VILLAGE_UNKNOWN'],
      [3, 'TMT', 'DATE_INVALID'],
      [4, 'NIK', 'NIK_REGION_OUTSIDE'],
    ]);
    const warned = await (await t.as(Role.AUDITOR)).get(`/api/v1/enrollment-uploads/${uploadId}/issues?severity=WARN`).expect(200);
    expect(warned.body).toMatchObject({ total: 1, rows: 1 });
  });

  it('the report lists a row\'s messages in KETERANGAN in the same order', async () => {
    const res = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${uploadId}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const messages = String(wb.getWorksheet('Perbaiki')!.getRow(2).getCell(13).value).split('\n');
    expect(messages.map((m) => m.split(/\s/)[0])).toEqual(['NAMA', 'KODE_DESA', 'TMT']);
  });

  it('the console heads the list by rows, and says how many messages when a row has several', async () => {
    const { issuesCaption } = await consoleModule('issues-table.js');
    const one = [{ rowNumber: 4 }];
    expect(issuesCaption(one)).toBe('Baris ditolak dan peringatan (1 baris)');
    expect(issuesCaption([{ row: 3 }, { row: 3 }, { row: 4 }])).toBe('Baris ditolak dan peringatan (3 pesan pada 2 baris)');
    expect(issuesCaption([], 8, 7)).toBe('Baris ditolak dan peringatan (8 pesan pada 7 baris)');
  });
});

/**
 * QA A12: a background enrollment upload that ends FAILED showed the rows it had read (`rowsRead`) as if they counted.
 * Nothing of a FAILED upload is stored: its promotion, one transaction with the DONE mark, rolls back (here a database
 * error after every write of it, on the early-promotion path of PostgreSQL too), and its staging is cleared. The API
 * keeps `rowsRead` (API.md's contract: the rows read before the failure) beside `accepted`, `created`, `updated` 0; the
 * console's result and history say *Gagal — tidak ada baris yang disimpan* instead of the rows read.
 */
class FailingPromoter extends EnrollmentPromoter {
  protected override async promoteIn(m: EntityManager, uploadId: string, actor: string, rowsRead: number, file: FileColumns, early?: EarlyPromotion): Promise<PromotionCounts> {
    await super.promoteIn(m, uploadId, actor, rowsRead, file, early);
    await m.query('SELECT 1 / 0 AS boom'); // after every write of the promotion
    throw new Error('unreachable');
  }
}

describe('a FAILED background upload stored nothing, and the console says so', () => {
  let t: TestApp;
  let enrollment: any;
  beforeAll(async () => {
    t = await createTestApp({ uploadBackgroundBytes: 1 });
    Object.setPrototypeOf(t.app.get(EnrollmentPromoter), FailingPromoter.prototype);
    enrollment = await consoleModule('pages/enrollment.js');
  });
  afterAll(() => t?.close());

  it('the API keeps the rows read, nothing is in the register, the console shows no count as accepted', async () => {
    const res = await upload(t, 'ok/concurrent-a.csv');
    expect(res.body).toMatchObject({ status: 'PROCESSING' });
    await t.app.get(ImportEnrollmentSheet).idle();
    const operator = await t.as(Role.OPERATOR_DINKES);
    const failed = (await operator.get(`/api/v1/enrollment-uploads/${res.body.id}`).expect(200)).body;
    expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'REGISTER_WRITE_FAILED', rowsRead: 200, accepted: 0, created: 0, updated: 0, unchanged: 0 });
    expect([await count(t, 'participant'), await count(t, 'participant_change'), await count(t, 'enrollment_staging')]).toEqual([0, 0, 0]);

    expect(enrollment.resultCounts(failed)).toEqual([
      { label: 'Hasil', value: 'Gagal — tidak ada baris yang disimpan', tone: 'bad', hint: '200 baris sempat dibaca sebelum gagal; tidak satu pun masuk daftar peserta.' },
    ]);
    const [listed] = (await operator.get('/api/v1/enrollment-uploads').expect(200)).body.items;
    expect(enrollment.historyCounts(listed)).toEqual({ read: 'Gagal — tidak ada baris yang disimpan', accepted: '–', rejected: '–' });
    expect(enrollment.resultCounts({ ...failed, rowsRead: 0 })[0].hint).toBeNull(); // refused before a row was read
  });

  it('a DONE upload keeps its counts', () => {
    const done = { status: 'DONE', rowsRead: 1200, accepted: 1198, rejected: 2, warnings: 1, created: 1198, updated: 0, unchanged: 0 };
    expect(enrollment.resultCounts(done).map((c: { label: string; value: string }) => [c.label, c.value])).toEqual([
      ['Baris dibaca', '1.200'],
      ['Diterima', '1.198'],
      ['Ditolak', '2'],
      ['Diterima dengan peringatan', '1'],
      ['Peserta baru', '1.198'],
      ['Diperbarui', '0'],
      ['Tidak berubah', '0'],
    ]);
    expect(enrollment.historyCounts(done)).toEqual({ read: '1.200', accepted: '1.198', rejected: '2' });
  });
});
