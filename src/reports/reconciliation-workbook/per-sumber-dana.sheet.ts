/**
 * Per Sumber Dana: the run's funding by pledge (its `funded`) in allocation order, each with the
 * terms and the revision those figures were allocated under (`allocatedPledges`, `runRevisions`),
 * then unfunded and the obligation; under them the pledges' warnings.
 */
import { LABEL_STYLE, WARNING_STYLE } from '../../common/spreadsheet/workbook-style.js';
import type { RevisionRange } from '../data/report-queries.js';
import { FUND_LABELS, label, SCOPE_LABELS, SOURCE_TYPE_LABELS } from '../format/labels.js';
import { monthRevisionText } from '../format/revisions.js';
import { TableSheet, type TableColumn } from '../workbook/table-sheet.js';
import { sheetHeading } from './titles.js';
import { funderOf, type ReconciliationWorkbookContext } from './workbook-context.js';

/**
 * 209 characters wide, about Pagu & Realisasi's 229 (QA: 320, printed at about 40%): the long texts (funder, revision,
 * legal basis) wrap in their cells. A pledge's §5 warnings are not a column (QA: the Dana Desa warning, 60 characters
 * wide, made its row six lines tall and mostly empty) but a note under the table, the sheet's whole width (the Peringatan rows after JUMLAH IURAN).
 */
const COLUMNS: TableColumn[] = [
  { header: 'Kode Komitmen', kind: 'text', width: 22 },
  { header: 'Sumber Dana', kind: 'text', width: 14 },
  { header: 'Jenis Dana Desa', kind: 'text', width: 14 },
  { header: 'Pemberi Dana', kind: 'text', width: 28 },
  { header: 'Prioritas', kind: 'count', width: 9 },
  { header: 'Cakupan', kind: 'text', width: 16 },
  { header: 'Bagian (%)', kind: 'count', width: 9 },
  { header: 'Kuota', kind: 'count', width: 9 },
  { header: 'Peserta', kind: 'count', width: 10 },
  { header: 'Jumlah (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'Revisi Komitmen (dasar alokasi)', kind: 'text', width: 32 },
  { header: 'Dasar Hukum', kind: 'text', width: 28 },
];
export function writePerSumberDana(ctx: ReconciliationWorkbookContext, monthRevisions: ReadonlyMap<string, RevisionRange>): void {
  const t = new TableSheet(ctx.output.workbook, 'Per Sumber Dana', COLUMNS, sheetHeading(ctx, 'Pendanaan Iuran per Sumber Dana'));
  const allocated = new Map(ctx.allocatedPledges.map((p) => [p.code, p]));
  const order = new Map(ctx.allocatedPledges.map((p, i) => [p.code, i]));
  const funded = [...ctx.summary.funded].sort((a, b) => (order.get(a.pledgeCode) ?? 1e9) - (order.get(b.pledgeCode) ?? 1e9));
  const warnings: string[] = [];
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
    ]);
    if (p?.warnings.length) warnings.push(`${f.pledgeCode}: ${p.warnings.join(' ')}`);
  }
  const totalRow = t.finishTable('JUMLAH DIDANAI');
  const unfundedRow = t.writeStyledRow(['Tidak terdanai', null, null, null, null, null, null, null, ctx.summary.unfunded.participants, ctx.summary.unfunded.amount]);
  const funded$ = t.sum(9);
  t.writeStyledRow(
    ['JUMLAH IURAN', null, null, null, null, null, null, null, ctx.summary.participants, { formula: `J${totalRow}+J${unfundedRow}`, result: funded$ + ctx.summary.unfunded.amount }],
    LABEL_STYLE,
  );
  if (warnings.length) {
    t.blankRow();
    t.writeStyledRow(['Peringatan'], LABEL_STYLE);
    for (const w of warnings) t.writeStyledRow([w], WARNING_STYLE);
  }
  t.commit();
}
