/**
 * Validates enrollment rows one at a time (DOMAIN §2, §4, §12), remembering the NIKs and NOKAs
 * already seen in the file: the later of two rows with the same NIK is rejected, citing the first;
 * the later of two active rows (no TAT) with the same NOKA (unique among active participants) is
 * `contested`, for ContestedNokas to settle against the register once the file is read. Pure logic,
 * no database: NOKAs held by other participants are checked set-based when the upload is promoted.
 * The identity numbers are read by identity-cells.ts, KODE_DESA by village-cells.ts, and the cells made
 * readable first by row-cells.ts; the row as a whole, names, dates, sex and end reason are judged here.
 */
import { cellDay, dateTextProblem, numberNotADate, shownDay, yearOnly } from '../../common/spreadsheet/cell-dates.js';
import { type Cell, isLabelRow, isNoteRow } from '../../common/spreadsheet/cell.js';
import { type MergedCell, mergedCellMessage, withMergedCells } from '../../common/spreadsheet/merged-cells.js';
import type { SheetRow } from '../../common/spreadsheet/sheet-row.js';
import { clearsNoka, COL, type ColumnLabels, columnLabels, END_REASON_PHRASINGS, END_REASON_PHRASINGS_SAID, END_REASONS, ENROLLMENT_COLUMNS, type EndReason, type EnrollmentColumnName, NOKA_CLEAR } from '../enrollment-columns.js';
import { DigitKeyMap } from './digit-key-map.js';
import { type ComparedColumn, FirstRowsOfNik } from './first-rows-of-nik.js';
import { NamesakesInFile } from './namesakes-in-file.js';
import { codePointName, lengthMessage, nameAsStored, visibleText } from '../../common/text.js';
import { dateFormsOf, noDateForms, noteDateForm, type RowDateForms } from '../../common/spreadsheet/date-order.js';
import { addMonthsToDay, dayName } from '../../common/month.js';
import { reject, type EnrollmentRowIssue, RowIssueCode as C, warn } from './row-issue.js';
import { UNCOLLAPSED_SPACE, withoutDashes, withoutFormulaFailures, withoutRequiredRepeats } from './row-cells.js';
import { crossCheckNik, nikOf, noKkOf, nokaOf } from './identity-cells.js';
import { type VillageName, VillageCells } from './village-cells.js';

/** The years coverage (TMT, TAT) may fall in: those of the API's months, which allocations and bills are for. */
const COVERAGE_YEARS = [2000, 2099] as const;
/** The years a birth date may fall in: a NIK holds the year as YY, read as 19YY or 20YY (DOMAIN §2). */
const BIRTH_YEARS = [1900, 2099] as const;

/** A row ready for the staging table. */
export interface EnrollmentRecord {
  rowNumber: number;
  nik: string;
  noKk: string;
  name: string;
  birthDate: string;
  sex: 'L' | 'P';
  villageCode: string;
  noka: string | null;
  /** The NOKA cell said HAPUS (NOKA_CLEAR): the participant's card is taken away (an empty cell keeps it). */
  nokaCleared?: boolean;
  tmt: string;
  tat: string | null;
  endReason: EndReason | null;
}

export interface RowResult {
  /** Present when the row is accepted (possibly with warnings). */
  record?: EnrollmentRecord;
  /**
   * Present instead when the row is sound but an earlier active row of the file has its NOKA: which
   * of them keeps it depends on the register (ContestedNokas), known once the file is read. `issues`
   * then holds the row's warnings only.
   */
  contested?: { record: EnrollmentRecord; firstRow: number };
  issues: EnrollmentRowIssue[];
  /** What the row's text dates say of the file's date order (date-order.ts); absent when it has none in slashes. */
  dates?: RowDateForms<EnrollmentColumnName>;
}

const MAX_NAME = 200;
/** A name has at least one letter, of any script. */
const HAS_LETTER = /\p{L}/u;

/** L/P and how people write them (LK and PR as many puskesmas systems export them; QA: refused). */
const SEX: Record<string, 'L' | 'P'> = { L: 'L', P: 'P', LK: 'L', PR: 'P', 'LAKI-LAKI': 'L', 'LAKI LAKI': 'L', LAKI: 'L', PRIA: 'L', PEREMPUAN: 'P', WANITA: 'P' };

const NOT_PARTICIPANT_ROW =
  'Baris ini bukan data (NIK kosong atau tanpa angka; mis. baris tanda tangan atau jumlah): hapus baris ini.';

const endReasonColumnMissing = (tat: string) =>
  `Berkas ini tidak memiliki kolom ALASAN_BERAKHIR, padahal ${tat} diisi: tambahkan kolom ALASAN_BERAKHIR (${END_REASONS.join(', ')}), ` +
  `atau hapus kolom ${tat} bila akhir kepesertaan tidak berubah (berkas tanpa kolom TAT tidak mengubah TAT yang tersimpan).`;

export class EnrollmentRowValidator {
  /** Each NIK's first row, refused or not, and its values, for a later row of that NIK. */
  private readonly firstRowOfNik = new FirstRowsOfNik();
  private readonly firstRowOfNoka = new DigitKeyMap(13);

  /** The row of the file's first row of `nik`: the row that registered it, if it was registered early (EnrollmentPromoter.restageEarlyRows). */
  firstRowOfNikNumber(nik: string): number | undefined {
    return this.firstRowOfNik.get(nik)?.row;
  }

  /** The accepted rows' birth dates and names, for the NIKs of rows that share them with another (namesakeNiks). */
  private readonly namesakes = new NamesakesInFile();

  /**
   * The NIKs of accepted rows whose name and birth date another accepted row of the file has, roughly (NamesakesInFile):
   * only these may be warned PERSON_IN_FILE_OTHER_NIK (FileColumns.namesakes, for EnrollmentPromoter).
   */
  namesakeNiks(): readonly string[] {
    return this.namesakes.niks;
  }

  /**
   * False when the file has no ALASAN_BERAKHIR column (set once its header is read): a TAT without a
   * reason then says so, and how to keep the stored end instead (a file without TAT keeps it).
   */
  hasEndReasonColumn = true;

  /** The columns as findings name them (set once the header is read): an alias header as the file wrote it, `NO KARTU` for NOKA. */
  labels: ColumnLabels = columnLabels();

  /** The last day a TMT or TAT is taken without a warning: a month after today (a later one is likely a typo of the year). */
  private readonly farAhead: string;

  /** The regency's villages, for the KODE_DESA cells. */
  private readonly villages: VillageCells;
  /** The required columns of the row being checked that held only a dash (withoutDashes), for their REQUIRED message. */
  private readonly dashed = new Set<EnrollmentColumnName>();
  /** The forms of the row being checked's text dates (date-order.ts). */
  private dateForms: RowDateForms<EnrollmentColumnName> = noDateForms();

  /**
   * `today`: the day of the upload in WIB (the Clock's), which no birth date may follow. `villages`:
   * their names (RegionsService.villages), to check the name beside a code and suggest a code for a name.
   */
  constructor(
    villageCodes: ReadonlySet<string>,
    private readonly today: string,
    villages: readonly VillageName[] = [],
  ) {
    this.farAhead = addMonthsToDay(today, 1);
    this.villages = new VillageCells(villageCodes, villages);
  }

  validate(row: SheetRow): RowResult {
    // A .csv row with more fields than its header: refused whole, its shifted columns not judged (nor its NIK kept as seen).
    if (row.overflow) return { issues: [reject(null, C.CSV_FIELD_COUNT, row.overflow.message)] };
    const checked = this.check(row);
    if (!row.merged || checked.issues[0]?.code === C.NOT_PARTICIPANT_ROW) return checked;
    // A cell hidden by a merged range reads as empty: refused as such, the row's other findings kept.
    const refuse = (cell: MergedCell) => {
      const column = cell.column as EnrollmentColumnName;
      return reject(column, C.MERGED_CELL, mergedCellMessage({ ...cell, column: this.labels[column] }));
    };
    return { issues: withMergedCells(checked.issues, row.merged, refuse) };
  }

  private check(row: SheetRow): RowResult {
    this.dateForms = noDateForms();
    const result = this.checkFields(row);
    const dates = dateFormsOf(this.dateForms);
    return dates ? { ...result, dates } : result;
  }

  private checkFields({ rowNumber, cells: read }: SheetRow): RowResult {
    // a signature block under the data ("Mengetahui,", "Kepala Puskesmas"): one message, not one per empty column (QA: six)
    const own = read.length > ENROLLMENT_COLUMNS.length ? read.slice(0, ENROLLMENT_COLUMNS.length) : read;
    if (isNoteRow(own, COL.NIK) || isLabelRow(own, COL.NIK)) {
      return { issues: [reject(null, C.NOT_PARTICIPANT_ROW, NOT_PARTICIPANT_ROW)] };
    }
    const issues: EnrollmentRowIssue[] = [];
    if (this.dashed.size) this.dashed.clear(); // clear() allocates a new table, even for an empty set
    const cells = withoutDashes(withoutFormulaFailures(read, issues, this.labels), this.dashed);
    const L = this.labels;
    const required = this.requiredOf;
    const checked = nikOf(cells[COL.NIK], L, issues, required);
    const nik = checked?.nik ?? null;
    const noKk = noKkOf(cells[COL.NO_KK], L, issues, required);
    const name = this.name(cells[COL.NAMA], issues);
    const birthDate = this.date(cells[COL.TANGGAL_LAHIR], 'TANGGAL_LAHIR', true, issues, BIRTH_YEARS);
    const sex = this.sex(cells[COL.JENIS_KELAMIN], issues);
    const villageCode = this.villages.check(cells[COL.KODE_DESA], L, issues, required);
    // HAPUS takes the card away, an empty cell keeps it (QA: a wrong card could not be removed)
    const nokaCleared = clearsNoka(cells[COL.NOKA]);
    const noka = nokaCleared ? null : nokaOf(cells[COL.NOKA], L, issues);
    const tmt = this.date(cells[COL.TMT], 'TMT', true, issues, COVERAGE_YEARS);
    const tat = this.date(cells[COL.TAT], 'TAT', false, issues, COVERAGE_YEARS);
    const endReason = this.endReason(cells[COL.ALASAN_BERAKHIR], tat, issues);
    if (tmt && tat && tat < tmt) issues.push(reject('TAT', C.TAT_BEFORE_TMT, `${L.TAT} (${dayName(tat)}) lebih awal dari ${L.TMT} (${dayName(tmt)}).`));
    if (birthDate && birthDate > this.today) {
      issues.push(reject('TANGGAL_LAHIR', C.BIRTH_DATE_IN_FUTURE, `${L.TANGGAL_LAHIR} ${dayName(birthDate)} sesudah hari ini (${dayName(this.today)}): tanggal lahir tidak mungkin di masa depan. Periksa tanggalnya, terutama tahunnya.`));
    } else if (birthDate && tmt && birthDate > tmt) {
      issues.push(reject('TANGGAL_LAHIR', C.BIRTH_AFTER_TMT, `${L.TANGGAL_LAHIR} (${dayName(birthDate)}) sesudah ${L.TMT} (${dayName(tmt)}): kepesertaan tidak dapat mulai sebelum peserta lahir.`));
    }
    // a death sets TAT to its day (§4): one after today cannot have happened (QA: it was taken silently)
    const deathAhead = endReason === 'MENINGGAL' && tat !== null && tat > this.today;
    if (deathAhead) {
      issues.push(reject('TAT', C.DEATH_DATE_IN_FUTURE, `${L.TAT} ${dayName(tat)} sesudah hari ini (${dayName(this.today)}): dengan ${L.ALASAN_BERAKHIR} MENINGGAL, ${L.TAT} adalah tanggal meninggal, yang tidak mungkin di masa depan. Periksa tanggalnya, terutama tahunnya.`));
    }
    this.farAheadWarning('TMT', tmt, issues);
    if (!deathAhead) this.farAheadWarning('TAT', tat, issues);
    if (nik !== null && nik === noKk) {
      // a family-card number typed as NIK, common for a newborn not given a NIK yet (QA)
      issues.push(warn('NIK', C.NIK_IS_NO_KK,
        `${L.NIK} ${nik} sama dengan ${L.NO_KK} baris ini: nomor Kartu Keluarga tampaknya diketik sebagai ${L.NIK} (sering pada bayi yang belum ber-NIK). ` +
        `Periksa ${L.NIK} pada KK atau akta kelahirannya; bila salah, unggah barisnya dengan ${L.NIK} yang benar, lalu batalkan pendaftaran ${L.NIK} ini (Batalkan pendaftaran). Baris tetap diterima.`));
    }
    if (checked && birthDate && sex) crossCheckNik(checked.nik, checked.facts, { day: birthDate, cell: cells[COL.TANGGAL_LAHIR] }, sex, L, issues);
    // Every field check ran; only warnings may have been added to a row that is still acceptable.
    const refused = issues.some((i) => i.severity === 'REJECT');
    // A NIK's first row counts whether it was kept or refused: a later row of that NIK is refused either way, naming it.
    // Else (QA) a later row was kept behind a refused first one, and the first, fixed in the report and uploaded again,
    // overwrote it; the operator decides which row is right. A later row that is an exact copy of a kept first row
    // (every value equal once read) is read once: a warning, no refusal (QA: "diabaikan", yet counted DITOLAK).
    const values = [noKk, name, birthDate, sex, villageCode, nokaCleared ? NOKA_CLEAR : noka, tmt, tat, endReason];
    const first = nik === null ? undefined : this.firstRowOfNik.firstOrAdd(nik, rowNumber, refused, values);
    if (first !== undefined) {
      if (!refused && !first.refused && !this.firstRowOfNik.differing(first.ordinal, values, () => true).length) {
        const copy = warn('NIK', C.NIK_DUPLICATE_ROW, `${L.NIK} ${nik}: baris ini sama persis dengan baris ${first.row} berkas ini, jadi dibaca sekali saja (dari baris ${first.row}).`);
        return { issues: [{ ...copy, sameAsRow: first.row }] };
      }
      const unread = new Set(issues.filter((i) => i.severity === 'REJECT').map((i) => i.column));
      const differing = first.refused ? [] : this.firstRowOfNik.differing(first.ordinal, values, (column) => !unread.has(column));
      issues.push(reject('NIK', C.NIK_DUPLICATE_IN_FILE, this.repeatedNik(nik!, first, differing)));
    }
    if (refused || first !== undefined) return { issues: cells === read ? issues : withoutRequiredRepeats(issues) };
    const record: EnrollmentRecord = { rowNumber, nik: nik!, noKk: noKk!, name: name!, birthDate: birthDate!, sex: sex!, villageCode: villageCode!, noka, tmt: tmt!, tat, endReason, ...(nokaCleared && { nokaCleared }) };
    this.namesakes.add(record.nik, record.birthDate, record.name);
    if (noka && tat === null) {
      const firstRow = this.firstRowOfNoka.getOrSet(noka, rowNumber);
      if (firstRow !== undefined) return { contested: { record, firstRow }, issues };
    }
    return { record, issues };
  }

  /**
   * NIK_DUPLICATE_IN_FILE: the NIK's first row; when it was kept, that its values are the ones stored and which
   * columns of this row differ (`differing`, of those this row could be read in); when it was refused, what to do
   * (both rows are then in the report). The report leaves this row's NIK empty (NOT_REPEATED), the message naming it.
   */
  private repeatedNik(nik: string, first: { row: number; refused: boolean }, differing: readonly ComparedColumn[]): string {
    const L = this.labels;
    if (!first.refused) {
      const which = differing.length ? ` dengan data lain (berbeda: ${differing.map((c) => L[c]).join(', ')})` : '';
      return (
        `${L.NIK} ${nik} sudah ada di baris ${first.row} berkas ini${which}; nilai baris ${first.row} yang disimpan, baris ini ditolak. ` +
        `Di laporan, ${L.NIK} baris ini dikosongkan agar tidak menimpa baris ${first.row} tanpa sengaja: bila nilai baris ini yang benar, isi kembali ${L.NIK}-nya lalu unggah ulang (nilainya menggantikan nilai baris ${first.row}); bila tidak, hapus baris ini dari laporan.`
      );
    }
    return (
      `${L.NIK} ${nik} sudah ada di baris ${first.row} berkas ini, yang ditolak; baris ini ikut ditolak agar tidak ada yang tersimpan sebelum jelas baris mana yang benar. ` +
      `Perbaiki baris yang benar, hapus yang lain, lalu unggah ulang (di laporan, ${L.NIK} baris ini dikosongkan: isi kembali bila baris inilah yang benar).`
    );
  }

  private name(cell: Cell, issues: EnrollmentRowIssue[]): string | null {
    const L = this.labels;
    if (cell.kind === 'empty') return void issues.push(this.required('NAMA')), null;
    const stored = nameAsStored(cell.text);
    const name = UNCOLLAPSED_SPACE.test(stored.name) ? stored.name.replace(/\s+/g, ' ') : stored.name;
    if (stored.removed.length && HAS_LETTER.test(name)) {
      const said = [...new Set(stored.removed.map((c) => codePointName(c.codePointAt(0)!)))].join(', ');
      issues.push(warn('NAMA', C.NAME_HIDDEN_CHARACTERS, `${L.NAMA} memuat karakter tak terlihat (${said}) yang dihapus agar nama dapat dicari; disimpan sebagai "${name.slice(0, 60)}". Baris tetap diterima.`));
    }
    if (name.includes('=') && visibleText(name).startsWith('=')) {
      // the row report repeats a formula without a value as its text (=1/0): uploaded again untouched, it is not a name (QA)
      issues.push(reject('NAMA', C.NAME_FORMULA_TEXT, `${L.NAMA} "${name.slice(0, 60)}" adalah teks rumus, bukan nama. Ketik nama peserta.`));
      return null;
    }
    if (!HAS_LETTER.test(name)) {
      // a number or a date where the name belongs: the columns are shifted, or the cell holds something else (QA: 12345 was registered)
      issues.push(reject('NAMA', C.NAME_WITHOUT_LETTERS, `${L.NAMA} "${name.slice(0, 60)}" tidak memuat huruf, jadi bukan nama. Periksa apakah kolom tergeser, lalu ketik nama peserta.`));
      return null;
    }
    if (name.length <= MAX_NAME) return name;
    issues.push(reject('NAMA', C.TEXT_TOO_LONG, `${lengthMessage(L.NAMA, name.length, MAX_NAME)}.`));
    return null;
  }

  private date(cell: Cell, column: EnrollmentColumnName, mandatory: boolean, issues: EnrollmentRowIssue[], years?: readonly [number, number]): string | null {
    if (cell.kind === 'empty') {
      if (mandatory) issues.push(this.required(column));
      return null;
    }
    const label = this.labels[column];
    const year = yearOnly(cell, label);
    if (year) return void issues.push(reject(column, C.DATE_YEAR_ONLY, year)), null;
    const day = cellDay(cell);
    if (day && years && (Number(day.slice(0, 4)) < years[0] || Number(day.slice(0, 4)) > years[1])) {
      const why = years === BIRTH_YEARS ? 'NIK hanya dapat memuat tanggal lahir pada tahun 19xx atau 20xx' : 'kepesertaan dihitung per bulan dalam tahun-tahun itu saja';
      issues.push(reject(column, C.DATE_INVALID, `${label} ${shownDay(cell, day)} di luar tahun ${years[0]}–${years[1]}: ${why}.`));
      return null;
    }
    if (cell.kind === 'text') noteDateForm(column, cell.text, this.dateForms);
    if (day) return day;
    const why = cell.kind === 'text' ? dateTextProblem(cell.text) : null;
    const empty = mandatory ? '' : ` Bila tidak ada ${label}, kosongkan selnya.`;
    const message = (numberNotADate(cell, label) ?? `${label} "${cell.text}" bukan tanggal yang valid${why ? `: ${why}` : ''}. Gunakan sel tanggal, YYYY-MM-DD, DD/MM/YYYY atau DD-MM-YYYY.`) + empty;
    issues.push(reject(column, C.DATE_INVALID, message));
    return null;
  }

  /** DATE_FAR_AHEAD: a TMT or TAT more than a month after today, likely a typo of the year; the row is kept. */
  private farAheadWarning(column: 'TMT' | 'TAT', day: string | null, issues: EnrollmentRowIssue[]): void {
    if (!day || day <= this.farAhead) return;
    const L = this.labels;
    issues.push(warn(column, C.DATE_FAR_AHEAD, `${L[column]} ${dayName(day)} lebih dari sebulan sesudah hari ini (${dayName(this.today)}): periksa tahunnya, mungkin salah ketik. Baris tetap diterima.`));
  }

  /** `required`, bound once (identity-cells.ts and village-cells.ts take it for every row). */
  private readonly requiredOf = (column: EnrollmentColumnName) => this.required(column);

  private required(column: EnrollmentColumnName): EnrollmentRowIssue {
    const label = this.labels[column];
    // a dash means "none", which a required column cannot be (QA: a dash was refused without saying the column is required)
    if (this.dashed.has(column)) return reject(column, C.REQUIRED, `${label} wajib diisi: ${label} adalah kolom wajib, jadi tanda "-" (tidak ada) tidak dapat dipakai. Isi ${label} peserta ini.`);
    return reject(column, C.REQUIRED, `${label} wajib diisi.`);
  }

  private sex(cell: Cell, issues: EnrollmentRowIssue[]): 'L' | 'P' | null {
    if (cell.kind === 'empty') return void issues.push(this.required('JENIS_KELAMIN')), null;
    const sex = SEX[cell.text.toUpperCase()];
    if (sex) return sex;
    issues.push(reject('JENIS_KELAMIN', C.SEX_INVALID, `${this.labels.JENIS_KELAMIN} "${cell.text}" harus L atau P.`));
    return null;
  }

  private endReason(cell: Cell, tat: string | null, issues: EnrollmentRowIssue[]): EndReason | null {
    const L = this.labels;
    const written = cell.text.trim().toUpperCase().replace(/[\s-]+/g, '_');
    const text = END_REASON_PHRASINGS[written] ?? written;
    const tatGiven = tat !== null;
    if (!text) {
      if (tatGiven) issues.push(reject('ALASAN_BERAKHIR', C.END_REASON_REQUIRED, this.hasEndReasonColumn ? `${L.ALASAN_BERAKHIR} wajib diisi bila ${L.TAT} diisi (${END_REASONS.join(', ')}).` : endReasonColumnMissing(L.TAT)));
      return null;
    }
    if (!(END_REASONS as readonly string[]).includes(text)) {
      issues.push(reject('ALASAN_BERAKHIR', C.END_REASON_INVALID, `${L.ALASAN_BERAKHIR} "${cell.text.trim()}" harus salah satu dari ${END_REASONS.join(', ')} (juga ${END_REASON_PHRASINGS_SAID}).`));
      return null;
    }
    if (!tatGiven && !issues.some((i) => i.column === 'TAT')) {
      issues.push(reject('TAT', C.END_REASON_WITHOUT_TAT, `${L.ALASAN_BERAKHIR} ${text} diisi tetapi ${L.TAT} kosong: isi ${L.TAT} (untuk peserta meninggal: tanggal meninggal).`));
    }
    return text as EndReason;
  }
}

export type { VillageName } from './village-cells.js';
