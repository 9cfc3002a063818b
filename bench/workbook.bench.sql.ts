/**
 * Bench data for `npm run bench:workbook`: one month (2026-10) of $1 participant-months over the
 * 218 villages, set up with generate_series. Participants in the first 20 villages are paid by
 * their village (DESA pledge), everyone else by the APBD; every 50th APBD participant is only
 * partly funded. A run with the matching summary and 10,000 findings.
 */
import { RECORD_CURRENT_REVISIONS } from '../test/support/pledge-revisions.sql.js';

export const BENCH_SETUP = [
  `CREATE TEMP TABLE bench_village AS
     SELECT code, row_number() OVER (ORDER BY code) - 1 AS idx FROM region WHERE level <> 'kecamatan'`,
  `INSERT INTO participant (nik, no_kk, noka, name, birth_date, sex, village_code, tmt)
     SELECT '17030601' || lpad(i::text, 8, '0'), '17030699' || lpad(i::text, 8, '0'), lpad(i::text, 13, '0'),
            'Peserta Uji ' || i, DATE '1980-01-01', CASE WHEN i % 2 = 0 THEN 'L' ELSE 'P' END,
            v.code, DATE '2025-01-01'
     FROM generate_series(1, $1::int) AS i JOIN bench_village v ON v.idx = i % 218`,
  `INSERT INTO pledge (code, source_type, fund, funder, fiscal_year, scope, village_codes, priority, budget, created_by)
     SELECT 'DESA-' || replace(code, '.', '') || '-2026', 'DESA', 'ADD', 'Desa ' || code, 2026, 'VILLAGES', ARRAY[code], 20, NULL, 'bench'
     FROM bench_village WHERE idx < 20`,
  `INSERT INTO pledge (code, source_type, funder, fiscal_year, scope, priority, budget, created_by)
     VALUES ('APBD-2026', 'APBD', 'Pemerintah Kabupaten Bengkulu Utara', 2026, 'ALL', 90, 500000000000, 'bench')`,
  RECORD_CURRENT_REVISIONS,
  `INSERT INTO obligation (month, nik, amount, unfunded, tmt, village_code)
     SELECT '2026-10', p.nik, 37800,
            CASE WHEN v.idx >= 20 AND substr(p.nik, 9)::int % 50 = 0 THEN 7800 ELSE 0 END, p.tmt, p.village_code
     FROM participant p JOIN bench_village v ON v.code = p.village_code`,
  `INSERT INTO split (month, nik, pledge_code, pledge_revision, amount)
     SELECT '2026-10', o.nik,
            CASE WHEN v.idx < 20 THEN 'DESA-' || replace(v.code, '.', '') || '-2026' ELSE 'APBD-2026' END, 1,
            o.amount - o.unfunded
     FROM obligation o JOIN bench_village v ON v.code = o.village_code WHERE o.month = '2026-10'`,
  `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, created_by)
     SELECT 'APBD-2026', '2026-10', sum(amount), DATE '2026-10-09', 'SP2D-BENCH', 'bench' FROM split WHERE pledge_code = 'APBD-2026'`,
  `ANALYZE participant`,
  `ANALYZE obligation`,
  `ANALYZE split`,
];

/** The run, its summary computed from the rows (API.md shape), and its findings. Returns the id. */
export const BENCH_RUN = `
  WITH funded AS (
    SELECT s.pledge_code, p.source_type, count(*)::int AS participants, sum(s.amount)::bigint AS amount
    FROM split s JOIN pledge p ON p.code = s.pledge_code WHERE s.month = '2026-10'
    GROUP BY s.pledge_code, p.source_type),
  totals AS (
    SELECT count(*)::int AS participants, sum(amount)::bigint AS obligation,
           count(*) FILTER (WHERE unfunded > 0)::int AS unfunded_participants, sum(unfunded)::bigint AS unfunded
    FROM obligation WHERE month = '2026-10'),
  pay AS (
    SELECT f.pledge_code, f.amount AS due, coalesce((SELECT sum(amount) FROM payment y WHERE y.pledge_code = f.pledge_code AND y.month = '2026-10'), 0)::bigint AS paid
    FROM funded f)
  INSERT INTO reconciliation_run (month, version, status, started_by, finished_at, summary)
  SELECT '2026-10', 1, 'FINAL', 'bench', now(), jsonb_build_object(
    'month', '2026-10', 'version', 1, 'status', 'FINAL',
    'participants', t.participants, 'obligation', t.obligation,
    'funded', (SELECT jsonb_agg(jsonb_build_object('pledgeCode', pledge_code, 'sourceType', source_type, 'participants', participants, 'amount', amount)) FROM funded),
    'unfunded', jsonb_build_object('participants', t.unfunded_participants, 'amount', t.unfunded),
    'bill', NULL,
    'findings', jsonb_build_object('NOT_BILLED', 10000),
    'payments', (SELECT jsonb_agg(jsonb_build_object('pledgeCode', pledge_code, 'due', due, 'paid', paid,
                  'status', CASE WHEN paid = due THEN 'PAID' WHEN paid = 0 THEN 'UNPAID' WHEN paid < due THEN 'UNDERPAID' ELSE 'OVERPAID' END, 'late', false)) FROM pay))
  FROM totals t
  RETURNING id`;

export const BENCH_FINDINGS = `
  INSERT INTO finding (run_id, seq, category, nik, name, expected_amount, action)
  SELECT $1, i, 'NOT_BILLED', '17030601' || lpad(i::text, 8, '0'), 'Peserta Uji ' || i, 37800, 'Konfirmasi ke BPJS.'
  FROM generate_series(1, 10000) AS i`;
