/**
 * Koreksi Peserta Bulan Tertutup: the register corrections of the closed months of the run's fiscal year and the year
 * before (December's, found in January) the run kept
 * (reconciliation/closed-month-corrections.ts, DOMAIN §9), one row per participant-month: a month finalized or
 * frozen paid for a participant the register no longer covers there (a death reported after it was closed:
 * "kelebihan iuran", to claim back from BPJS and record as a negative correction per funder), or covers someone
 * it owed nothing for ("kekurangan iuran"). QA: November paid Rp37.800 for a man whose death (TAT 15/10/2026) was
 * recorded after November was finalized, and nothing in December's workbook said so.
 *
 * The corrections are the run's (as they stood when it was computed; a finalized run's are those it was signed
 * with), not the register's as it is at download. One "Didanai <komitmen>" column per pledge that paid any of them.
 */
import { LABEL_STYLE, WARNING_STYLE } from '../../common/spreadsheet/workbook-style.js';
import { dayFirst, monthsSaid } from '../../common/month.js';
import type { ClosedMonthCorrectionItem, ClosedMonthCorrections } from '../../reconciliation/closed-month-corrections.js';
import { monthLabel, rupiah } from '../format/labels.js';
import { TableSheet, type TableColumn } from '../workbook/table-sheet.js';
import { sheetHeading } from './titles.js';
import { villageNames, type ReconciliationWorkbookContext } from './workbook-context.js';

export const KOREKSI_SHEET = 'Koreksi Peserta Bulan Tertutup' as const;

const END_REASON_WORDS: Record<string, string> = { MENINGGAL: 'meninggal', PINDAH: 'pindah', PBI_APBN: 'pindah ke PBI APBN', MAMPU: 'mampu', LAINNYA: 'lainnya' };

/** A TMT or TAT as the enrollment sheet writes it (dayFirst), empty when there is none. */
const day = (d: string | null) => (d ? dayFirst(d) : '');

/** Why the month and the register disagree, in words. */
export function correctionReason(i: ClosedMonthCorrectionItem): string {
  switch (i.reason) {
    case 'TAT':
      return `TAT ${day(i.tat)}${i.endReason ? ` (${END_REASON_WORDS[i.endReason] ?? i.endReason})` : ''} sebelum bulan itu, dicatat sesudah bulan itu ditutup`;
    case 'TMT':
      return `TMT ${day(i.tmt)} sesudah bulan itu, diubah sesudah bulan itu ditutup`;
    case 'REMOVED':
      return 'Tidak ada lagi di daftar peserta';
    case 'REGISTERED_LATE':
      return `Terdaftar sesudah bulan itu dialokasikan, TMT ${day(i.tmt)}`;
    default:
      return `TMT/TAT diubah sesudah bulan itu dialokasikan (TMT ${day(i.tmt)}${i.tat ? `, TAT ${day(i.tat)}` : ''})`;
  }
}

/** What the finance officer does with it (recorded in an open month, §9), the month named (QA: "bulan itu"). */
export function correctionAction(i: ClosedMonthCorrectionItem): string {
  const month = monthsSaid([i.month]);
  if (i.kind === 'UNDER') {
    return (
      `Iuran ${rupiah(i.amount)} tidak dialokasikan untuk ${month}: periksa tagihan BPJS ${month}; bila ditagih, bayar dan catat sebagai pembayaran koreksi ${month} ` +
      'pada bulan yang masih terbuka, dari komitmen yang ditentukan petugas keuangan (bulan yang sudah ditutup tidak dialokasikan ulang).'
    );
  }
  const funders = i.splits.map((s) => `${s.pledgeCode} ${rupiah(s.amount)}`).join(', ');
  return (
    `Tagih kembali ke BPJS Kesehatan ${rupiah(i.amount)} yang dibayar untuk ${month}` +
    (funders ? `; catat koreksi negatif ${month} per komitmen (${funders}) pada bulan yang masih terbuka.` : '; tidak ada komitmen yang mendanainya.')
  );
}

/** The closed months of the OVER or UNDER participant-months, in words ("September–November 2026"), from the rows kept with the run. */
export function correctionMonths(c: Pick<ClosedMonthCorrections, 'items'>, kind: ClosedMonthCorrectionItem['kind']): string {
  return monthsSaid(c.items.filter((i) => i.kind === kind).map((i) => i.month));
}

/**
 * "1 peserta-bulan; kelebihan iuran November 2026 Rp37.800 (APBD-2026 Rp22.680, APBD_PROV-2026 Rp15.120), …": the
 * sheet's line. Which pledge pays a shortfall is not computed: the closed month is not allocated again, so the
 * officer decides it (the participant-months are listed on the sheet).
 */
export function correctionsSaid(c: ClosedMonthCorrections): string {
  const parts = [`${c.participantMonths} peserta-bulan`];
  if (c.over.participantMonths) {
    const funders = c.byPledge.map((p) => `${p.pledgeCode} ${rupiah(p.amount)}`).join(', ');
    parts.push(`kelebihan iuran ${correctionMonths(c, 'OVER')} ${rupiah(c.over.amount)}${funders ? ` (${funders})` : ''}, tagih kembali ke BPJS Kesehatan dan catat koreksi negatif per komitmen untuk ${correctionMonths(c, 'OVER')}`);
  }
  if (c.under.participantMonths) {
    parts.push(
      `kekurangan iuran ${correctionMonths(c, 'UNDER')} ${rupiah(c.under.amount)} (${c.under.participantMonths} peserta-bulan tanpa iuran, rinciannya per peserta di bawah), ` +
        `bayar sebagai pembayaran koreksi ${correctionMonths(c, 'UNDER')} dari komitmen yang ditentukan petugas keuangan`,
    );
  }
  return parts.join('; ');
}

export function writeKoreksiBulanTertutup(ctx: ReconciliationWorkbookContext): void {
  const corrections = ctx.summary.closedMonthCorrections;
  const pledgeCodes = corrections?.byPledge.map((p) => p.pledgeCode) ?? [];
  const columns: TableColumn[] = [
    { header: 'No', kind: 'count', width: 7 },
    { header: 'Bulan', kind: 'text', width: 15 },
    { header: 'NIK', kind: 'text', width: 19 },
    { header: 'Nama', kind: 'text', width: 26 },
    { header: 'Desa', kind: 'text', width: 20 },
    { header: 'Kecamatan', kind: 'text', width: 18 },
    { header: 'Jenis', kind: 'text', width: 18 },
    { header: 'Alasan', kind: 'text', width: 44 },
    { header: 'Iuran Tersimpan (Rp)', kind: 'rupiah', width: 16, total: true },
    ...pledgeCodes.map((code): TableColumn => ({ header: `Didanai ${code} (Rp)`, kind: 'rupiah', width: 18, total: true })),
    { header: 'Kelebihan Iuran (Rp)', kind: 'rupiah', width: 16, total: true },
    { header: 'Kekurangan Iuran (Rp)', kind: 'rupiah', width: 16, total: true },
    { header: 'Usulan Tindakan', kind: 'text', width: 70 },
  ];
  // "Bulan Tertutup" as the sheet's name: with a finalized run's facts and the longest usernames, the printed header keeps the
  // title whole within Excel's 255 characters ("Bulan yang Sudah Ditutup" did not, once timestamps named the month)
  const t = new TableSheet(ctx.output.workbook, KOREKSI_SHEET, columns, sheetHeading(ctx, 'Koreksi Iuran Bulan Tertutup (Difinalisasi/Dibekukan)'));
  let no = 0;
  for (const i of corrections?.items ?? []) {
    const paid = new Map(i.splits.map((s) => [s.pledgeCode, s.amount]));
    const { village, kecamatan } = villageNames(ctx, i.villageCode);
    t.addRow([
      ++no,
      monthLabel(i.month),
      i.nik,
      i.name,
      village || i.villageCode,
      kecamatan,
      i.kind === 'OVER' ? 'Kelebihan iuran' : 'Kekurangan iuran',
      correctionReason(i),
      i.obligation,
      ...pledgeCodes.map((code) => paid.get(code) ?? null),
      i.kind === 'OVER' ? i.amount : null,
      i.kind === 'UNDER' ? i.amount : null,
      correctionAction(i),
    ]);
  }
  t.finishTable();
  t.blankRow();
  if (!corrections) {
    t.writeStyledRow([`Rekonsiliasi versi ${ctx.run.version} dijalankan sebelum koreksi bulan tertutup dihitung; jalankan ulang rekonsiliasi untuk melihatnya.`], WARNING_STYLE);
  } else if (corrections.participantMonths === 0) {
    // the run compares its fiscal year's closed months and the year before's (closed-month-corrections.ts)
    const months = corrections.months.length ? `bulan ${monthsSaid(corrections.months)}` : `tahun ${ctx.fiscalYear - 1} dan ${ctx.fiscalYear}`;
    t.writeStyledRow([`Tidak ada koreksi: daftar peserta saat rekonsiliasi dijalankan sesuai dengan iuran ${months} yang sudah ditutup.`], LABEL_STYLE);
  } else {
    t.writeStyledRow([`Bulan yang sudah ditutup tidak dihitung ulang: ${correctionsSaid(corrections)}. Koreksi dicatat pada bulan yang masih terbuka.`], LABEL_STYLE);
  }
  t.commit();
}
