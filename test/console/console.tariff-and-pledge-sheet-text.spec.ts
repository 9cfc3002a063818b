/** The pure parts of the Tarif page and the pledge sheet upload: the request, what is said once saved, the CSV's name. */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { consoleModule } from './support/console-module.js';

describe('console Tarif and pledge sheet texts', () => {
  let tariffs: any;
  let sheet: any;
  beforeAll(async () => {
    tariffs = await consoleModule('pages/tariffs.js');
    sheet = await consoleModule('pledge-upload.js');
  });

  it('sends the amount as rupiah, an empty end as null, and leaves an unreadable amount to the form', () => {
    expect(tariffs.tariffRequest({ component: 'iuran', payer: 'LOCAL', amount: 'Rp 36.500', validFrom: '2027-03-01', validTo: '', legalBasis: 'Perpres 1/2027' })).toEqual({
      body: { component: 'IURAN', payer: 'LOCAL', amount: 36500, validFrom: '2027-03-01', validTo: null, legalBasis: 'Perpres 1/2027' },
      problems: [],
    });
    const { body, problems } = tariffs.tariffRequest({ component: 'IURAN', payer: 'LOCAL', amount: '5 juta', validFrom: '2027-03-01', validTo: '2027-05-31', legalBasis: '' });
    expect(body).not.toHaveProperty('amount');
    expect(body.validTo).toBe('2027-05-31');
    expect(problems).toEqual([{ field: 'amount', messages: [expect.stringMatching(/^Tulis jumlah dalam rupiah penuh/)] }]);
  });

  it('says what was added and, when the answer has `resumed`, from when the earlier tariff applies again', () => {
    const row = { component: 'IURAN', amount: 36500, validFrom: '2027-03-01', validTo: '2027-05-31' };
    expect(tariffs.savedText({ ...row, resumed: null })).toBe('Tarif IURAN Rp36.500 (1 Maret 2027 s.d. 31 Mei 2027) ditambahkan.');
    expect(tariffs.savedText({ ...row, resumed: { component: 'IURAN', amount: 35000, validFrom: '2027-06-01', validTo: null, legalBasis: 'Perpres 64/2020' } })).toBe(
      'Tarif IURAN Rp36.500 (1 Maret 2027 s.d. 31 Mei 2027) ditambahkan. Tarif IURAN yang berlaku sebelumnya (Rp35.000, Perpres 64/2020) berlaku lagi mulai 1 Juni 2027: baris itu ditambahkan otomatis.',
    );
    expect(tariffs.validityText({ validFrom: '2021-01-01', validTo: null })).toBe('mulai 1 Januari 2021, seterusnya');
  });

  it('says under a component that its last, open row carries on into next year until a new row is added (QA, year end)', () => {
    const rows = [
      { component: 'IURAN', amount: 42000, validFrom: '2018-01-01', validTo: '2020-12-31' },
      { component: 'IURAN', amount: 37800, validFrom: '2021-01-01', validTo: null },
    ];
    expect(tariffs.carriedForwardText('IURAN', rows, '2026-12')).toBe(
      'Baris terakhir Iuran (Rp37.800, mulai 1 Januari 2021) berlaku seterusnya: iuran bulan-bulan sesudahnya, termasuk tahun 2027, dihitung dengan besaran itu sampai ada baris tarif Iuran baru.',
    );
    const from2027 = [...rows.slice(0, 1), { ...rows[1], validTo: '2026-12-31' }, { component: 'IURAN', amount: 36500, validFrom: '2027-01-01', validTo: null }];
    expect(tariffs.carriedForwardText('IURAN', from2027, '2026-12')).toBe(
      'Baris terakhir Iuran (Rp36.500, mulai 1 Januari 2027) berlaku seterusnya: iuran bulan-bulan sesudahnya dihitung dengan besaran itu sampai ada baris tarif Iuran baru.',
    );
    expect(tariffs.carriedForwardText('IURAN', rows.slice(0, 1), '2026-12')).toBeNull(); // the last row has an end
    // every component by its name (QA: "Baris terakhir BANTUAN_DAERAH"); a code an admin added without a name as it is
    const open = (component: string) => [{ component, amount: 2800, validFrom: '2021-01-01', validTo: null }];
    expect(tariffs.carriedForwardText('BANTUAN_DAERAH', open('BANTUAN_DAERAH'), '2026-12')).toMatch(/^Baris terakhir Bantuan iuran daerah \(Rp2\.800, .* baris tarif Bantuan iuran daerah baru\.$/);
    expect(tariffs.carriedForwardText('TAMBAHAN_BARU', open('TAMBAHAN_BARU'), '2026-12')).toMatch(/^Baris terakhir TAMBAHAN_BARU \(/);
  });

  it('says who recorded a row in Indonesian, and who ended it and when (QA: "Dicatat oleh system" beside an end an admin set)', () => {
    expect(tariffs.recorderText('system')).toBe('sistem');
    expect(tariffs.recorderText('admin1')).toBe('admin1');
    expect(tariffs.closedText({ validTo: '2026-10-31', closedBy: 'admin1', closedAt: '2026-12-06T02:15:00.000Z' })).toBe('admin1, 6 Desember 2026 09.15 WIB (baris berikutnya ditambahkan)');
    expect(tariffs.closedText({ validTo: '2019-07-31', closedBy: null, closedAt: null })).toBe('tanggal akhir diisi saat dicatat');
    expect(tariffs.closedText({ validTo: null, closedBy: null, closedAt: null })).toBe('–');
  });

  it('sends a reason when given, and says a replaced row is replaced, by which row and why (QA: a typo could not be corrected)', () => {
    const v = { component: 'IURAN', payer: 'LOCAL', amount: '36.000', validFrom: '2027-01-01', validTo: '', legalBasis: 'Perpres 1/2027' };
    expect(tariffs.tariffRequest({ ...v, reason: '  Salah ketik  ' }).body.reason).toBe('Salah ketik');
    expect(tariffs.tariffRequest({ ...v, reason: ' ' }).body).not.toHaveProperty('reason');
    const replaced = { id: 6, amount: 37000, validFrom: '2027-01-01', validTo: '2026-12-31', supersededBy: 7, supersededReason: 'Salah ketik', closedBy: 'admin1', closedAt: '2027-01-10T03:00:00.000Z' };
    expect(tariffs.closedText(replaced)).toBe('Diganti oleh #7 (alasan: Salah ketik), admin1, 10 Januari 2027 10.00 WIB');
    expect(tariffs.validityText(replaced)).toBe('mulai 1 Januari 2027, diganti sebelum berlaku');
    expect(tariffs.savedText({ component: 'IURAN', amount: 36000, validFrom: '2027-01-01', validTo: null, resumed: null, supersedes: replaced })).toBe(
      'Tarif IURAN Rp36.000 (mulai 1 Januari 2027, seterusnya) ditambahkan. Baris ini menggantikan tarif #6 (Rp37.000), yang kini tercatat sebagai diganti dan tidak pernah berlaku.',
    );
    expect(tariffs.SUPERSEDE_HINT).toContain('tanggal yang sama');
  });

  it('groups the rows per component, IURAN first, each in the order it applied', () => {
    const rows = [
      { id: 5, component: 'BANTUAN_DAERAH', validFrom: '2021-01-01' },
      { id: 9, component: 'IURAN', validFrom: '2027-06-01' },
      { id: 1, component: 'IURAN', validFrom: '2018-01-01' },
      { id: 4, component: 'BANTUAN_PUSAT', validFrom: '2021-01-01' },
    ];
    expect(tariffs.byComponent(rows).map(([c, items]: [string, { id: number }[]]) => [c, items.map((r) => r.id)])).toEqual([
      ['IURAN', [1, 9]],
      ['BANTUAN_DAERAH', [5]],
      ['BANTUAN_PUSAT', [4]],
    ]);
  });

  it('heads a pledge sheet answer by whether it was saved or only checked, and names the refused rows CSV after the file', () => {
    expect(sheet.resultText({ dryRun: false, accepted: 1, rejected: 1 })).toBe('Lembar diproses: 1 komitmen tersimpan, 1 baris ditolak.');
    expect(sheet.resultText({ dryRun: true, accepted: 1200, rejected: 0 })).toBe('Hanya diperiksa, tidak ada yang disimpan: 1.200 komitmen dapat disimpan.');
    expect(sheet.issuesFileName('Komitmen TJSLP 2026.xlsx')).toBe('baris-bermasalah-komitmen-tjslp-2026.csv');
    expect(sheet.issuesFileName('.xlsx')).toBe('baris-bermasalah-komitmen.csv');
  });
});
