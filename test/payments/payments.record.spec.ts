import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { closeMonth } from '../funding/support/register.js';

// Booting each describe's app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

/** DOMAIN §8: recording payments by API: validation, unknown pledge, listing. */
describe('payments: record and list', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
  });
  afterAll(() => t?.close());

  const base = { pledgeCode: 'APBD-2026', month: '2026-10', amount: 37800, paidAt: '2026-10-08', reference: 'SP2D 00123/LS/2026' };

  it('records a payment; a timestamp is stored as its WIB day', async () => {
    const api = await t.as(Role.KEUANGAN);
    const res = await api.post('/api/v1/payments').send({ ...base, paidAt: '2026-10-10T18:00:00Z' }).expect(201);
    expect(res.body).toMatchObject({ ...base, paidAt: '2026-10-11', adjustsMonth: null, createdBy: 'uji-keuangan' });
  });

  it('refuses an unknown pledge with 404 and an Indonesian message', async () => {
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send({ ...base, pledgeCode: 'TIDAK-ADA' }).expect(404);
    expect(res.body.message).toMatch(/Komitmen pendanaan "TIDAK-ADA" tidak ditemukan/);
    // a code in the wrong case names the pledge meant, as GET /splits and the payment sheet do (QA)
    const api = await t.as(Role.KEUANGAN);
    const wrongCase = await api.post('/api/v1/payments').send({ ...base, pledgeCode: 'apbd-2026' }).expect(404);
    expect(wrongCase.body).toMatchObject({ code: 'PLEDGE_NOT_FOUND', details: { code: 'apbd-2026', similar: 'APBD-2026' } });
    expect(wrongCase.body.message).toBe('Komitmen pendanaan "apbd-2026" tidak ditemukan. Maksudnya "APBD-2026"? Huruf besar/kecil pada kode komitmen dibedakan.');
    // and beside the field when another field is malformed too (one VALIDATION_FAILED)
    const withBadAmount = await api.post('/api/v1/payments').send({ ...base, pledgeCode: 'apbd-2026', amount: 0 }).expect(400);
    expect(JSON.stringify(withBadAmount.body.details)).toContain('Maksudnya \\"APBD-2026\\"?');
  });

  it('refuses fractions, zero, bad dates and an adjustment of a later month', async () => {
    const api = await t.as(Role.KEUANGAN);
    await api.post('/api/v1/payments').send({ ...base, amount: 37800.5 }).expect(400);
    await api.post('/api/v1/payments').send({ ...base, amount: 0 }).expect(400);
    await api.post('/api/v1/payments').send({ ...base, paidAt: '2026-13-01' }).expect(400);
    // every field at fault comes back at once, the impossible day among them
    const all = await api.post('/api/v1/payments').send({ ...base, amount: 0, paidAt: '2026-13-45', reference: '' }).expect(400);
    expect(all.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(all.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['amount', 'paidAt', 'reference']);
    expect(JSON.stringify(all.body.details)).toContain('paidAt bukan tanggal yang ada di kalender');
    // a timestamp without a zone is a real day: what it lacks is the zone (QA: "bukan tanggal yang ada di kalender")
    const zoneless = await api.post('/api/v1/payments').send({ ...base, paidAt: '2026-10-04T20:00:00' }).expect(400);
    expect(zoneless.body.details).toEqual([
      { field: 'paidAt', messages: ['paidAt: waktu tanpa zona waktu; tulis tanggal saja (2026-10-04) atau sertakan zona, mis. 2026-10-04T20:00:00+07:00'] },
    ]);
    const impossible = await api.post('/api/v1/payments').send({ ...base, paidAt: '2026-02-30T20:00:00' }).expect(400);
    expect(JSON.stringify(impossible.body.details)).toContain('paidAt bukan tanggal yang ada di kalender');
    await api.post('/api/v1/payments').send({ ...base, adjustsMonth: '2026-10' }).expect(400);
    // in the form's words, beside its field (QA: "adjustsMonth (November 2026) harus lebih awal dari month (…)", no field)
    const later = await api.post('/api/v1/payments').send({ ...base, month: '2026-09', adjustsMonth: '2026-11', paidAt: '2026-09-08' }).expect(400);
    expect(later.body).toMatchObject({ code: 'INVALID_ADJUSTMENT', details: { field: 'adjustsMonth', month: '2026-09', adjustsMonth: '2026-11' } });
    expect(later.body.message).toMatch(/^Koreksi untuk bulan \(November 2026\) harus lebih awal dari bulan iuran \(September 2026\)/);
    expect(later.body.message).not.toMatch(/adjustsMonth|\bmonth\b/);
    await (await t.as(Role.AUDITOR)).post('/api/v1/payments').send(base).expect(403);
  });

  it('lists payments by month and pledge', async () => {
    await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send({ ...base, month: '2026-11', paidAt: '2026-11-03' }).expect(201);
    const res = await (await t.as(Role.AUDITOR)).get('/api/v1/payments?month=2026-10&pledgeCode=APBD-2026').expect(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({ month: '2026-10', amount: 37800 });
    // a pledge that does not exist is said so, naming the one in other case, not an empty list that reads as "nothing paid" (QA)
    const wrongCase = await (await t.as(Role.AUDITOR)).get('/api/v1/payments?pledgeCode=apbd-2026').expect(404);
    expect(wrongCase.body).toMatchObject({ code: 'PLEDGE_NOT_FOUND', details: { similar: 'APBD-2026' } });
    await (await t.as(Role.AUDITOR)).get('/api/v1/payments?pledgeCode=NOPE-2026').expect(404);
  });
});

/**
 * An auditor traces who recorded a payment, when, and from which payment sheet (QA: a sheet's one `payment.upload`
 * audit event held only the file's name and size; no payment said when it was recorded nor from which upload).
 * GET /payments gives `createdBy`, `createdAt`, `uploadId` and `uploadFilename` (null for a payment recorded on its
 * own), filters by `uploadId`; the `payment.upload` event's summary lists the payments created (id, pledge, month,
 * amount, reference, row), the first 20 of a long sheet with the rest counted.
 *
 * One participant, Rp37.800 a month, APBD-2026 pays for him; October 2026 allocated. Clock: 4 December 2026 10:00 WIB.
 */
const AT = '2026-12-04T03:00:00.000Z';
const HEADER = 'KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI';

describe('payments: who recorded each, when, and from which sheet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, new Date(AT));
    await insertParticipants(t.dataSource, [{ nik: nik(1) }]);
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    await (await t.as(Role.KEUANGAN)).post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
  });
  afterAll(() => t?.close());

  const list = async (query: string) => (await (await t.as(Role.AUDITOR)).get(`/api/v1/payments?${query}`).expect(200)).body;
  const upload = async (name: string, rows: string[]) =>
    (await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from([HEADER, ...rows].join('\n')), name).expect(201)).body;
  const auditOf = async (query: string) => (await (await t.as(Role.AUDITOR)).get(`/api/v1/audit-events?${query}`).expect(200)).body;
  const lastUploadEvent = async () => {
    const [event] = await t.dataSource.query(`SELECT entity_id AS "entityId", summary FROM audit_event WHERE action = 'payment.upload' ORDER BY id DESC LIMIT 1`);
    return { entityId: event.entityId as string, summary: JSON.parse(event.summary) };
  };

  it('a payment recorded on its own: by whom and when, from no sheet', async () => {
    await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-10', amount: 10000, paidAt: '2026-10-05', reference: 'SP2D SATU' }).expect(201);
    expect((await list('month=2026-10')).items).toEqual([
      expect.objectContaining({ reference: 'SP2D SATU', createdBy: 'uji-keuangan', createdAt: AT, uploadId: null, uploadFilename: null }),
    ]);
  });

  it("a sheet's payments name it; the audit event lists each payment created with its row", async () => {
    t.clock.set(new Date('2026-12-04T04:30:00Z'));
    const answer = await upload('pembayaran-oktober.csv', ['APBD-2026;2026-10;20000;2026-10-06;SP2D DUA', 'TIDAK-ADA-2026;2026-10;5000;2026-10-06;SP2D X', 'APBD-2026;2026-10;7800;2026-10-07;SP2D TIGA']);
    expect(answer).toMatchObject({ payments: 2, amount: 27800, rejected: 1 });
    const fromSheet = (await list(`uploadId=${answer.id}`)).items;
    expect(fromSheet.map((p: { reference: string; amount: number; createdAt: string; uploadId: string; uploadFilename: string; createdBy: string }) => [p.reference, p.amount, p.createdBy, p.createdAt, p.uploadId, p.uploadFilename])).toEqual([
      ['SP2D DUA', 20000, 'uji-keuangan', '2026-12-04T04:30:00.000Z', answer.id, 'pembayaran-oktober.csv'],
      ['SP2D TIGA', 7800, 'uji-keuangan', '2026-12-04T04:30:00.000Z', answer.id, 'pembayaran-oktober.csv'],
    ]);
    expect((await list('month=2026-10')).total).toBe(3);
    const [stored] = await t.dataSource.query(`SELECT count(*)::int AS n FROM payment WHERE upload_id = $1`, [answer.id]);
    expect(stored.n).toBe(2);

    const event = await lastUploadEvent();
    expect(event.summary.file).toMatchObject({ name: 'pembayaran-oktober.csv' });
    const ids = Object.fromEntries(fromSheet.map((p: { reference: string; id: string }) => [p.reference, p.id]));
    expect(event.summary.recorded).toEqual({
      uploadId: answer.id,
      payments: 2,
      amount: 27800,
      listed: [
        { id: ids['SP2D DUA'], pledgeCode: 'APBD-2026', month: '2026-10', amount: 20000, paidAt: '2026-10-06', reference: 'SP2D DUA', row: 2 },
        { id: ids['SP2D TIGA'], pledgeCode: 'APBD-2026', month: '2026-10', amount: 7800, paidAt: '2026-10-07', reference: 'SP2D TIGA', row: 4 },
      ],
    });
    // found by a payment's own id, as a payment recorded on its own is (QA: filed under the upload, total 0)
    const found = await auditOf(`entity=payment&entityId=${ids['SP2D TIGA']}`);
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ action: 'payment.upload', entity: 'payment', entityId: answer.id });
    expect((await auditOf(`entityId=${ids['SP2D DUA']}`)).total).toBe(1); // whatever the kind asked
    expect((await auditOf(`entity=pledge&entityId=${ids['SP2D DUA']}`)).total).toBe(0); // a payment's, not a pledge's
    expect((await auditOf(`entity=payment&entityId=${answer.id}`)).total).toBe(1); // and by the upload's, as before
  });

  it('a long sheet: the first 20 listed, the rest counted and where to find them; the summary is not truncated', async () => {
    const rows = Array.from({ length: 45 }, (_, k) => `APBD-2026;2026-10;100;2026-10-08;PANJANG-${String(k + 1).padStart(2, '0')}`);
    const answer = await upload('pembayaran-panjang.csv', rows);
    expect(answer.payments).toBe(45);
    const { summary } = await lastUploadEvent();
    expect(summary.truncated).toBeUndefined();
    expect(summary.recorded.listed.map((p: { reference: string }) => p.reference)).toEqual(Array.from({ length: 20 }, (_, k) => `PANJANG-${String(k + 1).padStart(2, '0')}`));
    expect(summary.recorded).toMatchObject({ uploadId: answer.id, payments: 45, amount: 4500, more: 25, note: `20 pembayaran pertama tercantum; 25 lainnya: GET /api/v1/payments?uploadId=${answer.id}` });
    expect((await list(`uploadId=${answer.id}&pageSize=1`)).total).toBe(45);
    // a payment the summary does not list is found by its id all the same
    const last = (await list(`uploadId=${answer.id}&pageSize=100`)).items.find((p: { reference: string }) => p.reference === 'PANJANG-45');
    const found = await auditOf(`entity=payment&entityId=${last.id}`);
    expect(found.items.map((e: { action: string; entityId: string }) => [e.action, e.entityId])).toEqual([['payment.upload', answer.id]]);
  });

  it('an uploadId that is no UUID is refused, one no sheet has lists nothing', async () => {
    const bad = await (await t.as(Role.AUDITOR)).get('/api/v1/payments?uploadId=abc').expect(400);
    expect(JSON.stringify(bad.body)).toContain('uploadId');
    expect(await list('uploadId=00000000-0000-4000-8000-000000000000')).toEqual({ items: [], total: 0 });
  });

  it("a sheet's payment removed: the audit's `removed` still names the sheet", async () => {
    const [payment] = (await list('month=2026-10&pageSize=1000')).items.filter((p: { reference: string }) => p.reference === 'SP2D DUA');
    await (await t.as(Role.KEUANGAN)).delete(`/api/v1/payments/${payment.id}`).send({ reason: 'Tercatat keliru' }).expect(200);
    const [event] = await t.dataSource.query(`SELECT summary FROM audit_event WHERE action = 'payment.delete' ORDER BY id DESC LIMIT 1`);
    expect(JSON.parse(event.summary).removed).toMatchObject({ reference: 'SP2D DUA', uploadFilename: 'pembayaran-oktober.csv', uploadId: payment.uploadId });
    // its trail by its id: the sheet that recorded it, then its removal
    const trail = await auditOf(`entity=payment&entityId=${payment.id}`);
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(['payment.delete', 'payment.upload']);
  });
});

/** POST /payments: a malformed field and the terms the other fields break come back in one answer (QA: terms only on the next submit). */
// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
type Problem = { field: string; messages: string[] };

describe('payments: every problem of a submit in one answer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(); // today: 15 November 2026
    await insertPledge(t.dataSource, 'APBD-2026');
    await closeMonth(t.dataSource, '2026-09');
  });
  afterAll(() => t?.close());

  const base = { pledgeCode: 'APBD-2026', month: '2026-11', amount: 1000, paidAt: '2026-11-10', reference: 'SP2D 70' };
  const send = async (body: object) => (await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send(body).expect(400)).body;

  it('a malformed amount comes with the wrong fiscal year and a day still to come, each beside its field', async () => {
    const body = await send({ ...base, amount: '1.000,5', month: '2025-10', paidAt: '2099-12-31' });
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details).toEqual([
      { field: 'amount', messages: ['amount harus bilangan bulat rupiah, bukan teks'] }, // '1.000,5': text, said so
      { field: 'month', messages: ['Bulan Oktober 2025 di luar tahun anggaran komitmen (2026). Pembayaran untuk bulan itu dicatat pada komitmen tahun 2025.'] },
      { field: 'paidAt', messages: ['Tanggal bayar 31 Desember 2099 sesudah hari ini (15 November 2026): periksa tanggal SP2D, terutama tahunnya.'] },
    ]);
  });

  it('an empty reference comes with a correction of an open month and a day before the fiscal year', async () => {
    const body = await send({ ...base, reference: '', adjustsMonth: '2026-10', paidAt: '2016-11-05' });
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.map((p: Problem) => p.field)).toEqual(['reference', 'paidAt', 'adjustsMonth']);
    expect(body.details[1].messages[0]).toMatch(/^Tanggal bayar 5 November 2016 sebelum tahun anggaran komitmen \(2026\)/);
    expect(body.details[2].messages[0]).toMatch(/^Bulan Oktober 2026 belum difinalisasi/);
  });

  it('an unknown pledge, a finalized month and a correction of a later month are told too', async () => {
    const body = await send({ ...base, pledgeCode: 'TIDAK-ADA', amount: 0, month: '2026-09', adjustsMonth: '2026-10' });
    expect(body.details.map((p: Problem) => p.field)).toEqual(['amount', 'pledgeCode', 'month', 'adjustsMonth']);
    expect(body.details[1].messages).toEqual([expect.stringMatching(/^Komitmen pendanaan "TIDAK-ADA" tidak ditemukan/)]);
    expect(body.details[2].messages).toEqual([expect.stringMatching(/^Bulan September 2026 sudah difinalisasi/)]);
    expect(body.details[3].messages).toEqual([expect.stringMatching(/^Koreksi untuk bulan \(Oktober 2026\) harus lebih awal/), expect.stringMatching(/^Bulan Oktober 2026 belum difinalisasi/)]);
  });

  it('a malformed field is not judged by the terms, and sound terms add nothing', async () => {
    const badDay = await send({ ...base, month: '2025-10', paidAt: '2026-02-30' });
    expect(badDay.details.map((p: Problem) => p.field)).toEqual(['paidAt', 'month']);
    const badMonth = await send({ ...base, month: '2026-13', amount: -1 });
    expect(badMonth.details.map((p: Problem) => p.field)).toEqual(['month', 'amount']);
    const unknownField = await send({ ...base, catatan: 'x' });
    expect(unknownField.details).toEqual([{ field: 'catatan', messages: ['kolom catatan tidak dikenal'] }]);
  });
});

/**
 * QA: PLEDGE_NOT_FOUND named the code as `details.code` on most routes and as `details.pledgeCode`
 * on POST /payments. Every route now says it one way: `{ code, similar? }`.
 */
describe('PLEDGE_NOT_FOUND has one shape on every route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
  });
  afterAll(() => t?.close());

  it('details are { code, similar } wherever a pledge code is not found', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    const payment = { pledgeCode: 'apbd-2026', month: '2026-10', amount: 37800, paidAt: '2026-10-08', reference: 'SP2D 1/LS/2026' };
    const answers = {
      'POST /payments': await keuangan.post('/api/v1/payments').send(payment),
      'GET /payments': await keuangan.get('/api/v1/payments?pledgeCode=apbd-2026'),
      'GET /splits': await keuangan.get('/api/v1/splits?pledgeCode=apbd-2026'),
      'GET /pledges/:code': await keuangan.get('/api/v1/pledges/apbd-2026'),
      'PATCH /pledges/:code': await keuangan.patch('/api/v1/pledges/apbd-2026').send({ quota: 10, reason: 'uji' }),
    };
    for (const [route, res] of Object.entries(answers)) {
      expect({ route, status: res.status, code: res.body.code, details: res.body.details }).toEqual({
        route,
        status: 404,
        code: 'PLEDGE_NOT_FOUND',
        details: { code: 'apbd-2026', similar: 'APBD-2026' },
      });
    }
    const unknown = await keuangan.post('/api/v1/payments').send({ ...payment, pledgeCode: 'TIDAK-ADA' }).expect(404);
    expect(unknown.body.details).toEqual({ code: 'TIDAK-ADA' });
  });
});
