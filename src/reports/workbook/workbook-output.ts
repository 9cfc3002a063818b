/**
 * A streaming workbook written to any writable (an HTTP response, a file): ExcelJS's
 * WorkbookWriter with styles on and inline strings (no shared-string table kept in memory).
 * Writers call `breathe()` between pages of rows: it waits while the destination is full, so a
 * slow client holds back the database reads instead of filling memory; and `rowWritten()` after each
 * row, which breathes once BREATH_MS have passed since the last breath, so a page of thousands of rows
 * (a second of work on a busy machine) does not keep the event loop from every other request meanwhile
 * (QA: a 1-row enrollment upload took 85 s while the register of 193,000 participants was exported).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/** Work between two breaths at most: other requests wait about this long behind a page of rows. */
const BREATH_MS = 25;

export class WorkbookOutput {
  readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private lastBreath = performance.now();

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
    this.lastBreath = performance.now();
    // The client went away: stop reading the database for nobody.
    if (this.destination.destroyed) throw new Error('The workbook destination was closed before the workbook was complete');
    if (this.destination.writableNeedDrain) {
      await Promise.race([once(this.destination, 'drain'), once(this.destination, 'close')]);
    } else {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** After a row: breathes when BREATH_MS have passed since the last breath. */
  async rowWritten(): Promise<void> {
    if (performance.now() - this.lastBreath >= BREATH_MS) await this.breathe();
  }

  async finish(): Promise<void> {
    await this.workbook.commit();
  }
}
