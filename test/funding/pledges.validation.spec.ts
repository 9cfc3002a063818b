import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const base = { code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab Bengkulu Utara', fiscalYear: 2026, scope: 'ALL' };

describe('POST /api/v1/pledges: validation with Indonesian messages (§5)', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
  });
  afterAll(() => t.close());

  const post = (body: object) => keuangan.post('/api/v1/pledges').send(body);
  const problems = (res: { body: { details: { field: string; messages: string[] }[] } }) =>
    Object.fromEntries(res.body.details.map((d) => [d.field, d.messages.join(' | ')]));

  it('applies the defaults: months 1..12, share 100, priority by scope', async () => {
    const res = await post({ ...base, budget: 1_000_000_000 }).expect(201);
    expect(res.body).toMatchObject({ code: 'APBD-2026', revision: 1, fromMonth: 1, toMonth: 12, sharePercent: 100, priority: 90, budget: 1_000_000_000, quota: null, fund: null, warnings: [] });
    const villages = await post({ ...base, code: 'TJSLP-A-2026', sourceType: 'TJSLP', scope: 'VILLAGES', villageCodes: ['1703062001'] }).expect(201);
    expect(villages.body).toMatchObject({ priority: 20, villageCodes: ['17.03.06.2001'] });
    const residents = await post({ ...base, code: 'TJSLP-B-2026', sourceType: 'TJSLP', scope: 'RESIDENTS', niks: ['1703060101900001'] }).expect(201);
    expect(residents.body.priority).toBe(10);
  });

  it('repeats a long code it refuses cut to 60 characters, not whole', async () => {
    const code = 'K'.repeat(100_000);
    const res = await post({ ...base, code }).expect(400);
    expect(JSON.stringify(res.body).length).toBeLessThan(2_000);
    expect(problems(res).code).toBe('code terlalu panjang (100000 karakter, paling banyak 80).');
    expect(problems(await post({ ...base, code: `${'K'.repeat(70)} ${'K'.repeat(9)}` }).expect(400)).code).toContain(`code "${'K'.repeat(60)}…" hanya boleh`);
    const missing = await keuangan.get(`/api/v1/pledges/${'x'.repeat(100)}`).expect(404);
    expect(JSON.stringify(missing.body).length).toBeLessThan(500);
    const overLong = await keuangan.get(`/api/v1/pledges/${'x'.repeat(5_000)}`).expect(414);
    expect(overLong.body).toEqual({ statusCode: 414, message: 'Alamat terlalu panjang.', code: 'URI_TOO_LONG' });
  });

  it('says which rule a code breaks: its first character, its length, or a character it may not hold (QA: "-1-1")', async () => {
    expect(problems(await post({ ...base, code: '-1-1' }).expect(400)).code).toBe('code "-1-1" harus diawali huruf atau angka (bukan titik, garis bawah atau tanda hubung).');
    expect(problems(await post({ ...base, code: 'K'.repeat(81) }).expect(400)).code).toBe('code terlalu panjang (81 karakter, paling banyak 80).');
    expect(problems(await post({ ...base, code: 'APBD 2026' }).expect(400)).code).toBe('code "APBD 2026" hanya boleh berisi huruf, angka, titik, garis bawah atau tanda hubung, diawali huruf atau angka.');
  });

  it('refuses a duplicate code with 409', async () => {
    const res = await post(base).expect(409);
    // in the console's words, no route (QA: "lewat API: PATCH /api/v1/pledges/…"); programs keep the code and details
    expect(res.body).toMatchObject({ code: 'PLEDGE_EXISTS', details: { code: base.code } });
    expect(res.body.message).toBe(`Kode komitmen "${base.code}" sudah dipakai. Gunakan kode lain, atau revisi komitmen yang ada: buka menu Komitmen, pilih komitmen "${base.code}", lalu isi bagian "Ubah komitmen (revisi)".`);
  });

  it('names unknown village codes, dotted or not', async () => {
    const res = await post({ ...base, code: 'DESA-X', sourceType: 'DESA', fund: 'ADD', scope: 'VILLAGES', villageCodes: ['17.03.06.2001', '1703999999', 'abc'] }).expect(400);
    expect(problems(res).villageCodes).toBe('Kode desa tidak dikenal di Kabupaten Bengkulu Utara: 1703999999, abc. Kode desa yang dikenal ada di pilihan "Desa yang ditanggung" pada formulir komitmen (menu Komitmen).');
    // the sentence after the colon reads on in lower case, as a tariff's (afterColon); the field's own message keeps its capital
    expect(res.body.message).toBe('Komitmen pendanaan tidak valid: kode desa tidak dikenal di Kabupaten Bengkulu Utara: 1703999999, abc. Kode desa yang dikenal ada di pilihan "Desa yang ditanggung" pada formulir komitmen (menu Komitmen).');
    expect(JSON.stringify(res.body)).not.toMatch(/\/api\//);
  });

  it('refuses a fiscal year whose months the API does not take (before 2018, after 2099)', async () => {
    for (const fiscalYear of [2017, 2100]) {
      const res = await post({ ...base, code: `Y${fiscalYear}`, fiscalYear }).expect(400);
      expect(problems(res).fiscalYear).toBe('fiscalYear (tahun anggaran) harus antara 2018 dan 2099.');
      // a field name after the colon stays as written
      expect(res.body.message).toBe('Komitmen pendanaan tidak valid: fiscalYear (tahun anggaran) harus antara 2018 dan 2099.');
    }
  });

  it('a fiscal year or source type left out is required, not out of range (QA: an empty TAHUN cell heard "harus antara 2018 dan 2099")', async () => {
    const { code, funder, scope } = base; // no fiscalYear, no sourceType
    const without = { code, funder, scope };
    const said = problems(await post({ ...without, code: 'TANPA-TAHUN' }).expect(400));
    expect(said.fiscalYear).toBe('fiscalYear (tahun anggaran) wajib diisi.');
    expect(said.sourceType).toBe('sourceType (sumber dana) wajib diisi: salah satu dari APBD, APBD_PROV, DESA, TJSLP.');
  });

  it('refuses months outside 1..12 and fromMonth after toMonth', async () => {
    expect(problems(await post({ ...base, code: 'M1', fromMonth: 0, toMonth: 13 }).expect(400))).toMatchObject({
      fromMonth: expect.stringContaining('bulan 1 sampai 12'),
      toMonth: expect.stringContaining('bulan 1 sampai 12'),
    });
    expect(problems(await post({ ...base, code: 'M2', fromMonth: 9, toMonth: 3 }).expect(400)).toMonth).toContain('toMonth (bulan akhir) Maret lebih awal dari bulan awal September: bulan akhir harus sama dengan atau sesudah bulan awal.');
  });

  it('a month sent as "YYYY-MM" is still refused (the contract is the number), saying the number to send or that the month is outside the fiscal year (QA: "bukan teks")', async () => {
    const said = problems(await post({ ...base, code: 'M3-2027', fiscalYear: 2027, fromMonth: '2027-03', toMonth: '2026-12' }).expect(400));
    expect(said).toEqual({
      fromMonth: 'fromMonth harus bulan 1 sampai 12 dari tahun anggaran, bukan "2027-03": kirim nomor bulannya sebagai angka, 3 untuk Maret.',
      toMonth:
        'toMonth harus bulan 1 sampai 12 dari tahun anggaran, bukan "2026-12". Desember 2026 di luar tahun anggaran 2027: komitmen hanya membayar bulan dalam tahun anggarannya sendiri, ' +
        'Januari–Desember 2027; Desember 2026 dicatat pada komitmen tahun anggaran 2026.',
    });
    // other text as before
    expect(problems(await post({ ...base, code: 'M4', fromMonth: 'Maret' }).expect(400)).fromMonth).toBe('fromMonth harus bulan 1 sampai 12 dari tahun anggaran, bukan teks.');
  });

  it('refuses a quota or budget that is not positive and a share out of 1..100', async () => {
    const res = await post({ ...base, code: 'Q', quota: 0, budget: -5, sharePercent: 101 }).expect(400);
    expect(problems(res)).toMatchObject({
      quota: expect.stringContaining('lebih dari 0'),
      budget: expect.stringContaining('lebih dari 0'),
      sharePercent: expect.stringContaining('1 sampai 100'),
    });
    expect(problems(await post({ ...base, code: 'S', sharePercent: 0 }).expect(400)).sharePercent).toBeDefined();
  });

  it('checks scope against its list', async () => {
    expect(problems(await post({ ...base, code: 'V', scope: 'VILLAGES' }).expect(400)).villageCodes).toContain('villageCodes wajib diisi bila scope Desa tertentu (VILLAGES): pilih minimal satu desa');
    expect(problems(await post({ ...base, code: 'R', scope: 'RESIDENTS' }).expect(400)).niks).toContain('niks wajib diisi bila scope Peserta tertentu (RESIDENTS): isi minimal satu NIK penerima.');
    expect(problems(await post({ ...base, code: 'R3', niks: ['1703060101900001'] }).expect(400)).niks).toContain('niks hanya diisi bila scope Peserta tertentu (RESIDENTS); cakupan ini Semua peserta (ALL), kosongkan daftar NIK-nya.');
    expect(problems(await post({ ...base, code: 'R2', scope: 'RESIDENTS', niks: ['12345', '1.70306E+15'] }).expect(400)).niks).toContain('16 digit');
    expect(problems(await post({ ...base, code: 'A2', villageCodes: ['17.03.06.2001'] }).expect(400)).villageCodes).toContain('hanya diisi bila scope Desa tertentu (VILLAGES); cakupan ini Semua peserta (ALL), kosongkan daftar desanya');
  });

  it('checks each NIK of a list like the register does (§2): birth date digits and serial, naming the bad ones as sent', async () => {
    const niks = ['1703060101900001', '1703063213650000', '0000000000000000', '9999999999999999', { a: 1 }];
    const says = problems(await post({ ...base, code: 'R3', scope: 'RESIDENTS', niks }).expect(400)).niks;
    expect(says).toMatch(/NIK tidak valid: .*: 1703063213650000, 0000000000000000, 9999999999999999, \{"a":1\}\.$/);
    expect(says).not.toContain('1703060101900001');
    expect(problems(await post({ ...base, code: 'V2', scope: 'VILLAGES', villageCodes: [{ a: 1 }] }).expect(400)).villageCodes).toContain('{"a":1}');
  });

  it('reads a NIK in the digit groups of the KTP as that NIK, and names an empty item (QA)', async () => {
    const grouped = await post({ ...base, code: 'R5', fiscalYear: 2027, sourceType: 'TJSLP', scope: 'RESIDENTS', niks: ['1703 0601 0190 0001', ' 1703060101900002 '] }).expect(201);
    expect(grouped.body.niks).toEqual(['1703060101900001', '1703060101900002']);
    const says = problems(await post({ ...base, code: 'R6', scope: 'RESIDENTS', niks: ['1703060101900001', '', '1703 06'] }).expect(400)).niks;
    expect(says).toMatch(/: \(kosong\), 170306\.$/);
  });

  it('refuses NIKs sent as JSON numbers: two residents would have become one NIK neither has (QA)', async () => {
    const body = `{"code":"R4","sourceType":"TJSLP","funder":"X","fiscalYear":2026,"scope":"RESIDENTS","niks":[9171014101900003,9171014101900005]}`;
    const res = await keuangan.post('/api/v1/pledges').set('Content-Type', 'application/json').send(body).expect(400);
    expect(problems(res).niks).toMatch(/^niks harus berupa teks dalam tanda kutip/);
    await keuangan.get('/api/v1/pledges/R4').expect(404);
  });

  it('a number among the NIKs does not hide the other entries\' problems (QA: told on the next try)', async () => {
    const body = `{"code":"R7","sourceType":"TJSLP","funder":"X","fiscalYear":2026,"scope":"RESIDENTS","niks":[9171014101900003,"1703060101900000","12"]}`;
    const says = problems(await keuangan.post('/api/v1/pledges').set('Content-Type', 'application/json').send(body).expect(400)).niks;
    expect(says).toMatch(/^niks harus berupa teks dalam tanda kutip .* \| NIK tidak valid: .*: 1703060101900000, 12\.$/);
  });

  it('requires a fund for DESA and refuses one elsewhere', async () => {
    expect(problems(await post({ ...base, code: 'D', sourceType: 'DESA', scope: 'VILLAGES', villageCodes: ['17.03.06.2001'] }).expect(400)).fund).toContain('fund wajib diisi bila sourceType APBDes (DESA): Dana Desa (DANA_DESA), Alokasi Dana Desa (ADD) atau Pendapatan Asli Desa (PADES).');
    expect(problems(await post({ ...base, code: 'F', fund: 'ADD' }).expect(400)).fund).toContain('fund hanya diisi bila sourceType APBDes (DESA); kosongkan untuk APBD Kabupaten (APBD).');
  });

  it('refuses unknown fields and unknown enums', async () => {
    await post({ ...base, code: 'U', color: 'red' }).expect(400);
    expect(problems(await post({ ...base, code: 'E', sourceType: 'APBN', scope: 'EVERYONE' }).expect(400))).toMatchObject({
      sourceType: expect.stringContaining('APBD, APBD_PROV, DESA, TJSLP'),
      scope: expect.stringContaining('ALL, VILLAGES, RESIDENTS'),
    });
  });

  it('lets auditors read but not write', async () => {
    const auditor = await t.as(Role.AUDITOR);
    await auditor.post('/api/v1/pledges').send({ ...base, code: 'AUD' }).expect(403);
    const list = await auditor.get('/api/v1/pledges?fiscalYear=2026').expect(200);
    expect(list.body.map((p: { code: string }) => p.code)).toEqual(['TJSLP-B-2026', 'TJSLP-A-2026', 'APBD-2026']);
    await auditor.get('/api/v1/pledges/APBD-2026').expect(200);
    await auditor.get('/api/v1/pledges/NOPE').expect(404);
    // the list's fiscalYear has the same bounds as a pledge's (a year past 2^31 answered 500)
    for (const year of ['2017', '2100', '2147483648', '1e300']) {
      const res = await auditor.get(`/api/v1/pledges?fiscalYear=${year}`).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'fiscalYear', messages: [expect.stringContaining('antara 2018 dan 2099')] }] });
    }
  });
});
