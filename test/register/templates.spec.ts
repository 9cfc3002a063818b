import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { buildPledgeTemplate } from '../../src/funding/pledge-upload/pledge-template.js';
import { buildPaymentTemplate } from '../../src/payments/payment-template.js';
import { buildBillTemplate, buildPbiTemplate } from '../../src/reconciliation/templates/bpjs-input-templates.js';
import { buildEnrollmentTemplate, DATA_SHEET, VILLAGE_SHEET } from '../../src/register/workbooks/enrollment-template.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { SheetReader } from '../../src/common/spreadsheet/sheet-reader.js';
import { ENROLLMENT_COLUMNS } from '../../src/register/enrollment-columns.js';

/**
 * templates/*.xlsx (what the repository hands out) are the workbooks the builders make, and the service
 * serves the same at GET /api/v1/templates/*: a change to a builder without `npm run templates` fails here.
 * Compared part by part, unzipped: the zip's own timestamps differ from build to build, and so do the
 * pledge template's created/modified properties (the time it was built).
 */
async function parts(xlsx: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(xlsx);
  const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir).sort();
  const text = async (name: string) => (await zip.file(name)!.async('string')).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1');
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await text(name)] as const)));
}

const committed = (name: string) => readFile(join(process.cwd(), 'templates', name));

describe('the committed templates are current', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it.each([
    ['enrollment.xlsx', buildEnrollmentTemplate],
    ['pledges.xlsx', buildPledgeTemplate],
    ['payments.xlsx', buildPaymentTemplate],
    ['bill.xlsx', buildBillTemplate],
    ['pbi-apbn.xlsx', buildPbiTemplate],
  ])('templates/%s', async (name, build) => {
    expect(await parts(await committed(name))).toEqual(await parts(await build()));
  });

  it.each(['enrollment.xlsx', 'pledges.xlsx', 'payments.xlsx', 'bill.xlsx', 'pbi-apbn.xlsx'])('GET /api/v1/templates/%s serves templates/ as committed', async (name) => {
    const res = await (await t.as(Role.OPERATOR_DINKES))
      .get(`/api/v1/templates/${name}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(await parts(res.body as Buffer)).toEqual(await parts(await committed(name)));
  });
});

describe('enrollment template', () => {
  it('has the parser columns, Text identifiers, drop-downs and instructions', async () => {
    const buffer = await buildEnrollmentTemplate();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual([DATA_SHEET, 'Petunjuk', VILLAGE_SHEET]);
    const data = wb.getWorksheet(DATA_SHEET)!;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(ENROLLMENT_COLUMNS.map((c) => c.name));
    for (const name of ['NIK', 'NO_KK', 'NOKA']) {
      const col = ENROLLMENT_COLUMNS.findIndex((c) => c.name === name) + 1;
      expect(data.getColumn(col).numFmt).toBe('@');
    }
    const validations = (data as any).dataValidations.model;
    const kodeDesa = Object.entries(validations).find(([address]) => address.startsWith('F2')) as [string, any];
    expect(kodeDesa[1].formulae[0]).toBe(`'${VILLAGE_SHEET}'!$A$2:$A$219`);
    expect(wb.getWorksheet(VILLAGE_SHEET)!.getCell('A2').value).toMatch(/^17\.03\.\d{2}\.\d{4} - /);
    expect(wb.getWorksheet('Petunjuk')!.getCell('A1').value).toMatch(/Petunjuk/);
    // the console's menu item is "Unggah Peserta" (QA)
    const said: string[] = [];
    wb.getWorksheet('Petunjuk')!.eachRow((r) => r.eachCell((c) => said.push(String(c.value))));
    expect(said.filter((l) => l.includes('menu Unggah'))).toEqual([expect.stringContaining('pada menu Unggah Peserta.')]);
  });

  it('its drop-downs reach row 100,001, one range each (the file stays small), and the Petunjuk sheet says so', async () => {
    const buffer = await buildEnrollmentTemplate();
    const xml = await (await JSZip.loadAsync(buffer)).file('xl/worksheets/sheet1.xml')!.async('string');
    const ranges = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    const column = (name: string) => String.fromCharCode(65 + ENROLLMENT_COLUMNS.findIndex((c) => c.name === name));
    expect(ranges.sort()).toEqual(['KODE_DESA', 'JENIS_KELAMIN', 'ALASAN_BERAKHIR'].map((n) => `${column(n)}2:${column(n)}100001`).sort());
    expect(buffer.length).toBeLessThan(30_000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as any);
    const lines = wb.getWorksheet('Petunjuk')!.getColumn(3).values.map(String);
    expect(lines).toContain(
      'Pilihan KODE_DESA, JENIS_KELAMIN dan ALASAN_BERAKHIR tersedia sampai baris 100.001 (100.000 peserta). Baris sesudahnya tetap dibaca dan diperiksa saat diunggah, tanpa daftar pilihan.',
    );
  });

  it('says, as the upload does, that the same file again changes nothing only when no other file came in between (QA)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildEnrollmentTemplate()) as any);
    const lines = wb.getWorksheet('Petunjuk')!.getColumn(3).values.map(String);
    expect(lines.join('\n')).not.toContain('Unggahan ulang berkas yang sama tidak mengubah apa pun.');
    expect(lines).toContain(
      'Berkas yang sama yang diunggah ulang akan dikenali dan tidak mengubah apa pun, kecuali ada unggahan lain di antaranya: bila sudah ada berkas lain yang diunggah sesudahnya, berkas itu diproses lagi sebagai unggahan baru. Baris dengan NIK yang sudah terdaftar memperbarui data peserta; perubahan dicatat dalam riwayat.',
    );
    // worksheets are "sheet" throughout the instructions, as the console and the other templates say it (proofreader)
    expect(lines.join('\n')).not.toContain('lembar');
    expect(lines).toContainEqual(expect.stringMatching(/^Isi satu baris per peserta pada sheet "Daftar Peserta"\./));
  });

  it('says how to take a wrong card away: NOKA HAPUS, an empty cell keeps the card (QA)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildEnrollmentTemplate()) as any);
    const said = wb.getWorksheet('Petunjuk')!.getColumn(3).values.map(String);
    expect(said).toContain(
      'NOKA kosong (atau "-") tidak mengubah kartu peserta yang sudah terdaftar. Untuk menghapus kartu yang salah tercatat, isi NOKA dengan HAPUS; pemilik kartu itu boleh didaftarkan dengan nomor kartunya dalam unggahan yang sama.',
    );
    expect(said.filter((l) => l.startsWith('13 digit nomor kartu'))).toEqual([expect.stringContaining('Isi HAPUS untuk menghapus kartu yang salah tercatat')]);
  });

  it('is read back by the parser as an upload with no data rows', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'tpl-')), 'enrollment.xlsx');
    await writeFile(path, await buildEnrollmentTemplate());
    const reader = new SheetReader(path, { filename: 'enrollment.xlsx', columns: ENROLLMENT_COLUMNS });
    const err = await (async () => {
      for await (const _ of reader.batches()) void _;
    })().catch((e) => e);
    expect(reader.header?.missing).toEqual([]);
    expect(err.code).toBe('NO_DATA_ROWS');
  });
});

/**
 * The templates users download open in Excel without a repair: their data validations use only
 * the attribute values ECMA-376 defines (ExcelJS writes whatever it is given; `errorStyle="error"`
 * made openpyxl refuse the enrollment template and is not a value Excel knows).
 */
const ALLOWED: Record<string, string[]> = {
  errorStyle: ['stop', 'warning', 'information'],
  type: ['none', 'whole', 'decimal', 'list', 'date', 'time', 'textLength', 'custom'],
  operator: ['between', 'notBetween', 'equal', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual'],
};

async function validationAttributes(xlsx: Buffer): Promise<{ name: string; value: string }[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const found: { name: string; value: string }[] = [];
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async('string');
    for (const [tag] of xml.matchAll(/<dataValidation [^>]*>/g)) {
      for (const [, name, value] of tag.matchAll(/(\w+)="([^"]*)"/g)) if (name in ALLOWED) found.push({ name, value });
    }
  }
  return found;
}

describe('templates: data validations as ECMA-376 defines them', () => {
  it.each([
    ['enrollment', buildEnrollmentTemplate],
    ['pledges', buildPledgeTemplate],
  ])('%s template', async (_, build) => {
    const attributes = await validationAttributes(await build());
    for (const { name, value } of attributes) expect(ALLOWED[name]).toContain(value);
  });

  it('the enrollment template has its drop-downs (so the check above checked something)', async () => {
    const attributes = await validationAttributes(await buildEnrollmentTemplate());
    expect(attributes.filter((a) => a.name === 'type' && a.value === 'list')).toHaveLength(3);
    expect(attributes.filter((a) => a.name === 'errorStyle')).toEqual([{ name: 'errorStyle', value: 'stop' }, { name: 'errorStyle', value: 'stop' }, { name: 'errorStyle', value: 'stop' }]);
  });
});
