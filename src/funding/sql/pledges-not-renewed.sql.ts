/**
 * The pledges of fiscal year $1 - 1 (not withdrawn) whose funder has none in year $1: the same source type, and for
 * DESA the same village (`villages`: the pledge's villages no DESA pledge of $1 covers; a DESA pledge of residents, with
 * no village, as TJSLP), for TJSLP the same company (funder, case and spaces aside) or code stem (the code without its
 * year: TJSLP-KOPI-2026 → TJSLP-KOPI). One read
 * of the two years' pledges (QA: January 2027 silently moved the province's quota and the villages' and TJSLP shares
 * onto APBD-2027, the only 2027 pledges being APBD-2027 and one TJSLP).
 */
export const PLEDGES_NOT_RENEWED = `
  WITH p AS (
    SELECT code, source_type, funder, fiscal_year, village_codes,
           lower(regexp_replace(btrim(funder), '\\s+', ' ', 'g')) AS who,
           regexp_replace(upper(code), '[-_/ .]*' || fiscal_year::text || '$', '') AS stem
      FROM pledge
     WHERE fiscal_year IN ($1 - 1, $1) AND withdrawn_at IS NULL
  ), cur AS (SELECT * FROM p WHERE fiscal_year = $1),
  prev AS (
    SELECT p.*, (SELECT coalesce(array_agg(v ORDER BY v), '{}') FROM unnest(p.village_codes) v
                  WHERE NOT EXISTS (SELECT 1 FROM cur WHERE cur.source_type = 'DESA' AND v = ANY (cur.village_codes))) AS villages
      FROM p WHERE fiscal_year = $1 - 1
  )
  SELECT prev.code AS "pledgeCode", prev.source_type AS "sourceType", prev.funder,
         CASE WHEN prev.source_type = 'DESA' THEN prev.villages ELSE '{}' END AS villages
    FROM prev
   WHERE EXISTS (SELECT 1 FROM cur)
     AND CASE
           WHEN prev.source_type = 'DESA' AND cardinality(prev.village_codes) > 0 THEN cardinality(prev.villages) > 0
           WHEN prev.source_type IN ('TJSLP', 'DESA') THEN NOT EXISTS (SELECT 1 FROM cur WHERE cur.source_type = prev.source_type AND (cur.who = prev.who OR cur.stem = prev.stem))
           ELSE NOT EXISTS (SELECT 1 FROM cur WHERE cur.source_type = prev.source_type)
         END
   ORDER BY prev.source_type, prev.code`;
