import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class HiddenColumnDto {
  /** The column's name in the format (`TAT`). */
  @ApiProperty() name: string;
  /** Its header as the file wrote it. */
  @ApiProperty() header: string;
  /** Its letter (`F`). */
  @ApiProperty() letter: string;
}

class HeaderReadAsDto {
  /** The header as the file wrote it (`NIK (16 digit)`). */
  @ApiProperty() header: string;
  /** The column it was read as, by its own header (`NIK`). */
  @ApiProperty() column: string;
  /** Its column's letter (`B`). */
  @ApiProperty() columnLetter: string;
}

/** A warning about an uploaded file as a whole, not one row (hidden-rows.ts); the fields after `message` depend on `code`. */
export class SheetWarningDto {
  @ApiProperty({ enum: ['HIDDEN_ROWS', 'HIDDEN_COLUMNS', 'SHEETS_NOT_READ', 'PARTIAL_SHEETS_NOT_READ', 'NUMBERED_ROWS', 'COLUMNS_NOT_READ', 'HEADERS_READ_AS'] })
  code: string;

  @ApiProperty()
  message: string;

  /** The sheet it is about, for an upload read from two sheets. */
  @ApiPropertyOptional()
  sheet?: string;

  /** HIDDEN_ROWS: how many data rows were hidden; NUMBERED_ROWS: how many pre-numbered empty rows were skipped. */
  @ApiPropertyOptional({ type: 'integer' })
  rows?: number;

  /** HIDDEN_ROWS, NUMBERED_ROWS: those rows as `[first, last]` row numbers. */
  @ApiPropertyOptional({ type: 'array', items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 } })
  ranges?: [number, number][];

  /** HIDDEN_COLUMNS. */
  @ApiPropertyOptional({ type: () => [HiddenColumnDto] })
  columns?: HiddenColumnDto[];

  /** SHEETS_NOT_READ, PARTIAL_SHEETS_NOT_READ: the tabs not read, in tab order. */
  @ApiPropertyOptional({ type: [String] })
  sheets?: string[];

  /** SHEETS_NOT_READ, PARTIAL_SHEETS_NOT_READ: the tab read. */
  @ApiPropertyOptional()
  read?: string;

  /** COLUMNS_NOT_READ: the headers not read, as the file wrote them, in the file's order. */
  @ApiPropertyOptional({ type: [String] })
  headers?: string[];

  /** HEADERS_READ_AS: the headers read as a column though not written as its name (an alias, a hint), in the file's order. */
  @ApiPropertyOptional({ type: () => [HeaderReadAsDto] })
  headersReadAs?: HeaderReadAsDto[];
}
