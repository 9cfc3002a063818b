/** Title lines shared by the sheets of a reconciliation workbook. */
import { monthLabel, RUN_STATUS_LABELS, label, wibTimestamp } from '../format/labels.js';
import type { TableSheetOptions } from '../workbook/table-sheet.js';
import { monthChangedSinceRun, type ReconciliationWorkbookContext } from './workbook-context.js';

export const REGENCY = 'Kabupaten Bengkulu Utara';

/**
 * The title and the line under it: the month, the run's version and status, who ran it and when,
 * who finalized it and when, and when this copy was downloaded (QA: it said "dibuat" with the
 * download time, which read as when the reconciliation was made, and named nobody). The status follows the version
 * after a comma: its label has brackets of its own (QA: "versi 1 (Selesai (draf))").
 */
export function sheetTitle(ctx: ReconciliationWorkbookContext, title: string): string[] {
  const { ran, finalized, downloaded } = runFacts(ctx);
  return [
    `${title} — ${REGENCY}`,
    `Bulan ${monthLabel(ctx.month)} · rekonsiliasi versi ${ctx.run.version}, ${label(RUN_STATUS_LABELS, ctx.run.status)} · ${ran}${finalized} · ${downloaded}`,
  ];
}

/**
 * A sheet's title (sheetTitle) and its printed page's header and footer. The title's two lines exceed the 255
 * characters Excel keeps of a header once the run is finalized (QA: cut at "… diunduh 06/" and "… 21:44 W"), so the
 * header says the month, the version and status, who finalized it and when the copy was downloaded ("versi", not
 * "rekonsiliasi versi"), and who ran it moves to the footer, after the sheet's name.
 */
export function sheetHeading(ctx: ReconciliationWorkbookContext, title: string): Pick<TableSheetOptions, 'title' | 'print'> {
  const { ran, finalized, downloaded } = runFacts(ctx);
  return {
    title: sheetTitle(ctx, title),
    print: {
      header: [`${title} — ${REGENCY}`, `Bulan ${monthLabel(ctx.month)} · versi ${ctx.run.version}, ${label(RUN_STATUS_LABELS, ctx.run.status)}${finalized} · ${downloaded}`],
      footer: ran,
    },
  };
}

/**
 * sheetHeading of a sheet read from the month as it is now, not from the run (Pagu & Realisasi, Per Desa, Rincian
 * Peserta): once the month changed since a DONE run ran, a notice above its title says so, as Ringkasan's advice does
 * (QA: their totals per funder disagreed with Ringkasan's, and nothing on them said why). The run keeps only its totals,
 * not each participant's split, so these sheets cannot be read as the run saw them: the run is to be run again.
 */
export function currentDataHeading(ctx: ReconciliationWorkbookContext, title: string): Pick<TableSheetOptions, 'title' | 'print' | 'notice'> {
  if (!monthChangedSinceRun(ctx)) return sheetHeading(ctx, title);
  return { ...sheetHeading(ctx, title), notice: [[currentDataNote(ctx.run.version)]] };
}

/** The notice of currentDataHeading. */
export const currentDataNote = (version: number) =>
  `DRAF: lembar ini memakai data bulan ini saat diunduh, bukan data saat rekonsiliasi versi ${version} dijalankan. Data bulan ini berubah sesudahnya ` +
  '(lihat Ringkasan), sehingga angkanya dapat berbeda dari Ringkasan, Per Sumber Dana dan Berita Acara. Jalankan ulang rekonsiliasi sebelum ditandatangani.';

function runFacts(ctx: ReconciliationWorkbookContext): { ran: string; finalized: string; downloaded: string } {
  const { run } = ctx;
  return {
    ran: `dijalankan oleh ${run.started_by}${run.finished_at ? ` ${wibTimestamp(run.finished_at)}` : ''}`,
    finalized: run.finalized_by ? ` · difinalisasi oleh ${run.finalized_by}${run.finalized_at ? ` ${wibTimestamp(run.finalized_at)}` : ''}` : '',
    downloaded: `diunduh ${wibTimestamp(ctx.generatedAt)}`,
  };
}
