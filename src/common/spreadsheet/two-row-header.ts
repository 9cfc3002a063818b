import type { HeaderMatch } from './column-spec.js';

/**
 * A header written on two rows (a merged `TANGGAL` over `LAHIR`, `TMT`, `TAT` on the row below) is read as its first row
 * only, so the file is refused MISSING_COLUMNS; the refusal says why when the row right below the header row nearest to
 * the columns (`best`, row `row`) names a column that row lacks (`below`), in place of any other hint (QA: refused
 * without a word of the second row, plus an unrelated hint about recording deaths). Null otherwise.
 */
export function twoRowHeaderSaid(best: HeaderMatch, row: number, below: HeaderMatch | undefined, sheet: string | undefined): string | null {
  if (!below || !best.indexes.some((at, i) => at < 0 && below.indexes[i] >= 0)) return null;
  const where = sheet ? ` sheet "${sheet}"` : '';
  const names = below.found.slice(0, 10).map((h) => `"${h}"`).join(', ');
  return (
    `Judul kolom tampaknya ditulis dalam dua baris: baris ${row + 1}${where} berisi judul ${names} di bawah baris judul ${row}, ` +
    'mungkin karena sel gabungan (merge) seperti "TANGGAL" di atas beberapa kolom. Judul hanya dibaca dari satu baris: ' +
    'pisahkan sel gabungannya, tulis setiap judul kolom lengkap dalam satu baris (misalnya TANGGAL_LAHIR, TMT, TAT), hapus baris judul yang lain, lalu unggah kembali.'
  );
}
