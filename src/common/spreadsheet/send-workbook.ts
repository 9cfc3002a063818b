/**
 * Streams a prepared workbook as the HTTP response. Errors before the first byte were already
 * raised by `prepare()` (ordinary JSON errors); an error mid-stream can only abort the download.
 * Like every API answer, it is sent with `Cache-Control: no-store` (configure-app.ts).
 */
import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { XLSX_CONTENT_TYPE } from './workbook-style.js';

/** A workbook already in memory (a template built once), as a download named `filename`. */
export async function sendWorkbookBytes(reply: FastifyReply, filename: string, bytes: Promise<Buffer> | Buffer): Promise<void> {
  await asAttachment(reply, filename).send(await bytes);
}

function asAttachment(reply: FastifyReply, filename: string): FastifyReply {
  return reply.status(200).header('Content-Type', XLSX_CONTENT_TYPE).header('Content-Disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`);
}

export interface StreamableWorkbook {
  filename: string;
  write(destination: NodeJS.WritableStream & Writable): Promise<void>;
}

/**
 * A HEAD request: Fastify answers one on every GET route by running the GET's handler. A download's gets its headers
 * and no file: nothing is written, and so nothing audited (QA: a link checker's HEAD was recorded as an export).
 */
export function isHead(reply: FastifyReply): boolean {
  return reply.request.method === 'HEAD';
}

export async function sendWorkbook(reply: FastifyReply, workbook: StreamableWorkbook): Promise<void> {
  if (isHead(reply)) {
    await asAttachment(reply, workbook.filename).send();
    return;
  }
  const body = new PassThrough();
  void asAttachment(reply, workbook.filename).send(body);
  try {
    await workbook.write(body);
  } catch (err) {
    body.destroy(err as Error);
  }
}
