/**
 * Active rows of one file that share a NOKA (NOKA is unique among active participants, DOMAIN §2).
 * The first such row is staged as it is read; each later one waits here until the file is read.
 * Then the register decides: a later row whose NIK holds that NOKA now is the card's owner, so it is
 * staged and the earlier claimants are refused (REJECT_DISPLACED_NOKA); any other later row is
 * refused, citing the first. QA: a claimant's wrong row made the holder's own correction a
 * duplicate, and both rows were lost. A held row's dates are judged then too, in the order the file
 * writes them (date-order.ts): in a month-first file, a holder's date either way round refuses it.
 */
import type { EntityManager } from 'typeorm';
import type { SheetRow } from '../common/spreadsheet/sheet-row.js';
import { type ColumnLabels, columnLabels, type EnrollmentColumnName } from './enrollment-columns.js';
import { REJECT_DISPLACED_NOKA } from './sql/promotion-refusals.sql.js';
import { type IssueRow, issueRowsOf, type StagingWriter } from './staging-writer.js';
import { reject, type EnrollmentRowIssue, RowIssueCode } from './validation/row-issue.js';
import type { EnrollmentRecord } from './validation/enrollment-row.validator.js';
import type { RowDateForms } from '../common/spreadsheet/date-order.js';

interface Contested {
  record: EnrollmentRecord & { noka: string };
  firstRow: number;
  /** The row's warnings, and the row as uploaded (for the finding if it is refused). */
  warnings: EnrollmentRowIssue[];
  row: SheetRow;
  /** What its text dates say of the file's order (date-order.ts). */
  dates?: RowDateForms<EnrollmentColumnName>;
}

/**
 * Rows held at most: a file with more rows sharing NOKAs is broken in bulk, and each held row keeps
 * its cells in memory; past this many, a later row is refused at once, citing the first (as all were
 * before the register decided).
 */
const MAX_HELD = 10_000;

export class ContestedNokas {
  private readonly rows: Contested[] = [];
  /** How the refusals name the columns: the file's alias header (`NO KARTU`), else NOKA. */
  labels: ColumnLabels = columnLabels();

  /**
   * Holds a contested row until the file is read; when MAX_HELD are held, returns its findings
   * (the duplicate refusal and its warnings) to be written now instead.
   */
  add(contested: { record: EnrollmentRecord; firstRow: number }, warnings: EnrollmentRowIssue[], row: SheetRow, dates?: RowDateForms<EnrollmentColumnName>): IssueRow[] {
    const held: Contested = { record: contested.record as Contested['record'], firstRow: contested.firstRow, warnings, row, dates };
    if (this.rows.length >= MAX_HELD) return issueRowsOf(held.row, [duplicate(held, this.labels.NOKA), ...warnings]);
    this.rows.push(held);
    return [];
  }

  /**
   * Stages the holders (with their warnings) and refuses the other waiting rows through `writer`,
   * then takes the holders' NOKAs from the earlier rows of the file that claimed them, on `m` (the
   * upload's transaction, or the database when staging has none). After the last write, before promotion.
   * `dateRefusals`: a held row's refusals for its dates, once the file's date order is known.
   */
  async settle(m: EntityManager, writer: StagingWriter, dateRefusals: (dates: Contested['dates']) => EnrollmentRowIssue[]): Promise<void> {
    if (!this.rows.length) return;
    const nokas = [...new Set(this.rows.map((c) => c.record.noka))];
    const held: { nik: string; noka: string }[] = await m.query('SELECT nik, noka FROM participant WHERE tat IS NULL AND noka = ANY($1::text[])', [nokas]);
    const holderOf = new Map(held.map((h) => [h.noka, h.nik]));
    const judged = this.rows.map((c) => ({ c, dates: dateRefusals(c.dates), holds: holderOf.get(c.record.noka) === c.record.nik }));
    const holders = judged.filter((j) => j.holds && !j.dates.length).map((j) => j.c);
    const holderRow = new Map(holders.map((c) => [c.record.noka, c.record]));
    const staged = new Set(holders);
    const refusals = ({ c, dates, holds }: (typeof judged)[number]) => (holds ? dates : [duplicate(c, this.labels.NOKA, holderRow.get(c.record.noka)), ...dates]);
    await writer.write(
      holders.map((c) => c.record),
      judged.flatMap((j) => issueRowsOf(j.c.row, staged.has(j.c) ? j.c.warnings : [...refusals(j), ...j.c.warnings])),
    );
    await writer.settle();
    if (holders.length) {
      await m.query(REJECT_DISPLACED_NOKA, [
        writer.uploadId,
        holders.map((c) => c.record.rowNumber),
        holders.map((c) => c.record.nik),
        holders.map((c) => c.record.noka),
        this.labels.NOKA,
      ]);
    }
  }
}

/** The refusal of a later row: the card is the holder's when a row of the file holds it, else the first row's. */
function duplicate({ record, firstRow }: Contested, noka: string, holder?: EnrollmentRecord): EnrollmentRowIssue {
  const message = holder
    ? `${noka} ${record.noka} milik peserta NIK ${holder.nik} (baris ${holder.rowNumber} berkas ini), bukan NIK baris ini. Periksa nomor kartu baris ini.`
    : `${noka} ${record.noka} sudah dipakai di baris ${firstRow} berkas ini untuk NIK lain.`;
  return reject('NOKA', RowIssueCode.NOKA_DUPLICATE_IN_FILE, message);
}
