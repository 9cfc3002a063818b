/**
 * Optimistic concurrency of a pledge's changes (revise, withdraw, reinstate): the request says which revision it was
 * made from (`expectedRevision` in the body, or `If-Match: "<revision>"`, the ETag of GET /pledges/:code), and a pledge
 * revised since is refused (409 REVISION_CONFLICT) instead of one officer's change silently replacing the other's.
 * Checked inside the change's transaction, under the allocation lock every pledge change takes first, so no revision
 * can be written between the check and the change's own.
 */
import type { EntityManager } from 'typeorm';
import type { FieldProblem } from '../../common/errors/field-problem.js';
import { butCame } from '../../common/value-kind.js';
import { FundingException } from '../funding.exception.js';

/** The ETag of a pledge at `revision`: the revision number, quoted (`"3"`), as If-Match sends it back. */
export const revisionTag = (revision: number): string => `"${revision}"`;

const EXPECTED_MESSAGE = 'expectedRevision (revisi komitmen yang Anda ubah) harus bilangan bulat 1 atau lebih';
const IF_MATCH_MESSAGE = 'If-Match harus berisi satu revisi komitmen seperti ETag-nya, mis. "3"';

/** `"3"`, `W/"3"` or `3` as 3; `*` (any revision) as no check; anything else as undefined (refused). */
function revisionOfTag(tag: string): number | null | undefined {
  const value = tag.trim();
  if (value === '*') return null;
  const m = /^(?:W\/)?"?([1-9]\d{0,8})"?$/.exec(value);
  return m ? Number(m[1]) : undefined;
}

/**
 * The revision the change was made from, from the body's `expectedRevision` and the `If-Match` header (either, or both
 * when they agree); `expected` undefined when neither is sent (no check, as before the check existed). `null` is refused
 * with the other wrong kinds: a client that meant to send the revision but lost it would otherwise be checked against nothing.
 */
export function expectedRevisionOf(sent: unknown, ifMatch: string | undefined): { expected?: number; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let fromBody: number | undefined;
  if (sent !== undefined) {
    if (typeof sent === 'number' && Number.isInteger(sent) && sent >= 1) fromBody = sent;
    else problems.push({ field: 'expectedRevision', messages: [butCame(EXPECTED_MESSAGE, sent, 'number')] });
  }
  let fromHeader: number | undefined;
  if (ifMatch !== undefined && ifMatch !== '') {
    const tag = revisionOfTag(ifMatch);
    if (tag === undefined) problems.push({ field: 'If-Match', messages: [IF_MATCH_MESSAGE] });
    else if (tag !== null) fromHeader = tag;
  }
  if (fromBody !== undefined && fromHeader !== undefined && fromBody !== fromHeader) {
    problems.push({ field: 'expectedRevision', messages: [`expectedRevision (${fromBody}) dan If-Match (${revisionTag(fromHeader)}) menyebut revisi yang berbeda: kirim salah satu saja`] });
  }
  return { expected: problems.length ? undefined : (fromBody ?? fromHeader), problems };
}

/** Refuses a change made from revision `expected` of a pledge now at `revision`, naming the latest revision's who and when. */
export async function assertRevisionCurrent(m: EntityManager, code: string, revision: number, expected: number | undefined): Promise<void> {
  if (expected === undefined || expected === revision) return;
  const [latest] = await m.query('SELECT changed_by AS "changedBy", changed_at AS "changedAt" FROM pledge_revision WHERE code = $1 AND revision = $2', [code, revision]);
  throw FundingException.revisionConflict(code, expected, { revision, changedBy: latest?.changedBy ?? '', changedAt: new Date(latest?.changedAt ?? Date.now()) });
}
