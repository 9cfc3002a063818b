/**
 * A streaming workbook written to any writable (an HTTP response, a file): ExcelJS's
 * WorkbookWriter with styles on and inline strings (no shared-string table kept in memory).
 * Writers call `breathe()` between pages of rows: it waits while the destination is full, so a
 * slow client holds back the database reads instead of filling memory.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export class WorkbookOutput {
  readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;

  constructor(
    private readonly destination: Writable,
    created: Date,
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: destination, useStyles: true, useSharedStrings: false });
    this.workbook.creator = 'Jamkesda Bengkulu Utara';
    this.workbook.created = created;
    this.workbook.modified = created;
  }

  /** Lets the zip and the destination catch up (call between pages of rows). */
  async breathe(): Promise<void> {
    // The client went away: stop reading the database for nobody.
    if (this.destination.destroyed) throw new Error('The workbook destination was closed before the workbook was complete');
    if (this.destination.writableNeedDrain) {
      await Promise.race([once(this.destination, 'drain'), once(this.destination, 'close')]);
    } else {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  async finish(): Promise<void> {
    await this.workbook.commit();
  }
}
