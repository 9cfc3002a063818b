/**
 * Rekap Tahunan, sheet "Per Pemberi Dana": one row per pledge of the fiscal year (pagu, kuota, what it funded, what
 * was paid for it, the balance, the months §8 calls unpaid, underpaid or late), the JUMLAH row, then the unfunded
 * rest (Tidak Terdanai) on its own row and the year's obligation (terutang komitmen + tidak terdanai); signed by the health
 * office and the regency's finance office (BPKAD), a DRAF line above the blocks while months are open.
 */
import { fontScale, LABEL_STYLE, WARNING_STYLE, wrappedLines } from '../../common/spreadsheet/workbook-style.js';
import { funderLabel, label, SOURCE_TYPE_LABELS } from '../format/labels.js';
import { BPKAD_HEAD, CLOSING_ROWS, DINKES_HEAD, twoBlocks, writeClosing } from '../workbook/signature-block.js';
import { TableSheet, type TableColumn } from '../workbook/table-sheet.js';
import type { WorkbookOutput } from '../workbook/workbook-output.js';
import type { PledgeYear } from './pledge-year.js';

export const PER_PEMBERI_DANA = 'Per Pemberi Dana';

export const PLEDGE_COLUMNS: TableColumn[] = [
  { header: 'Pemberi Dana', kind: 'text', width: 40 },
  { header: 'Sumber Dana', kind: 'text', width: 16 },
  { header: 'Pagu (Rp)', kind: 'rupiah', width: 16 },
  { header: 'Kuota (peserta per bulan)', kind: 'count', width: 12 },
  { header: 'Peserta-Bulan Terdanai', kind: 'count', width: 12, total: true },
  { header: 'Terutang (Rp)', kind: 'rupiah', width: 17, total: true },
  { header: 'Dibayar (Rp)', kind: 'rupiah', width: 17, total: true },
  { header: 'Selisih Dibayar − Terutang (Rp)', kind: 'rupiah', width: 17, total: true },
  { header: 'Bulan Belum/Kurang Dibayar', kind: 'text', width: 44 },
  { header: 'Bulan Dibayar Terlambat (setelah tanggal 10)', kind: 'text', width: 26 },
];

export function writePerPemberiDana(output: WorkbookOutput, title: string[], rows: readonly PledgeYear[], unfunded: number, draft: string | null): void {
  const t = new TableSheet(output.workbook, PER_PEMBERI_DANA, PLEDGE_COLUMNS, { title, fixedRowHeights: true });
  for (const r of rows) {
    const p = r.pledge;
    const row = t.currentRow;
    t.addRow([
      funderLabel(p),
      label(SOURCE_TYPE_LABELS, p.sourceType),
      p.budget ?? { note: 'tanpa pagu' },
      p.quota ?? { note: 'tanpa kuota' },
      r.participantMonths,
      r.funded,
      r.paid,
      { formula: `G${row}-F${row}`, result: r.paid - r.funded },
      r.owed.length ? r.owed.join('; ') : '-',
      r.late.length ? r.late.join(', ') : '-',
    ]);
  }
  const totals = t.finishTable('JUMLAH (semua komitmen)');
  const rupiahRow = (values: Array<string | number | { formula: string; result: number } | null>, style = {}) => t.writeStyledRow(values, style);
  const unfundedRow = rupiahRow(['Tidak Terdanai: sisa iuran yang tidak didanai komitmen mana pun', null, null, null, null, unfunded]);
  rupiahRow(
    [
      'Kewajiban iuran tahun ini (terutang komitmen + tidak terdanai)',
      null,
      null,
      null,
      null,
      { formula: `F${totals}+F${unfundedRow}`, result: t.sum(5) + unfunded },
    ],
    LABEL_STYLE,
  );
  t.blankRow();
  // the DRAF line as many lines as it wraps to over the sheet's width (it now also names the months frozen without a
  // finalized reconciliation, longer than the three lines it was given), on the page of the signatures
  const draftText = draft ? `DRAF — JANGAN DITANDATANGANI: ${draft}` : null;
  const draftLines = draftText ? Math.max(3, wrappedLines(draftText, t.columns.reduce((sum, c) => sum + c.width, 0), fontScale(WARNING_STYLE))) : 0;
  t.keepTogether(draftLines + CLOSING_ROWS);
  if (draftText) t.writeStyledRow([draftText], WARNING_STYLE);
  writeClosing(t, 'Demikian rekapitulasi ini dibuat untuk dipergunakan sebagaimana mestinya.', twoBlocks(t.columns, DINKES_HEAD, BPKAD_HEAD));
  t.commit();
}
