import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { RECORD_CURRENT_REVISIONS } from '../support/pledge-revisions.sql.js';
import { insertReportFixture, MONTH, P } from './support/report-fixture.js';
import { download, readWorkbook, rowOf } from './support/xlsx.js';
import type ExcelJS from 'exceljs';

jest.setTimeout(180_000);

/** The workbook exists only for a finished run (DONE or FINAL); other runs and ids are ordinary JSON errors. */
describe('reconciliation workbook: which runs', () => {
  let t: TestApp;
  let runId: string;
  beforeAll(async () => {
    t = await createTestApp();
    runId = await insertReportFixture(t.dataSource, 'RUNNING');
  });
  afterAll(() => t.close());

  it('409 for a run still running, 404 for an unknown run, 400 for a malformed id, 403 for operators', async () => {
    const agent = await t.as(Role.KEUANGAN);
    const running = await agent.get(`/api/v1/reconciliations/${runId}/workbook.xlsx`).expect(409);
    expect(running.body).toMatchObject({ code: 'RUN_NOT_READY' });
    expect(running.body.message).toContain('berstatus Berjalan');
    const missing = await agent.get('/api/v1/reconciliations/00000000-0000-4000-8000-000000000000/workbook.xlsx').expect(404);
    expect(missing.body.code).toBe('RUN_NOT_FOUND');
    expect((await agent.get('/api/v1/reconciliations/bukan-uuid/workbook.xlsx').expect(404)).body).toMatchObject({ code: 'RUN_NOT_FOUND', message: 'Rekonsiliasi "bukan-uuid" tidak ditemukan.' });
    await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`).expect(403);
    // refused downloads send nothing and record nothing
    expect(await t.dataSource.query(`SELECT 1 FROM audit_event WHERE action = 'reconciliation.export'`)).toEqual([]);
  });
});

/**
 * A payment recorded in this year's months for a pledge of the year before (a correction of its December, paid
 * in January) counts in the month it is recorded in (DOMAIN §8/§9). QA: the January workbook listed that pledge
 * by its code alone, with no source type, as a pledge it did not know; it is named like every pledge now, and
 * Pagu & Realisasi says which year it belongs to.
 */
describe('reconciliation workbook: a pledge of the year before, paid in this year', () => {
  let t: TestApp;
  let runId: string;
  beforeAll(async () => {
    t = await createTestApp();
    runId = await insertReportFixture(t.dataSource, 'DONE'); // a DONE run reads payments as they are
    await t.dataSource.query(
      `INSERT INTO pledge (code, source_type, fund, funder, fiscal_year, scope, village_codes, niks, share_percent, budget, priority, legal_basis, created_by)
       VALUES ('DESA-1703062001-2025', 'DESA', 'DANA_DESA', 'Desa Talang Jambu', 2025, 'VILLAGES', '{17.03.06.2001}', '{}', 100, NULL, 20, 'Perdes 3/2024', 'uji')`,
    );
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by) VALUES ('DESA-1703062001-2025', '2026-10', 37800, '2026-10-05', 'SP2D 0001/DD/2026', '2025-12', 'uji')`,
    );
    // as a run made after it holds it: the pledge's §8 status in October, nothing due and the correction paid
    const status = { pledgeCode: 'DESA-1703062001-2025', due: 0, paid: 37800, status: 'OVERPAID', late: false };
    await t.dataSource.query(`UPDATE reconciliation_run SET summary = jsonb_set(summary::jsonb, '{payments}', (summary::jsonb->'payments') || $2::jsonb) WHERE id = $1`, [runId, JSON.stringify([status])]);
  });
  afterAll(() => t.close());

  it('names it with its funder and source type, and its fiscal year', async () => {
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body);
    const row = rowOf(wb.getWorksheet('Pagu & Realisasi')!, 'DESA-1703062001-2025');
    expect([2, 3, 9].map((c) => row.getCell(c).value)).toEqual([
      'APBDes',
      'Desa Talang Jambu — APBDes, DESA-1703062001-2025 (tahun anggaran 2025: pembayaran koreksi yang dicatat tahun ini)',
      37800,
    ]);
    // Pembayaran says so too: due nothing this year, the payment a correction (QA: it read like an overpayment)
    const paid = rowOf(wb.getWorksheet('Pembayaran')!, 'DESA-1703062001-2025');
    expect(paid.getCell(3).value).toBe('Desa Talang Jambu — APBDes, DESA-1703062001-2025 (tahun anggaran 2025: pembayaran koreksi yang dicatat tahun ini)');
  });

  it('the download is in the audit trail under the run, by whom, with the file (QA: signed workbooks taken left no trace)', async () => {
    const events = await t.dataSource.query(`SELECT actor, entity, entity_id, summary::jsonb AS summary FROM audit_event WHERE action = 'reconciliation.export'`);
    expect(events).toEqual([{ actor: expect.stringMatching(/auditor/), entity: 'reconciliation_run', entity_id: runId, summary: { file: expect.stringMatching(/\.xlsx$/) } }]);
  });
});

/**
 * The year end (QA, finance): once December 2026 is finalized, the arrears of June 2026 paid by an SP2D of 4 December
 * 2026 are recorded in January 2027 as a correction of June for APBD-2026. In January 2027's workbook: that money is
 * split into the APBD accounts with June 2026's tariff (2.800/37.800, not 2027's 2.800/39.300), kept out of 2027's
 * account totals as "Koreksi tahun anggaran 2026", and APBD-2026 is listed apart with its real 2026 realisation (it
 * read Realisasi Rp0 and its whole pagu left).
 */
describe('reconciliation workbook: a 2026 arrear recorded in January 2027', () => {
  let t: TestApp;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    t = await createTestApp();
    await insertReportFixture(t.dataSource, 'FINAL');
    const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
    // 2026: APBD-2026's pagu Rp1.100.000.000, Rp898.019.320 used over the year (the fixture's Rp55.360 and June's)
    await q(`UPDATE pledge SET budget = 1100000000 WHERE code = 'APBD-2026'`);
    await q(`INSERT INTO allocation_month (month, fiscal_year, status) VALUES ('2026-06', 2026, 'CURRENT'), ('2027-01', 2027, 'CURRENT')`);
    await q(`INSERT INTO split (month, nik, pledge_code, pledge_revision, amount) VALUES ('2026-06', $1, 'APBD-2026', 1, 897963960)`, [P.p1.nik]);
    // 2027: the tariff's LOCAL part is Rp39.300 (Rp1.500 more), APBD-2027 funds one participant in January
    await q(`INSERT INTO tariff (component, payer, amount, valid_from, valid_to, legal_basis) VALUES ('TAMBAHAN', 'LOCAL', 1500, '2027-01-01', NULL, 'uji')`);
    await q(
      `INSERT INTO pledge (code, source_type, fund, funder, fiscal_year, scope, village_codes, niks, share_percent, budget, priority, legal_basis, created_by)
       VALUES ('APBD-2027', 'APBD', NULL, 'Pemerintah Kabupaten Bengkulu Utara', 2027, 'ALL', '{}', '{}', 100, 1200000000, 90, 'Perda APBD 2027', 'uji')`,
    );
    await q(RECORD_CURRENT_REVISIONS);
    await q(`INSERT INTO obligation (month, nik, amount, unfunded, tmt, village_code) VALUES ('2027-01', $1, 39300, 0, $2, $3)`, [P.p3.nik, P.p3.tmt, P.p3.village]);
    await q(`INSERT INTO split (month, nik, pledge_code, pledge_revision, amount) VALUES ('2027-01', $1, 'APBD-2027', 1, 39300)`, [P.p3.nik]);
    await q(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by) VALUES ('APBD-2026', '2027-01', 76696200, '2026-12-04', 'SP2D-1204/BPKAD/2026', '2026-06', 'uji')`,
    );
    // a 2026 pledge without a pagu, its October correction recorded in January too (QA: its funder covered Pagu and Realisasi Bulan Ini)
    await q(`UPDATE pledge SET budget = NULL WHERE code = 'TJSLP-ALNO-2026'`);
    await q(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by) VALUES ('TJSLP-ALNO-2026', '2027-01', 37800, '2026-12-10', 'TRF-ALNO-1210', '2026-10', 'uji')`,
    );
    const summary = {
      month: '2027-01',
      version: 1,
      status: 'DONE',
      participants: 1,
      obligation: 39300,
      funded: [{ pledgeCode: 'APBD-2027', sourceType: 'APBD', participants: 1, amount: 39300 }],
      unfunded: { participants: 0, amount: 0 },
      bill: { invoiceTotal: 0, linesTotal: 0, payable: 0, overbilled: 0, underbilled: 0 },
      findings: {},
      payments: [
        { pledgeCode: 'APBD-2027', due: 39300, paid: 0, status: 'UNPAID', late: false },
        { pledgeCode: 'APBD-2026', due: 0, paid: 76696200, status: 'OVERPAID', late: false },
      ],
    };
    const [run] = await q(`INSERT INTO reconciliation_run (month, version, status, started_by, finished_at) VALUES ('2027-01', 1, 'DONE', 'uji', now()) RETURNING id`);
    await q(`UPDATE reconciliation_run SET summary = $2 WHERE id = $1`, [run.id, JSON.stringify({ id: run.id, ...summary })]);
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${run.id}/workbook.xlsx`))).body);
    ws = wb.getWorksheet('Pagu & Realisasi')!;
  });
  afterAll(() => t?.close());

  const values = (row: ExcelJS.Row, cols: number[]) => cols.map((c) => {
    const v = row.getCell(c).value as unknown;
    return v && typeof v === 'object' && 'formula' in v ? ((v as { result?: unknown }).result ?? 0) : v; // a result 0 is not kept
  });
  const rowsOf = (text: string) => {
    const out: ExcelJS.Row[] = [];
    ws.eachRow((row) => {
      if (String(row.getCell(1).value ?? '').startsWith(text)) out.push(row);
    });
    return out;
  };

  it("lists APBD-2026 apart, with its 2026 realisation and sisa pagu, and this year's JUMLAH without it", () => {
    const [jumlah] = rowsOf('JUMLAH');
    expect(values(jumlah, [5, 6, 9])).toEqual([39300, 39300, 0]); // 2027's only
    const heading = rowsOf('Komitmen tahun anggaran lain')[0];
    const row = rowOf(ws, 'APBD-2026');
    expect(row.number).toBeGreaterThan(heading.number);
    expect(values(row, [4, 5, 6, 7, 9])).toEqual([1100000000, null, 898019320, 201980680, 76696200]);
  });

  it('a pledge of that block without a pagu keeps its columns: the funder in Pemberi Dana alone, Pagu and Realisasi Bulan Ini empty, its realisation under Realisasi s.d. Bulan Ini (QA: the funder was merged across C:E)', () => {
    const row = rowOf(ws, 'TJSLP-ALNO-2026');
    expect(row.number).toBeGreaterThan(rowsOf('Komitmen tahun anggaran lain')[0].number);
    // merged cells read back as the master's value in each: none of this row's cells is merged
    expect(Array.from({ length: 12 }, (_, i) => row.getCell(i + 1).isMerged)).toEqual(Array(12).fill(false));
    expect(String(row.getCell(3).value)).toContain('PT Alno Agro Utama');
    expect(String(row.getCell(3).value)).toContain('(tahun anggaran 2026: pembayaran koreksi yang dicatat tahun ini)');
    expect(values(row, [4, 5, 6, 7, 8, 9])).toEqual([null, null, expect.any(Number), null, null, 37800]);
    // as APBD-2026's row above it: the same columns hold the same kind of figure
    expect(values(rowOf(ws, 'APBD-2026'), [6, 9]).every((v) => typeof v === 'number')).toBe(true);
  });

  it("splits the correction with June 2026's tariff, apart from 2027's accounts as Koreksi tahun anggaran 2026", () => {
    const [iuran, bantuan] = rowsOf('5.1.02.02.02.000');
    expect(values(iuran, [5, 6, 9])).toEqual([36500, 36500, 0]);
    expect(values(bantuan, [5, 6, 9])).toEqual([2800, 2800, 0]);
    expect(rowsOf('Koreksi tahun anggaran 2026: dibayar dan dicatat pada tahun 2027')).toHaveLength(1);
    const [, , iuran2026, bantuan2026] = rowsOf('5.1.02.02.02.000');
    expect(values(iuran2026, [9])).toEqual([71015000]);
    expect(values(bantuan2026, [9])).toEqual([5681200]); // 76.696.200 × 2.800 / 37.800, not / 39.300 (Rp5.464.365)
    expect(values(rowsOf('JUMLAH KOREKSI TAHUN ANGGARAN 2026')[0], [9])).toEqual([76696200]);
  });
});

/**
 * Every printed page's header and footer fit the 255 characters Excel keeps of each (QA: a finalized run's header was
 * cut mid-word on five of eight sheets, "… diunduh 06/" on Koreksi Peserta Bulan Tertutup, "… 21:44 W" on Per Desa): the header
 * says the month, version and status, who finalized it and when the copy was downloaded, whole, and the footer who ran
 * it. Here with the longest usernames there are (40 characters).
 */
describe("reconciliation workbook: a finalized run's page headers are whole", () => {
  const starter = 's'.repeat(36) + '.run';
  const finalizer = 'f'.repeat(35) + '.final';
  let t: TestApp;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    t = await createTestApp();
    const runId = await insertReportFixture(t.dataSource);
    await t.dataSource.query(`UPDATE reconciliation_run SET version = 12, started_by = $2, finalized_by = $3, finalized_at = now() WHERE id = $1`, [runId, starter, finalizer]);
    wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body);
  });
  afterAll(() => t?.close());

  it('every sheet: header and footer at most 255 characters, the facts whole, ending with WIB', () => {
    expect(wb.worksheets).toHaveLength(9);
    for (const ws of wb.worksheets) {
      const { oddHeader, oddFooter } = ws.headerFooter;
      expect(oddHeader!.length).toBeLessThanOrEqual(255);
      expect(oddFooter!.length).toBeLessThanOrEqual(255);
      expect(oddFooter).toMatch(/Halaman &P dari &N$/);
      if (ws.name === 'Berita Acara') continue; // its own title, short
      expect(oddHeader).toMatch(new RegExp(`\\nBulan Oktober 2026 · versi 12, Final · difinalisasi oleh ${finalizer} \\d{1,2} \\w+ \\d{4} \\d\\d\\.\\d\\d WIB · diunduh 15 November 2026 10\\.00 WIB$`));
      expect(oddHeader!.startsWith(`&L&8${String(ws.getCell('A1').value)}`)).toBe(true); // the title, whole here
      expect(oddFooter).toMatch(new RegExp(`^&L&8&A · dijalankan oleh ${starter} \\d{1,2} \\w+ \\d{4} \\d\\d\\.\\d\\d WIB&R`));
    }
  });
});

/**
 * Pagu & Realisasi printed (QA: "prints small"): one A4 page wide, as many pages high as it takes, landscape, its header
 * row on each printed page and the pages numbered (TableSheet's printSetup and PRINT_FOOTER, as every sheet of the
 * workbook). Fit to width, its column widths set the print size: they add up to no more than Rincian Peserta's, so it
 * prints at about two thirds rather than half, the long funder and revision texts wrapped in their cells.
 */
const widthOf = (ws: ExcelJS.Worksheet) => ws.columns.reduce((sum, c) => sum + (c.width ?? 0), 0);

describe('reconciliation workbook: Pagu & Realisasi and Per Sumber Dana print one A4 page wide', () => {
  let t: TestApp;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    t = await createTestApp();
    const runId = await insertReportFixture(t.dataSource);
    wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body);
  });
  afterAll(() => t?.close());

  it('fits to one page wide, as many pages high as it takes (a short sheet: fitToHeight 0), landscape A4, the header row repeated and the pages numbered', () => {
    const ws = wb.getWorksheet('Pagu & Realisasi')!;
    const headerRow = rowOf(ws, 'Kode Komitmen').number;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
    expect((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit).toBe(headerRow);
    expect(ws.headerFooter.oddFooter).toMatch(/^&L&8&A · dijalankan oleh uji .* WIB&R&8Halaman &P dari &N$/);
  });

  it('is no wider than Rincian Peserta, so it prints as large; a funder longer than its column wraps', () => {
    const ws = wb.getWorksheet('Pagu & Realisasi')!;
    expect(widthOf(ws)).toBeLessThanOrEqual(widthOf(wb.getWorksheet('Rincian Peserta')!));
    expect(widthOf(ws)).toBeLessThan(275 * 0.85); // was 275 characters: printed at about half size
    // every rupiah column keeps room for Rp12.345.678.901 (no #### for a regency's pagu)
    const header = rowOf(ws, 'Kode Komitmen');
    header.eachCell((cell, col) => String(cell.value).endsWith('(Rp)') && expect(ws.getColumn(col).width).toBeGreaterThanOrEqual(18));
    const funderColumn = ws.getColumn(3);
    let wrapped = 0;
    ws.eachRow((row, n) => {
      if (n <= header.number) return;
      const funder = row.getCell(3);
      if (typeof funder.value === 'string' && funder.value.length > funderColumn.width! - 1 && !funder.isMerged) {
        expect(funder.alignment?.wrapText).toBe(true);
        wrapped++;
      }
    });
    expect(wrapped).toBeGreaterThan(0);
  });

  /**
   * Per Sumber Dana was 320 characters wide (printed at about 40%), its Dana Desa warning in a column of 60 that made the
   * row six lines tall, mostly empty (QA): now about as wide as Pagu & Realisasi, the warnings under the table.
   */
  it('Per Sumber Dana is as narrow as Pagu & Realisasi, its warnings a note under the table, its rows not made tall by them', () => {
    const ws = wb.getWorksheet('Per Sumber Dana')!;
    expect(widthOf(ws)).toBeLessThanOrEqual(229);
    const header = rowOf(ws, 'Kode Komitmen');
    const heads: unknown[] = [];
    header.eachCell((cell, col) => {
      heads.push(cell.value);
      if (String(cell.value).endsWith('(Rp)')) expect(ws.getColumn(col).width).toBeGreaterThanOrEqual(18);
    });
    expect(heads).not.toContain('Peringatan');
    const desa = rowOf(ws, 'DESA-1703062001-2026');
    expect(desa.height ?? 15).toBeLessThanOrEqual(30); // the funder or revision wrapped, at most
    const note = rowOf(ws, 'Peringatan');
    expect(note.number).toBeGreaterThan(rowOf(ws, 'JUMLAH IURAN').number);
    const warning = String(ws.getRow(note.number + 1).getCell(1).value);
    expect(warning).toMatch(/^DESA-1703062001-2026: .*Dana Desa/);
    expect(ws.getRow(note.number + 1).getCell(1).isMerged).toBe(true); // over the sheet's width
    expect(ws.getRow(note.number + 1).height ?? 15).toBeLessThanOrEqual(30);
  });
});

/**
 * Per Desa and GET /splits/summary?groupBy=village count the same participants under names that say
 * which (QA: Banjar Sari had "Peserta" 12 in the workbook and `participants` 8 in the API, the
 * rupiah agreeing): the workbook's Seluruh Peserta is the API's `obligations` (everyone owed),
 * Peserta Terdanai its `participants` (any funding), Peserta Belum Terdanai Penuh its
 * `unfundedParticipants` (any remainder); a partly funded participant is in the last two. The
 * fixture's month gets one more resident of Talang Jambu with nothing funded, so the three differ.
 */
const UNFUNDED_NIK = '1703060505700006';

interface VillageRow {
  key: string;
  participants: number;
  amount: number;
  obligations: number;
  obligationAmount: number;
  unfundedParticipants: number;
  unfundedAmount: number;
}

describe('reconciliation workbook: Per Desa counts as GET /splits/summary?groupBy=village', () => {
  let t: TestApp;
  let sheet: ExcelJS.Worksheet;
  let api: VillageRow[];

  beforeAll(async () => {
    t = await createTestApp();
    const runId = await insertReportFixture(t.dataSource);
    await t.dataSource.query(
      `INSERT INTO participant (nik, no_kk, noka, name, birth_date, sex, village_code, tmt) VALUES ($1, $2, NULL, 'Tanpa Dana', '1970-05-05', 'L', '17.03.06.2001', '2025-01-01')`,
      [UNFUNDED_NIK, UNFUNDED_NIK.replace(/.$/, '9')],
    );
    await t.dataSource.query(`INSERT INTO obligation (month, nik, amount, unfunded, tmt, village_code) VALUES ($1, $2, 37800, 37800, '2025-01-01', '17.03.06.2001')`, [MONTH, UNFUNDED_NIK]);
    const auditor = await t.as(Role.AUDITOR);
    sheet = (await readWorkbook((await download(auditor.get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body)).getWorksheet('Per Desa')!;
    api = (await auditor.get(`/api/v1/splits/summary?month=${MONTH}&groupBy=village`).expect(200)).body;
  });
  afterAll(() => t.close());

  it('the API says how many are owed in the village beside how many are funded', () => {
    expect(api.find((r) => r.key === '17.03.06.2001')).toMatchObject({ participants: 2, obligations: 3, unfundedParticipants: 1, amount: 2 * 37800, obligationAmount: 3 * 37800, unfundedAmount: 37800 });
    // partly funded (+Rina Wati, Rp25.120 of Rp37.800): funded and not fully funded
    expect(api.find((r) => r.key === '17.03.01.2001')).toMatchObject({ participants: 1, obligations: 1, unfundedParticipants: 1, amount: 25120, obligationAmount: 37800, unfundedAmount: 12680 });
  });

  it('every village row of Per Desa has the API figures under the matching headers', () => {
    const villages = api.filter((r) => r.key !== 'UNFUNDED');
    expect(villages).toHaveLength(4);
    for (const r of villages) {
      const row = rowOf(sheet, r.key);
      const cell = (c: number) => Number(row.getCell(c).value);
      const sources = [7, 8, 9, 10].reduce((sum, c) => sum + cell(c), 0);
      expect([r.key, cell(4), cell(5), cell(6), sources, cell(11), cell(12)]).toEqual([r.key, r.obligations, r.obligationAmount, r.participants, r.amount, r.unfundedParticipants, r.unfundedAmount]);
    }
    const talang = rowOf(sheet, '17.03.06.2001');
    expect([4, 6, 11].map((c) => talang.getCell(c).value)).toEqual([3, 2, 1]);
  });
});
