import type { MigrationInterface, QueryRunner } from 'typeorm';
import { HIDDEN_IN_NAME_CHARACTERS } from '../../common/text.js';

/**
 * `x` as uploads store a name since nameAsStored (common/text.ts): composed (NFC) and without the characters that show
 * nothing in it ($1, HIDDEN_IN_NAME_CHARACTERS); left as it is when nothing visible would remain.
 */
const STORED = (x: string) => `CASE WHEN translate(normalize(${x}, NFC), $1, '') ~ '[^[:space:]]' THEN translate(normalize(${x}, NFC), $1, '') ELSE ${x} END`;

/** Whether the text `x` is not as STORED would make it (cheap first: most names are NFC and hold none of $1). */
const NOT_STORED = (x: string) => `((${x}) IS NOT NFC NORMALIZED OR translate(${x}, $1, '') <> ${x})`;

/**
 * Names stored before uploads composed them (decomposed accents: `e` + U+0301) or took out the zero-width characters
 * (U+200B …) are made as an upload stores them now, so a search typed by hand finds them (QA: `José` did not find a
 * `Jose\u0301` stored before) and the next upload of the same row changes nothing:
 * - `participant.name`;
 * - the history's copies, `participant_change.changes -> name` (`old` and `new`; a VOID's `new` is null), so the
 *   history still replays to the register's row. A change whose name differed only so (`Jose\u0301` → `José`) and that
 *   changed other fields too loses its name entry; one that changed the name alone keeps it, both sides now alike.
 * Not changed: the rows' copies of the files as uploaded (upload_issue.raw), a BPJS bill's names (bill_line, finding: the
 * bill's text, stored as read) and the audit trail (append-only, chained).
 * Set-based, one UPDATE per table, on PostgreSQL and PGlite alike (normalize, IS NFC NORMALIZED).
 * Down does nothing: the decomposed forms are not kept, and the composed names are what uploads store.
 */
export class NamesComposed1770300000000 implements MigrationInterface {
  name = 'NamesComposed1770300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE participant SET name = ${STORED('name')} WHERE ${NOT_STORED('name')}`, [HIDDEN_IN_NAME_CHARACTERS]);
    await q.query(
      `UPDATE participant_change c SET changes = CASE
           WHEN x.old IS NOT DISTINCT FROM x.new AND c.changes - 'name' <> '{}'::jsonb THEN c.changes - 'name'
           ELSE jsonb_set(c.changes, '{name}', jsonb_build_object('old', x.old, 'new', x.new)) END
         FROM (SELECT id, ${STORED("changes -> 'name' ->> 'old'")} AS old, ${STORED("changes -> 'name' ->> 'new'")} AS new
                 FROM participant_change
                WHERE changes ? 'name' AND (${NOT_STORED("changes -> 'name' ->> 'old'")} OR ${NOT_STORED("changes -> 'name' ->> 'new'")})) x
        WHERE x.id = c.id`,
      [HIDDEN_IN_NAME_CHARACTERS],
    );
  }

  /** Nothing to undo: the names as they were are not kept (see above). */
  async down(): Promise<void> {}
}
