/**
 * Synthetic data of the reconciliation bench, set-based. NIKs are `1703` + a 12-digit serial i,
 * NOKAs the 13-digit serial. Anomalies (month 2026-01):
 *   i % 1000 = 0   MENINGGAL on 2025-11-20          -> BILLED_AFTER_DEATH
 *   i % 997  = 0   TMT 2026-03-01 (not yet covered) -> NOT_COVERED
 *   i % 777  = 0   billed Rp42.000                  -> AMOUNT_MISMATCH
 *   i % 333  = 0   billed with another NOKA         -> NOKA_MISMATCH
 *   i % 1111 = 0   left off the bill                -> NOT_BILLED
 *   i % 5000 = 0   billed twice                     -> DUPLICATE_BILLING
 *   NIKs 1799...   not in the register              -> NOT_REGISTERED (pads the bill to its size)
 *   invoice total = lines + Rp37.800                -> TOTAL_MISMATCH
 */

/** $1 = participants. */
export const BENCH_RECON_REGISTER = `
  INSERT INTO participant (nik, no_kk, noka, name, birth_date, sex, village_code, tmt, tat, end_reason)
  SELECT '1703' || lpad(i::text, 12, '0'), '1703000000000001', lpad(i::text, 13, '0'), 'Peserta ' || i, date '1980-01-01',
         CASE WHEN i % 2 = 0 THEN 'L' ELSE 'P' END,
         v.codes[1 + (i::bigint * 7) % array_length(v.codes, 1)],
         CASE WHEN i % 1000 = 0 THEN date '2019-01-01'
              WHEN i % 997 = 0 THEN date '2026-03-01'
              ELSE date '2018-01-01' + ((i::bigint * 7919) % 2900)::int END,
         CASE WHEN i % 1000 = 0 THEN date '2025-11-20' END,
         CASE WHEN i % 1000 = 0 THEN 'MENINGGAL' END
    FROM generate_series(1, $1::int) AS i,
         (SELECT array_agg(code ORDER BY code) AS codes FROM region WHERE level <> 'kecamatan') AS v`;

/** $1 = bill id, $2 = participants, $3 = unregistered lines (to pad the bill to its size). */
export const BENCH_RECON_BILL_LINES = `
  INSERT INTO bill_line (bill_id, row_number, noka, nik, name, amount)
  SELECT $1::uuid, (row_number() OVER (ORDER BY k, i))::int + 1, noka, nik, name, amount FROM (
    SELECT 1 AS k, i,
           CASE WHEN i % 333 = 0 THEN lpad((i + 1)::text, 13, '9') ELSE lpad(i::text, 13, '0') END AS noka,
           '1703' || lpad(i::text, 12, '0') AS nik, 'Peserta ' || i AS name,
           CASE WHEN i % 777 = 0 THEN 42000 ELSE 37800 END AS amount
      FROM generate_series(1, $2::int) AS i WHERE i % 1111 <> 0
    UNION ALL
    SELECT 2, i, lpad(i::text, 13, '0'), '1703' || lpad(i::text, 12, '0'), 'Peserta ' || i, 37800
      FROM generate_series(5000, $2::int, 5000) AS i
    UNION ALL
    SELECT 3, i, lpad((9000000 + i)::text, 13, '0'), '1799' || lpad(i::text, 12, '0'), 'Bukan peserta ' || i, 37800
      FROM generate_series(1, $3::int) AS i
  ) x`;

/** $1 = list id, $2 = participants: every 1009th participant plus 100 NIKs not in the register. */
export const BENCH_RECON_PBI = `
  INSERT INTO pbi_apbn_entry (list_id, nik)
  SELECT $1::uuid, '1703' || lpad(i::text, 12, '0') FROM generate_series(1009, $2::int, 1009) AS i
  UNION ALL SELECT $1::uuid, '1798' || lpad(i::text, 12, '0') FROM generate_series(1, 100) AS i`;
