/** Title lines shared by the sheets of a reconciliation workbook. */
import { monthLabel, RUN_STATUS_LABELS, label, wibTimestamp } from '../format/labels.js';
import type { ReconciliationWorkbookContext } from './workbook-context.js';

export const REGENCY = 'Kabupaten Bengkulu Utara';

/**
 * The title and the line under it: the month, the run's version and status, who ran it and when,
 * who finalized it and when, and when this copy was downloaded (QA: it said "dibuat" with the
 * download time, which read as when the reconciliation was made, and named nobody). The status follows the version
 * after a comma: its label has brackets of its own (QA: "versi 1 (Selesai (draf))").
 */
export function sheetTitle(ctx: ReconciliationWorkbookContext, title: string): string[] {
  const { run } = ctx;
  const ran = `dijalankan oleh ${run.started_by}${run.finished_at ? ` ${wibTimestamp(run.finished_at)}` : ''}`;
  const finalized = run.finalized_by ? ` · difinalisasi oleh ${run.finalized_by}${run.finalized_at ? ` ${wibTimestamp(run.finalized_at)}` : ''}` : '';
  return [
    `${title} — ${REGENCY}`,
    `Bulan ${monthLabel(ctx.month)} · rekonsiliasi versi ${run.version}, ${label(RUN_STATUS_LABELS, run.status)} · ${ran}${finalized} · diunduh ${wibTimestamp(ctx.generatedAt)}`,
  ];
}
