/**
 * Per Sumber Dana: the run's funding by pledge (its `funded`) in allocation order, each with the
 * terms and the revision those figures were allocated under (`allocatedPledges`, `runRevisions`),
 * then unfunded and the obligation.
 */
import { LABEL_STYLE } from '../../common/spreadsheet/workbook-style.js';
import type { RevisionRange } from '../data/report-queries.js';
import { FUND_LABELS, label, SCOPE_LABELS, SOURCE_TYPE_LABELS } from '../format/labels.js';
import { monthRevisionText } from '../format/revisions.js';
import { TableSheet, type TableColumn } from '../workbook/table-sheet.js';
import { sheetHeading } from './titles.js';
import { funderOf, type ReconciliationWorkbookContext } from './workbook-context.js';

const COLUMNS: TableColumn[] = [
  { header: 'Kode Komitmen', kind: 'text', width: 26 },
  { header: 'Sumber Dana', kind: 'text', width: 16 },
  { header: 'Jenis Dana Desa', kind: 'text', width: 20 },
  { header: 'Pemberi Dana', kind: 'text', width: 44 },
  { header: 'Prioritas', kind: 'count', width: 10 },
  { header: 'Cakupan', kind: 'text', width: 18 },
  { header: 'Bagian (%)', kind: 'count', width: 10 },
  { header: 'Kuota', kind: 'count', width: 10 },
  { header: 'Peserta', kind: 'count', width: 12 },
  { header: 'Jumlah (Rp)', kind: 'rupiah', width: 20, total: true },
  { header: 'Revisi Komitmen (dasar alokasi)', kind: 'text', width: 40 },
  { header: 'Dasar Hukum', kind: 'text', width: 34 },
  { header: 'Peringatan', kind: 'text', width: 60 },
];

export function writePerSumberDana(ctx: ReconciliationWorkbookContext, monthRevisions: ReadonlyMap<string, RevisionRange>): void {
  const t = new TableSheet(ctx.output.workbook, 'Per Sumber Dana', COLUMNS, sheetHeading(ctx, 'Pendanaan Iuran per Sumber Dana'));
  const allocated = new Map(ctx.allocatedPledges.map((p) => [p.code, p]));
  const order = new Map(ctx.allocatedPledges.map((p, i) => [p.code, i]));
  const funded = [...ctx.summary.funded].sort((a, b) => (order.get(a.pledgeCode) ?? 1e9) - (order.get(b.pledgeCode) ?? 1e9));
  for (const f of funded) {
    const p = allocated.get(f.pledgeCode);
    t.addRow([
      f.pledgeCode,
      label(SOURCE_TYPE_LABELS, p?.sourceType ?? f.sourceType),
      label(FUND_LABELS, p?.fund),
      funderOf(ctx, f.pledgeCode, f.sourceType),
      p?.priority,
      label(SCOPE_LABELS, p?.scope),
      p?.sharePercent,
      p?.quota,
      f.participants,
      f.amount,
      monthRevisionText(ctx.revisions, f.pledgeCode, ctx.runRevisions.get(f.pledgeCode) ?? monthRevisions.get(f.pledgeCode), p?.revision),
      p?.legalBasis,
      p?.warnings.join(' ') || null,
    ]);
  }
  const totalRow = t.finishTable('JUMLAH DIDANAI');
  const unfundedRow = t.writeStyledRow(['Tidak terdanai', null, null, null, null, null, null, null, ctx.summary.unfunded.participants, ctx.summary.unfunded.amount]);
  const funded$ = t.sum(9);
  t.writeStyledRow(
    ['JUMLAH IURAN', null, null, null, null, null, null, null, ctx.summary.participants, { formula: `J${totalRow}+J${unfundedRow}`, result: funded$ + ctx.summary.unfunded.amount }],
    LABEL_STYLE,
  );
  t.commit();
}
