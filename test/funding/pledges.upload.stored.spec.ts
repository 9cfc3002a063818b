/**
 * A pledge sheet that is not a dry run is kept like every other upload: listed newest first, read
 * back with its refused rows, and its row report (Perbaiki, with the refused pledges' Daftar rows)
 * downloaded, fixed and uploaded again. Every reader sees them (auditors too, as payment sheets); only
 * the roles that upload them upload; a dry run is never stored.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { pledgeWorkbook, type SheetRow } from './support/pledge-workbook.js';
import { binary } from '../reports/support/xlsx.js';

const HEADER = ['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'KODE_DESA', 'NIK', 'PERSEN BAGIAN'];

const workbook = (rows: SheetRow[], list: SheetRow[] = []) => pledgeWorkbook(HEADER, rows, list.length ? { rows: list } : undefined);

describe('pledge sheet uploads are stored: list, read, row report', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
  });
  afterAll(() => t?.close());

  const upload = (file: Buffer, name: string, query = '') => keuangan.post(`/api/v1/pledge-uploads${query}`).attach('file', file, name);
  let first: { id: string; issues: unknown[] };
  let firstFile: Buffer;

  it('an upload with good and bad rows answers as before, with the id it was stored under', async () => {
    firstFile = await workbook(
      [
        ['APBD-2026', 'APBD', 'Pemkab', 2026, 'ALL', null, null, 100],
        ['TJSLP-X-2026', 'TJSLP', 'PT X', 2026, 'VILLAGES', '1703999999', null, 100],
        ['TJSLP-R-2026', 'TJSLP', 'PT R', 2026, 'RESIDENTS', null, null, 150],
      ],
      [
        ['TJSLP-R-2026', '1703064101900001'],
        ['NOPE', '1703064101900003'],
      ],
    );
    const res = await upload(firstFile, 'komitmen 2026.xlsx').expect(201);
    expect(res.body).toMatchObject({ filename: 'komitmen 2026.xlsx', dryRun: false, rowsRead: 3, accepted: 1, rejected: 2 });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.pledges.map((p: { code: string }) => p.code)).toEqual(['APBD-2026']);
    expect(res.body.issues).toEqual([
      { sheet: 'Komitmen', rowNumber: 3, column: 'KODE_DESA', message: expect.stringContaining('Kode desa tidak dikenal') },
      { sheet: 'Komitmen', rowNumber: 4, column: 'PERSEN BAGIAN', message: expect.stringContaining('PERSEN BAGIAN "150" harus bilangan bulat') },
      { sheet: 'Daftar', rowNumber: 3, column: 'NILAI', message: expect.stringContaining('"NOPE" tidak ada') },
    ]);
    first = res.body;
  });

  it('each pledge saved from the sheet has its own audit event under its code, naming the upload and row (QA: none), and finds the upload event', async () => {
    const auditor = await t.as(Role.AUDITOR);
    const events = (await auditor.get('/api/v1/audit-events?entity=pledge&entityId=APBD-2026').expect(200)).body.items;
    // newest first: the sheet's own event, written after the pledges it saved, concerns them (found by their codes)
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ action: 'pledge.upload', entity: 'pledge_upload', entityId: first.id });
    expect(events[1]).toMatchObject({ action: 'pledge.create', entity: 'pledge', entityId: 'APBD-2026' });
    const summary = typeof events[1].summary === 'string' ? JSON.parse(events[1].summary) : events[1].summary;
    expect(summary).toEqual({ upload: first.id, file: 'komitmen 2026.xlsx', row: 2 });
    // a pledge the sheet refused is no concern of it
    expect((await auditor.get('/api/v1/audit-events?entityId=TJSLP-X-2026').expect(200)).body.total).toBe(0);
    expect((await auditor.get('/api/v1/audit-events/verify').expect(200)).body.intact).toBe(true);
  });

  it('a dry run is checked but not stored', async () => {
    const before = (await keuangan.get('/api/v1/pledge-uploads').expect(200)).body.total;
    const dry = await upload(await workbook([['TJSLP-D-2026', 'TJSLP', 'PT D', 2026, 'ALL', null, null, 10]]), 'cek.xlsx', '?dryRun=true').expect(201);
    expect(dry.body).toMatchObject({ dryRun: true, accepted: 1 });
    expect(dry.body).not.toHaveProperty('id');
    expect((await keuangan.get('/api/v1/pledge-uploads').expect(200)).body.total).toBe(before);
  });

  it('reads the upload back: file, checksum, who and when, counts and the refused rows its answer listed', async () => {
    const res = await keuangan.get(`/api/v1/pledge-uploads/${first.id}`).expect(200);
    expect(res.body).toEqual({
      id: first.id,
      filename: 'komitmen 2026.xlsx',
      checksum: createHash('sha256').update(firstFile).digest('hex'),
      uploadedBy: 'uji-keuangan',
      uploadedAt: t.clock.now().toISOString(),
      rowsRead: 3,
      accepted: 1,
      rejected: 2,
      listRowsRejected: 1,
      // the alias read as PERSEN is said, and kept with the upload as its answer said it
      sheetWarnings: [
        {
          code: 'HEADERS_READ_AS',
          sheet: 'Komitmen',
          headersReadAs: [{ header: 'PERSEN BAGIAN', column: 'PERSEN', columnLetter: 'H' }],
          message: 'Sheet Komitmen: kolom "PERSEN BAGIAN" (kolom H) dibaca sebagai PERSEN.',
        },
      ],
      issues: first.issues,
    });
  });

  it('lists uploads newest first, paged, with the total', async () => {
    t.clock.set(new Date('2026-11-16T03:00:00Z'));
    const second = await upload(await workbook([['TJSLP-S-2026', 'TJSLP', 'PT S', 2026, 'ALL', null, null, 10]]), 'kedua.xlsx').expect(201);
    const page1 = await keuangan.get('/api/v1/pledge-uploads?pageSize=1').expect(200);
    expect(page1.body.total).toBe(2);
    expect(page1.body.items).toEqual([expect.objectContaining({ id: second.body.id, filename: 'kedua.xlsx', accepted: 1, rejected: 0, uploadedAt: '2026-11-16T03:00:00.000Z' })]);
    const page2 = await keuangan.get('/api/v1/pledge-uploads?page=2&pageSize=1').expect(200);
    expect(page2.body.items.map((u: { id: string }) => u.id)).toEqual([first.id]);
    await keuangan.get('/api/v1/pledge-uploads?pageSize=101').expect(400);
  });

  it('the row report repeats the refused pledge rows as uploaded; fixed and uploaded again, they are saved', async () => {
    const admin = await t.as(Role.ADMIN);
    const res = await admin.get(`/api/v1/pledge-uploads/${first.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    // named after the sheet and the upload, not like the pledge statement (QA: laporan-komitmen-<day>.xlsx)
    expect(res.headers['content-disposition']).toContain(`laporan-unggahan-komitmen-komitmen_2026-2026-11-15-${first.id.slice(0, 8)}.xlsx`);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(res.body as never);
    const perbaiki = report.getWorksheet('Perbaiki')!;
    const values = (n: number) => (perbaiki.getRow(n).values as unknown[]).slice(1);
    // the file's columns in its order, those it lacked after them
    expect(values(1)).toEqual([
      ...HEADER, 'JENIS_DANA', 'BULAN_DARI', 'BULAN_SAMPAI', 'KUOTA', 'PAGU', 'PRIORITAS', 'DASAR_HUKUM', 'BARIS', 'STATUS', 'KETERANGAN',
    ]);
    expect(perbaiki.rowCount).toBe(3);
    const row2 = values(2);
    expect([row2[0], row2[1], row2[2], row2[3], row2[4], row2[5], row2[7], row2[15], row2[16]]).toEqual(['TJSLP-X-2026', 'TJSLP', 'PT X', 2026, 'VILLAGES', '1703999999', 100, 3, 'DITOLAK']);
    expect(String(row2[17])).toContain('Kode desa tidak dikenal');
    expect(values(3)[0]).toBe('TJSLP-R-2026');
    expect(values(3)[15]).toBe(4);
    const summary = report.getWorksheet('Ringkasan')!;
    const lines = new Map<string, unknown>();
    summary.eachRow((row) => lines.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(lines.get('Berkas')).toBe('komitmen 2026.xlsx');
    expect(lines.get('Diunggah oleh')).toBe('uji-keuangan');
    expect([lines.get('Baris dibaca'), lines.get('Diterima'), lines.get('Ditolak'), lines.get('Baris Daftar ditolak')]).toEqual([3, 1, 2, 1]);
    expect(String(lines.get('Catatan'))).toContain('unggah berkas ini saja');
    // the refused pledge's list and the refused Daftar row, with its message
    const daftar = report.getWorksheet('Daftar')!;
    expect(report.worksheets.map((w) => w.name)).toEqual(['Perbaiki', 'Daftar', 'Ringkasan']);
    expect((daftar.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['TJSLP-R-2026', '1703064101900001', 2]);
    expect((daftar.getRow(3).values as unknown[]).slice(1, 5)).toEqual(['NOPE', '1703064101900003', 3, 'DITOLAK']);
    expect(String(daftar.getCell('E3').value)).toContain('"NOPE" tidak ada');

    // the one fix per row, the stray Daftar row dropped, then the workbook uploaded as it is (its Perbaiki is read as the pledge sheet)
    perbaiki.getCell('F2').value = '17.03.06.2001'; // KODE_DESA
    perbaiki.getCell('H3').value = 50; // PERSEN BAGIAN
    daftar.spliceRows(3, 1);
    const again = await upload(Buffer.from(await report.xlsx.writeBuffer()), 'laporan-diperbaiki.xlsx').expect(201);
    expect(again.body).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, issues: [] });
    expect((await keuangan.get('/api/v1/pledges/TJSLP-X-2026').expect(200)).body.villageCodes).toEqual(['17.03.06.2001']);
    expect((await keuangan.get('/api/v1/pledges/TJSLP-R-2026').expect(200)).body.niks).toEqual(['1703064101900001']);
  });

  it('auditors see who uploaded which pledge sheet (as payment sheets), but upload none; operators see none', async () => {
    const auditor = await t.as(Role.AUDITOR);
    expect((await auditor.get('/api/v1/pledge-uploads').expect(200)).body.items).toContainEqual(expect.objectContaining({ id: first.id, uploadedBy: 'uji-keuangan' }));
    expect((await auditor.get(`/api/v1/pledge-uploads/${first.id}`).expect(200)).body.issues).toEqual(first.issues);
    await auditor.get(`/api/v1/pledge-uploads/${first.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    await auditor.post('/api/v1/pledge-uploads').attach('file', firstFile, 'a.xlsx').expect(403);
    const operator = await t.as(Role.OPERATOR_DINKES);
    await operator.get('/api/v1/pledge-uploads').expect(403);
    await operator.get(`/api/v1/pledge-uploads/${first.id}`).expect(403);
    await operator.get(`/api/v1/pledge-uploads/${first.id}/report.xlsx`).expect(403);
  });

  it('an unknown or malformed id is 404 UPLOAD_NOT_FOUND', async () => {
    for (const url of ['/api/v1/pledge-uploads/00000000-0000-4000-8000-000000000000', '/api/v1/pledge-uploads/00000000-0000-4000-8000-000000000000/report.xlsx', '/api/v1/pledge-uploads/abc']) {
      const res = await keuangan.get(url).expect(404);
      expect(res.body).toMatchObject({ code: 'UPLOAD_NOT_FOUND', message: expect.stringContaining('Unggahan lembar komitmen') });
    }
  });
});
