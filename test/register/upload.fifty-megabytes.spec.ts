/**
 * Real files of tens of megabytes through the HTTP route (the row volumes belong to `npm run
 * bench:ingest`; here the bytes are in a long extra column, so the register work stays small).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ImportEnrollmentSheet } from '../../src/register/use-cases/import-enrollment-sheet.use-case.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { count } from './support.js';

const MB = 1024 * 1024;
const NOTE = 'catatan petugas '.repeat(3_300); // ~52 KB a row, in a column the parser ignores

/** A CSV of `rows` valid participants (NIK serials from 1) with a long CATATAN each, written as a stream. */
async function bigCsv(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  out.write('NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,TMT,CATATAN\n');
  for (let i = 1; i <= rows; i++) {
    const line = `170306010170${String(i).padStart(4, '0')},1703060101200001,Peserta ${i},1970-01-01,L,17.03.06.2001,2025-01-01,${NOTE}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return (await stat(path)).size;
}

describe('a 50 MB file', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jamkesda-50mb-'));
    // Its own data directory: the uploads directory of the shared one holds other specs' files meanwhile.
    t = await createTestApp({ uploadMaxBytes: 55 * MB, dataDir: join(dir, 'data') });
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const uploadsLeft = () => readdir(join(t.config.dataDir, 'uploads'));

  it('under the size limit lands completely, in the background', async () => {
    const path = join(dir, 'peserta-50mb.csv');
    expect(await bigCsv(path, 1_000)).toBeGreaterThan(50 * MB);
    const res = await (await t.as(Role.OPERATOR_DINKES)).post('/api/v1/enrollment-uploads').attach('file', path).expect(201);
    expect(res.body.status).toBe('PROCESSING');
    await t.app.get(ImportEnrollmentSheet).idle();
    const done = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${res.body.id}`).expect(200);
    expect(done.body).toMatchObject({ status: 'DONE', rowsRead: 1_000, accepted: 1_000, rejected: 0, created: 1_000 });
    expect(await count(t, 'participant')).toBe(1_000);
    expect(await uploadsLeft()).toEqual([]); // the stored upload is removed once read
  });

  it('over the size limit is refused with 413 while it arrives, and nothing of it is kept', async () => {
    const path = join(dir, 'peserta-60mb.csv');
    expect(await bigCsv(path, 1_200)).toBeGreaterThan(55 * MB);
    const res = await (await t.as(Role.OPERATOR_DINKES)).post('/api/v1/enrollment-uploads').attach('file', path).ok(() => true);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(res.body.message).toMatch(/melebihi batas ukuran/);
    expect(await count(t, 'enrollment_upload')).toBe(1);
    expect(await count(t, 'participant')).toBe(1_000);
    expect(await uploadsLeft()).toEqual([]);
  });
});
