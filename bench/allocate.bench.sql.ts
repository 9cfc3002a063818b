/**
 * Synthetic data of the allocation bench, set-based. $1 = number of participants.
 * NIKs are 16 digits `1703` + a 12-digit serial (not checked by the allocation), spread over the
 * 218 real villages, TMT spread over 2018..2025, 1% ending in June 2026.
 */
export const BENCH_REGISTER = `
  INSERT INTO participant (nik, no_kk, name, birth_date, sex, village_code, tmt, tat, end_reason)
  SELECT '1703' || lpad(i::text, 12, '0'), '1703000000000001', 'Peserta ' || i, date '1980-01-01',
         CASE WHEN i % 2 = 0 THEN 'L' ELSE 'P' END,
         v.codes[1 + (i * 7) % array_length(v.codes, 1)],
         date '2018-01-01' + ((i::bigint * 7919) % 2900)::int,
         CASE WHEN i % 100 = 0 THEN date '2026-06-15' END,
         CASE WHEN i % 100 = 0 THEN 'MENINGGAL' END
    FROM generate_series(1, $1::int) AS i,
         (SELECT array_agg(code ORDER BY code) AS codes FROM region WHERE level <> 'kecamatan') AS v`;

/**
 * 300 pledges of 2026: APBD (ALL, a pagu for about half the year), the province (ALL, 40%, quota),
 * one DESA pledge per village (218, half with a quota, funds rotating), 70 TJSLP over 3 villages
 * each (quota 500) and 10 TJSLP with a named list of 1,000 NIKs each.
 */
export const BENCH_PLEDGES = `
  WITH v AS (SELECT code, row_number() OVER (ORDER BY code) AS k FROM region WHERE level <> 'kecamatan')
  INSERT INTO pledge (code, source_type, fund, funder, fiscal_year, scope, village_codes, niks, share_percent, quota, budget, priority, created_by)
  SELECT 'APBD-2026', 'APBD', NULL, 'Pemkab', 2026, 'ALL', '{}'::text[], '{}'::text[], 100, NULL::int, ($1::bigint * 37800 * 5), 90, 'bench'
  UNION ALL
  SELECT 'APBD_PROV-2026', 'APBD_PROV', NULL, 'Pemprov', 2026, 'ALL', '{}', '{}', 40, ($1::int / 5), NULL, 30, 'bench'
  UNION ALL
  SELECT 'DESA-' || replace(code, '.', '') || '-2026', 'DESA', (ARRAY['ADD', 'PADES', 'DANA_DESA'])[1 + k % 3], 'Desa ' || code, 2026,
         'VILLAGES', ARRAY[code], '{}', 100, CASE WHEN k % 2 = 0 THEN 300 ELSE 600 END, NULL, 20, 'bench'
    FROM v
  UNION ALL
  SELECT 'TJSLP-C' || lpad(c::text, 3, '0') || '-2026', 'TJSLP', NULL, 'PT ' || c, 2026, 'VILLAGES',
         ARRAY(SELECT code FROM v WHERE v.k IN (1 + (c * 3) % 218, 1 + (c * 3 + 1) % 218, 1 + (c * 3 + 2) % 218)),
         '{}', 100, 300, NULL, 20, 'bench'
    FROM generate_series(1, 70) AS c
  UNION ALL
  SELECT 'TJSLP-R' || lpad(r::text, 2, '0') || '-2026', 'TJSLP', NULL, 'PT R' || r, 2026, 'RESIDENTS', '{}',
         ARRAY(SELECT '1703' || lpad((r * 50000 + j * 37)::text, 12, '0') FROM generate_series(1, 1000) AS j),
         100, NULL, NULL, 10, 'bench'
    FROM generate_series(1, 10) AS r`;
