/**
 * An .xlsx whose parts inflate like a zip bomb is refused as a whole (INFLATES_TOO_LARGE, 413)
 * before it fills memory: QA's 405 KB file with one 400 MB shared string crashed the service. The
 * bombs are built here, with false uncompressed sizes in the zip (only inflated bytes count).
 */
import { writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ImportEnrollmentSheet } from '../../src/register/use-cases/import-enrollment-sheet.use-case.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { zip } from '../support/zip.js';
import unzipper from 'unzipper';
import { SpreadsheetException } from '../../src/common/spreadsheet/spreadsheet.exception.js';
import { MAX_SHARED_STRINGS_BYTES } from '../../src/common/spreadsheet/xlsx-rows.js';
import { InflateLimitError, openEntry } from '../../src/common/spreadsheet/zip-entry.js';
import { count, upload } from './support.js';

const HEADER = ['NIK', 'NO_KK', 'NAMA', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'KODE_DESA', 'NOKA', 'TMT'];
const ROW = ['1703060101601000', '1703060101200001', 'Peserta Bom', '1960-01-01', 'L', '17.03.06.2001', '', '2025-01-01'];
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A one-sheet enrollment workbook, its text in shared strings, `extra` appended to them (unused by any cell). */
function workbook(extra: Buffer = Buffer.alloc(0)): Buffer {
  const strings = [...HEADER, ...ROW];
  const cells = (values: string[], row: number, first: number) =>
    values.map((_, i) => `<c r="${String.fromCharCode(65 + i)}${row}" t="s"><v>${first + i}</v></c>`).join('');
  const sheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${cells(HEADER, 1, 0)}</row><row r="2">${cells(ROW, 2, HEADER.length)}</row></sheetData></worksheet>`;
  const sst = Buffer.concat([Buffer.from(`<sst xmlns="${MAIN}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}`), extra, Buffer.from('</sst>')]);
  return zip([
    { name: 'xl/workbook.xml', data: Buffer.from(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Daftar Peserta" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    // a bomb declares a false small size (only inflated bytes count); the workbook without one its true size
    { name: 'xl/sharedStrings.xml', data: sst, declaredSize: extra.length ? 1024 : sst.length },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) },
  ]);
}

/** One 64 MB string: the text limit (a cell holds 32,767 characters) stops it after 256 KB. */
const longText = () => workbook(Buffer.concat([Buffer.from('<si><t>'), Buffer.alloc(64 * 1024 * 1024, 'A'), Buffer.from('</t></si>')]));
/** 8 MB of short strings, over 1,000 times their compressed size: POI's ratio rule (100). */
const manyStrings = () => workbook(Buffer.from('<si><t>A</t></si>'.repeat(500_000)));

describe('an .xlsx that inflates like a zip bomb is refused as a whole', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('the same workbook without the bomb is read', async () => {
    const res = await upload(t, { name: 'biasa.xlsx', content: workbook() });
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 1 });
  });

  it.each([
    ['one text of 64 MB', 'TEXT', longText, /ada teks tanpa putus lebih dari 256 KB di dalamnya \(isi sel atau sela antarbagian\), padahal satu sel Excel paling banyak 32\.767 karakter/],
    ['shared strings 1,000 times their compressed size', 'RATIO', manyStrings, /mengembang lebih dari 100 kali/],
  ])('%s → 413 INFLATES_TOO_LARGE (%s), upload FAILED', async (_name, limit, build, message) => {
    const before = await count(t, 'participant');
    const res = await upload(t, { name: 'bom.xlsx', content: build() }, 413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'INFLATES_TOO_LARGE', details: { part: 'xl/sharedStrings.xml', limit } });
    expect(res.body.message).toMatch(message);
    expect(res.body.message).toMatch(/^Berkas "bom\.xlsx" ditolak/);
    const [row] = await t.dataSource.query('SELECT status, error, error_code, error_details FROM enrollment_upload WHERE id = $1', [res.body.details.uploadId]);
    expect(row).toEqual({ status: 'FAILED', error: res.body.message, error_code: 'INFLATES_TOO_LARGE', error_details: { filename: 'bom.xlsx', part: 'xl/sharedStrings.xml', limit } });
    expect(await count(t, 'participant')).toBe(before);
  });

  it('in the background, the upload ends FAILED with the message, and the code and details the 413 carries (not PROCESSING)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bom-')), 'bom.xlsx');
    const content = longText();
    await writeFile(path, content);
    const imports = t.app.get(ImportEnrollmentSheet);
    const started = await imports.execute({ path, filename: 'bom-latar.xlsx', sizeBytes: content.length, actor: 'operator', backgroundBytes: 0 });
    expect(started.status).toBe('PROCESSING');
    await imports.idle();
    const res = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${started.id}`).expect(200);
    expect(res.body).toMatchObject({
      status: 'FAILED',
      error: expect.stringMatching(/^Berkas "bom-latar\.xlsx" ditolak: .*paling banyak 32\.767 karakter/),
      errorCode: 'INFLATES_TOO_LARGE',
      errorDetails: { filename: 'bom-latar.xlsx', part: 'xl/sharedStrings.xml', limit: 'TEXT' },
    });
  });

  it('shared strings past the size cap (256 MB in the service) are refused with their own message (SIZE), whatever their ratio', async () => {
    // The cap itself, on a small part: 3,400 bytes of strings against a cap of 1,000 (a real 256 MB part is too big for a test).
    const path = join(mkdtempSync(join(tmpdir(), 'bom-')), 'cap.xlsx');
    await writeFile(path, workbook(Buffer.from('<si><t>x</t></si>'.repeat(200))));
    const entry = (await unzipper.Open.file(path)).files.find((f) => f.path === 'xl/sharedStrings.xml')!;
    const read = async (maxBytes: number) => {
      let bytes = 0;
      for await (const chunk of await openEntry(path, entry, { maxBytes })) bytes += (chunk as Buffer).length;
      return bytes;
    };
    expect(await read(1_000_000)).toBeGreaterThan(3400);
    await expect(read(1000)).rejects.toEqual(new InflateLimitError('xl/sharedStrings.xml', 'SIZE'));
    // the refusal names the cap the service reads shared strings with (MAX_SHARED_STRINGS_BYTES), not another figure
    expect(SpreadsheetException.inflatesTooLarge('besar.xlsx', 'xl/sharedStrings.xml', 'SIZE').message).toContain(`melebihi ${MAX_SHARED_STRINGS_BYTES / (1024 * 1024)} MB,`);
    expect(SpreadsheetException.inflatesTooLarge('besar.xlsx', 'xl/sharedStrings.xml', 'SIZE').message).toMatch(
      /^Berkas "besar\.xlsx" ditolak: saat dibuka, daftar teksnya \(sharedStrings\) melebihi 256 MB/,
    );
  });
});
