/** Test helper: `xml` passed through a fresh HiddenRowTap in chunks of `size` bytes; the tap and what came out. */
import { pipeline, Readable, Writable } from 'node:stream';
import { HiddenRowTap } from '../../src/common/spreadsheet/hidden-rows.js';

export async function throughTap(xml: string, size: number): Promise<{ tap: HiddenRowTap; out: string }> {
  const tap = new HiddenRowTap();
  const chunks: Buffer[] = [];
  for (let i = 0; i < xml.length; i += size) chunks.push(Buffer.from(xml.slice(i, i + size)));
  const out: Buffer[] = [];
  await new Promise<void>((resolve, reject) =>
    pipeline(Readable.from(chunks), tap, new Writable({ write: (c, _e, done) => (out.push(c), done()) }), (err) => (err ? reject(err) : resolve())),
  );
  return { tap, out: Buffer.concat(out).toString() };
}
