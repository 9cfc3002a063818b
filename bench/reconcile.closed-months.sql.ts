/**
 * Synthetic data of the closed-month part of the reconciliation bench (BENCH_PARTS=closed-months), set-based.
 * The register is the reconciliation bench's (BENCH_RECON_REGISTER); every month from 2025-01 to 2026-11 is allocated
 * here the way AllocateMonth leaves it (a partition of the month's obligations and one of its splits, attached; an
 * allocation_month row with the tariff rows used, the time and the register snapshot; nothing writes the register
 * meanwhile, so taking it after the read is the same here), each participant covered by §4 owing the month's LOCAL
 * tariff, paid by the year's APBD pledge. 2025-12 and 2026-11 are then closed as a finalized run closes them (a FINAL
 * run and its closed_month row), which freezes every month in between (FROZEN_MONTHS).
 */
import { coveredBetween } from '../src/funding/sql/allocate.sql.js';

/** The months a December 2026 run compares: January of the year before up to November. */
export const CLOSED_MONTHS = Array.from({ length: 23 }, (_, k) => `${2025 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);

/** `{part}` = obligation_YYYY_MM / split_YYYY_MM, a validated month's table. */
export const monthTables = (month: string) => ({ obligation: `obligation_${month.replace('-', '_')}`, split: `split_${month.replace('-', '_')}` });

/** One month's allocation (a validated month, written into the statements). Statements, in order. */
export function allocateMonthSql(month: string): string[] {
  const t = monthTables(month);
  const year = month.slice(0, 4);
  return [
    `CREATE TABLE public.${t.obligation} (LIKE obligation INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
    `CREATE TABLE public.${t.split} (LIKE split INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
    `INSERT INTO public.${t.obligation} (month, nik, amount, unfunded, tmt, village_code)
     SELECT '${month}', nik, 37800, 0, tmt, village_code FROM participant WHERE ${coveredBetween(`'${month}-01'`, `('${month}-01'::date + interval '1 month' - interval '1 day')`)} ORDER BY nik COLLATE "C"`,
    `INSERT INTO public.${t.split} (month, nik, pledge_code, pledge_revision, amount)
     SELECT month, nik, 'APBD-${year}', (SELECT revision FROM pledge WHERE code = 'APBD-${year}'), amount FROM public.${t.obligation}`,
    `ALTER TABLE obligation ATTACH PARTITION public.${t.obligation} FOR VALUES IN ('${month}')`,
    `ALTER TABLE split ATTACH PARTITION public.${t.split} FOR VALUES IN ('${month}')`,
    `ANALYZE public.${t.obligation}; ANALYZE public.${t.split}`,
    `INSERT INTO allocation_month (month, fiscal_year, status, participants, obligation, tariff_ids, pledge_revisions, allocated_by, allocated_at, register_snapshot)
     SELECT '${month}', ${year}, 'CURRENT', count(*), coalesce(sum(amount), 0),
            (SELECT array_agg(id ORDER BY id) FROM tariff WHERE valid_from <= '${month}-01' AND (valid_to IS NULL OR valid_to >= '${month}-01')),
            '{}'::jsonb, 'bench', now(), pg_current_snapshot()
       FROM public.${t.obligation}`,
  ];
}

/** A month closed as a finalized run closes it. $1 = month. */
export const CLOSE_MONTH = [
  `INSERT INTO reconciliation_run (month, version, status, started_by, finished_at, finalized_by, finalized_at)
   VALUES ($1, 1, 'FINAL', 'bench', now(), 'bench-checker', now())`,
  `INSERT INTO closed_month (month, run_id, closed_by) SELECT $1, id, 'bench-checker' FROM reconciliation_run WHERE month = $1 AND status = 'FINAL'`,
];

/**
 * The register changes after the months were allocated, of a handful of participants (a realistic year's worth of
 * late reports at this size), their rows as they were kept first in `bench_before` to check the statement's answer.
 * $1 = participants.
 *   (each where the register's dates allow it: TAT not before TMT)
 *   i % 4999 = 7    died on 2026-06-15, reported late       -> OVER TAT 2026-07..11
 *   i % 7001 = 11   died on 2025-10-10, reported late       -> OVER TAT 2025-11..2026-11
 *   i % 9973 = 13   TMT moved to 2026-09-01                 -> OVER TMT before September 2026
 *   i % 2991 = 0    (TMT 2026-03-01) TMT moved to 2025-09   -> UNDER DATES_CHANGED 2025-09..2026-02
 *   i = 3, 4, 5     removed (the registration voided)       -> OVER REMOVED, every month they owed
 *   200 new NIKs    registered late, TMT 2025-06-01         -> UNDER REGISTERED_LATE 2025-06..2026-11
 */
export const REGISTER_CHANGES = [
  `CREATE TABLE bench_before AS
   SELECT nik, tmt, tat FROM participant
    WHERE substr(nik, 5)::bigint IN (3, 4, 5)
       OR substr(nik, 5)::bigint % 4999 = 7 OR substr(nik, 5)::bigint % 7001 = 11
       OR substr(nik, 5)::bigint % 9973 = 13 OR substr(nik, 5)::bigint % 2991 = 0`,
  `UPDATE participant SET tat = '2026-06-15', end_reason = 'MENINGGAL', updated_at = now()
    WHERE substr(nik, 5)::bigint % 4999 = 7 AND tat IS NULL AND tmt <= '2026-06-15'`,
  `UPDATE participant SET tat = '2025-10-10', end_reason = 'MENINGGAL', updated_at = now()
    WHERE substr(nik, 5)::bigint % 7001 = 11 AND tat IS NULL AND tmt <= '2025-10-10'`,
  `UPDATE participant SET tmt = '2026-09-01', updated_at = now() WHERE substr(nik, 5)::bigint % 9973 = 13 AND tat IS NULL`,
  `UPDATE participant SET tmt = '2025-09-01', updated_at = now() WHERE substr(nik, 5)::bigint % 2991 = 0`,
  `DELETE FROM participant WHERE substr(nik, 5)::bigint IN (3, 4, 5)`,
  `INSERT INTO participant (nik, no_kk, noka, name, birth_date, sex, village_code, tmt)
   SELECT '1704' || lpad(i::text, 12, '0'), '1704000000000001', NULL, 'Terlambat ' || i, date '1990-01-01', 'P',
          (SELECT min(code) FROM region WHERE level <> 'kecamatan'), date '2025-06-01'
     FROM generate_series(1, 200) AS i`,
  `ANALYZE participant`,
];

/**
 * What the comparison must answer for those changes, worked out from the rows before and after on their own (not with
 * the statement's full join): per closed month, (month, nik, kind, reason). $1 = first month, $2 = month after the last.
 */
export const EXPECTED_CORRECTIONS = `
  WITH m AS (
    SELECT a.month, (a.month || '-01')::date AS first_day, ((a.month || '-01')::date + interval '1 month' - interval '1 day')::date AS last_day
      FROM allocation_month a WHERE a.month >= $1 AND a.month < $2
  ), touched AS (
    SELECT nik FROM bench_before UNION SELECT nik FROM participant WHERE nik LIKE '1704%'
  )
  SELECT m.month, t.nik,
         CASE WHEN b.nik IS NOT NULL AND b.tmt <= m.last_day AND (b.tat IS NULL OR b.tat >= m.first_day) THEN 'OVER' ELSE 'UNDER' END AS kind,
         CASE WHEN p.nik IS NULL THEN 'REMOVED'
              WHEN b.nik IS NOT NULL AND b.tmt <= m.last_day AND (b.tat IS NULL OR b.tat >= m.first_day)
                THEN CASE WHEN p.tat < m.first_day THEN 'TAT' ELSE 'TMT' END
              WHEN b.nik IS NULL THEN 'REGISTERED_LATE' ELSE 'DATES_CHANGED' END AS reason
    FROM m CROSS JOIN touched t
    LEFT JOIN bench_before b ON b.nik = t.nik
    LEFT JOIN participant p ON p.nik = t.nik
   WHERE (b.nik IS NOT NULL AND b.tmt <= m.last_day AND (b.tat IS NULL OR b.tat >= m.first_day))
     <> (p.nik IS NOT NULL AND p.tmt <= m.last_day AND (p.tat IS NULL OR p.tat >= m.first_day))`;
