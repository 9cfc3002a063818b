import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { consoleModule } from './support/console-module.js';

describe('console figures computed in the browser', () => {
  let chart: any;
  let findings: any;
  let summary: any;
  let splits: any;
  let pledgeForm: any;
  let audit: any;
  let api: any;
  let month: any;
  let pager: any;
  beforeAll(async () => {
    // One at a time: Jest's ESM loader mixes up modules shared by imports running in parallel.
    chart = await consoleModule('chart.js');
    findings = await consoleModule('findings.js');
    summary = await consoleModule('run-summary.js');
    splits = await consoleModule('splits-data.js');
    pledgeForm = await consoleModule('pages/pledge-form.js');
    audit = await consoleModule('pages/audit.js');
    api = await consoleModule('api.js');
    month = await consoleModule('month-field.js');
    pager = await consoleModule('pager.js');
  });

  it('writes a long bar label in two lines broken at a space, shortening only what two lines cannot hold (QA: "TJSLP (CSR per…")', () => {
    expect(chart.labelLines('Talang Jambu (17.03.06.2001)', 15)).toEqual(['Talang Jambu', '(17.03.06.2001)']);
    expect(chart.labelLines('TJSLP (CSR)', 15)).toEqual(['TJSLP (CSR)']);
    expect(chart.labelLines('APBD Kabupaten', 15)).toEqual(['APBD Kabupaten']);
    expect(chart.labelLines('Pendapatanaslidesa', 15)).toEqual(['Pendapatanasli…']);
    expect(chart.labelLines('Talang Jambu Kecamatan Kerkap Bengkulu', 15)).toEqual(['Talang Jambu', 'Kecamatan Kerk…']);
  });

  it("pages from the API's total: a page past the last is the last, text that is no page number is the fallback", async () => {
    expect([pager.lastPage(0, 50), pager.lastPage(50, 50), pager.lastPage(51, 50)]).toEqual([1, 1, 2]);
    expect([pager.clampPage('9', 3), pager.clampPage('0', 3), pager.clampPage('2', 3), pager.clampPage(' 2 ', 3)]).toEqual([3, 1, 2, 2]);
    expect([pager.clampPage('abc', 3, 2), pager.clampPage('-1', 3), pager.clampPage('1e3', 3), pager.clampPage(undefined)]).toEqual([2, 1, 1, 1]);
    expect(pager.clampPage('999999')).toBe(pager.MAX_PAGE); // the API refuses a page past 100,000
    const asked: number[] = [];
    const fetch = async (page: number) => (asked.push(page), { items: page <= 3 ? [page] : [], total: 120 });
    await expect(pager.fetchPage(fetch, 40, 50)).resolves.toEqual({ res: { items: [3], total: 120 }, page: 3 });
    await expect(pager.fetchPage(fetch, 2, 50)).resolves.toEqual({ res: { items: [2], total: 120 }, page: 2 });
    expect(asked).toEqual([40, 3, 2]);
  });

  it('keeps a chosen page as a new history entry and a corrected one as a replacement; says why a typed number is no page', async () => {
    const writes: string[] = [];
    const ctx = { pushQuery: (q: any) => writes.push(`push ${q.page}`), setQuery: (q: any) => writes.push(`replace ${q.page}`) };
    const fetch = async (page: number) => ({ items: [page], total: 120 });
    const address = (page: number) => ({ page });
    await expect(pager.fetchListedPage(ctx, { fetch, asked: 2, pageSize: 50, address, chosen: true })).resolves.toEqual({ res: { items: [2], total: 120 }, page: 2 });
    await pager.fetchListedPage(ctx, { fetch, asked: 40, pageSize: 50, address });
    await pager.fetchListedPage(ctx, { fetch, asked: 9, pageSize: 50, address, chosen: true });
    expect(writes).toEqual(['push 2', 'replace 40', 'replace 3', 'push 9', 'replace 3']);
    expect([pager.pageNote('2', 2), pager.pageNote(' 1 ', 2)]).toEqual([null, null]);
    expect([pager.pageNote('99', 2), pager.pageNote('0', 3), pager.pageNote('1.5', 3), pager.pageNote('', 3)]).toEqual([
      '"99" bukan nomor halaman: pilih 1–2.',
      '"0" bukan nomor halaman: pilih 1–3.',
      '"1.5" bukan nomor halaman: pilih 1–3.',
      'Isi nomor halaman 1–3.',
    ]);
  });

  it('scales bars to the largest value; zero is no bar, a tiny value still shows', () => {
    const bars = chart.layoutBars([{ label: 'a', value: 300 }, { label: 'b', value: 0 }, { label: 'c', value: 1 }], { width: 640, labelWidth: 200, valueWidth: 140, row: 30 });
    expect(bars.map((b: any) => [b.width, b.y])).toEqual([[300, 0], [0, 30], [2, 60]]);
    expect(chart.layoutBars([{ label: 'x', value: 0 }]).map((b: any) => b.width)).toEqual([0]);
  });

  it('leaves room for the longest value as written, so no amount is cut (QA: Rp110.304.600 showed as Rp110.304.60)', () => {
    const compact = { width: 360, row: 30, labelWidth: 112, valueWidth: 96, charWidth: 8 };
    const fitted = chart.fitValues(compact, ['Rp110.304.600', 'Rp5']);
    expect(fitted.valueWidth).toBe(Math.ceil(13 * 8) + 10);
    const [longest] = chart.layoutBars([{ label: 'a', value: 110_304_600 }], fitted);
    expect(fitted.labelWidth + longest.width + 6 + 13 * 8).toBeLessThanOrEqual(fitted.width);
    expect(chart.fitValues(compact, ['Rp5']).valueWidth).toBe(96);
  });

  it('sums funding per source type in a fixed order', () => {
    const rows = summary.bySourceType([
      { pledgeCode: 'TJSLP-A', sourceType: 'TJSLP', participants: 2, amount: 75600 },
      { pledgeCode: 'APBD-2026', sourceType: 'APBD', participants: 5, amount: 113400 },
      { pledgeCode: 'DESA-1', sourceType: 'DESA', participants: 3, amount: 45360 },
      { pledgeCode: 'DESA-2', sourceType: 'DESA', participants: 2, amount: 30240 },
    ]);
    expect(rows).toEqual([
      { sourceType: 'APBD', participants: 5, amount: 113400 },
      { sourceType: 'DESA', participants: 5, amount: 75600 },
      { sourceType: 'TJSLP', participants: 2, amount: 75600 },
    ]);
  });

  it('lists finding categories in the order of DOMAIN §7 and derives the MATCHED amount', () => {
    const counts = findings.categoryCounts({ MATCHED: 4, NOT_BILLED: 0, AMOUNT_MISMATCH: 1, DUPLICATE_BILLING: 2 });
    expect(counts.map((c: any) => [c.category, c.count])).toEqual([['DUPLICATE_BILLING', 2], ['AMOUNT_MISMATCH', 1], ['MATCHED', 4], ['NOT_BILLED', 0]]);
    expect(findings.sumFindings([{ billedAmount: 42000, expectedAmount: 37800 }, { billedAmount: null, expectedAmount: 37800 }])).toEqual({ billed: 42000, expected: 75600 });
    // payable = obligations of AMOUNT_MISMATCH, NOKA_MISMATCH and MATCHED lines
    const sums = { AMOUNT_MISMATCH: { billed: 42000, expected: 37800 }, NOKA_MISMATCH: { billed: 37800, expected: 37800 } };
    expect(findings.matchedAmount(226800, sums)).toEqual({ billed: 151200, expected: 151200 });
    expect(findings.matchedAmount(null, sums)).toBeNull();
    // no line matched (a run without a bill): Rp0, not "lihat buku kerja" (QA)
    expect(findings.matchedAmount(null, {}, 0)).toEqual({ billed: 0, expected: 0 });
    expect(findings.matchedAmount(226800, { AMOUNT_MISMATCH: sums.AMOUNT_MISMATCH })).toBeNull();
  });

  it('says under the findings table that Nilai ditagih is not a sum of the bill when DOUBLE_COVERAGE or TOTAL_MISMATCH has findings (QA: it added up to more, unsaid)', () => {
    const counts = (f: Record<string, number>) => findings.categoryCounts(f);
    expect(findings.notASumNote(counts({ MATCHED: 4, DOUBLE_COVERAGE: 1 }))).toBe(
      'Kolom Nilai ditagih bukan jumlah tagihan: peserta Terdaftar ganda, PBI APBN juga dihitung pada kategori lainnya (kategori baris tagihannya, atau Tidak ditagih).',
    );
    expect(findings.notASumNote(counts({ MATCHED: 4, TOTAL_MISMATCH: 1, DOUBLE_COVERAGE: 1 }))).toMatch(/ atau Tidak ditagih\); baris Total invoice tidak sama dengan jumlah baris memuat total invoice, bukan baris tagihan\.$/);
    // nothing double counted: no note (a list checked with nobody on it, or none uploaded)
    expect(findings.notASumNote(counts({ MATCHED: 4, DOUBLE_COVERAGE: 0, TOTAL_MISMATCH: 0 }))).toBeNull();
  });

  it('totals splits of a selection per pledge or source type, counting each NIK once', () => {
    const rows = [
      { nik: '1', pledgeCode: 'APBD-2026', sourceType: 'APBD', amount: 22680 },
      { nik: '1', pledgeCode: 'DESA-1', sourceType: 'DESA', amount: 15120 },
      { nik: '2', pledgeCode: 'APBD-2026', sourceType: 'APBD', amount: 37800 },
      { nik: '2', pledgeCode: 'APBD-2026', sourceType: 'APBD', amount: 37800 },
    ];
    expect(splits.aggregateSplits(rows, 'pledge')).toEqual([
      { key: 'APBD-2026', participants: 2, amount: 98280 },
      { key: 'DESA-1', participants: 1, amount: 15120 },
    ]);
    expect(splits.aggregateSplits(rows, 'sourceType').map((r: any) => r.key)).toEqual(['APBD', 'DESA']);
  });

  it('turns the pledge form into the API body (numbers, lists, blanks as null)', () => {
    const body = pledgeForm.pledgeBody(
      { code: 'DESA-1703062001-2026', fiscalYear: '2026', sourceType: 'DESA', fund: 'DANA_DESA', funder: 'Desa Talang Jambu', fromMonth: '1', toMonth: '12', scope: 'VILLAGES', villageCodes: ['17.03.06.2001'], niks: '1703061205800001', sharePercent: '40', quota: '', budget: 'Rp 5.000.000', priority: '', legalBasis: '' },
      'create',
    );
    expect(body).toEqual({ code: 'DESA-1703062001-2026', fiscalYear: 2026, sourceType: 'DESA', fund: 'DANA_DESA', funder: 'Desa Talang Jambu', fromMonth: 1, toMonth: 12, scope: 'VILLAGES', villageCodes: ['17.03.06.2001'], niks: [], sharePercent: 40, quota: null, budget: 5000000, legalBasis: null });
    const revision = pledgeForm.pledgeBody({ sourceType: 'APBD', fund: 'ADD', funder: 'Pemkab', scope: 'RESIDENTS', villageCodes: ['x'], niks: '1703061205800001\n1703061205800002, 1703061205800003', budget: '', quota: '100', reason: 'APBD-P' }, 'revise');
    expect(revision).toMatchObject({ fund: null, villageCodes: [], niks: ['1703061205800001', '1703061205800002', '1703061205800003'], budget: null, quota: 100, reason: 'APBD-P' });
    expect(revision).not.toHaveProperty('code');
    // a NIK pasted as printed, in groups of four, is one NIK (QA: it became four invalid NIKs); a line of
    // several NIKs, or of something else, is still split on whitespace; the villages' codes keep their dots
    const pasted = pledgeForm.pledgeBody({ ...revision, scope: 'RESIDENTS', niks: '1703 0102 0709 2185\r\n1703.0102.0709.2186; 1703 0102 0709 2187\n1703061205800001 1703061205800002\n1703 0102' }, 'revise');
    expect(pasted.niks).toEqual(['1703010207092185', '1703010207092186', '1703010207092187', '1703061205800001', '1703061205800002', '1703', '0102']);
    expect(pledgeForm.pledgeBody({ ...revision, scope: 'VILLAGES', villageCodes: ['17.03.06.2001', '17.03.06.2002'] }, 'revise').villageCodes).toEqual(['17.03.06.2001', '17.03.06.2002']);
    // a pagu that is not whole rupiah is the form's error, not another amount (QA: "5 juta" was saved as Rp5);
    // it goes to the API as typed, which refuses it and says what else is wrong (QA: it hid a Porsi of -5)
    expect(pledgeForm.pledgeProblems({ ...revision, budget: '5 juta' })).toEqual([{ field: 'budget', messages: [expect.stringMatching(/^Tulis jumlah dalam rupiah penuh/)] }]);
    expect(pledgeForm.pledgeBody({ ...revision, budget: '5 juta', reason: 'APBD-P' }, 'revise').budget).toBe('5 juta');
    expect(pledgeForm.pledgeProblems({ ...revision, budget: 'Rp 5.000.000' })).toEqual([]);
    expect(pledgeForm.pledgeProblems({ ...revision, budget: '' })).toEqual([]);
  });

  it('reads file names from Content-Disposition, builds queries and day bounds in WIB', () => {
    expect(api.filenameFrom('attachment; filename="rekonsiliasi-2026-10.xlsx"', 'x')).toBe('rekonsiliasi-2026-10.xlsx');
    expect(api.filenameFrom("attachment; filename*=UTF-8''laporan%20desa.xlsx", 'x')).toBe('laporan desa.xlsx');
    expect(api.filenameFrom(null, 'cadangan.xlsx')).toBe('cadangan.xlsx');
    expect(api.withQuery('/api/v1/splits', { month: '2026-10', nik: '', page: 2 })).toBe('/api/v1/splits?month=2026-10&page=2');
    // spaces only are no value either: the API refuses an empty filter
    expect(api.withQuery('/api/v1/participants', { name: '  ', villageCode: null, coveredIn: undefined, page: 1 })).toBe('/api/v1/participants?page=1');
    expect(audit.wibDayBound('2026-11-01')).toBe('2026-11-01T00:00:00.000+07:00');
    // every action the service records has an Indonesian name on the audit page (QA: codes alone were shown)
    const recorded = new Set<string>();
    for (const file of readdirSync('src', { recursive: true }) as string[]) {
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(join('src', file), 'utf8');
      for (const m of text.matchAll(/@Audited\('([\w.-]+)'|\baction: '([a-z]+\.[\w-]+)'/g)) recorded.add(m[1] ?? m[2]);
    }
    expect(recorded.size).toBeGreaterThan(15);
    expect([...recorded].filter((a) => !audit.ACTION_LABELS[a])).toEqual([]);
    expect(audit.wibDayBound('2026-11-01', true)).toBe('2026-11-01T23:59:59.999+07:00');
    expect(audit.wibDayBound('')).toBeUndefined();
    expect(month.previousMonth('2026-01')).toBe('2025-12');
    expect(month.previousMonth('2026-11')).toBe('2026-10');
    expect(['2026-10', '2026-13', '2026-00', '2026-1', ''].map(month.isMonth)).toEqual([true, false, false, false, false]);
    expect(month.monthFromAddress({ month: '2026-10' }, '2026-11')).toEqual({ month: '2026-10', problem: null });
    expect(month.monthFromAddress({}, '2026-11')).toEqual({ month: '2026-11', problem: null });
  });

  it('tells a route the server lacks from a record it does not have (both 404 NOT_FOUND)', () => {
    const missing = new api.ApiError(404, { statusCode: 404, message: 'Alamat tidak ditemukan.', code: 'NOT_FOUND' }, 'GET', '/api/v1/allocations/2026-10');
    expect(missing.missingRoute).toBe(true);
    expect(missing.message).toMatch(/^Fitur ini belum tersedia di server ini/);
    expect(new api.ApiError(404, { statusCode: 404, message: 'Alamat tidak ditemukan.' }, 'GET', '/x').missingRoute).toBe(true); // an older server
    const record = new api.ApiError(404, { statusCode: 404, message: 'Komitmen "X" tidak ditemukan.', code: 'NOT_FOUND' }, 'GET', '/api/v1/pledges/X');
    expect(record.missingRoute).toBe(false);
    expect(new api.ApiError(404, { statusCode: 404, message: 'Bulan 2026-10 belum dialokasikan.', code: 'NOT_ALLOCATED' }, 'GET', '/x').missingRoute).toBe(false);
  });

  it('shows audit summaries as Indonesian "label: value" text', () => {
    expect(audit.summaryText('{"params":{},"query":{},"body":{"month":"2026-10","amount":113400}}')).toBe('Bulan: Oktober 2026; Jumlah: Rp113.400');
    expect(audit.summaryText('{"rowsRead":6000,"accepted":5,"file":{"name":"a.csv"}}')).toBe('Baris dibaca: 6.000; Diterima: 5; Berkas: (Nama: a.csv)');
    expect(audit.summaryText({ body: { sourceType: 'DESA', villageCodes: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], dryRun: false, budget: null } })).toBe(
      'Jenis sumber: APBDes; Kode desa: a, b, c, d, e … (+2); Uji coba: Tidak',
    );
    expect(audit.summaryText('{"params":{"code":"X"},"query":{},"body":{},"file":{}}')).toBe('Kode: X');
    // a pledge's months of its year by name (QA: "Dari bulan: 1")
    expect(audit.summaryText({ body: { fromMonth: 1, toMonth: 12 } })).toBe('Dari bulan: Januari; Sampai bulan: Desember');
    expect(audit.summaryText({ month: '2026-10', status: 'DONE', findings: { MATCHED: 1200, DUPLICATE_BILLING: 2 }, scope: 'VILLAGES', sharePercent: 40 }, Infinity)).toBe(
      'Bulan: Oktober 2026; Status: Selesai (draf); Temuan: (Sesuai: 1.200, Tagihan ganda: 2); Cakupan: Desa tertentu; Persentase: 40%',
    );
    expect(audit.summaryText('{"unknownKey":"2026-10"}')).toBe('unknownKey: 2026-10'); // the API's name, the value as stored
    expect(audit.summaryText('not json')).toBe('not json');
    expect(audit.summaryText('{}')).toBe('–');
    expect(audit.summaryText(JSON.stringify({ reason: 'x'.repeat(300) }), 20)).toHaveLength(20);
  });
});

describe('console filters and revisions read in the browser', () => {
  let pledge: any;
  let splitsPage: any;
  let format: any;
  beforeAll(async () => {
    pledge = await consoleModule('pages/pledge.js');
    splitsPage = await consoleModule('split-filters.js');
    format = await consoleModule('format.js');
  });

  it('names the terms a pledge revision changed from the one before, by their labels on the page', () => {
    const before = { code: 'X', fiscalYear: 2027, fromMonth: 1, toMonth: 12, budget: 5000000, legalBasis: 'PKS 1/2027', villageCodes: ['a'], quota: null };
    expect(pledge.changedTermLabels(before, { ...before, legalBasis: 'PKS 1/2027 (adendum)' })).toEqual(['Dasar hukum']);
    expect(pledge.changedTermLabels(before, { ...before, budget: 4000000, fromMonth: 3 })).toEqual(['Dari bulan', 'Pagu']);
    expect(pledge.changedTermLabels(before, { ...before, villageCodes: ['a', 'b'], quota: undefined })).toEqual(['Desa yang ditanggung']); // null and absent are the same
    expect(pledge.changedTermLabels(before, { ...before })).toEqual([]);
    expect(pledge.changedTermLabels(before, { ...before, newTerm: 1 })).toEqual(['newTerm']);
  });

  it('says the source and the village fund a revision changed with their old and new values (QA: "Jenis dana desa" alone)', () => {
    const desa = { code: 'DESA-1703062001-2026', fiscalYear: 2026, sourceType: 'DESA', fund: 'DANA_DESA', budget: 1000000 };
    expect(pledge.changedTermTexts(desa, { ...desa, fund: 'ADD' })).toEqual(['Jenis dana desa: Dana Desa → Alokasi Dana Desa']);
    expect(pledge.changedTermTexts(desa, { ...desa, sourceType: 'TJSLP', fund: null, budget: 900000 })).toEqual(['Sumber dana: APBDes → TJSLP (CSR)', 'Jenis dana desa: Dana Desa → –', 'Pagu']);
    expect(pledge.changedTermTexts(desa, { ...desa })).toEqual([]);
  });

  it('says a pledge, village or NIK the API does not know beside its filter', () => {
    const notFound = { code: 'PLEDGE_NOT_FOUND', message: 'Komitmen pendanaan "apbd-2026" tidak ditemukan.', details: [], body: { details: { code: 'apbd-2026', similar: 'APBD-2026' } } };
    expect(splitsPage.filterRefusal(notFound)).toEqual({ message: notFound.message, details: [{ field: 'pledgeCode', messages: [notFound.message] }] });
    expect(splitsPage.filterRefusal({ code: 'VILLAGE_NOT_FOUND', message: 'm', details: [] }).details[0].field).toBe('villageCode');
    expect(splitsPage.filterRefusal({ code: 'PARTICIPANT_NOT_FOUND', message: 'm', details: [] }).details[0].field).toBe('nik');
    const invalid = { code: 'VALIDATION_FAILED', message: 'm', details: [{ field: 'nik', messages: ['x'] }] };
    expect(splitsPage.filterRefusal(invalid)).toBe(invalid);
    expect(splitsPage.filterRefusal({ code: 'NOT_ALLOCATED', message: 'm', details: [] })).toBeNull();
  });

  it('lists the pledges of the chosen month\'s fiscal year in DOMAIN §5\'s order of source types (QA: January 2027 listed 2026\'s; APBD_PROV before APBD)', () => {
    const pledges = [
      { code: 'TJSLP-ALNO-2026', sourceType: 'TJSLP', funder: 'PT Agricinal', fiscalYear: 2026 },
      { code: 'APBD_PROV-2026', sourceType: 'APBD_PROV', funder: 'Provinsi Bengkulu', fiscalYear: 2026 },
      { code: 'DESA-1703062001-2026', sourceType: 'DESA', funder: 'Desa Talang Jambu', fiscalYear: 2026 },
      { code: 'APBD-2026', sourceType: 'APBD', funder: 'Kabupaten', fiscalYear: 2026 },
      { code: 'APBD-2027', sourceType: 'APBD', funder: 'Kabupaten', fiscalYear: 2027 },
    ];
    const codes = (month: string | undefined, kept?: string) => splitsPage.pledgeOptions(pledges, month, kept).map((o: any) => o.value);
    expect(codes('2026-10')).toEqual(['', 'APBD-2026', 'APBD_PROV-2026', 'DESA-1703062001-2026', 'TJSLP-ALNO-2026']);
    expect(codes('2027-01')).toEqual(['', 'APBD-2027']);
    // no month (or none the picker can show): every year's, the newest year first
    expect(codes(undefined)).toEqual(['', 'APBD-2027', 'APBD-2026', 'APBD_PROV-2026', 'DESA-1703062001-2026', 'TJSLP-ALNO-2026']);
    expect(codes('2026-13')).toHaveLength(6);
    // the pledge chosen stays, with its year said, when the month is of another year
    expect(splitsPage.pledgeOptions(pledges, '2027-01', 'APBD-2026')).toEqual([
      { value: '', label: 'Semua komitmen' },
      { value: 'APBD-2027', label: 'APBD-2027 – Kabupaten' },
      { value: 'APBD-2026', label: 'APBD-2026 – Kabupaten (tahun anggaran 2026)' },
    ]);
    expect(splitsPage.pledgeOptions(pledges, '2027-01')).toHaveLength(2);
    // a withdrawn pledge stays choosable, marked as Pembayaran marks it (pledgeOptionLabel; QA: Alokasi did not)
    const withdrawn = [...pledges, { code: 'QA-A2-2027', sourceType: 'TJSLP', funder: 'PT Satu', fiscalYear: 2027, withdrawn: true }];
    expect(splitsPage.pledgeOptions(withdrawn, '2027-01', 'APBD-2026').map((o: any) => o.label)).toEqual([
      'Semua komitmen',
      'APBD-2027 – Kabupaten',
      'QA-A2-2027 – PT Satu (dicabut)',
      'APBD-2026 – Kabupaten (tahun anggaran 2026)',
    ]);
    expect(format.pledgeOptionLabel({ code: 'APBD-2026', funder: 'Kabupaten', withdrawn: false })).toBe('APBD-2026 – Kabupaten');
  });

  it('reads a NIK as printed on the card', () => {
    expect(format.plainNik('1703 0102 0709 2185')).toBe('1703010207092185');
    expect(format.plainNik('1703.0102.0709.2185')).toBe('1703010207092185');
    expect(format.plainNik('')).toBe('');
    expect(format.plainNik(undefined)).toBeUndefined();
  });
});
