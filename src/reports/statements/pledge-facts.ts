/**
 * The pledge statement's Ringkasan under its monthly table: the pledge's terms and pagu (writePledgeFacts), and the
 * revisions the period's months were allocated under (writeRevisionsUsed).
 */
import { monthOf } from '../../common/month.js';
import { LABEL_STYLE, NUMBER_FORMATS, WARNING_STYLE } from '../../common/spreadsheet/workbook-style.js';
import type { RevisionUse } from '../../funding/domain/pledge-warnings.js';
import { fundsAsAllocated, warningsAsAllocated } from '../data/pledge-compliance.js';
import type { PledgeRevisions, PledgeRow, RevisionRange } from '../data/report-queries.js';
import { FUND_LABELS, funderLabel, label, monthLabel, monthRanges, revisionLabel, SCOPE_LABELS, SOURCE_TYPE_LABELS, wibTimestamp } from '../format/labels.js';
import { mixedRevisions, revisionFacts, revisionNumbers } from '../format/revisions.js';
import type { TableSheet } from '../workbook/table-sheet.js';
import type { StatementPeriod } from './statement-period.js';

/** A figure of the pledge's facts, in the third column: rupiah shown as `Rp500.000`. */
const FACT_AMOUNT = [undefined, undefined, { numFmt: NUMBER_FORMATS.rupiah }];

/**
 * The pledge itself below the monthly table: its terms, and the budget against what was used; the source of the months
 * allocated under a revision whose source was another, and the §5 warnings of the months' revisions (`uses`).
 */
export function writePledgeFacts(t: TableSheet, p: PledgeRow, usedBefore: number, revisions: PledgeRevisions, villages: ReadonlyMap<string, string>, uses: readonly RevisionUse[]): void {
  const usedInPeriod = t.sum(2);
  t.blankRow();
  t.writeStyledRow(['Komitmen'], LABEL_STYLE);
  const fact = (name: string, value: string) => t.writeStyledRow([name, null, value]);
  fact('Pemberi dana', funderLabel(p));
  if (p.withdrawn) {
    const when = p.withdrawnAt ? ` pada ${wibTimestamp(p.withdrawnAt)}${p.withdrawnBy ? ` oleh ${p.withdrawnBy}` : ''}` : '';
    t.writeStyledRow(['Status', null, `Dicabut${when}: tidak ikut dialokasikan pada bulan yang belum difinalisasi; bulan yang sudah difinalisasi tetap mencatat yang didanainya.`], WARNING_STYLE);
  }
  fact('Sumber dana', `${label(SOURCE_TYPE_LABELS, p.sourceType)}${p.fund ? ` (${label(FUND_LABELS, p.fund)})` : ''}`);
  const asAllocated = fundsAsAllocated(p, uses);
  if (asAllocated) fact('Sumber dana saat dialokasikan', asAllocated);
  fact('Tahun anggaran, bulan', `${p.fiscalYear}, ${monthLabel(monthOf(p.fiscalYear, p.fromMonth))} s.d. ${monthLabel(monthOf(p.fiscalYear, p.toMonth))}`);
  // each village by name beside its code, as the console shows them (QA: codes only)
  const named = p.villageCodes.map((code) => (villages.has(code) ? `${villages.get(code)} (${code})` : code));
  fact('Cakupan', `${label(SCOPE_LABELS, p.scope)}${p.scope === 'VILLAGES' ? `: ${named.join(', ')}` : ''}`);
  fact('Bagian, kuota, prioritas', `${p.sharePercent}%, ${p.quota === null ? 'tanpa kuota' : `kuota ${p.quota} peserta/bulan`}, prioritas ${p.priority}`);
  fact('Dasar hukum', p.legalBasis ?? '-');
  fact('Revisi (ketentuan di atas)', revisionLabel(revisionFacts(revisions, p.code, p.revision)));
  if (p.budget !== null) {
    const left = p.budget - usedBefore - usedInPeriod;
    // figures beside their labels, not under the Terutang (Rp) column they stand in: `Rp500.000`
    const budgetRow = t.writeStyledRow(['Nilai komitmen (pagu)', null, p.budget], undefined, FACT_AMOUNT);
    t.writeStyledRow(['Terpakai sebelum periode ini (tahun yang sama)', null, usedBefore], undefined, FACT_AMOUNT);
    t.writeStyledRow(['Terpakai dalam periode ini', null, usedInPeriod], undefined, FACT_AMOUNT);
    t.writeStyledRow(['Sisa komitmen', null, { formula: `C${budgetRow}-C${budgetRow + 1}-C${budgetRow + 2}`, result: left }], LABEL_STYLE, FACT_AMOUNT);
  } else {
    fact('Nilai komitmen (pagu)', 'tanpa pagu');
  }
  for (const w of warningsAsAllocated(p, uses)) t.writeStyledRow([`Peringatan: ${w}`], WARNING_STYLE);
}

/**
 * Under the pledge's terms: each revision the period's months were allocated under (when and why)
 * and the months it was used in, so a pagu that changed mid-year (APBD-P) is explained; then any
 * month whose splits carry more than one revision, which an allocation never writes: those months
 * are returned ("Oktober 2026 (Revisi 2 s.d. 3)"), for the closing's DRAF line.
 */
export function writeRevisionsUsed(
  t: TableSheet,
  code: string,
  period: StatementPeriod,
  due: Map<string, { revisions: RevisionRange }>,
  revisions: PledgeRevisions,
): string[] {
  t.blankRow();
  t.writeStyledRow(['Revisi komitmen yang dipakai alokasi (bulan — revisi)'], LABEL_STYLE);
  const monthsOf = new Map<number, string[]>();
  const mixed: string[] = [];
  for (const month of period.months) {
    const range = due.get(month)?.revisions;
    if (!range) continue;
    if (mixedRevisions(range)) mixed.push(`${monthLabel(month)} (${revisionNumbers(range)})`);
    for (const revision of new Set([range.min, range.max])) monthsOf.set(revision, [...(monthsOf.get(revision) ?? []), month]);
  }
  if (monthsOf.size === 0) t.writeStyledRow(['Tidak ada alokasi dari komitmen ini dalam periode ini.']);
  for (const [revision, months] of [...monthsOf].sort(([a], [b]) => a - b)) {
    t.writeStyledRow([monthRanges(months), null, revisionLabel(revisionFacts(revisions, code, revision))]);
  }
  for (const m of mixed) t.writeStyledRow([`Peringatan: alokasi ${m} memakai lebih dari satu revisi komitmen; seharusnya satu. Alokasikan ulang bulan itu.`], WARNING_STYLE);
  return mixed;
}
