/** SQL seeding for reconciliation tests: participants, bills, PBI-APBN lists, pledges, payments. */
import type { DataSource } from 'typeorm';
import { RECORD_CURRENT_REVISIONS } from '../../support/pledge-revisions.sql.js';

export const VILLAGE = '17.03.06.2001';

export interface SeedParticipant {
  nik: string;
  noka?: string | null;
  name?: string;
  tmt?: string;
  tat?: string | null;
  endReason?: string | null;
  villageCode?: string;
}

/** A valid-looking NIK with serial `n` (1..9999). */
export function nik(n: number): string {
  return `170306010180${String(n).padStart(4, '0')}`;
}

export async function insertParticipants(ds: DataSource, people: SeedParticipant[]): Promise<void> {
  for (const p of people) {
    await ds.query(
      `INSERT INTO participant (nik, no_kk, noka, name, birth_date, sex, village_code, tmt, tat, end_reason)
       VALUES ($1, '1703060101800001', $2, $3, '1980-01-01', 'L', $4, $5, $6, $7)`,
      [p.nik, p.noka ?? null, p.name ?? `Peserta ${p.nik.slice(-4)}`, p.villageCode ?? VILLAGE, p.tmt ?? '2024-01-01', p.tat ?? null, p.endReason ?? null],
    );
  }
}

export interface SeedLine {
  nik: string;
  noka?: string;
  name?: string;
  amount?: number;
  /** The NOKA was a number in the file, its leading zeros restored (NOKA_NUMERIC_CELL). */
  nokaRestored?: boolean;
}

/** Inserts a bill (next version of the month) with its lines in file order (row numbers from 2). */
export async function insertBill(ds: DataSource, month: string, lines: SeedLine[], invoiceTotal?: number): Promise<string> {
  const total = lines.reduce((s, l) => s + (l.amount ?? 37800), 0);
  const [{ id }] = await ds.query(
    `INSERT INTO bill (month, version, invoice_total, lines, lines_total, checksum, filename, uploaded_by)
     SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, md5(random()::text), 'tagihan.csv', 'uji' FROM bill WHERE month = $1 RETURNING id`,
    [month, invoiceTotal ?? total, lines.length, total],
  );
  for (const [i, l] of lines.entries()) {
    await ds.query('INSERT INTO bill_line (bill_id, row_number, noka, nik, name, amount, noka_restored) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      id,
      i + 2,
      l.noka ?? '',
      l.nik,
      l.name ?? '',
      l.amount ?? 37800,
      l.nokaRestored ?? false,
    ]);
  }
  return id;
}

export async function insertPbiList(ds: DataSource, month: string, niks: string[]): Promise<string> {
  const [{ id }] = await ds.query(
    `INSERT INTO pbi_apbn_list (month, version, niks, checksum, filename, uploaded_by)
     SELECT $1, coalesce(max(version), 0) + 1, $2, md5(random()::text), 'pbi.csv', 'uji' FROM pbi_apbn_list WHERE month = $1 RETURNING id`,
    [month, niks.length],
  );
  for (const n of niks) await ds.query('INSERT INTO pbi_apbn_entry (list_id, nik) VALUES ($1, $2)', [id, n]);
  return id;
}

export interface SeedPledge {
  sourceType?: string;
  fund?: string | null;
  fiscalYear?: number;
  scope?: string;
  niks?: string[];
  priority?: number;
  sharePercent?: number;
  quota?: number | null;
}

export async function insertPledge(ds: DataSource, code: string, opts: SeedPledge = {}): Promise<void> {
  await ds.query(
    `INSERT INTO pledge (code, source_type, fund, funder, fiscal_year, scope, niks, priority, share_percent, quota, created_by)
     VALUES ($1, $2, $3, 'Penyandang dana uji', $4, $5, $6, $7, $8, $9, 'uji')`,
    [
      code,
      opts.sourceType ?? 'APBD',
      opts.fund ?? null,
      opts.fiscalYear ?? 2026,
      opts.scope ?? 'ALL',
      `{${(opts.niks ?? []).join(',')}}`,
      opts.priority ?? 90,
      opts.sharePercent ?? 100,
      opts.quota ?? null,
    ],
  );
  await ds.query(RECORD_CURRENT_REVISIONS); // its terms, which reads of its splits take (pledge_terms)
}
