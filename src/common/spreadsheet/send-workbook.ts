/**
 * Streams a prepared workbook as the HTTP response. Errors before the first byte were already
 * raised by `prepare()` (ordinary JSON errors); an error mid-stream can only abort the download.
 * Like every API answer, it is sent with `Cache-Control: no-store` (configure-app.ts).
 */
import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { XLSX_CONTENT_TYPE } from './workbook-style.js';

export interface StreamableWorkbook {
  filename: string;
  write(destination: NodeJS.WritableStream & Writable): Promise<void>;
}

export async function sendWorkbook(reply: FastifyReply, workbook: StreamableWorkbook): Promise<void> {
  const body = new PassThrough();
  void reply
    .status(200)
    .header('Content-Type', XLSX_CONTENT_TYPE)
    .header('Content-Disposition', `attachment; filename="${workbook.filename.replace(/[^\w.-]/g, '_')}"`)
    .send(body);
  try {
    await workbook.write(body);
  } catch (err) {
    body.destroy(err as Error);
  }
}
