/**
 * SAME_FILE_OTHER_MONTH: a bill file byte for byte the bill of another month already stored (its checksum). It is
 * taken (a file may be right for two months), but said (QA: October's file taken as November's bill silently), in
 * the upload's answer and, kept with the bill (`bill.file_warnings`), in the month's upload history.
 */
import type { EntityManager } from 'typeorm';
import { monthName } from '../../common/month.js';

export interface BillFileWarning {
  code: 'SAME_FILE_OTHER_MONTH';
  bills: { month: string; version: number }[];
  message: string;
}

/** The bills of other months stored with the same bytes (`checksum`), each month and version named. */
export async function sameFileOtherMonths(m: EntityManager, month: string, checksum: string): Promise<BillFileWarning[]> {
  const rows: { month: string; version: number }[] = await m.query('SELECT month, version FROM bill WHERE checksum = $1 AND month <> $2 ORDER BY month, version', [checksum, month]);
  if (!rows.length) return [];
  const bills = rows.map((r) => ({ month: r.month, version: Number(r.version) }));
  const named = bills.map((b) => `${monthName(b.month)} (versi ${b.version})`);
  const list = named.length > 1 ? `${named.slice(0, -1).join(', ')} dan ${named.at(-1)}` : named[0];
  return [{ code: 'SAME_FILE_OTHER_MONTH', bills, message: `Berkas ini sama persis dengan tagihan ${list} yang sudah tersimpan: periksa bulannya.` }];
}
