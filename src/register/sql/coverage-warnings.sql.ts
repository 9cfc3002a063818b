/**
 * Warnings of promotion (DOMAIN §4) on a change of coverage in months that are still open: an ended
 * coverage brought back (REINSTATED) and coverage moved in allocated months (COVERAGE_CHANGED). Run by
 * EnrollmentPromoter in its transaction, with the steps of promote.sql.ts.
 */
import { sqlDayName, sqlMonthName, sqlMonthsSaid } from '../../common/month.js';
import { ALLOCATION_NOT_FROZEN } from '../../periods/sql/frozen-allocations.sql.js';
import { LAST_ALLOCATED_OPEN_DAY, monthEnd, monthStart, RAW_ONCE } from './promote.sql.js';

/**
 * What an operator should do for a participant who comes back after a gap, given that the register keeps
 * one coverage period per participant (one TMT, one TAT; DOMAIN §4), said by REINSTATED and
 * COVERAGE_CHANGED with the columns as the file names them (QA: a return recorded either way changed money
 * silently). No apostrophe: the SQL form (sqlReturnAfterGap) stands in a SQL string literal.
 */
export const returnAfterGap = (tmt: string, tat: string, reason: string) =>
  `Bila peserta kembali setelah jeda: daftar peserta hanya mencatat satu masa kepesertaan (satu ${tmt} dan satu ${tat}). ` +
  `Jangan mengosongkan ${tat} dengan ${tmt} lama (bulan-bulan jeda ikut terutang), dan jangan memajukan ${tmt} selagi bulan masa lama belum difinalisasi (bulan-bulan itu kehilangan cakupan). ` +
  `Biarkan ${tmt} dan ${tat} lama sampai bulan terakhir masa lama difinalisasi, lalu unggah ${tmt} tanggal kembali dengan ${tat} dan ${reason} kosong: ` +
  'bulan yang sudah difinalisasi tidak dihitung ulang, jadi masa lama tetap tercatat di sana. ' +
  'Selisih iuran yang sudah terjadi dicatat keuangan sebagai pembayaran penyesuaian pada bulan yang masih terbuka.';

/** returnAfterGap as a SQL text expression, of the labels in the SQL text expressions `tmt`, `tat`, `reason` (`$3::text`). */
const sqlReturnAfterGap = (tmt: string, tat: string, reason: string) => `'${returnAfterGap(`' || ${tmt} || '`, `' || ${tat} || '`, `' || ${reason} || '`)}'`;

/**
 * The months an ended coverage brought back (alias `p`, TAT set) owes again up to this month ($4, 'YYYY-MM'),
 * as REINSTATED says them: ', termasuk bulan sesudah berakhirnya: Oktober–November 2026 kembali terutang' when
 * the first month after the end is not later than this month, else ' mulai Desember 2026'.
 */
const GAP_SAID = `CASE WHEN to_char(p.tat + interval '1 month', 'YYYY-MM') <= $4::text THEN
             ', termasuk bulan sesudah berakhirnya: ' || ${sqlMonthsSaid(`ARRAY(SELECT to_char(d, 'YYYY-MM') FROM generate_series(date_trunc('month', p.tat::timestamp) + interval '1 month', ($4::text || '-01')::date, interval '1 month') d)`)} || ' kembali terutang'
           ELSE ' mulai ' || ${sqlMonthName(`to_char(p.tat + interval '1 month', 'YYYY-MM')`)} END`;

/**
 * 1b. A row with an empty TAT for a participant whose coverage had ended brings the coverage back,
 * and the regency owes the premium again: accepted (an upsert says so), with a warning that names
 * the end it removes and the months owed again up to this month (GAP_SAID: a return after a gap
 * recorded so makes the gap owed; QA), and what to do for a return after a gap (returnAfterGap);
 * for a death (MENINGGAL) it says plainly that the recorded death is undone
 * (QA: an older master sheet uploaded again brought back the dead). The row as uploaded goes with
 * it unless the row already has a finding. Returns how many were brought back (`reinstated`, the
 * upload's count) and how many of them had died (`deaths`).
 * $1 upload id, $2 and $3 the TAT and ALASAN_BERAKHIR columns as the file names them, $4 this month (WIB, 'YYYY-MM'),
 * $5 the TMT column as the file names it.
 */
export const WARN_REINSTATED = `
  WITH back AS (
    SELECT s.row_number, p.tat, p.end_reason, ${GAP_SAID} AS gap, ${RAW_ONCE('s')} AS raw
    FROM enrollment_staging s
    JOIN participant p ON p.nik = s.nik
    WHERE s.upload_id = $1 AND s.tat IS NULL AND p.tat IS NOT NULL
  ), findings AS (
    INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
    SELECT $1, row_number, 'WARN', $2::text, 'REINSTATED',
           CASE WHEN end_reason = 'MENINGGAL' THEN
             format('Peserta ini tercatat meninggal pada %s; baris ini tanpa %s sehingga catatan kematian itu dibatalkan: kepesertaannya aktif kembali dan iurannya dihitung lagi%s. '
                    'Jika peserta ini memang meninggal, isi %s %s dan %s MENINGGAL lalu unggah ulang.', ${sqlDayName('tat')}, $2::text, gap, $2::text, to_char(tat, 'DD/MM/YYYY'), $3::text)
           ELSE
             format('Peserta ini tercatat berakhir %s (%s); baris ini tanpa %s sehingga kepesertaannya aktif kembali dan iurannya dihitung lagi%s. '
                    'Jika bukan itu maksudnya, isi %s dan %s lalu unggah ulang. %s', ${sqlDayName('tat')}, end_reason, $2::text, gap, $2::text, $3::text,
                    ${sqlReturnAfterGap('$5::text', '$2::text', '$3::text')})
           END,
           raw
    FROM back
  )
  SELECT count(*)::int AS reinstated, count(*) FILTER (WHERE end_reason = 'MENINGGAL')::int AS deaths FROM back`;

/** SQL: the participant or staged row `t` (its tmt, tat) covers the month 'YYYY-MM' `month` (DOMAIN §4). */
const covers = (t: string, month: string) => `(${t}.tmt <= ${monthEnd(month)} AND (${t}.tat IS NULL OR ${t}.tat >= ${monthStart(month)}))`;

/**
 * 1e. A row that changes a registered participant's TMT or TAT so that months already allocated and
 * still open (allocation_month, not frozen: ALLOCATION_NOT_FROZEN) change coverage (§4) is accepted,
 * with a warning naming the months that lose coverage and those that gain it: their allocation is
 * recomputed on the next run, so the participant's BPJS lines of a month lost become NOT_COVERED, and a
 * month gained is owed and funded (QA: a participant coming back after a gap, recorded with a new TMT,
 * silently lost August–September; recorded with the old TMT and no TAT, silently made the gap owed).
 * The register keeps one coverage period per participant, so the message says what to do for a return
 * after a gap (returnAfterGap) when the change may be one (a TMT moved, months gained); an end recorded (TAT set or
 * earlier: months lost only) is told its months alone. Closed months are warned by WARN_CLOSED_MONTH. On the TMT column when
 * the TMT moves, else on TAT. $1 upload id, $2, $3 and $4 the TAT, TMT and ALASAN_BERAKHIR columns as the file names them.
 */
export const WARN_COVERAGE_CHANGED = `
  WITH moved AS (
    SELECT s.row_number, s.tmt <> p.tmt AS tmt_moved, s.tat IS DISTINCT FROM p.tat AS tat_moved, m.lost, m.gained, ${RAW_ONCE('s')} AS raw
    FROM enrollment_staging s
    JOIN participant p ON p.nik = s.nik AND (s.tmt <> p.tmt OR s.tat IS DISTINCT FROM p.tat)
    CROSS JOIN LATERAL (
      SELECT array_agg(a.month ORDER BY a.month) FILTER (WHERE ${covers('p', 'a.month')} AND NOT ${covers('s', 'a.month')}) AS lost,
             array_agg(a.month ORDER BY a.month) FILTER (WHERE ${covers('s', 'a.month')} AND NOT ${covers('p', 'a.month')}) AS gained
      FROM allocation_month a
      WHERE ${ALLOCATION_NOT_FROZEN}
    ) m
    WHERE s.upload_id = $1 AND (m.lost IS NOT NULL OR m.gained IS NOT NULL)
  )
  INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
  SELECT $1, row_number, 'WARN', CASE WHEN tmt_moved THEN $3::text ELSE $2::text END, 'COVERAGE_CHANGED',
         format('Perubahan %s ini mengubah cakupan bulan yang sudah dialokasikan dan belum difinalisasi: %s. '
                'Alokasi bulan itu dihitung ulang: pada bulan yang tidak lagi ditanggung baris tagihan BPJS peserta ini menjadi tidak ditanggung, '
                'pada bulan yang menjadi ditanggung iurannya terutang dan didanai.%s',
                CASE WHEN tmt_moved AND tat_moved THEN $3::text || ' dan ' || $2::text WHEN tmt_moved THEN $3::text ELSE $2::text END,
                concat_ws('; ', ${sqlMonthsSaid('lost')} || ' tidak lagi ditanggung', ${sqlMonthsSaid('gained')} || ' menjadi ditanggung'),
                -- the advice for a return after a gap where the change may be one (a TMT moved, months gained), not for an
                -- end recorded (a death, a move: months lost only)
                CASE WHEN tmt_moved OR gained IS NOT NULL THEN ' ' || ${sqlReturnAfterGap('$3::text', '$2::text', '$4::text')} ELSE '' END),
         raw
  FROM moved`;

/**
 * 1g. A new registration (a NIK not in the register) whose coverage (§4) reaches months already allocated and still open
 * makes them owed: accepted, warned COVERAGE_CHANGED on its TMT column as a changed TMT of a registered participant is,
 * naming the months (QA: a back-dated registration added owed months to allocated open months without a word, only the
 * closed ones were told, by WARN_CLOSED_MONTH). Not warned when every month it reaches is this month ($3, WIB) or later
 * and has no run yet (QA: the monthly job allocates the new month on the 1st, so every ordinary registration of the month
 * was warned, 3,000 of 3,000 rows of the demo's first upload): that month is recomputed before its first run anyway
 * (MARK_OPEN_ALLOCATIONS_STALE). Nor for a month allocated with no participant and no run: the start-up catch-up allocates
 * the missed months of a new service on its empty register, and its first upload was warned on every row (QA: 3,000 of
 * 3,000 rows of the demo's first upload again, "Januari–Desember 2026"); nothing owed there could have been seen or signed.
 * A month before this one that had participants, or one with a run (any but FAILED), keeps the warning; the runs are
 * named, no longer holding (the month's allocation changes under them: the run's checksums no longer match). Rows
 * promoted while the file is read start after LAST_ALLOCATED_OPEN_DAY, so every such row is still staged here.
 * $1 upload id, $2 the TMT column as the file names it, $3 this month (WIB, 'YYYY-MM').
 */
export const WARN_COVERAGE_OF_NEW = `
  WITH open_month AS MATERIALIZED (
    -- each allocated open month once, with its latest run that read the register (any but FAILED), if any
    SELECT a.month, a.participants, run.version, run.status
    FROM allocation_month a
    LEFT JOIN LATERAL (SELECT r.version, r.status FROM reconciliation_run r
                       WHERE r.month = a.month AND r.status <> 'FAILED' ORDER BY r.version DESC LIMIT 1) run ON true
    WHERE ${ALLOCATION_NOT_FROZEN}
  ), gained AS (
    SELECT s.row_number, s.tmt, m.gained, m.runs, ${RAW_ONCE('s')} AS raw
    FROM enrollment_staging s
    CROSS JOIN LATERAL (
      SELECT array_agg(o.month ORDER BY o.month) AS gained,
             string_agg(${sqlMonthName('o.month')} || ' versi ' || o.version || CASE WHEN o.status = 'DONE' THEN ' (draf)' ELSE '' END, ', ' ORDER BY o.month)
               FILTER (WHERE o.version IS NOT NULL) AS runs,
             bool_or((o.month < $3::text AND o.participants > 0) OR o.version IS NOT NULL) AS told
      FROM open_month o
      WHERE ${covers('s', 'o.month')}
    ) m
    WHERE s.upload_id = $1 AND m.told AND s.tmt <= ${LAST_ALLOCATED_OPEN_DAY}
      AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.nik = s.nik)
  )
  INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
  SELECT $1, row_number, 'WARN', $2::text, 'COVERAGE_CHANGED',
         format('%s %s pada pendaftaran baru ini membuat bulan yang sudah dialokasikan dan belum difinalisasi menjadi ditanggung: %s. '
                'Alokasi bulan itu dihitung ulang: iuran peserta ini terutang dan didanai pada bulan-bulan itu.%s '
                'Bila %s itu bukan tanggal mulai kepesertaan yang sebenarnya, perbaiki %s lalu unggah ulang.',
                $2::text, ${sqlDayName('tmt')}, ${sqlMonthsSaid('gained')},
                CASE WHEN runs IS NOT NULL THEN ' Rekonsiliasi ' || runs || ' sudah dijalankan tanpa peserta ini dan tidak lagi berlaku: jalankan ulang rekonsiliasinya sebelum finalisasi.' ELSE '' END,
                $2::text, $2::text),
         raw
  FROM gained`;

/**
 * The warnings of an accepted row that change what is owed for months already allocated or closed: coverage moved in
 * allocated open months (COVERAGE_CHANGED, recomputed) and in closed ones (CLOSED_MONTH_UNCHANGED, not recomputed: an
 * adjustment is owed). REINSTATED is counted apart (`reinstated`); a village move (CLOSED_MONTH_OLD_VILLAGE) changes who
 * funds a month, not what is owed.
 */
export const OWED_CHANGING_WARNINGS = ['COVERAGE_CHANGED', 'CLOSED_MONTH_UNCHANGED'] as const;

/**
 * How many accepted rows carry a warning of OWED_CHANGING_WARNINGS (`enrollment_upload.owed_changed`), so that the answer
 * says so at the top (QA: 16 participants lost August–November under a green "Semua baris diterima.").
 * $1 upload id, $2 OWED_CHANGING_WARNINGS.
 */
export const COUNT_OWED_CHANGED = `
  SELECT count(DISTINCT w.row_number)::int AS n
  FROM upload_issue w
  WHERE w.upload_id = $1 AND w.code = ANY($2::text[])
    AND NOT EXISTS (SELECT 1 FROM upload_issue r WHERE r.upload_id = $1 AND r.row_number = w.row_number AND r.severity = 'REJECT')`;
