/**
 * A pledge sheet row's refusals in the sheet's words: the pledge rules' failures (written for the API's fields) told
 * by the sheet's columns or the file's headers (judged, inSheetWords, COLUMN_OF), sorted in column order (byColumn),
 * and the messages for a code used twice in the file or already taken (twiceInFile, taken).
 */
import { SOURCE_TYPE_LABELS } from '../../reports/format/labels.js';
import type { FieldProblem } from '../../common/errors/field-problem.js';
import { FundingException } from '../funding.exception.js';
import { asList, type PledgeSheetRow } from './pledge-rows.js';
import { type ColumnNames, PLEDGE_COLUMNS, type RowProblem } from './pledge-sheet.js';

/** A code another row of this sheet holds, naming that row (the one that took it, or would). */
export const twiceInFile = (code: string, holder: number) => `Kode ${code} muncul lebih dari sekali di berkas ini: sudah dipakai di baris ${holder}.`;

/** A code a saved pledge holds, as a check and as a save tell it (the save's is the API's PLEDGE_EXISTS message). */
export const taken = (code: string, dryRun: boolean) => (dryRun ? `Kode komitmen "${code}" sudah dipakai.` : FundingException.pledgeExists(code).message);

/**
 * The pledge rules' failures of a row (in the sheet's words, `names`) that can still be judged: none about a
 * column whose cell could not be read, which its own message names (a TAHUN of `dua ribu` is not also told
 * to lie between 2018 and 2099), nor about a list its refused `Daftar` rows left empty (it was listed: not
 * "wajib diisi"). The other columns are judged as the API judges them, a list by the values that were read.
 */
export function judged(row: PledgeSheetRow, problems: readonly FieldProblem[], names: ColumnNames): RowProblem[] {
  const unread = new Set(row.problems.map((p) => p.column));
  for (const { column } of row.listRefusals) if (!asList(column === 'KODE_DESA' ? row.input.villageCodes : row.input.niks).length) unread.add(column);
  return problems
    .flatMap((p) =>
      p.messages.map((message) => ({
        column: COLUMN_OF[p.field] ?? p.field,
        message: withValue(inSheetWords(message, names), p.field, row) + (ALSO_NAMED[p.field] && message.includes('salah satu dari') ? ALSO_NAMED[p.field] : ''),
      })),
    )
    .filter((p) => !unread.has(p.column));
}

/** Fields whose refusal quotes what the cell held (QA: "SUMBER harus salah satu dari …" did not say it read "APBN"). */
const QUOTED = new Set(['sourceType', 'fund', 'scope', 'fiscalYear']);

/**
 * `SUMBER harus …` → `SUMBER "APBN" harus …`, `TAHUN (tahun anggaran) harus …` → `TAHUN (tahun anggaran) 2100 harus …`:
 * the cell as written is put after the column's name, as the enrollment sheet's refusals do. A message of another
 * shape is kept.
 */
function withValue(message: string, field: string, row: PledgeSheetRow): string {
  const cell = QUOTED.has(field) ? row.cells[COLUMN_INDEX.get(COLUMN_OF[field]) ?? -1] : undefined;
  if (!cell || cell.text === '') return message;
  // a value of another kind is already told by the message (", bukan angka 5")
  const said = field === 'fiscalYear' ? (typeof row.input.fiscalYear === 'number' ? cell.text : null) : cell.kind === 'number' ? null : `"${cell.text}"`;
  if (said === null) return message;
  return message.replace(/^(\S+(?: \([^)]*\))?) harus /, `$1 ${said} harus `);
}

/** A row's messages in the order of the sheet's columns (the order its stored issues are read back in), each column's as found. */
const COLUMN_INDEX = new Map<string, number>(PLEDGE_COLUMNS.map(({ name }, i) => [name, i]));
export const byColumn = (a: RowProblem, b: RowProblem) => (COLUMN_INDEX.get(a.column) ?? PLEDGE_COLUMNS.length) - (COLUMN_INDEX.get(b.column) ?? PLEDGE_COLUMNS.length);

/** The names a code column also takes (NAMED in pledge-sheet.ts), said after a refusal that lists the codes (QA). */
const ALSO_NAMED: Record<string, string> = {
  sourceType: ` Boleh juga ditulis dengan namanya: ${Object.values(SOURCE_TYPE_LABELS).join(', ')}.`, // as the workbooks name them
  fund: ' Boleh juga ditulis dengan namanya: Dana Desa, Alokasi Dana Desa (ADD), Pendapatan Asli Desa (PADes).',
  scope: ' Boleh juga ditulis dengan namanya: Semua peserta, Desa tertentu, Peserta tertentu (NIK).',
};

/** Field of PledgeInput → the sheet column it came from. */
export const COLUMN_OF: Record<string, string> = {
  code: 'KODE', sourceType: 'SUMBER', fund: 'JENIS_DANA', funder: 'PEMBERI_DANA', fiscalYear: 'TAHUN', fromMonth: 'BULAN_DARI',
  toMonth: 'BULAN_SAMPAI', scope: 'CAKUPAN', villageCodes: 'KODE_DESA', niks: 'NIK', sharePercent: 'PERSEN', quota: 'KUOTA',
  budget: 'PAGU', priority: 'PRIORITAS', legalBasis: 'DASAR_HUKUM',
};

const FIELD_NAMES = new RegExp(`\\b(${Object.keys(COLUMN_OF).join('|')})\\b`, 'g');

/**
 * A pledge rule's message (written for the API's fields) in the sheet's words: `fromMonth` →
 * `BULAN_DARI`, or the header the file gave that column (`names`: `DARI BULAN`).
 */
export function inSheetWords(message: string, names: ColumnNames = {}): string {
  return message.replace(FIELD_NAMES, (field) => names[COLUMN_OF[field]] ?? COLUMN_OF[field]);
}
