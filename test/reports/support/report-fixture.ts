/**
 * A small, hand-computed regency month for the workbook tests, inserted with SQL (no other
 * module needed): five participants in four villages, four pledges (TJSLP, Dana Desa, province
 * 40% quota 2, APBD), September and October 2026 obligations and splits, payments, a BPJS bill's
 * findings and a reconciliation run whose summary (API.md shape) matches the rows. Some user
 * text starts with =, +, - or @ (formula injection).
 */
import type { DataSource } from 'typeorm';
import { RECORD_CURRENT_REVISIONS } from '../../support/pledge-revisions.sql.js';

export const MONTH = '2026-10';
export const PREV = '2026-09';

export const P = {
  p1: { nik: '1703060101800001', name: 'Ahmad Saputra', village: '17.03.06.2001', tmt: '2025-01-01', noka: '0001000000001' },
  p2: { nik: '1703064101850002', name: '=HYPERLINK("http://contoh.invalid","klik")', village: '17.03.06.2001', tmt: '2025-03-01', noka: '0001000000002' },
  p3: { nik: '1703060202900003', name: '-Budi Santoso', village: '17.03.06.2002', tmt: '2026-01-01', noka: '0001000000003' },
  p4: { nik: '1703064303950004', name: '@Siti Aminah', village: '17.03.06.1009', tmt: '2024-06-01', noka: null },
  p5: { nik: '1703010404000005', name: '+Rina Wati', village: '17.03.01.2001', tmt: '2026-10-01', noka: '0001000000005' },
} as const;

export const PLEDGES = {
  tjslp: { code: 'TJSLP-ALNO-2026', source: 'TJSLP', fund: null, funder: '=1+2 PT Alno Agro Utama', scope: 'RESIDENTS', niks: [P.p4.nik], villages: [], share: 100, quota: null, budget: 500000, priority: 10 },
  desa: { code: 'DESA-1703062001-2026', source: 'DESA', fund: 'DANA_DESA', funder: 'Desa Talang Jambu', scope: 'VILLAGES', niks: [], villages: ['17.03.06.2001'], share: 100, quota: null, budget: null, priority: 20 },
  prov: { code: 'PROV-2026', source: 'APBD_PROV', fund: null, funder: 'Pemerintah Provinsi Bengkulu', scope: 'ALL', niks: [], villages: [], share: 40, quota: 2, budget: null, priority: 50 },
  apbd: { code: 'APBD-2026', source: 'APBD', fund: null, funder: 'Pemerintah Kabupaten Bengkulu Utara', scope: 'ALL', niks: [], villages: [], share: 100, quota: null, budget: 2000000, priority: 90 },
} as const;

const O = 37800;
/** [month, nik, pledge, amount] */
const SPLITS: Array<[string, string, string, number]> = [
  [PREV, P.p4.nik, PLEDGES.tjslp.code, O],
  [PREV, P.p1.nik, PLEDGES.desa.code, O],
  [PREV, P.p2.nik, PLEDGES.desa.code, O],
  [PREV, P.p3.nik, PLEDGES.prov.code, 15120],
  [PREV, P.p3.nik, PLEDGES.apbd.code, 22680],
  [MONTH, P.p4.nik, PLEDGES.tjslp.code, O],
  [MONTH, P.p1.nik, PLEDGES.desa.code, O],
  [MONTH, P.p2.nik, PLEDGES.desa.code, O],
  [MONTH, P.p3.nik, PLEDGES.prov.code, 15120],
  [MONTH, P.p5.nik, PLEDGES.prov.code, 15120],
  [MONTH, P.p3.nik, PLEDGES.apbd.code, 22680],
  [MONTH, P.p5.nik, PLEDGES.apbd.code, 10000],
];

/** [pledge, month, amount, paidAt, reference] */
/** [pledge, month, amount, paid at, reference, adjusts month?]: October's APBD payment corrects September (DOMAIN §9). */
export const PAYMENTS: Array<[string, string, number, string, string, string?]> = [
  [PLEDGES.apbd.code, PREV, 22680, '2026-09-08', 'SP2D-0009/BPKAD/2026'],
  [PLEDGES.apbd.code, MONTH, 32680, '2026-10-12', 'SP2D-0012/BPKAD/2026', PREV],
  [PLEDGES.desa.code, MONTH, 50000, '2026-10-05', '=SUM(A1:A9)'],
  [PLEDGES.tjslp.code, MONTH, 40000, '2026-10-10', 'TRF ALNO 10/2026'],
];

/** [category, nik, noka, name, row, billed, expected, action] */
export const FINDINGS: Array<[string, string | null, string | null, string | null, number | null, number | null, number | null, string]> = [
  ['DUPLICATE_BILLING', P.p3.nik, P.p3.noka, 'BUDI SANTOSO', 4, O, 0, 'Tolak baris ganda; minta BPJS mengoreksi tagihan.'],
  ['NOT_REGISTERED', '1703069999999999', '0009999999999', '=cmd|\' /C calc\'!A0', 5, O, 0, 'Tolak: NIK tidak terdaftar sebagai peserta Jamkesda.'],
  ['AMOUNT_MISMATCH', P.p2.nik, P.p2.noka, 'SITI', 2, 42000, O, 'Bayar Rp37.800; kelebihan Rp4.200 adalah bantuan pusat.'],
  ['NOT_BILLED', P.p4.nik, null, P.p4.name, null, 0, O, 'Konfirmasi ke BPJS: peserta aktif tidak ditagih.'], // as a run stores it: billed 0
  ['TOTAL_MISMATCH', null, null, null, null, 235200, 231000, 'Minta BPJS memperbaiki total invoice.'],
];

export const SUMMARY = {
  participants: 5,
  obligation: 5 * O,
  funded: [
    { pledgeCode: PLEDGES.tjslp.code, sourceType: 'TJSLP', participants: 1, amount: O },
    { pledgeCode: PLEDGES.desa.code, sourceType: 'DESA', participants: 2, amount: 2 * O },
    { pledgeCode: PLEDGES.prov.code, sourceType: 'APBD_PROV', participants: 2, amount: 30240 },
    { pledgeCode: PLEDGES.apbd.code, sourceType: 'APBD', participants: 2, amount: 32680 },
  ],
  unfunded: { participants: 1, amount: 12680 },
  bill: { invoiceTotal: 235200, linesTotal: 231000, payable: 151200, overbilled: 79800, underbilled: O },
  findings: { DUPLICATE_BILLING: 1, NOT_REGISTERED: 1, AMOUNT_MISMATCH: 1, MATCHED: 3, NOT_BILLED: 1, TOTAL_MISMATCH: 1 },
  payments: [
    { pledgeCode: PLEDGES.tjslp.code, due: O, paid: 40000, status: 'OVERPAID', late: false },
    { pledgeCode: PLEDGES.desa.code, due: 2 * O, paid: 50000, status: 'UNDERPAID', late: false },
    { pledgeCode: PLEDGES.prov.code, due: 30240, paid: 0, status: 'UNPAID', late: false },
    { pledgeCode: PLEDGES.apbd.code, due: 32680, paid: 32680, status: 'PAID', late: true },
  ],
};

export async function insertReportFixture(ds: DataSource, status: 'DONE' | 'FINAL' | 'RUNNING' = 'FINAL'): Promise<string> {
  for (const p of Object.values(P)) {
    await ds.query(
      `INSERT INTO participant (nik, no_kk, noka, name, birth_date, sex, village_code, tmt) VALUES ($1, $2, $3, $4, '1980-01-01', 'L', $5, $6)`,
      [p.nik, p.nik.replace(/.$/, '9'), p.noka, p.name, p.village, p.tmt],
    );
  }
  for (const p of Object.values(PLEDGES)) {
    await ds.query(
      `INSERT INTO pledge (code, source_type, fund, funder, fiscal_year, scope, village_codes, niks, share_percent, quota, budget, priority, legal_basis, created_by)
       VALUES ($1, $2, $3, $4, 2026, $5, $6, $7, $8, $9, $10, $11, $12, 'uji')`,
      [p.code, p.source, p.fund, p.funder, p.scope, p.villages, p.niks, p.share, p.quota, p.budget, p.priority, `PKS ${p.code}`],
    );
  }
  await ds.query(RECORD_CURRENT_REVISIONS); // revision 1, which the splits below carry
  for (const month of [PREV, MONTH]) {
    for (const p of Object.values(P)) {
      if (`${month}-31` < p.tmt) continue;
      const funded = SPLITS.filter((s) => s[0] === month && s[1] === p.nik).reduce((a, s) => a + s[3], 0);
      await ds.query(`INSERT INTO obligation (month, nik, amount, unfunded, tmt, village_code) VALUES ($1, $2, $3, $4, $5, $6)`, [month, p.nik, O, O - funded, p.tmt, p.village]);
    }
  }
  // September and October are allocated (a statement of a month never allocated is 404 NOT_ALLOCATED).
  await ds.query(`INSERT INTO allocation_month (month, fiscal_year, status) VALUES ($1, 2026, 'CURRENT'), ($2, 2026, 'CURRENT')`, [PREV, MONTH]);
  for (const [month, nik, pledge, amount] of SPLITS) {
    await ds.query(`INSERT INTO split (month, nik, pledge_code, pledge_revision, amount) VALUES ($1, $2, $3, 1, $4)`, [month, nik, pledge, amount]);
  }
  for (const [pledge, month, amount, paidAt, reference, adjustsMonth] of PAYMENTS) {
    await ds.query(`INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by) VALUES ($1, $2, $3, $4, $5, $6, 'uji')`, [
      pledge,
      month,
      amount,
      paidAt,
      reference,
      adjustsMonth ?? null,
    ]);
  }
  const [run] = await ds.query(`INSERT INTO reconciliation_run (month, version, status, started_by, finished_at) VALUES ($1, 1, $2, 'uji', now()) RETURNING id`, [MONTH, status]);
  const summary = { id: run.id, month: MONTH, version: 1, status, ...SUMMARY };
  await ds.query(`UPDATE reconciliation_run SET summary = $2 WHERE id = $1`, [run.id, JSON.stringify(summary)]);
  let seq = 0;
  for (const [category, nik, noka, name, row, billed, expected, action] of FINDINGS) {
    await ds.query(
      `INSERT INTO finding (run_id, seq, category, nik, noka, name, row_number, billed_amount, expected_amount, action) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [run.id, ++seq, category, nik, noka, name, row, billed, expected, action],
    );
  }
  return run.id;
}
