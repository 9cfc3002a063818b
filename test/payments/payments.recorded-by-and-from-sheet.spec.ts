/**
 * An auditor traces who recorded a payment, when, and from which payment sheet (QA: a sheet's one `payment.upload`
 * audit event held only the file's name and size; no payment said when it was recorded nor from which upload).
 * GET /payments gives `createdBy`, `createdAt`, `uploadId` and `uploadFilename` (null for a payment recorded on its
 * own), filters by `uploadId`; the `payment.upload` event's summary lists the payments created (id, pledge, month,
 * amount, reference, row), the first 20 of a long sheet with the rest counted.
 *
 * One participant, Rp37.800 a month, APBD-2026 pays for him; October 2026 allocated. Clock: 4 December 2026 10:00 WIB.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(180_000);

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
        { id: ids['SP2D DUA'], pledgeCode: 'APBD-2026', month: '2026-10', amount: 20000, reference: 'SP2D DUA', row: 2 },
        { id: ids['SP2D TIGA'], pledgeCode: 'APBD-2026', month: '2026-10', amount: 7800, reference: 'SP2D TIGA', row: 4 },
      ],
    });
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
  });

  it('an uploadId that is no UUID is refused, one no sheet has lists nothing', async () => {
    const bad = await (await t.as(Role.AUDITOR)).get('/api/v1/payments?uploadId=abc').expect(400);
    expect(JSON.stringify(bad.body)).toContain('uploadId');
    expect(await list('uploadId=00000000-0000-4000-8000-000000000000')).toEqual({ items: [], total: 0 });
  });

  it("a sheet's payment removed: the audit's `removed` still names the sheet", async () => {
    const [payment] = (await list('month=2026-10&pageSize=1000')).items.filter((p: { reference: string }) => p.reference === 'SP2D DUA');
    await (await t.as(Role.KEUANGAN)).delete(`/api/v1/payments/${payment.id}`).expect(200);
    const [event] = await t.dataSource.query(`SELECT summary FROM audit_event WHERE action = 'payment.delete' ORDER BY id DESC LIMIT 1`);
    expect(JSON.parse(event.summary).removed).toMatchObject({ reference: 'SP2D DUA', uploadFilename: 'pembayaran-oktober.csv', uploadId: payment.uploadId });
  });
});
