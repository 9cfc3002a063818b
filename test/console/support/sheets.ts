/** Small input files for the console's browser tests, written as CSV (DOMAIN §12) under test/.tmp. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const VILLAGE = '17.03.06.2001';
const TMP = join(process.cwd(), 'test', '.tmp', 'console');

export interface Person {
  nik: string;
  name: string;
  /** 1980-05-12 (the NIK's own date) unless given. */
  birthDate?: string;
  village?: string;
  tmt?: string;
  tat?: string;
  endReason?: string;
  noka?: string;
}

/** Five men born 12 May 1980 in Kerkap (NIK 1703061205800001 …05), covered from January 2026. */
export const PEOPLE: Person[] = ['Ahmad Fauzi', 'Budi Santoso', 'Candra Wijaya', 'Dedi Kurniawan', 'Eko Prasetyo'].map((name, i) => ({
  nik: `17030612058000${String(i + 1).padStart(2, '0')}`,
  name,
  noka: `000123456780${i + 1}`,
}));

export function enrollmentCsv(people: Person[]): string {
  const header = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT,TAT,ALASAN_BERAKHIR';
  const lines = people.map((p) => [p.nik, '1703060101200001', p.name, p.birthDate ?? '1980-05-12', 'L', p.village ?? VILLAGE, p.noka ?? '', p.tmt ?? '2026-01-01', p.tat ?? '', p.endReason ?? ''].join(','));
  return `${[header, ...lines].join('\n')}\n`;
}

/** BPJS bill lines (NOKA, NIK, NAMA, IURAN). */
export function billCsv(lines: { noka: string; nik: string; name: string; amount: number }[]): string {
  return `${['NOKA,NIK,NAMA,IURAN', ...lines.map((l) => [l.noka, l.nik, l.name, l.amount].join(','))].join('\n')}\n`;
}

export function writeTmp(name: string, content: string): string {
  mkdirSync(TMP, { recursive: true });
  const path = join(TMP, name);
  writeFileSync(path, content);
  return path;
}
