/**
 * The register corrections of the closed months in a range (DOMAIN §9), as of now. A closed month (finalized, or frozen
 * by a later finalized month of its year: FROZEN_MONTHS) keeps the obligations and splits it had, whatever the register
 * says of it later; what the register says now is compared with them here, one participant-month a row:
 *
 *   OVER   an obligation is stored (> 0) but the register no longer covers the participant in the month (§4): a TAT
 *          recorded before it (a death reported late), a TMT moved after it, or the participant gone. `amount` is the
 *          obligation stored; `splits` what each pledge paid of it (the money to claim back from BPJS, per funder).
 *   UNDER  the register covers the participant in the month but no obligation is stored (registered late with an earlier
 *          TMT, dates moved): `amount` is what the month's obligation would have been, the sum of the LOCAL tariff rows
 *          that month was allocated with (allocation_month.tariff_ids, §3), as every other obligation of the month.
 *
 * Coverage is coveredBetween, the allocation's own rule (funding/sql/allocate.sql.ts), so the two never disagree.
 * Only allocated closed months are compared (a month never allocated owed nobody and was not paid), as the participant
 * page lists them (register/participant-funding.ts). `reason`: TAT, TMT or REMOVED (OVER); REGISTERED_LATE (the
 * participant was recorded after the month was allocated) or DATES_CHANGED (UNDER).
 *
 * One pass per closed month, of only the participants written since the month's allocation read the register: the
 * obligations were computed from the register as that read saw it, so a participant whose coverage was not written
 * since (inserted, TMT or TAT changed, removed) agrees with them. "Written since" is by transaction, not time
 * (migration 1771000000000): `participant.changed_xid` and `participant_removed.removed_xid`, set by the database, not
 * visible in `allocation_month.register_snapshot`, the snapshot taken just before the read. Their NIKs are looked up in
 * the month's obligation partition and in the register by index (bench:reconcile, closed-months: a December run's 23
 * months at 1,000,000 participants in 1.1–1.8 s against 17–29 s). A month with no snapshot (allocated before the
 * migration) or more than MOST_LOOKED_UP participants written since is compared in full: a full join of its
 * obligation partition with the register (QA measure on PostgreSQL, 300,000 participants and 11 closed months: a union
 * of an anti-join each way read every obligation twice and hashed them all at once, spilling to disk, 22 s; month by
 * month the hash holds one month and each obligation is read once, about half). Both give the same rows
 * (test/reconciliation/closed-month-corrections.written-since.spec.ts compares them).
 * The run computes it once and keeps it (closed-month-corrections.ts); nothing else recomputes it on a read.
 *
 * $1, $2 = the first month compared and the month after the last (`YYYY-MM`, end excluded): a run of month M passes
 * January of the year before M's and M itself (closed-month-corrections.ts), so only the closed months in between are
 * read. Rows in month, then NIK (code points) order.
 */
import { coveredBetween } from '../../funding/sql/allocate.sql.js';
import { TERMS_OF_SPLIT } from '../../funding/sql/pledges.sql.js';
import { FROZEN_MONTHS } from '../../periods/sql/frozen-allocations.sql.js';

const COVERED_IN_CLOSED = coveredBetween('c.first_day', 'c.last_day', 'p.');

/**
 * A closed month is compared in full when it has no register snapshot (allocated before migration 1771000000000) or
 * when more participants than this were written since (a whole new register uploaded after it): looking each one up
 * would then cost more than reading the month once.
 */
export const MOST_LOOKED_UP = 100_000;

/** Written since the snapshot `snap`: committed after it was taken, or running then (not visible in it). */
const writtenSince = (xid: string) => `${xid} >= pg_snapshot_xmin(c.snap) AND NOT pg_visible_in_snapshot(${xid}, c.snap)`;

/** One closed month `c` against the register: the obligations `o` and the participants `p` given, one row a correction. */
const compared = (o: string, p: string) => `
       SELECT coalesce(o.nik, p.nik) AS nik,
              CASE WHEN o.nik IS NULL THEN 'UNDER' ELSE 'OVER' END AS kind,
              CASE WHEN o.nik IS NOT NULL THEN (CASE WHEN p.nik IS NULL THEN 'REMOVED' WHEN p.tat < c.first_day THEN 'TAT' ELSE 'TMT' END)
                   WHEN c.allocated_at IS NOT NULL AND p.created_at > c.allocated_at THEN 'REGISTERED_LATE'
                   ELSE 'DATES_CHANGED' END AS reason,
              coalesce(o.amount, 0) AS obligation,
              coalesce(o.amount, c.tariff) AS amount,
              coalesce(o.amount - o.unfunded, 0) AS funded,
              coalesce(o.unfunded, 0) AS unfunded,
              coalesce(p.village_code, o.village_code) AS village_code
         FROM (SELECT nik, amount, unfunded, village_code FROM obligation WHERE month = c.month AND amount > 0${o}) o
         FULL JOIN (SELECT nik, village_code, tmt, tat, created_at FROM participant${p}) p ON p.nik = o.nik
        WHERE CASE WHEN o.nik IS NULL THEN c.tariff > 0 AND ${COVERED_IN_CLOSED}
                   ELSE p.nik IS NULL OR NOT (${COVERED_IN_CLOSED}) END`;

export const CLOSED_MONTH_CORRECTIONS = `
  WITH closed AS MATERIALIZED (
    SELECT f.month, (f.month || '-01')::date AS first_day,
           ((f.month || '-01')::date + interval '1 month' - interval '1 day')::date AS last_day,
           a.allocated_at, a.register_snapshot AS snap,
           (SELECT coalesce(sum(t.amount), 0) FROM tariff t WHERE t.id = ANY (a.tariff_ids) AND t.payer = 'LOCAL')::bigint AS tariff
      FROM ${FROZEN_MONTHS} f
      JOIN allocation_month a ON a.month = f.month
     WHERE f.month >= $1::text AND f.month < $2::text
  ), written AS MATERIALIZED (
    SELECT c.*, CASE WHEN c.snap IS NOT NULL THEN ARRAY(
             SELECT nik FROM participant WHERE ${writtenSince('changed_xid')}
              UNION SELECT nik FROM participant_removed WHERE ${writtenSince('removed_xid')}) END AS niks
      FROM closed c
  ), corrections AS (
    SELECT c.month, x.*
      FROM written c
     CROSS JOIN LATERAL (${compared('', '')}
     ) x
     WHERE c.niks IS NULL OR cardinality(c.niks) > ${MOST_LOOKED_UP}
    UNION ALL
    SELECT c.month, x.*
      FROM written c
     CROSS JOIN LATERAL (${compared(' AND nik = ANY (c.niks)', ' WHERE nik = ANY (c.niks)')}
     ) x
     WHERE cardinality(c.niks) BETWEEN 1 AND ${MOST_LOOKED_UP}
  )
  SELECT x.month, x.nik, p.name, x.village_code AS "villageCode", x.kind, x.reason, p.end_reason AS "endReason",
         to_char(p.tmt, 'YYYY-MM-DD') AS tmt, to_char(p.tat, 'YYYY-MM-DD') AS tat,
         x.obligation::text AS obligation, x.amount::text AS amount, x.funded::text AS funded, x.unfunded::text AS unfunded,
         CASE WHEN x.kind = 'OVER' THEN
           (SELECT coalesce(jsonb_agg(jsonb_build_object('pledgeCode', s.pledge_code, 'sourceType', t.source_type, 'amount', s.amount)
                                      ORDER BY s.pledge_code COLLATE "C"), '[]'::jsonb)
              FROM split s JOIN ${TERMS_OF_SPLIT('s', 't')}
             WHERE s.month = x.month AND s.nik = x.nik)
         ELSE '[]'::jsonb END AS splits
    FROM corrections x
    LEFT JOIN participant p ON p.nik = x.nik
   ORDER BY x.month, x.nik COLLATE "C"`;
