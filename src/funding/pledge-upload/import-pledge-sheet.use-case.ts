import { rm } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { AUDIT_CONCERNS } from '../../audit/audit-detail.js';
import { wibTimestamp } from '../../common/clock/clock.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { oneLine } from '../../common/text.js';
import { columnsInFileOrder, labelsByName } from '../../common/spreadsheet/column-spec.js';
import { type MergedCell, mergedCellIssue, withMergedCells } from '../../common/spreadsheet/merged-cells.js';
import { onSheet, type SheetWarning } from '../../common/spreadsheet/hidden-rows.js';
import { SheetReader } from '../../common/spreadsheet/sheet-reader.js';
import { SpreadsheetErrorCode, SpreadsheetException } from '../../common/spreadsheet/spreadsheet.exception.js';
import { SCOPE_LABELS, SOURCE_TYPE_LABELS } from '../../reports/format/labels.js';
import type { PledgeData, PledgeInput, PledgeWarning } from '../domain/pledge-rules.js';
import { PledgesService } from '../pledges/pledges.service.js';
import { type FieldProblem, FundingException } from '../funding.exception.js';
import { fileChecksum } from '../../common/file-checksum.js';
import { type RawCells, rawCells } from '../../common/spreadsheet/row-report.writer.js';
import { PledgeUploads } from './pledge-uploads.service.js';
import { SameFileInTurn } from './same-file-in-turn.js';
import { type Cell, characterFailure, formulaFailure, isScientificText } from '../../common/spreadsheet/cell.js';
import { invalidNiks, knownVillage, named, shownNik, unknownVillages, validNik } from '../domain/pledge-rules.js';
import { RegionsService } from '../../regions/regions.service.js';
import { clip } from '../../common/errors/domain.exception.js';
import { type ColumnNames, LIST_COLUMNS, LIST_SHEET_NAME, nikAsNumber, notPledgeRow, PLEDGE_COLUMNS, PLEDGE_SHEET_NAME, type RowProblem, rowToInput, villageList } from './pledge-sheet.js';
import { nikList } from './nik-list.js';

export interface ImportPledgeSheetCommand {
  path: string;
  filename: string;
  actor: string;
  /** Check every row and report, save nothing. */
  dryRun: boolean;
}

export interface PledgeUploadIssue {
  sheet: 'Komitmen' | 'Daftar';
  rowNumber: number;
  column: string | null;
  message: string;
}

export interface PledgeUploadReport {
  /** The stored upload (GET /pledge-uploads/:id, its row report); none for a dry run, which is not stored. */
  id?: string;
  filename: string;
  dryRun: boolean;
  rowsRead: number;
  accepted: number;
  /** Pledge rows (`Komitmen`) refused. */
  rejected: number;
  /** `Daftar` rows refused (a code no pledge row has, a bad NIK or village code, …): not counted in `rejected`. */
  listRowsRejected: number;
  pledges: { rowNumber: number; code: string; warnings: PledgeWarning[] }[];
  issues: PledgeUploadIssue[];
  /** Warnings about the file as a whole: the rows Excel hid on `Komitmen` or `Daftar`, read all the same (HIDDEN_ROWS, hidden-rows.ts). */
  sheetWarnings: SheetWarning[];
  /**
   * The same file as an earlier upload whose pledges all still stand as it saved them: the answer is that upload
   * (`id`, its counts, pledges and refused rows), nothing is stored, and `message` says so, naming it.
   */
  recognised?: true;
  message?: string;
}

const MAX_ROWS = 5000;

/** Each sheet's columns named as the file's headers do (own names for a sheet the file lacks). */
type SheetNames = Record<PledgeUploadIssue['sheet'], ColumnNames>;

interface PledgeRow {
  rowNumber: number;
  /** As read, for the row report of a refused row. */
  cells: readonly Cell[];
  input: PledgeInput;
  /** Its cells that could not be read (a formula without a result, text that is no number, a merged cell, …). */
  problems: RowProblem[];
  /** Its `Daftar` rows refused, each named on its list column (KODE_DESA or NIK). */
  listRefusals: RowProblem[];
  /** A .csv row with more fields than its header: refused with this message alone (field-count.ts). */
  overflow?: string;
  /** A row that holds no pledge (a signature, a total: notPledgeRow): refused with this message alone. */
  notPledge?: string;
}

/** A `Daftar` row as uploaded and the pledge row it belongs to, if any: the row report repeats those of refused pledges. */
interface ListRow {
  rowNumber: number;
  raw: RawCells;
  target: PledgeRow | undefined;
}

/**
 * A pledge sheet into pledges, row by row: a bad row is reported (row, column, Indonesian message)
 * and never stops the good ones. Each accepted row is created exactly like POST /pledges. A sheet
 * that is not a dry run is stored with its refused rows (PledgeUploads), as every other upload is. The same
 * file as an earlier upload whose pledges still stand as it saved them is recognised as it (PledgeUploads.ofFile),
 * copies sent at once taking turns (SameFileInTurn).
 */
@Injectable()
export class ImportPledgeSheet {
  constructor(
    private readonly pledges: PledgesService,
    private readonly uploads: PledgeUploads,
    private readonly regions: RegionsService,
    private readonly inTurn: SameFileInTurn,
  ) {}

  async execute(command: ImportPledgeSheetCommand): Promise<PledgeUploadReport> {
    try {
      const checksum = await fileChecksum(command.path);
      return await this.inTurn.run(checksum, () => this.import(command, checksum));
    } finally {
      await rm(command.path, { force: true });
    }
  }

  private async import(command: ImportPledgeSheetCommand, checksum: string): Promise<PledgeUploadReport> {
    const earlier = await this.uploads.ofFile(checksum);
    if (earlier) return recognised(earlier, command.dryRun);
    const { rows, sheet, names, order, sheetWarnings } = await this.readPledges(command);
    const lists = await this.mergeLists(command, rows, sheet);
    const report = await this.apply(command, rows, lists.issues, { Komitmen: names, Daftar: lists.names });
    report.sheetWarnings = [...sheetWarnings, ...lists.sheetWarnings]; // rows Excel hid, read all the same
    if (command.dryRun) return report;
    const stored = { report, checksum, actor: command.actor, labels: names, order, listLabels: lists.names, listOrder: lists.order, ...repeatedRows(report, rows, lists.rows) };
    // the pledge.upload event concerns the pledges it saved: GET /audit-events?entity=pledge&entityId= finds it by their codes
    return Object.assign({ id: await this.uploads.store(stored), ...report }, { [AUDIT_CONCERNS]: { entity: 'pledge', ids: report.pledges.map((p) => p.code) } });
  }

  /** The pledge rows, their sheet, its headers as the file wrote them and its columns in the file's order (the row report's layout). */
  private async readPledges({ path, filename }: ImportPledgeSheetCommand): Promise<{ rows: PledgeRow[]; sheet: number | undefined; names: ColumnNames; order: string[]; sheetWarnings: SheetWarning[] }> {
    const reader = new SheetReader(path, { filename, sheet: PLEDGE_SHEET_NAME, columns: PLEDGE_COLUMNS, maxRows: MAX_ROWS });
    const rows: PledgeRow[] = [];
    let names: ColumnNames = labelsByName(PLEDGE_COLUMNS);
    for await (const batch of reader.batches()) {
      names = labelsByName(PLEDGE_COLUMNS, reader.header!.labels);
      for (const row of batch) {
        const read = rowToInput(row.cells, names);
        // A cell hidden by a merged range reads as empty: the pledge is refused naming the range.
        read.problems = withMergedCells(read.problems, row.merged, (cell) => ({ column: cell.column, message: mergedCellIssue(cell, names).message }));
        const notPledge = row.overflow ? null : notPledgeRow(row.cells, names);
        rows.push({ rowNumber: row.rowNumber, cells: row.cells, ...read, listRefusals: [], ...(row.overflow && { overflow: row.overflow.message }), ...(notPledge && { notPledge }) });
      }
    }
    const sheetWarnings = onSheet(reader.sheetWarnings, PLEDGE_SHEET_NAME);
    return { rows, sheet: reader.header?.sheet, names, order: columnsInFileOrder(PLEDGE_COLUMNS, reader.header!.indexes), sheetWarnings };
  }

  /**
   * Adds the values of the `Daftar` sheet (when the file has one) to the lists of their pledges. A
   * value refused there refuses its pledge too: saved with a shorter list, it would leave a resident
   * or a village the user listed unfunded without a word. Issues carry the columns' own names;
   * their messages name the columns by `names`, the `Daftar` sheet's headers as the file wrote them.
   * `rows`: each `Daftar` row as uploaded, for the row report (none for a dry run, which is not stored);
   * `order`: the `Daftar` columns in the file's order, for its layout (null when the file has no `Daftar` sheet).
   */
  private async mergeLists(
    { path, filename, dryRun }: ImportPledgeSheetCommand,
    rows: PledgeRow[],
    pledgeSheet: number | undefined,
  ): Promise<{ issues: PledgeUploadIssue[]; names: ColumnNames; order: string[] | null; rows: ListRow[]; sheetWarnings: SheetWarning[] }> {
    const issues: PledgeUploadIssue[] = [];
    const listRows: ListRow[] = [];
    let names: ColumnNames = labelsByName(LIST_COLUMNS);
    let order: string[] | null = null;
    // a signature's "ttd" in KODE is no pledge code a Daftar row could belong to
    const byCode = new Map(rows.filter((r) => !r.notPledge).map((r) => [String(r.input.code ?? '').trim(), r]));
    const reader = new SheetReader(path, { filename, sheet: LIST_SHEET_NAME, columns: LIST_COLUMNS, maxRows: 1_000_000 });
    const codeAt = new Map<number, string>(); // row → its code, for the rows a merged KODE cell hides
    const known = await this.regions.villageCodes();
    try {
      for await (const batch of reader.batches()) {
        if (reader.header?.sheet === pledgeSheet) return { issues, names, order, rows: listRows, sheetWarnings: [] }; // the pledge sheet itself: no list sheet
        names = labelsByName(LIST_COLUMNS, reader.header!.labels);
        order = columnsInFileOrder(LIST_COLUMNS, reader.header!.indexes);
        for (const { rowNumber, cells, merged } of batch) {
          const [code, value] = cells;
          if (code.text !== '') codeAt.set(rowNumber, code.text);
          // A KODE merged over its list rows belongs to the range's first row: that pledge is refused, not saved with a shorter list.
          const hiddenCode = merged?.find((cell) => cell.column === 'KODE');
          const target = byCode.get(hiddenCode ? (codeAt.get(hiddenCode.firstRow) ?? '') : code.text);
          if (!dryRun) listRows.push({ rowNumber, raw: rawCells(LIST_COLUMNS, cells), target });
          const problem = (message: string, column = 'NILAI') => issues.push({ sheet: 'Daftar', rowNumber, column, message });
          const refuseTarget = (message: string, column = 'NILAI', reason = message.replace(/\.$/, '')) => {
            problem(message, column);
            const listColumn = target!.input.scope === 'VILLAGES' ? 'KODE_DESA' : 'NIK';
            target!.listRefusals.push({ column: listColumn, message: `Daftar baris ${rowNumber} ditolak (${reason}); komitmen ini tidak disimpan sampai daftarnya benar.` });
          };
          const formula = formulaFailure(value, names.NILAI) ?? characterFailure(value, names.NILAI);
          const hidden = (cell: MergedCell) => mergedCellIssue(cell, names).message;
          if (merged && target) refuseTarget(hidden(merged[0]), merged[0].column, `${names[merged[0].column]} di sel gabungan ${merged[0].range}`);
          else if (merged) merged.forEach((cell) => problem(hidden(cell), cell.column));
          else if (!target) problem(`Kode komitmen "${code.text}" tidak ada di sheet komitmen.`);
          else if (target.input.scope !== 'VILLAGES' && target.input.scope !== 'RESIDENTS') {
            // in the sheet's words, as CAKUPAN takes them (QA: "daftar hanya untuk VILLAGES atau RESIDENTS")
            const scopes = `${named(SCOPE_LABELS, 'VILLAGES')} atau ${named(SCOPE_LABELS, 'RESIDENTS')}`;
            problem(`Komitmen ${code.text} bercakupan ${named(SCOPE_LABELS, target.input.scope)}: daftar di sheet Daftar hanya untuk CAKUPAN ${scopes}.`);
          } else if (formula) refuseTarget(formula.message);
          else if (target.input.scope === 'VILLAGES') {
            // a code the regency lacks refuses this row, named from its pledge's row, as a NIK in a number cell does (QA)
            // a Daftar cell may carry the name after the code, as the KODE_DESA cell may (villageList)
            const [listed] = villageList(value.text);
            if (listed && knownVillage(listed, known)) target.input.villageCodes = [...asList(target.input.villageCodes), listed];
            else refuseTarget(unknownVillages([value.text || '(kosong)']), 'NILAI', `kode desa tidak dikenal: ${clip(value.text || '(kosong)')}`);
          } else if (value.kind === 'number' || isScientificText(value)) refuseTarget(nikAsNumber(names.NILAI, value));
          else {
            const niks = nikList(value.text);
            const bad = niks.filter((nik) => !validNik(nik)).map(shownNik);
            if (bad.length) refuseTarget(invalidNiks(bad), 'NILAI', `NIK tidak valid: ${clip(bad.join(', '))}`);
            else target.input.niks = [...asList(target.input.niks), ...niks];
          }
        }
      }
    } catch (err) {
      // No `Daftar` sheet (or no rows in it); a list on a hidden sheet is refused, not left out unsaid.
      if (!(err instanceof SpreadsheetException) || err.code === SpreadsheetErrorCode.HIDDEN_SHEET) throw err;
    }
    return { issues, names, order, rows: listRows, sheetWarnings: onSheet(reader.sheetWarnings, LIST_SHEET_NAME) };
  }

  private async apply(command: ImportPledgeSheetCommand, rows: PledgeRow[], issues: PledgeUploadIssue[], names: SheetNames): Promise<PledgeUploadReport> {
    const report: PledgeUploadReport = { filename: command.filename, dryRun: command.dryRun, rowsRead: rows.length, accepted: 0, rejected: 0, listRowsRejected: 0, pledges: [], issues, sheetWarnings: [] };
    const reject = (row: PledgeRow, problems: { column: string | null; message: string }[]) => {
      report.rejected += 1;
      for (const p of problems) issues.push({ sheet: 'Komitmen', rowNumber: row.rowNumber, ...p });
    };
    const passed = new Map<string, number>(); // code → the first row the rules passed with it
    const checkedRows: PledgeData[] = []; // a dry run's rows that passed: not stored, compared with the rows after them (SAME_FUNDING_TWICE)
    const refused: RuleRefusal[] = []; // told once every row is through: a later row may take the code
    for (const row of rows) {
      if (row.overflow) {
        reject(row, [{ column: null, message: row.overflow }]); // its shifted columns not judged: they mislead
        continue;
      }
      if (row.notPledge) {
        reject(row, [{ column: null, message: row.notPledge }]); // one message, not one per empty column (QA), still a refused row
        continue;
      }
      const checked = await this.pledges.check(row.input);
      // every failure of the row at once, so that one pass fixes it (a PAGU of "1,5" hid the row's unknown village code)
      const problems = [...row.problems, ...row.listRefusals, ...judged(row, checked.problems, names.Komitmen)];
      if (problems.length || !checked.pledge) {
        refused.push({ row, problems, code: problems.some((p) => p.column === 'KODE') ? null : String(row.input.code).trim() });
        continue;
      }
      const code = checked.pledge.code;
      const holder = passed.get(code);
      if (holder !== undefined) {
        reject(row, [{ column: 'KODE', message: twiceInFile(code, holder) }]);
        continue;
      }
      passed.set(code, row.rowNumber);
      if (command.dryRun && (await this.pledges.exists(code))) {
        reject(row, [{ column: 'KODE', message: taken(code, true) }]);
        continue;
      }
      try {
        // a check shows the warnings the saved pledge would be told (the Dana Desa rule of §5, the code's year, unregistered NIKs)
        const warnings = command.dryRun ? await this.pledges.entryWarnings(checked.pledge, undefined, checkedRows) : (await this.pledges.create(row.input, command.actor)).warnings;
        if (command.dryRun) checkedRows.push(checked.pledge);
        report.accepted += 1;
        report.pledges.push({ rowNumber: row.rowNumber, code, warnings });
      } catch (err) {
        if (!(err instanceof DomainException)) throw err;
        const field = (err.details as { field?: unknown } | undefined)?.field;
        reject(row, [{ column: err.code === 'PLEDGE_EXISTS' ? 'KODE' : typeof field === 'string' ? (COLUMN_OF[field] ?? null) : null, message: err.message }]);
      }
    }
    const saved = new Set(report.pledges.map((p) => p.code));
    const codeFailures = await this.codeFailures(refused, passed, saved, command.dryRun);
    for (const { row, problems } of refused) reject(row, [...problems, ...(codeFailures.get(row) ?? [])].sort(byColumn));
    report.listRowsRejected = new Set(issues.filter((i) => i.sheet === 'Daftar').map((i) => i.rowNumber)).size;
    issues.sort((a, b) => (a.sheet === b.sheet ? a.rowNumber - b.rowNumber : a.sheet === 'Komitmen' ? -1 : 1));
    for (const issue of issues) {
      // a value a message quotes may hold a line break (`_x000D_`, a cell's Alt+Enter): one line each, like every row report
      issue.message = oneLine(issue.message);
      // the column as the file's header wrote it (DARI BULAN, not BULAN_DARI), as the message names it
      if (issue.column !== null) issue.column = names[issue.sheet][issue.column] ?? issue.column;
    }
    return report;
  }

  /**
   * The code failure of each row the rules refused, told with its other failures, so that the fixed row does not learn
   * only on its next upload that its code is taken. The row holding the code is the one that takes it: an earlier
   * row the rules passed (as a passed row is told), else the row saved with it, else a saved pledge, else the sheet's
   * first refused row with it (fixed together, the first would be saved); that first row itself is told nothing.
   */
  private async codeFailures(refused: RuleRefusal[], passed: Map<string, number>, saved: Set<string>, dryRun: boolean): Promise<Map<PledgeRow, RowProblem[]>> {
    const failures = new Map<PledgeRow, RowProblem[]>();
    const first = new Map<string, number>();
    for (const { row, code } of refused) if (code !== null && !first.has(code)) first.set(code, row.rowNumber);
    const inSheet = (code: string, rowNumber: number): number | undefined => {
      const holder = passed.get(code);
      return holder !== undefined && (holder < rowNumber || saved.has(code)) ? holder : undefined;
    };
    const unheld = refused.flatMap(({ row, code }) => (code !== null && inSheet(code, row.rowNumber) === undefined ? [code] : []));
    const stored = await this.pledges.existingCodes([...new Set(unheld)]);
    for (const { row, code } of refused) {
      if (code === null) continue;
      const holder = inSheet(code, row.rowNumber) ?? (stored.has(code) ? null : first.get(code)!);
      if (holder === null) failures.set(row, [{ column: 'KODE', message: taken(code, dryRun) }]);
      else if (holder !== row.rowNumber) failures.set(row, [{ column: 'KODE', message: twiceInFile(code, holder) }]);
    }
    return failures;
  }
}

/**
 * The same file as an earlier upload whose pledges all stand as it saved them: that upload's answer (its id, counts,
 * pledges and refused rows), `recognised`, and a message naming it; nothing is stored (a check says so too).
 */
function recognised(earlier: NonNullable<Awaited<ReturnType<PledgeUploads['ofFile']>>>, dryRun: boolean): PledgeUploadReport {
  const { id, filename, uploadedBy, uploadedAt, rowsRead, accepted, rejected, listRowsRejected, pledges, issues, sheetWarnings } = earlier;
  const then = `unggahan ${filename} oleh ${uploadedBy} pada ${wibTimestamp(uploadedAt)}`;
  const message = dryRun
    ? `Berkas ini sama dengan ${then}, yang komitmennya masih tersimpan seperti diunggah; mengunggahnya tidak akan menyimpan apa pun.`
    : `Berkas ini sama dengan ${then}, yang komitmennya masih tersimpan seperti diunggah; tidak ada yang disimpan.`;
  return { id, filename, dryRun, rowsRead, accepted, rejected, listRowsRejected, pledges, issues, sheetWarnings, recognised: true, message };
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A row the rules refused, with its failures and its code when that is valid (null when KODE is among them). */
interface RuleRefusal {
  row: PledgeRow;
  problems: RowProblem[];
  code: string | null;
}

/** A code another row of this sheet holds, naming that row (the one that took it, or would). */
const twiceInFile = (code: string, holder: number) => `Kode ${code} muncul lebih dari sekali di berkas ini: sudah dipakai di baris ${holder}.`;

/** A code a saved pledge holds, as a check and as a save tell it (the save's is the API's PLEDGE_EXISTS message). */
const taken = (code: string, dryRun: boolean) => (dryRun ? `Kode komitmen "${code}" sudah dipakai.` : FundingException.pledgeExists(code).message);

/**
 * The rows the row report repeats, as uploaded: each refused `Komitmen` row (`raws`), and the `Daftar` rows
 * of those pledges with the refused `Daftar` rows (`listRows`), so the fixed report uploaded alone saves
 * each pledge with its whole list.
 */
function repeatedRows(report: PledgeUploadReport, rows: PledgeRow[], list: ListRow[]): { raws: Map<number, RawCells>; listRows: { rowNumber: number; raw: RawCells }[] } {
  const refused = { Komitmen: new Set<number>(), Daftar: new Set<number>() };
  for (const i of report.issues) refused[i.sheet].add(i.rowNumber);
  return {
    raws: new Map(rows.filter((r) => refused.Komitmen.has(r.rowNumber)).map((r) => [r.rowNumber, rawCells(PLEDGE_COLUMNS, r.cells)])),
    listRows: list.filter((r) => refused.Daftar.has(r.rowNumber) || (r.target && refused.Komitmen.has(r.target.rowNumber))).map(({ rowNumber, raw }) => ({ rowNumber, raw })),
  };
}

/**
 * The pledge rules' failures of a row (in the sheet's words, `names`) that can still be judged: none about a
 * column whose cell could not be read, which its own message names (a TAHUN of `dua ribu` is not also told
 * to lie between 2018 and 2099), nor about a list its refused `Daftar` rows left empty (it was listed: not
 * "wajib diisi"). The other columns are judged as the API judges them, a list by the values that were read.
 */
function judged(row: PledgeRow, problems: readonly FieldProblem[], names: ColumnNames): RowProblem[] {
  const unread = new Set(row.problems.map((p) => p.column));
  for (const { column } of row.listRefusals) if (!asList(column === 'KODE_DESA' ? row.input.villageCodes : row.input.niks).length) unread.add(column);
  return problems
    .flatMap((p) => p.messages.map((message) => ({ column: COLUMN_OF[p.field] ?? p.field, message: inSheetWords(message, names) + (ALSO_NAMED[p.field] && message.includes('salah satu dari') ? ALSO_NAMED[p.field] : '') })))
    .filter((p) => !unread.has(p.column));
}

/** A row's messages in the order of the sheet's columns (the order its stored issues are read back in), each column's as found. */
const COLUMN_INDEX = new Map<string, number>(PLEDGE_COLUMNS.map(({ name }, i) => [name, i]));
const byColumn = (a: RowProblem, b: RowProblem) => (COLUMN_INDEX.get(a.column) ?? PLEDGE_COLUMNS.length) - (COLUMN_INDEX.get(b.column) ?? PLEDGE_COLUMNS.length);

/** The names a code column also takes (NAMED in pledge-sheet.ts), said after a refusal that lists the codes (QA). */
const ALSO_NAMED: Record<string, string> = {
  sourceType: ` Boleh juga ditulis dengan namanya: ${Object.values(SOURCE_TYPE_LABELS).join(', ')}.`, // as the workbooks name them
  fund: ' Boleh juga ditulis dengan namanya: Dana Desa, Alokasi Dana Desa (ADD), Pendapatan Asli Desa (PADes).',
  scope: ' Boleh juga ditulis dengan namanya: Semua peserta, Desa tertentu, Peserta tertentu (NIK).',
};

/** Field of PledgeInput → the sheet column it came from. */
const COLUMN_OF: Record<string, string> = {
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
