/**
 * Pagu & Realisasi: budget vs actual per pledge, year to date (January to the run's month), and
 * the APBD part attributed to its two budget accounts (DOMAIN §3). "Realisasi" is what the
 * allocation charged to the pledge (its splits); "Dibayar" is what was paid for those months.
 * The account split is done per pledge and month with that month's tariff, a correction's with the tariff of the
 * month it corrects (a note under the recap says so, as its year-to-date figures are sums of monthly roundings). The
 * last column names the pledge revision the month was allocated under (who changed the pagu, when and why).
 *
 * A pledge of another fiscal year paid in this year's months (a correction of its closed months, DOMAIN §9: an arrear
 * of December's SP2D recorded in January) is not this year's budget: it is listed apart under the table, with its
 * realisation and sisa pagu over its own fiscal year (QA: APBD-2026 read Realisasi Rp0 and its whole pagu left), and
 * its APBD money is recapped apart as "Koreksi tahun anggaran 2026", outside this year's account totals.
 */
import { LABEL_STYLE } from '../../common/spreadsheet/workbook-style.js';
import { APBD_ACCOUNTS, splitApbdAmount } from '../data/apbd-accounts.js';
import type { RevisionRange } from '../data/report-queries.js';
import { label, SOURCE_TYPE_LABELS } from '../format/labels.js';
import { monthRevisionText } from '../format/revisions.js';
import { type CellInput, TableSheet, type TableColumn } from '../workbook/table-sheet.js';
import { currentDataHeading } from './titles.js';
import { funderInYear, type ReconciliationWorkbookContext } from './workbook-context.js';

/**
 * Printed fit to one A4 page wide (TableSheet's printSetup: landscape, header row repeated, pages numbered), so the
 * widths set the print size: 275 characters printed at about half size (QA: "prints small"). The long texts (funder,
 * revision) wrap in narrower columns instead, the rupiah columns keep room for Rp12.345.678.901, and the sheet prints at
 * about two thirds, as Per Desa and Rincian Peserta do.
 */
const COLUMNS: TableColumn[] = [
  { header: 'Kode Komitmen', kind: 'text', width: 22 },
  { header: 'Sumber Dana', kind: 'text', width: 16 },
  { header: 'Pemberi Dana', kind: 'text', width: 28 },
  // Pagu and Sisa are not totalled: a pledge paid by share or quota has no pagu, so a JUMLAH of them
  // would not be JUMLAH Pagu − JUMLAH Realisasi (the note under the table says so).
  { header: 'Pagu (Rp)', kind: 'rupiah', width: 18 },
  { header: 'Realisasi Bulan Ini (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'Realisasi s.d. Bulan Ini (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'Sisa Pagu (Rp)', kind: 'rupiah', width: 18 },
  { header: '% Realisasi', kind: 'percent', width: 9 },
  { header: 'Dibayar s.d. Bulan Ini (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: `Rek. ${APBD_ACCOUNTS.iuran.code} Iuran s.d. Bulan Ini (Rp)`, kind: 'rupiah', width: 18, total: true },
  { header: `Rek. ${APBD_ACCOUNTS.bantuanDaerah.code} Bantuan Daerah s.d. Bulan Ini (Rp)`, kind: 'rupiah', width: 18, total: true },
  { header: 'Revisi Komitmen Bulan Ini (dasar alokasi)', kind: 'text', width: 28 },
];

/**
 * Under the account recap: the split is taken month by month, so a year-to-date figure is a sum of
 * monthly roundings (QA: an auditor splitting the year-to-date total got BANTUAN_DAERAH a rupiah more).
 */
export const MONTHLY_SPLIT_NOTE =
  'Pembagian ke rekening dihitung per bulan: Bantuan Daerah dibulatkan ke bawah setiap bulan, Iuran sisanya. ' +
  'Angka s.d. bulan ini adalah jumlah pembagian bulan-bulannya, sehingga dapat berbeda beberapa rupiah dari pembagian atas total s.d. bulan ini. ' +
  'Pembayaran koreksi dibagi dengan tarif bulan yang dikoreksinya.';

/** The heading of the pledges of other fiscal years under the table. */
export const OTHER_YEARS_HEADING =
  'Komitmen tahun anggaran lain: pembayaran koreksi bulan yang sudah ditutup, dicatat tahun ini (tidak termasuk JUMLAH di atas). ' +
  'Realisasi dan sisa pagu: seluruh tahun anggaran komitmen itu; Dibayar: koreksi yang dicatat tahun ini.';

interface Sums {
  month: number;
  ytd: number;
  paidYtd: number;
  iuran: { month: number; ytd: number; paidYtd: number };
  bantuanDaerah: { month: number; ytd: number; paidYtd: number };
}

/** Writes the sheet; answers, per pledge, the revisions its splits of the run's month were allocated under (Per Sumber Dana shows them too). */
export async function writePaguRealisasi(ctx: ReconciliationWorkbookContext): Promise<Map<string, RevisionRange>> {
  const from = `${ctx.fiscalYear}-01`;
  const splits = await ctx.queries.splitsByPledgeMonth(from, ctx.month);
  const payments = ctx.paidThisYear;
  const sums = new Map<string, Sums>();
  const sumsOf = (code: string) => {
    let s = sums.get(code);
    if (!s) sums.set(code, (s = { month: 0, ytd: 0, paidYtd: 0, iuran: { month: 0, ytd: 0, paidYtd: 0 }, bantuanDaerah: { month: 0, ytd: 0, paidYtd: 0 } }));
    return s;
  };
  const isApbd = (code: string) => ctx.pledgeByCode.get(code)?.sourceType === 'APBD';
  const yearOf = (code: string) => ctx.pledgeByCode.get(code)?.fiscalYear ?? ctx.fiscalYear;
  const attribute = (code: string, month: string, amount: number, key: 'month' | 'ytd' | 'paidYtd') => {
    const tariff = ctx.tariffs.get(month);
    if (!isApbd(code) || !tariff) return;
    const parts = splitApbdAmount(amount, tariff);
    const s = sumsOf(code);
    s.iuran[key] += parts.iuran;
    s.bantuanDaerah[key] += parts.bantuanDaerah;
  };
  const monthRevisions = new Map<string, RevisionRange>();
  for (const r of splits) {
    if (r.month === ctx.month) monthRevisions.set(r.pledgeCode, r.revisions);
    const s = sumsOf(r.pledgeCode);
    s.ytd += r.amount;
    attribute(r.pledgeCode, r.month, r.amount, 'ytd');
    if (r.month === ctx.month) {
      s.month += r.amount;
      attribute(r.pledgeCode, r.month, r.amount, 'month');
    }
  }
  for (const r of payments) {
    sumsOf(r.pledgeCode).paidYtd += r.amount;
    attribute(r.pledgeCode, r.adjustsMonth ?? r.month, r.amount, 'paidYtd');
  }

  const t = new TableSheet(ctx.output.workbook, 'Pagu & Realisasi', COLUMNS, {
    ...currentDataHeading(ctx, `Pagu dan Realisasi Tahun Anggaran ${ctx.fiscalYear} s.d. Bulan Ini`),
  });
  const ofYear = new Set(ctx.pledges.map((p) => p.code));
  const codes = [...ofYear, ...[...sums.keys()].filter((c) => !ofYear.has(c)).sort()];
  const otherYears = codes.filter((c) => yearOf(c) !== ctx.fiscalYear);
  const cells = (code: string, row: number, used: { month: number | null; ytd: number }): CellInput[] => {
    const p = ctx.pledgeByCode.get(code);
    const s = sumsOf(code);
    const budget = p?.budget ?? null;
    return [
      code,
      label(SOURCE_TYPE_LABELS, p?.sourceType),
      funderInYear(ctx, code),
      budget,
      used.month,
      used.ytd,
      budget === null ? null : { formula: `D${row}-F${row}`, result: budget - used.ytd },
      budget === null ? null : { formula: `IF(D${row}=0,0,F${row}/D${row})`, result: budget === 0 ? 0 : used.ytd / budget },
      s.paidYtd,
      // the accounts of this year's realisation; a pledge of another year's are its year's, recapped apart below
      p?.sourceType === 'APBD' && used.month !== null ? s.iuran.ytd : null,
      p?.sourceType === 'APBD' && used.month !== null ? s.bantuanDaerah.ytd : null,
      monthRevisionText(ctx.revisions, code, monthRevisions.get(code), p?.revision),
    ];
  };
  for (const code of codes.filter((c) => !otherYears.includes(c))) t.addRow(cells(code, t.currentRow, sumsOf(code)));
  t.finishTable();
  t.writeStyledRow(['Pagu dan sisa pagu tidak dijumlahkan: komitmen dengan persentase atau kuota saja tidak mempunyai pagu.']);
  if (otherYears.length) {
    t.blankRow();
    t.writeStyledRow([OTHER_YEARS_HEADING], LABEL_STYLE);
    // each value in its own column, as the table's rows: a long funder wraps in Pemberi Dana, never merged over the empty
    // Pagu and Realisasi Bulan Ini of a pledge without a pagu (QA: TJSLP-ALNO-2026's covered C:E beside figures above)
    const ownColumns = COLUMNS.map(() => 1);
    for (const code of otherYears) t.writeStyledRow(cells(code, t.currentRow, { month: null, ytd: ctx.otherYearsUsed.get(code) ?? 0 }), {}, undefined, ownColumns);
  }

  // The APBD accounts: what the regency budget carried this month and this year, by account.
  t.blankRow();
  t.writeStyledRow(['Rekapitulasi per rekening belanja APBD Kabupaten'], LABEL_STYLE);
  const apbd = [...sums.entries()].filter(([code]) => isApbd(code) && yearOf(code) === ctx.fiscalYear).map(([, s]) => s);
  const total = (pick: (s: Sums) => number) => apbd.reduce((a, s) => a + pick(s), 0);
  const first = t.currentRow;
  t.writeStyledRow([APBD_ACCOUNTS.iuran.code, APBD_ACCOUNTS.iuran.name, null, null, total((s) => s.iuran.month), total((s) => s.iuran.ytd), null, null, total((s) => s.iuran.paidYtd)]);
  t.writeStyledRow([APBD_ACCOUNTS.bantuanDaerah.code, APBD_ACCOUNTS.bantuanDaerah.name, null, null, total((s) => s.bantuanDaerah.month), total((s) => s.bantuanDaerah.ytd), null, null, total((s) => s.bantuanDaerah.paidYtd)]);
  const sum = (col: string, pick: (s: Sums) => number) => ({ formula: `SUM(${col}${first}:${col}${first + 1})`, result: total(pick) });
  t.writeStyledRow(
    ['JUMLAH APBD KABUPATEN', null, null, null, sum('E', (s) => s.month), sum('F', (s) => s.ytd), null, null, sum('I', (s) => s.paidYtd)],
    LABEL_STYLE,
  );
  writeOtherYearsRecap(t, ctx.fiscalYear, [...sums.entries()].filter(([code]) => isApbd(code) && yearOf(code) !== ctx.fiscalYear).map(([code, s]) => [yearOf(code), s]));
  t.writeStyledRow([MONTHLY_SPLIT_NOTE]);
  t.commit();
  return monthRevisions;
}

/**
 * The APBD money of pledges of other fiscal years paid in this year's months (corrections of their closed months), by
 * year and account, apart from this year's: "Koreksi tahun anggaran 2026", charged to that year's budget.
 */
function writeOtherYearsRecap(t: TableSheet, fiscalYear: number, sums: Array<[number, Sums]>): void {
  for (const year of [...new Set(sums.map(([y]) => y))].sort()) {
    const of = sums.filter(([y]) => y === year).map(([, s]) => s);
    const total = (pick: (s: Sums) => number) => of.reduce((a, s) => a + pick(s), 0);
    t.writeStyledRow([`Koreksi tahun anggaran ${year}: dibayar dan dicatat pada tahun ${fiscalYear} untuk bulan tahun ${year} yang sudah ditutup, dibebankan pada tahun anggaran ${year} (tidak termasuk jumlah di atas)`], LABEL_STYLE);
    const first = t.currentRow;
    t.writeStyledRow([APBD_ACCOUNTS.iuran.code, APBD_ACCOUNTS.iuran.name, null, null, null, null, null, null, total((s) => s.iuran.paidYtd)], {});
    t.writeStyledRow([APBD_ACCOUNTS.bantuanDaerah.code, APBD_ACCOUNTS.bantuanDaerah.name, null, null, null, null, null, null, total((s) => s.bantuanDaerah.paidYtd)], {});
    t.writeStyledRow([`JUMLAH KOREKSI TAHUN ANGGARAN ${year}`, null, null, null, null, null, null, null, { formula: `SUM(I${first}:I${first + 1})`, result: total((s) => s.paidYtd) }], LABEL_STYLE);
  }
}
