/**
 * Worker thread entry that reads an .xlsx file (xlsxRows) and posts its rows to the thread that
 * started it, encoded (row-chunk-codec.ts). Started by xlsxRowsInWorker; it never holds more than
 * CHUNKS_IN_FLIGHT unacknowledged chunks, so a slow reader on the other side stops the parse
 * instead of queueing the whole file in memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { encodeRows, transferList } from './row-chunk-codec.js';
import type { XlsxWorkerMessage } from './xlsx-worker-rows.js';
import { xlsxRows } from './xlsx-rows.js';

const CHUNKS_IN_FLIGHT = 4;

const port = parentPort!;
const { path } = workerData as { path: string };
const counter = { bytesRead: 0 };
let credit = CHUNKS_IN_FLIGHT;
let wake: (() => void) | undefined;
port.on('message', () => {
  credit++;
  wake?.();
});

const post = (message: XlsxWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

try {
  for await (const rows of xlsxRows(path, counter)) {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    const encoded = encodeRows(rows);
    post({ type: 'rows', rows: encoded, bytesRead: counter.bytesRead }, transferList(encoded));
  }
  post({ type: 'end', bytesRead: counter.bytesRead });
} catch (err) {
  post({ type: 'error', message: (err as Error).message ?? String(err) });
} finally {
  port.close();
}
