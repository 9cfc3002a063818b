/** Bulk writes of the BPJS inputs: one statement per batch of rows, arrays unnested (no bind-parameter cap). */

/** $1 bill id, $2 row numbers, $3 NOKAs, $4 NIKs, $5 names, $6 amounts, $7 NOKA restored from a numeric cell (NOKA_NUMERIC_CELL). */
export const INSERT_BILL_LINES = `
  INSERT INTO bill_line (bill_id, row_number, noka, nik, name, amount, noka_restored)
  SELECT $1::uuid, r, k, n, nm, a, z
  FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::boolean[]) AS t(r, k, n, nm, a, z)`;

/** $1 list id, $2 NIKs (a NIK listed twice is kept once). */
export const INSERT_PBI_ENTRIES = `
  INSERT INTO pbi_apbn_entry (list_id, nik)
  SELECT $1::uuid, n FROM unnest($2::text[]) AS t(n)
  ON CONFLICT DO NOTHING`;

