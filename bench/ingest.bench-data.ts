/**
 * Synthetic enrollment sheets for the ingest bench: every row valid and consistent (NIK birth date
 * and sex agree with the columns), so the bench measures the happy path of a real register file.
 * The .xlsx is what Excel writes: shared strings, identifiers as text, dates as date cells.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { WILAYAH_1703 } from '../src/regions/data/wilayah-1703.js';

const HEADERS = ['NIK', 'NO_KK', 'NAMA', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'KODE_DESA', 'NOKA', 'TMT', 'TAT', 'ALASAN_BERAKHIR'];
const VILLAGES = WILAYAH_1703.filter((r) => r[1] !== 'kecamatan').map((r) => r[0]);
const NAMES = ['Ahmad', 'Budi', 'Siti', 'Dewi', 'Joko', 'Rina', 'Slamet', 'Nur', 'Eko', 'Yuni'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');

export interface BenchRow {
  nik: string;
  noKk: string;
  name: string;
  birth: Date;
  sex: 'L' | 'P';
  village: string;
  noka: string;
  tmt: Date;
}

/** Row i (unique NIK and NOKA for i < 9999 × 336). `offset` shifts the serial space between files. */
export function benchRow(i: number, offset = 0): BenchRow {
  const k = i + offset;
  const serial = 1 + (k % 9999);
  const dateIdx = Math.floor(k / 9999);
  const day = 1 + (dateIdx % 28);
  const month = 1 + (Math.floor(dateIdx / 28) % 12);
  const year = 1950 + (k % 60);
  const female = k % 2 === 1;
  return {
    nik: `170306${pad(day + (female ? 40 : 0), 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad(serial, 4)}`,
    noKk: `1703060101${pad(k % 1_000_000, 6)}`,
    name: `${NAMES[k % NAMES.length]} ${NAMES[(k >> 3) % NAMES.length]} ${k}`,
    birth: new Date(Date.UTC(year, month - 1, day)),
    sex: female ? 'P' : 'L',
    village: VILLAGES[k % VILLAGES.length],
    noka: String(1_000_000_000_000 + k),
    tmt: new Date(Date.UTC(2025, k % 12, 1)),
  };
}

export async function writeBenchXlsx(path: string, rows: number, offset = 0): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Daftar Peserta');
  ws.columns = HEADERS.map((h, i) => ({ header: h, key: h, width: 16, style: { numFmt: [3, 7].includes(i) ? 'yyyy-mm-dd' : '@' } }));
  for (let i = 0; i < rows; i++) {
    const r = benchRow(i, offset);
    ws.addRow([r.nik, r.noKk, r.name, r.birth, r.sex, r.village, r.noka, r.tmt, null, null]).commit();
  }
  ws.commit();
  await wb.commit();
}

export async function writeBenchCsv(path: string, rows: number, offset = 0): Promise<void> {
  const out = createWriteStream(path);
  out.write(HEADERS.join(',') + '\n');
  const day = (d: Date) => d.toISOString().slice(0, 10);
  for (let i = 0; i < rows; i++) {
    const r = benchRow(i, offset);
    if (!out.write(`${r.nik},${r.noKk},${r.name},${day(r.birth)},${r.sex},${r.village},${r.noka},${day(r.tmt)},,\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
