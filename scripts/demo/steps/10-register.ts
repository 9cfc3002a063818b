/**
 * Loads the sample regency through the real upload route: an .xlsx built from ctx.residents (NIK,
 * NO_KK and NOKA as Text), then a small CSV of mutations with a death, a move and a few bad rows.
 */
import ExcelJS from 'exceljs';
import type { DemoContext, DemoStep } from '../demo-context.js';
import type { SampleResident } from '../sample-regency.js';

const HEADERS = ['NIK', 'NO_KK', 'NAMA', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'KODE_DESA', 'NOKA', 'TMT', 'TAT', 'ALASAN_BERAKHIR'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface UploadResult {
  id: string;
  status: string;
  rowsRead: number;
  accepted: number;
  rejected: number;
  warnings: number;
  created: number;
  updated: number;
  unchanged: number;
  recognised?: boolean;
  error: string | null;
}

const row = (r: SampleResident) => [r.nik, r.noKk, r.name, r.birthDate, r.sex, r.villageCode, r.noka, r.tmt, r.tat ?? '', r.endReason ?? ''];

async function residentsWorkbook(residents: SampleResident[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Daftar Peserta');
  ws.addRow(['DAFTAR PESERTA JAMKESDA KABUPATEN BENGKULU UTARA']);
  ws.addRow(HEADERS);
  for (const c of [1, 2, 7]) ws.getColumn(c).numFmt = '@';
  for (const r of residents) ws.addRow(row(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function uploadAndWait(ctx: DemoContext, name: string, content: Buffer, contentType: string): Promise<UploadResult> {
  let upload: UploadResult = await ctx.call('OPERATOR_DINKES', 'POST', '/api/v1/enrollment-uploads', { form: { file: { name, content, contentType } } });
  while (upload.status === 'PROCESSING') {
    await new Promise((r) => setTimeout(r, 200));
    upload = await ctx.call('OPERATOR_DINKES', 'GET', `/api/v1/enrollment-uploads/${upload.id}`);
  }
  if (upload.status === 'FAILED') throw new Error(`upload ${name} failed: ${upload.error}`);
  return upload;
}

const summary = (u: UploadResult) =>
  `${u.rowsRead} rows: ${u.accepted} accepted (${u.created} new, ${u.updated} updated, ${u.unchanged} unchanged), ${u.rejected} rejected, ${u.warnings} warned${u.recognised ? ' [same file as before: nothing changed]' : ''}`;

export const registerStep: DemoStep = {
  name: 'Daftar peserta',
  async run(ctx) {
    const main = await uploadAndWait(ctx, 'daftar-peserta.xlsx', await residentsWorkbook(ctx.residents), XLSX);
    ctx.log(`daftar-peserta.xlsx: ${summary(main)}`);

    const [a, b, c] = ctx.residents.filter((r) => !r.tat && r.tmt < '2026-08-01');
    const mutations = [
      HEADERS,
      [a.nik, a.noKk, a.name, a.birthDate, a.sex, a.villageCode, a.noka, a.tmt, '2026-08-17', 'MENINGGAL'],
      [b.nik, b.noKk, b.name, b.birthDate, b.sex, b.villageCode.replace(/\./g, ''), b.noka, b.tmt, '2026-09-30', 'PINDAH'],
      [c.nik, c.noKk, c.name, c.birthDate, c.sex, c.villageCode, c.noka, c.tmt, '', ''],
      ['17030612O3700001', c.noKk, 'NIK Berhuruf', '1970-03-12', 'L', '17.03.06.2001', '', '2026-01-01', '', ''],
      ['1703061203700000', c.noKk, 'Nomor Urut Nol', '1970-03-12', 'L', '17.03.06.2001', '', '2026-01-01', '', ''],
      ['1703061203700077', c.noKk, 'Desa Tak Dikenal', '1970-03-12', 'L', '17.03.99.2001', '', '2026-01-01', '', ''],
      ['1703061203700078', c.noKk, 'TAT Sebelum TMT', '1970-03-12', 'L', '17.03.06.2001', '', '2026-05-01', '2026-04-30', 'LAINNYA'],
    ];
    const csv = '\ufeff' + mutations.map((r) => r.join(';')).join('\r\n') + '\r\n';
    const mut = await uploadAndWait(ctx, 'mutasi-2026-09.csv', Buffer.from(csv), 'text/csv');
    ctx.log(`mutasi-2026-09.csv: ${summary(mut)}; report: GET /api/v1/enrollment-uploads/${mut.id}/report.xlsx`);
    const dead = await ctx.call('AUDITOR', 'GET', `/api/v1/participants/${a.nik}`);
    ctx.log(`${a.name} (${a.nik}): TAT ${dead.tat} ${dead.endReason}, ${dead.history.length} history entries`);
  },
};
