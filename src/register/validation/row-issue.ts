/**
 * Per-row findings of an enrollment upload: a code (stable, for machines), the column, and an
 * Indonesian message naming the column (for the operator who fixes the row). REJECT keeps the row
 * out of the register; WARN lets it in and lists it in the report.
 */
import type { EnrollmentColumnName } from '../enrollment-columns.js';

export enum RowIssueCode {
  REQUIRED = 'REQUIRED',
  NIK_NUMERIC_CELL = 'NIK_NUMERIC_CELL',
  NIK_FORMULA_TEXT = 'NIK_FORMULA_TEXT',
  NIK_LENGTH = 'NIK_LENGTH',
  NIK_NOT_DIGITS = 'NIK_NOT_DIGITS',
  NIK_BIRTH_DATE_IMPOSSIBLE = 'NIK_BIRTH_DATE_IMPOSSIBLE',
  NIK_SERIAL_ZERO = 'NIK_SERIAL_ZERO',
  NIK_DUPLICATE_IN_FILE = 'NIK_DUPLICATE_IN_FILE',
  NIK_DUPLICATE_ROW = 'NIK_DUPLICATE_ROW',
  NIK_REGION_OUTSIDE = 'NIK_REGION_OUTSIDE',
  NIK_BIRTH_DATE_MISMATCH = 'NIK_BIRTH_DATE_MISMATCH',
  NIK_SEX_MISMATCH = 'NIK_SEX_MISMATCH',
  /**
   * The NIK is registered for someone of another name and birth date (REJECT_OTHER_PERSON), or of another name and two
   * of sex, NO_KK, village (REJECT_OTHER_PERSON_FIELDS); checked at promotion.
   */
  NIK_OTHER_PERSON = 'NIK_OTHER_PERSON',
  /** Another name and one of sex, NO_KK, village: taken as a correction, warned (WARN_IDENTITY_CHANGED, at promotion). */
  NIK_IDENTITY_CHANGED = 'NIK_IDENTITY_CHANGED',
  /** A new registration whose NOKA an active participant holds (WARN_NOKA_OF_ACTIVE, at promotion). */
  NOKA_OF_ACTIVE_PARTICIPANT = 'NOKA_OF_ACTIVE_PARTICIPANT',
  /** A new registration of the name and birth date of an active participant (WARN_PERSON_REGISTERED, at promotion). */
  PERSON_REGISTERED_OTHER_NIK = 'PERSON_REGISTERED_OTHER_NIK',
  /** A new registration of the name and birth date of an earlier new row of the file, another NIK (WARN_PERSON_IN_FILE, at promotion). */
  PERSON_IN_FILE_OTHER_NIK = 'PERSON_IN_FILE_OTHER_NIK',
  /** A new registration of a NIK voided before (WARN_VOIDED_BEFORE, at promotion). */
  NIK_VOIDED_BEFORE = 'NIK_VOIDED_BEFORE',
  /** NIK equal to the row's NO_KK: a family-card number typed as NIK (the validator). */
  NIK_IS_NO_KK = 'NIK_IS_NO_KK',
  NO_KK_NUMERIC_CELL = 'NO_KK_NUMERIC_CELL',
  NO_KK_INVALID = 'NO_KK_INVALID',
  NOKA_INVALID = 'NOKA_INVALID',
  NOKA_DUPLICATE_IN_FILE = 'NOKA_DUPLICATE_IN_FILE',
  NOKA_TAKEN = 'NOKA_TAKEN',
  DATE_INVALID = 'DATE_INVALID',
  DATE_YEAR_ONLY = 'DATE_YEAR_ONLY',
  /** A slashed date either way round in a file that writes month first (date-order.ts). */
  DATE_ORDER_AMBIGUOUS = 'DATE_ORDER_AMBIGUOUS',
  SEX_INVALID = 'SEX_INVALID',
  VILLAGE_CODE_INVALID = 'VILLAGE_CODE_INVALID',
  VILLAGE_UNKNOWN = 'VILLAGE_UNKNOWN',
  VILLAGE_NAME_MISMATCH = 'VILLAGE_NAME_MISMATCH',
  TAT_BEFORE_TMT = 'TAT_BEFORE_TMT',
  BIRTH_AFTER_TMT = 'BIRTH_AFTER_TMT',
  BIRTH_DATE_IN_FUTURE = 'BIRTH_DATE_IN_FUTURE',
  DEATH_DATE_IN_FUTURE = 'DEATH_DATE_IN_FUTURE',
  DATE_FAR_AHEAD = 'DATE_FAR_AHEAD',
  END_REASON_REQUIRED = 'END_REASON_REQUIRED',
  END_REASON_INVALID = 'END_REASON_INVALID',
  END_REASON_WITHOUT_TAT = 'END_REASON_WITHOUT_TAT',
  TEXT_TOO_LONG = 'TEXT_TOO_LONG',
  NAME_FORMULA_TEXT = 'NAME_FORMULA_TEXT',
  NAME_WITHOUT_LETTERS = 'NAME_WITHOUT_LETTERS',
  NAME_HIDDEN_CHARACTERS = 'NAME_HIDDEN_CHARACTERS',
  FORMULA_ERROR = 'FORMULA_ERROR',
  FORMULA_WITHOUT_VALUE = 'FORMULA_WITHOUT_VALUE',
  INVALID_CHARACTER = 'INVALID_CHARACTER',
  MERGED_CELL = 'MERGED_CELL',
  CSV_FIELD_COUNT = 'CSV_FIELD_COUNT',
  NOT_PARTICIPANT_ROW = 'NOT_PARTICIPANT_ROW',
}

export type Severity = 'REJECT' | 'WARN';

export interface EnrollmentRowIssue {
  readonly column: EnrollmentColumnName | null;
  readonly code: RowIssueCode;
  readonly severity: Severity;
  readonly message: string;
  /** NIK_DUPLICATE_ROW: the earlier row this one copies, kept in the row's raw (SAME_AS_ROW) for promotion. */
  readonly sameAsRow?: number;
}

/**
 * The RawCells key of an exact copy's earlier row (no column is so named): when that row is refused at promotion
 * (NIK_OTHER_PERSON, NOKA_TAKEN, a NOKA another row holds), the copy is refused with it (REFUSE_COPIES_OF_REFUSED).
 */
export const SAME_AS_ROW = '#sameAsRow';

export const reject = (column: EnrollmentColumnName | null, code: RowIssueCode, message: string): EnrollmentRowIssue => ({ column, code, severity: 'REJECT', message });
export const warn = (column: EnrollmentColumnName | null, code: RowIssueCode, message: string): EnrollmentRowIssue => ({ column, code, severity: 'WARN', message });
