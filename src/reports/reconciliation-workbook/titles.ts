/** Title lines shared by the sheets of a reconciliation workbook. */
import { monthLabel, RUN_STATUS_LABELS, label, wibTimestamp } from '../format/labels.js';
import type { ReconciliationWorkbookContext } from './workbook-context.js';

export const REGENCY = 'Kabupaten Bengkulu Utara';

export function sheetTitle(ctx: ReconciliationWorkbookContext, title: string): string[] {
  return [
    `${title} — ${REGENCY}`,
    `Bulan ${monthLabel(ctx.month)} · rekonsiliasi versi ${ctx.run.version} (${label(RUN_STATUS_LABELS, ctx.run.status)}) · dibuat ${wibTimestamp(ctx.generatedAt)}`,
  ];
}
