import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  CATEGORY_LABELS as WORKBOOK_CATEGORY_LABELS,
  FUND_LABELS as WORKBOOK_FUND_LABELS,
  RUN_STATUS_LABELS as WORKBOOK_RUN_STATUS_LABELS,
  SCOPE_LABELS as WORKBOOK_SCOPE_LABELS,
  SOURCE_TYPE_LABELS as WORKBOOK_SOURCE_TYPE_LABELS,
} from '../../src/reports/format/labels.js';
import { ROLE_LABELS as SERVER_ROLE_LABELS } from '../../src/users/role.js';
import { consoleModule } from './support/console-module.js';

describe('console display formats (Indonesian)', () => {
  let f: any;
  beforeAll(async () => (f = await consoleModule('format.js')));

  it('writes rupiah with dot thousands and no decimals', () => {
    expect(f.rupiah(37800)).toBe('Rp37.800');
    expect(f.rupiah(0)).toBe('Rp0');
    expect(f.rupiah(1234567890)).toBe('Rp1.234.567.890');
    expect(f.rupiah(-189000)).toBe('-Rp189.000');
    expect(f.rupiah('42000')).toBe('Rp42.000');
    expect(f.rupiah(null)).toBe('–');
    expect(f.number(1000000)).toBe('1.000.000');
  });

  it('orders pledge codes as the status tables and Alokasi do, APBD-2026 before APBD_PROV-2026 (QA: the pickers differed)', () => {
    const codes = ['APBD_PROV-2026', 'TJSLP-KOPI-2026', 'APBD-2026', 'DESA-2026'];
    expect([...codes].sort(f.compareCodes)).toEqual(['APBD-2026', 'APBD_PROV-2026', 'DESA-2026', 'TJSLP-KOPI-2026']);
  });

  it('names tariff components as the participant and Tarif pages show them; another code as it is', () => {
    expect(f.componentLabel('IURAN')).toBe('Iuran');
    expect(f.componentLabel('BANTUAN_DAERAH')).toBe('Bantuan iuran daerah');
    expect(f.componentLabel('BANTUAN_PUSAT')).toBe('Bantuan iuran Pemerintah Pusat');
    expect(f.componentLabel('TAMBAHAN_BARU')).toBe('TAMBAHAN_BARU');
  });

  it('shortens a UUID to its first 8 characters, the whole as the title; another id stays whole (QA: Jejak Audit)', () => {
    expect(f.shortId('3f2b8c1e-9d4a-4b7e-8f21-0a1b2c3d4e5f')).toEqual({ text: '3f2b8c1e…', title: '3f2b8c1e-9d4a-4b7e-8f21-0a1b2c3d4e5f' });
    expect(f.shortId('APBD-2026')).toEqual({ text: 'APBD-2026', title: null });
    expect(f.shortId('1703061205800001')).toEqual({ text: '1703061205800001', title: null });
  });

  it('reads rupiah typed with dots, spaces or a prefix', () => {
    expect(f.parseRupiah('Rp 10.000.000')).toBe(10000000);
    expect(f.parseRupiah('Rp10.000.000')).toBe(10000000);
    expect(f.parseRupiah('rp. 37.800')).toBe(37800);
    expect(f.parseRupiah('10 000 000')).toBe(10000000);
    expect(f.parseRupiah('231000')).toBe(231000);
    expect(f.parseRupiah('')).toBeNull();
    expect(f.parseRupiah('abc')).toBeNull();
  });

  it('reads zero sen after a comma, and refuses what it cannot read as whole rupiah (QA: ",00" made 100 times the amount)', () => {
    expect(f.parseRupiah('Rp 869.400,00')).toBe(869400);
    expect(f.parseRupiah('110.338.200,0')).toBe(110338200);
    expect(f.parseRupiah('Rp869.400,-')).toBe(869400);
    expect(f.parseRupiah('IDR 37.800')).toBe(37800);
    for (const typed of ['5 juta', '869.400,50', '869,4', '869,400', '1.2.3', '86.94.00', '1.000.00', 'Rp', '12a']) expect([typed, f.parseRupiah(typed)]).toEqual([typed, null]);
  });

  it('reads a negative amount, a correction giving money back, with the minus before or after the prefix', () => {
    for (const typed of ['-22.680', '-Rp22.680', 'Rp -22.680', '\u221222.680', '- Rp 22.680,00']) expect([typed, f.parseRupiah(typed)]).toEqual([typed, -22680]);
    for (const typed of ['--22.680', '22.680-', '-']) expect([typed, f.parseRupiah(typed)]).toEqual([typed, null]);
  });

  it('names months and dates in Indonesian and times in WIB', () => {
    expect(f.monthLabel('2026-10')).toBe('Oktober 2026');
    expect(f.monthLabel('2026-13')).toBe('2026-13');
    expect(f.dateLabel('2026-01-05')).toBe('5 Januari 2026');
    // with the weekday, computed from the calendar date alone (the test runs in Asia/Jakarta, the browser anywhere)
    expect(f.dayDateLabel('2026-12-05')).toBe('Sabtu, 5 Desember 2026');
    expect(f.dayDateLabel('2026-01-04')).toBe('Minggu, 4 Januari 2026');
    expect(f.dayDateLabel('2028-02-29')).toBe('Selasa, 29 Februari 2028');
    expect(f.dayDateLabel('2026-02-29')).toBe('');
    expect(f.dayDateLabel('')).toBe('');
    expect(f.dateTimeLabel('2026-11-15T03:00:00Z')).toBe('15 November 2026 10.00 WIB');
    expect(f.dateTimeLabel('2026-11-30T18:30:00Z')).toBe('1 Desember 2026 01.30 WIB');
  });

  it('takes the current month in WIB, not in the browser zone or UTC', () => {
    expect(f.currentMonth(new Date('2026-10-31T17:30:00Z'))).toBe('2026-11');
    expect(f.currentMonth(new Date('2026-10-31T16:59:00Z'))).toBe('2026-10');
  });

  it('labels codes, and shows unknown codes as they are', () => {
    expect(f.label(f.CATEGORY_LABELS, 'BILLED_AFTER_DEATH')).toBe('Ditagih setelah meninggal');
    expect(f.label(f.PAYMENT_STATUS_LABELS, 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(f.label(f.ROLE_LABELS, null)).toBe('–');
  });

  it('names finding categories with the workbooks\' words (QA: the console said "Selisih nominal", Temuan "Selisih nominal iuran")', () => {
    expect(f.CATEGORY_LABELS).toEqual(WORKBOOK_CATEGORY_LABELS);
  });

  it("names funds, scopes, run statuses and roles as the workbooks and the API's messages do (proofreading: 'Alokasi Dana Desa (ADD)', 'Sedang berjalan')", () => {
    expect(f.FUND_LABELS).toEqual(WORKBOOK_FUND_LABELS);
    expect(f.SCOPE_LABELS).toEqual(WORKBOOK_SCOPE_LABELS);
    expect(f.RUN_STATUS_LABELS).toEqual(WORKBOOK_RUN_STATUS_LABELS);
    expect(f.ROLE_LABELS).toEqual(SERVER_ROLE_LABELS);
  });

  it('names the four source types as the workbooks and the splits export do (QA: Alokasi said "Anggaran Desa", a signed workbook "APBDes")', () => {
    expect(f.SOURCE_TYPES).toEqual(Object.keys(WORKBOOK_SOURCE_TYPE_LABELS));
    const shown = Object.fromEntries(f.SOURCE_TYPES.map((type: string) => [type, f.SOURCE_TYPE_LABELS[type]]));
    expect(shown).toEqual(WORKBOOK_SOURCE_TYPE_LABELS);
    expect(shown).toEqual({ APBD: 'APBD Kabupaten', APBD_PROV: 'APBD Provinsi', DESA: 'APBDes', TJSLP: 'TJSLP (CSR)' });
    expect(f.SOURCE_TYPE_LABELS.UNFUNDED).toBe('Tidak terdanai'); // the console's own: no source type, a chart's and a filter's row
  });

  it("writes a participant's changed values as the page does elsewhere (QA: '– → MENINGGAL', '2026-12-15')", async () => {
    const participant = await consoleModule('pages/participant.js');
    expect(participant.shownValue('tat', '2026-12-15')).toBe('15 Desember 2026');
    expect(participant.shownValue('endReason', 'MENINGGAL')).toBe('Meninggal');
    expect(participant.shownValue('sex', 'P')).toBe('Perempuan');
    expect(participant.shownValue('tat', null)).toBe('–');
    expect(participant.shownValue('name', 'Siti')).toBe('Siti');
    const villages = new Map([['17.03.07.2001', 'Tanjung Raman, Kec. Hulu Palik (17.03.07.2001)']]);
    expect(participant.shownValue('villageCode', '17.03.07.2001', villages)).toBe('Tanjung Raman, Kec. Hulu Palik (17.03.07.2001)');
    expect(participant.shownValue('villageCode', '17.03.99.2001', villages)).toBe('17.03.99.2001'); // not in the list: the code
  });

  it("says a voided registration in the history by its reason and what it held", async () => {
    const participant = await consoleModule('pages/participant.js');
    const villages = new Map([['17.03.07.2001', 'Tanjung Raman, Kec. Hulu Palik (17.03.07.2001)']]);
    const change = { kind: 'VOID', reason: 'NIK salah ketik', changes: { name: { old: 'Salah Ketik', new: null }, tmt: { old: '2026-02-01', new: null }, villageCode: { old: '17.03.07.2001', new: null } } };
    expect(participant.voidText(change, villages)).toBe('Alasan: NIK salah ketik. Data yang dibatalkan: Nama Salah Ketik; TMT 1 Februari 2026; Kode desa Tanjung Raman, Kec. Hulu Palik (17.03.07.2001).');
    expect(participant.voidText({ kind: 'VOID', reason: 'ganda', changes: {} })).toBe('Alasan: ganda.');
  });

  /** The Dana Desa rule (§5) as the console says it beside figures and rows (QA: missing on Alokasi, Pembayaran and a participant's funding). */
  const DD = (code: string, year = 2026) => ({ code: 'DANA_DESA_PBI', pledgeCode: code, message: `Komitmen ${code} memakai Dana Desa untuk iuran PBI tahun ${year}. Sejak 2024 …` });

  it('says each pledge paid from Dana Desa once, in the words of the Dasbor and a run: "kode: pesan"', async () => {
    const c = await consoleModule('compliance.js');
    const desa = DD('DESA-1703112010-2026');
    const other = { code: 'SAME_FUNDING_TWICE', pledgeCode: 'APBD-2026', message: 'Sudah ada …' };
    expect(c.complianceWarnings([desa, other, { ...desa }, undefined])).toEqual([desa]);
    expect(c.complianceLines([desa, desa])).toEqual([`DESA-1703112010-2026: ${desa.message}`]);
    expect(c.complianceByPledge([desa, DD('DESA-1703112010-2026', 2027), DD('DESA-X-2026')])).toEqual(
      new Map([['DESA-1703112010-2026', [desa.message, DD('DESA-1703112010-2026', 2027).message]], ['DESA-X-2026', [DD('DESA-X-2026').message]]]),
    );
    expect(c.complianceByPledge(undefined)).toEqual(new Map()); // an allocation not read: no marker, the statuses stand
    const pledges = [{ code: 'DESA-1703112010-2026', warnings: [desa] }, { code: 'DESA-X-2026', warnings: [DD('DESA-X-2026')] }, { code: 'APBD-2026', warnings: [] }];
    expect(c.pledgesCompliance(pledges, new Set(['DESA-1703112010-2026', 'APBD-2026']))).toEqual([desa]);
  });

  it("Alokasi says the summary's warnings above its totals, whatever the grouping (QA: none by source type or village)", async () => {
    const splits = await consoleModule('split-totals.js');
    const desa = DD('DESA-1703112010-2026');
    const bySource = [{ key: 'APBD', amount: 1, warnings: [] }, { key: 'DESA', amount: 2, warnings: [desa] }, { key: 'UNFUNDED', amount: 3 }];
    expect(splits.totalsWarnings(bySource)).toEqual([desa]);
    const byVillage = [{ key: '17.03.11.2010', warnings: [desa] }, { key: '17.03.11.2011', warnings: [desa] }, { key: 'UNFUNDED' }];
    expect(splits.totalsWarnings(byVillage)).toEqual([desa]);
    expect(splits.totalsWarnings([{ key: 'APBD', warnings: [] }, { key: 'UNFUNDED' }])).toEqual([]);
  });

  it("marks a participant's split by a pledge paid from Dana Desa, and no other", async () => {
    const participant = await consoleModule('pages/participant.js');
    const desa = DD('DESA-1703112010-2026');
    const months = [
      { month: '2026-07', splits: [{ pledgeCode: 'DESA-1703112010-2026' }, { pledgeCode: 'APBD_PROV-2026' }] },
      { month: '2026-06', splits: [] },
    ];
    const pledges = [{ code: 'DESA-1703112010-2026', warnings: [desa] }, { code: 'DESA-X-2026', warnings: [DD('DESA-X-2026')] }, { code: 'APBD_PROV-2026', warnings: [] }];
    expect(participant.splitsCompliance(months, pledges)).toEqual(new Map([['DESA-1703112010-2026', [desa.message]]]));
    expect(participant.splitsCompliance([{ month: '2026-06', splits: [] }], pledges)).toEqual(new Map());
  });

  it("says Alokasi's range of months, its quick picks and the filters it sends", async () => {
    const period = await consoleModule('month-period.js');
    expect(period.QUICK_PICKS.map((p: { label: string }) => [p.label, period.quickRange(p, '2026')])).toEqual([
      ['Triwulan I', { from: '2026-01', to: '2026-03' }],
      ['Triwulan II', { from: '2026-04', to: '2026-06' }],
      ['Triwulan III', { from: '2026-07', to: '2026-09' }],
      ['Triwulan IV', { from: '2026-10', to: '2026-12' }],
      ['Setahun', { from: '2026-01', to: '2026-12' }],
    ]);
    expect(period.rangeLabel('2026-07', '2026-09')).toBe('Juli – September 2026');
    expect(period.rangeLabel('2026-07', '2027-06')).toBe('Juli 2026 – Juni 2027');
    expect(period.rangeLabel('2026-03', '2026-03')).toBe('Maret 2026');
    expect(period.periodOfAddress({ from: '2026-01', to: '2026-03' })).toBe('range');
    expect(period.periodOfAddress({ month: '2026-01' })).toBe('month');
    // one period is sent: the month of a range's hidden month field is not
    expect(period.periodFilters({ period: 'range', month: '2026-10', from: '2026-01', to: '2026-03' })).toEqual({ month: undefined, from: '2026-01', to: '2026-03' });
    expect(period.periodFilters({ period: 'month', month: '2026-10' })).toEqual({ month: '2026-10', from: undefined, to: undefined });
    expect(period.addressPeriodProblems({ from: '2026-13', to: '2026-03' })).toEqual([{ field: 'from', messages: ['Dari bulan "2026-13" tidak valid: gunakan format YYYY-MM, mis. 2026-10.'] }]);
  });
});
