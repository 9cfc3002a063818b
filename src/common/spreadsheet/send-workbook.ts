/**
 * Streams a prepared workbook as the HTTP response. Errors before the first byte were already
 * raised by `prepare()` (ordinary JSON errors); an error mid-stream can only abort the download.
 * Like every API answer, it is sent with `Cache-Control: no-store` (configure-app.ts).
 */
import type { Response } from 'express';
import { XLSX_CONTENT_TYPE } from './workbook-style.js';

export interface StreamableWorkbook {
  filename: string;
  write(destination: NodeJS.WritableStream & import('node:stream').Writable): Promise<void>;
}

export async function sendWorkbook(res: Response, workbook: StreamableWorkbook): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
  res.setHeader('Content-Disposition', `attachment; filename="${workbook.filename.replace(/[^\w.-]/g, '_')}"`);
  try {
    await workbook.write(res);
  } catch (err) {
    res.destroy(err as Error);
  }
}
