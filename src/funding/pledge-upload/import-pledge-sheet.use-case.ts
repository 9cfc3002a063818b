/**
 * The pledge sheet upload (POST /pledge-uploads): ImportPledgeSheet reads a pledge sheet (`Komitmen`, and its `Daftar` lists) and saves or checks its pledges.
 * The command and report it answers with are pledge-upload-answer.ts; the rows it carries pledge-rows.ts; the
 * rule failures in the sheet's words rule-failures.ts.
 */
import { Injectable } from '@nestjs/common';
import { AUDIT_CONCERNS } from '../../audit/audit-detail.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { oneLine } from '../../common/text.js';
import { columnsInFileOrder, labelsByName } from '../../common/spreadsheet/column-spec.js';
import { type MergedCell, mergedCellIssue, withMergedCells } from '../../common/spreadsheet/merged-cells.js';
import { onSheet, type SheetWarning } from '../../common/spreadsheet/hidden-rows.js';
import { SheetReader } from '../../common/spreadsheet/sheet-reader.js';
import { SpreadsheetErrorCode, SpreadsheetException } from '../../common/spreadsheet/spreadsheet.exception.js';
import { SCOPE_LABELS } from '../../reports/format/labels.js';
import type { PledgeData } from '../domain/pledge-rules.js';
import { PledgesService } from '../pledges/pledges.service.js';
import { fileChecksum } from '../../common/file-checksum.js';
import { rawCells } from '../../common/spreadsheet/raw-cells.js';
import { PledgeUploads } from './pledge-uploads.service.js';
import { SameFileInTurn } from './same-file-in-turn.js';
import { characterFailure, formulaFailure, isScientificText } from '../../common/spreadsheet/cell-checks.js';
import { invalidNiks, knownVillage, shownNik, unknownVillages, validNik } from '../domain/pledge-lists.js';
import { named } from '../domain/pledge-rules.js';
import { RegionsService } from '../../regions/regions.service.js';
import { clip } from '../../common/errors/domain.exception.js';
import { type ColumnNames, LIST_COLUMNS, LIST_SHEET_NAME, nikAsNumber, notPledgeRow, PLEDGE_COLUMNS, PLEDGE_SHEET_NAME, type RowProblem, rowToInput, villageList } from './pledge-sheet.js';
import { nikList } from './nik-list.js';
import { type ImportPledgeSheetCommand, type PledgeUploadIssue, type PledgeUploadReport, recognised } from './pledge-upload-answer.js';
import { asList, type ListRow, type PledgeSheetRow, repeatedRows, type RuleRefusal, type SheetNames } from './pledge-rows.js';
import { byColumn, COLUMN_OF, judged, taken, twiceInFile } from './rule-failures.js';

const MAX_ROWS = 5000;

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

  /** The caller deletes the file afterwards (withUploadedFile). */
  async execute(command: ImportPledgeSheetCommand): Promise<PledgeUploadReport> {
    const checksum = await fileChecksum(command.path);
    return this.inTurn.run(checksum, () => this.import(command, checksum));
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
  private async readPledges({ path, filename }: ImportPledgeSheetCommand): Promise<{ rows: PledgeSheetRow[]; sheet: number | undefined; names: ColumnNames; order: string[]; sheetWarnings: SheetWarning[] }> {
    const reader = new SheetReader(path, { filename, sheet: PLEDGE_SHEET_NAME, columns: PLEDGE_COLUMNS, maxRows: MAX_ROWS });
    const rows: PledgeSheetRow[] = [];
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
    rows: PledgeSheetRow[],
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
      // No `Daftar` sheet (or no rows in it); a list on a hidden sheet, or headed by two headers read as one column
      // (`KODE` and `KODE *`), is refused, not left out unsaid.
      if (!(err instanceof SpreadsheetException) || err.code === SpreadsheetErrorCode.HIDDEN_SHEET || err.code === SpreadsheetErrorCode.DUPLICATE_COLUMN) throw err;
    }
    return { issues, names, order, rows: listRows, sheetWarnings: onSheet(reader.sheetWarnings, LIST_SHEET_NAME) };
  }

  private async apply(command: ImportPledgeSheetCommand, rows: PledgeSheetRow[], issues: PledgeUploadIssue[], names: SheetNames): Promise<PledgeUploadReport> {
    const report: PledgeUploadReport = { filename: command.filename, dryRun: command.dryRun, rowsRead: rows.length, accepted: 0, rejected: 0, listRowsRejected: 0, pledges: [], issues, sheetWarnings: [] };
    const reject = (row: PledgeSheetRow, problems: { column: string | null; message: string }[]) => {
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
  private async codeFailures(refused: RuleRefusal[], passed: Map<string, number>, saved: Set<string>, dryRun: boolean): Promise<Map<PledgeSheetRow, RowProblem[]>> {
    const failures = new Map<PledgeSheetRow, RowProblem[]>();
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
