import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * QA: a sheet refuses a control character (INVALID_CHARACTER), but the JSON routes stored one: a
 * payment reference `J-\u0007` (the workbook then showed `J-`), a funder `PT \u0007Bell\u001b[31m`,
 * a legal basis `x\b`. Every JSON text field (and query parameter) now refuses the controls a cell
 * refuses, and DEL and the C1 codes, naming the field; tab, line breaks and NEL stay whitespace, as in a cell.
 */
describe('a control character in a JSON text field is refused, naming the field', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  type Res = { status: number; body: { details?: { field: string; messages: string[] }[] } };
  const details = (res: Res) => ({ status: res.status, details: Object.fromEntries((res.body.details ?? []).map((d) => [d.field, d.messages[0]])) });
  const pledge = { code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 1_000_000 };
  const payment = { pledgeCode: 'APBD-2026', month: '2026-06', amount: 1000, paidAt: '2026-11-10' };

  it('a bell in a payment reference: 400 naming reference, with the character marked; nothing stored', async () => {
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/pledges').send(pledge).expect(201);
    expect(details(await finance.post('/api/v1/payments').send({ ...payment, reference: 'J-\u0007' }))).toEqual({
      status: 400,
      details: {
        reference:
          'reference memuat karakter kendali U+0007 yang tidak terlihat dan tidak dapat disimpan ' +
          '(di sini ditandai \uFFFD: "J-\uFFFD"). Hapus karakter itu atau ketik ulang isiannya, lalu kirim ulang.',
      },
    });
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM payment');
    expect(n).toBe(0);
  });

  it('every field with one is named at once (funder with a bell and an escape, legal basis with a backspace, a C1 control, DEL)', async () => {
    const finance = await t.as(Role.KEUANGAN);
    const res = details(await finance.post('/api/v1/pledges').send({ ...pledge, code: 'APBD-2027', funder: 'PT \u0007Bell\u001b[31m', legalBasis: 'x\b', villageCodes: ['17.03.06.2001\u009b'], niks: ['1703\u007f'] }));
    expect(res.status).toBe(400);
    expect(Object.keys(res.details).sort()).toEqual(['funder', 'legalBasis', 'niks.0', 'villageCodes.0']);
    expect(res.details.funder).toMatch(/^funder memuat karakter kendali U\+0007 .*"PT \uFFFDBell\uFFFD\[31m"/);
    expect(res.details.legalBasis).toMatch(/^legalBasis memuat karakter kendali U\+0008 /);
    expect(res.details['villageCodes.0']).toMatch(/^villageCodes\.0 memuat karakter kendali U\+009B /);
    expect(res.details['niks.0']).toMatch(/^niks\.0 memuat karakter kendali U\+007F /);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM pledge WHERE code = 'APBD-2027'`);
    expect(n).toBe(0);
  });

  it('a bidirectional override in a funder is refused, as in a cell (QA: "PT \\u202e6202-DBPA\\u202c" showed as "PT APBD-2026" in a signed workbook)', async () => {
    const finance = await t.as(Role.KEUANGAN);
    const res = details(await finance.post('/api/v1/pledges').send({ ...pledge, code: 'TJSLP-RTL-2026', sourceType: 'TJSLP', funder: 'PT \u202e6202-DBPA\u202c' }));
    expect(res).toEqual({
      status: 400,
      details: {
        funder:
          'funder memuat karakter pengatur arah teks U+202E yang tidak terlihat dan membuat teks tampil berbeda dari isinya, sehingga tidak diterima ' +
          '(di sini ditandai \uFFFD: "PT \uFFFD6202-DBPA\uFFFD"). Hapus karakter itu atau ketik ulang isiannya, lalu kirim ulang.',
      },
    });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM pledge WHERE code = 'TJSLP-RTL-2026'`);
    expect(n).toBe(0);
  });

  it('tab and line breaks are whitespace, as in a cell (a revision reason keeps them), other controls are not; a query parameter is checked too', async () => {
    const finance = await t.as(Role.KEUANGAN);
    const revised = await finance.patch('/api/v1/pledges/APBD-2026').send({ budget: 2_000_000, reason: 'APBD-P 2026\n\tPerda No. 5/2026' });
    expect(revised.status).toBe(200);
    const [{ reason }] = await t.dataSource.query(`SELECT reason FROM pledge_revision WHERE code = 'APBD-2026' AND revision = 2`);
    expect(reason).toBe('APBD-P 2026\n\tPerda No. 5/2026');
    expect(details(await finance.patch('/api/v1/pledges/APBD-2026').send({ budget: 3_000_000, reason: 'APBD-P\u001b' })).details.reason).toMatch(/^reason memuat karakter kendali U\+001B yang tidak terlihat dan tidak dapat disimpan \(di sini ditandai \uFFFD: "APBD-P\uFFFD"\)/);
    expect(details(await finance.get('/api/v1/payments?pledgeCode=APBD%1B2026')).details.pledgeCode).toMatch(/^pledgeCode memuat karakter kendali U\+001B /);
  });

  it('a zero-width space is not a control character: kept in a funder as a sheet keeps it, dropped from a reference as the sheet upload drops it', async () => {
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/pledges').send({ ...pledge, code: 'TJSL-2026', sourceType: 'TJSLP', funder: 'PT\u200bBell' }).expect(201);
    const [{ funder }] = await t.dataSource.query(`SELECT funder FROM pledge WHERE code = 'TJSL-2026'`);
    expect(funder).toBe('PT\u200bBell');
    const paid = await finance.post('/api/v1/payments').send({ ...payment, reference: 'J-\u200b1' }).expect(201);
    expect(paid.body.reference).toBe('J-1');
  });
});
