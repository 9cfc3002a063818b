/**
 * Rows of an .xlsx file read on a worker thread. Parsing the XML is most of the cost of an .xlsx
 * upload; on its own thread it runs beside the validation and database writes of the main thread
 * instead of before them. Rows arrive in chunks as xlsxRows yields them, in file order.
 *
 * A parse error (broken zip, bad XML) is thrown as a plain Error with ExcelJS's message (the
 * SheetReader turns it into a CORRUPT_FILE refusal); the worker itself failing (out of memory,
 * crash) is an XlsxWorkerFailure. Stopping early (header found on another sheet, row limit)
 * terminates the worker.
 */
import { Worker } from 'node:worker_threads';
import { decodeRows, type EncodedRows } from './row-chunk-codec.js';
import type { ByteCounter, RawRow } from './raw-row.js';

/** V8 old-space cap of the worker: ExcelJS's buffers and the shared strings of a 500,000-row file fit in a third of it. */
const WORKER_HEAP_MB = 160;

export type XlsxWorkerMessage =
  | { type: 'rows'; rows: EncodedRows; bytesRead: number }
  | { type: 'end'; bytesRead: number }
  | { type: 'error'; message: string };

type Event = XlsxWorkerMessage | { type: 'failed'; error: Error } | { type: 'exit'; code: number };

export class XlsxWorkerFailure extends Error {
  constructor(cause: Error | string) {
    super(`Pembaca .xlsx berhenti: ${cause instanceof Error ? cause.message : cause}`);
    this.name = 'XlsxWorkerFailure';
  }
}

export async function* xlsxRowsInWorker(path: string, counter: ByteCounter): AsyncGenerator<RawRow[]> {
  const script = workerScript();
  const worker = new Worker(script.url, {
    workerData: { path },
    execArgv: script.execArgv,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  const events = new EventQueue();
  worker.on('message', (m: XlsxWorkerMessage) => events.push(m));
  worker.on('error', (error) => events.push({ type: 'failed', error }));
  worker.on('exit', (code) => events.push({ type: 'exit', code }));
  try {
    for (;;) {
      const event = await events.next();
      switch (event.type) {
        case 'rows':
          counter.bytesRead = event.bytesRead;
          worker.postMessage('next'); // room for one more chunk while these rows are worked on
          yield decodeRows(event.rows);
          break;
        case 'end':
          counter.bytesRead = event.bytesRead;
          return;
        case 'error':
          throw new Error(event.message);
        case 'failed':
          throw new XlsxWorkerFailure(event.error);
        case 'exit':
          throw new XlsxWorkerFailure(`kode keluar ${event.code}`);
      }
    }
  } finally {
    await worker.terminate();
  }
}

/**
 * The worker's script: the compiled .js beside this file. Run from TypeScript sources (Jest), the
 * .ts itself, loaded through the hooks named by TS_WORKER_LOADER (test/support/ts-worker-loader.mjs).
 */
function workerScript(): { url: URL; execArgv?: string[] } {
  if (!import.meta.url.endsWith('.ts')) return { url: new URL('./xlsx-worker.js', import.meta.url) };
  const loader = process.env.TS_WORKER_LOADER;
  if (!loader) throw new Error('TS_WORKER_LOADER must name a TypeScript loader to start the .xlsx worker from sources');
  return { url: new URL('./xlsx-worker.ts', import.meta.url), execArgv: ['--import', loader] };
}

/** Worker events in arrival order, awaited one at a time. */
class EventQueue {
  private readonly queue: Event[] = [];
  private waiting?: (event: Event) => void;

  push(event: Event): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve(event);
    } else {
      this.queue.push(event);
    }
  }

  next(): Promise<Event> {
    const event = this.queue.shift();
    return event ? Promise.resolve(event) : new Promise((resolve) => (this.waiting = resolve));
  }
}
