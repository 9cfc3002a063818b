/**
 * The end of a statement's Ringkasan: what its signatories sign for — the period's totals in figures
 * and in words — then the closing and the signature blocks (writeClosing, as Berita Acara's), kept on
 * one printed page. A statement not fit to sign says so above them, as Berita Acara does.
 */
import type ExcelJS from 'exceljs';
import { columnStyle, fontScale, LABEL_STYLE, NUMBER_FORMATS, WARNING_STYLE, wrappedLines } from '../../common/spreadsheet/workbook-style.js';
import { monthsSaid } from '../../common/month.js';
import type { FrozenUnreconciled } from '../../periods/sql/frozen-unreconciled.sql.js';
import type { VillageView } from '../../regions/regions.service.js';
import type { PledgeRow } from '../data/report-queries.js';
import { funderName } from '../format/labels.js';
import { terbilangBalance, terbilangNotYetDue, terbilangRupiah } from '../terbilang.js';
import { BPKAD_HEAD, CLOSING_ROWS, type Signatory, twoBlocks, writeClosing } from '../workbook/signature-block.js';
import type { TableSheet } from '../workbook/table-sheet.js';
import type { StatementPeriod } from './statement-period.js';

/**
 * A total of the table above, by the same figure its JUMLAH row shows, said in words as an amount (terbilangRupiah), a
 * balance paid − owed (`balance`: terbilangBalance) or a shortfall not yet due (`notYetDue`: terbilangNotYetDue; see
 * balanceByDueness).
 */
export interface StatementAmount {
  label: string;
  amount: number;
  words?: 'balance' | 'notYetDue';
}

const SAID_AS = { balance: terbilangBalance, notYetDue: terbilangNotYetDue } as const;

/**
 * Who signs for the APBD Provinsi pledges. DOMAIN (§5) names only the regency's BPKAD, and provinces
 * name their finance office differently, so the block names the office by its role in the regional
 * finance rules (PP 12/2019: the Pejabat Pengelola Keuangan Daerah), right whatever the office is
 * called. A constant like REGENCY.
 */
export const PROVINCE_FINANCE_HEAD: Signatory = ['Pejabat Pengelola Keuangan Daerah', 'Provinsi Bengkulu', 'NIP.'];

/** Words in a rupiah column of the table: text, not a number format. */
const WORDS_STYLE = columnStyle('text');
/** The figure signed for stands beside its label and its words, not under the column's "(Rp)": `Rp37.800`. */
const AMOUNT_STYLE: Partial<ExcelJS.Style> = { numFmt: NUMBER_FORMATS.rupiah };

/**
 * Label over the first three columns, the figure in the fourth (a rupiah column in both statements),
 * the words after it; a DRAF line first when `draft` says why the statement is not to be signed.
 */
export function writeStatementClosing(t: TableSheet, amounts: readonly StatementAmount[], draft: string | null, signatories: readonly [Signatory, Signatory]): void {
  t.blankRow();
  // the figures signed for on the same page as the signatures; a DRAF line takes as many lines as its reason wrapped
  // over the columns from the fifth (writeStyledRow), not a guess of three (QA: with room for them on page 1, the Jumlah
  // and the signatures started page 2)
  const draftLines = draft ? wrappedLines(draft, t.columns.slice(4).reduce((sum, c) => sum + c.width, 0), fontScale(WARNING_STYLE)) : 0;
  t.keepTogether(draftLines + 1 + amounts.length + 1 + CLOSING_ROWS);
  if (draft) t.writeStyledRow(['DRAF — JANGAN DITANDATANGANI', null, null, null, draft], WARNING_STYLE);
  t.writeStyledRow(['Jumlah'], LABEL_STYLE);
  const styles: Array<Partial<ExcelJS.Style> | undefined> = [undefined, undefined, undefined, AMOUNT_STYLE, WORDS_STYLE];
  for (const a of amounts) t.writeStyledRow([a.label, null, null, a.amount, (a.words ? SAID_AS[a.words] : terbilangRupiah)(a.amount)], undefined, styles);
  t.blankRow();
  writeClosing(t, 'Demikian laporan ini dibuat untuk dipergunakan sebagaimana mestinya.', twoBlocks(t.columns, ...signatories));
}

/**
 * Why a statement is not to be signed yet, or null: months of its period not allocated (a year taken
 * in November: its totals leave December out), months allocated but not closed (not finalized, nor
 * frozen by a later finalized month: their figures can still change, QA: October's statement read as
 * final while October's Berita Acara said not to sign it), and what else the caller adds, each saying
 * what to do.
 */
export function draftReason(period: StatementPeriod, allocated: ReadonlySet<string>, closed: ReadonlySet<string>, more: readonly string[] = []): string | null {
  const them = (months: readonly string[]) => (months.length === 1 ? 'bulan itu' : 'bulan-bulan itu');
  const missing = period.months.filter((m) => !allocated.has(m));
  const open = period.months.filter((m) => allocated.has(m) && !closed.has(m));
  const reasons: string[] = [];
  if (missing.length) reasons.push(`${monthsSaid(missing)} belum dialokasikan: jumlah di atas belum memuat ${them(missing)}. Tanda tangani laporan yang diunduh sesudah ${them(missing)} dialokasikan.`);
  if (open.length) reasons.push(`${monthsSaid(open)} belum difinalisasi: angka ${them(open)} masih dapat berubah. Tanda tangani laporan yang diunduh sesudah rekonsiliasi ${them(open)} difinalisasi.`);
  reasons.push(...more);
  return reasons.length ? reasons.join(' ') : null;
}

/**
 * The DRAF reason for the months frozen by a later finalization without a finalized reconciliation (FROZEN_UNRECONCILED):
 * closed, so draftReason counts them final, yet none has a signed Berita Acara (QA: November finalized froze
 * August–October, drafts only, and the recap's DRAF line named December alone; then the village and pledge statements
 * of those months had no DRAF line at all). Never reconciled told apart from draft only. `document`: what is to be
 * signed later, the year recap or a statement.
 */
export function frozenUnsigned(frozen: readonly FrozenUnreconciled[], document: 'rekap' | 'laporan'): string[] {
  if (!frozen.length) return [];
  const never = frozen.filter((f) => f.draftVersion === null).map((f) => f.month);
  const drafts = frozen.filter((f) => f.draftVersion !== null).map((f) => f.month);
  const kinds = [never.length ? `belum pernah direkonsiliasi: ${monthsSaid(never)}` : null, drafts.length ? `hanya draf, belum difinalisasi: ${monthsSaid(drafts)}` : null].filter(Boolean);
  const them = frozen.length === 1 ? 'bulan itu' : 'bulan-bulan itu';
  return [
    `${monthsSaid(frozen.map((f) => f.month))} dibekukan tanpa rekonsiliasi final (${kinds.join('; ')}): belum ada berita acara yang ditandatangani untuk ${them}. ` +
      `Tanda tangani ${document} yang diunduh sesudah rekonsiliasi ${them} difinalisasi.`,
  ];
}

/** "Kepala Desa Talang Jambu" / "Kecamatan Kerkap" (no NIP: a kepala desa is elected); a kelurahan's lurah is a civil servant. */
export function villageHead(v: Pick<VillageView, 'name' | 'level' | 'kecamatanName'>): Signatory {
  return v.level === 'kelurahan' ? [`Lurah ${v.name}`, `Kecamatan ${v.kecamatanName}`, 'NIP.'] : [`Kepala Desa ${v.name}`, `Kecamatan ${v.kecamatanName}`, null];
}

/**
 * Who signs a pledge statement for its funder: the head of the regency's BPKAD (APBD) or the
 * province's finance office (APBD_PROV), the kepala desa (or lurah) of a DESA pledge's village, a
 * company's head (TJSLP): "Pimpinan" over the company's name, as "Kepala Dinas Kesehatan" stands
 * over "Kabupaten Bengkulu Utara".
 */
export function funderSignatory(p: PledgeRow, villages: readonly VillageView[]): Signatory {
  if (p.sourceType === 'APBD') return BPKAD_HEAD;
  if (p.sourceType === 'APBD_PROV') return PROVINCE_FINANCE_HEAD;
  if (p.sourceType === 'DESA') {
    const digits = (code: string) => code.replace(/\./g, '');
    const own = villages.filter((v) => p.villageCodes.some((c) => digits(c) === digits(v.code)));
    if (own.length === 1) return villageHead(own[0]);
    return ['Kepala Desa', funderName(p), null]; // no village, or several: the funder's name
  }
  return ['Pimpinan', funderName(p), null];
}
