/**
 * A pledge's terms as PledgesService reads, merges and checks them, apart from the database: the months it pays in,
 * its columns and back, a revision's merged terms and what it replaced, and the rules of a change request itself
 * (its reason; a revision cannot change the code or the fiscal year).
 */
import { isDeepStrictEqual } from 'node:util';
import { monthOf } from '../../common/month.js';
import { HAS_VISIBLE_TEXT, lengthMessage } from '../../common/text.js';
import { butCame } from '../../common/value-kind.js';
import { DEFAULT_PRIORITY, type PledgeData, type PledgeInput } from '../domain/pledge-rules.js';
import type { Pledge } from '../entities/pledge.entity.js';
import type { FieldProblem } from '../../common/errors/field-problem.js';
import type { PledgeView } from './pledge-view.js';

/**
 * A created or revised pledge, with its months left as stored: closed (finalized) ones and frozen
 * ones (before a finalized month of the year).
 */
export type PledgeChangeView = PledgeView & { closedMonths: string[]; frozenMonths: string[] };

/** `YYYY-MM` months a pledge pays in. */
export function monthsOf(p: Pick<PledgeData, 'fiscalYear' | 'fromMonth' | 'toMonth'>): string[] {
  const out: string[] = [];
  for (let k = p.fromMonth; k <= p.toMonth; k++) out.push(monthOf(p.fiscalYear, k));
  return out;
}

/** The terms a revision changed, as they were before it (a scope change's dropped lists among them). */
export function replacedTerms(before: PledgeData, after: PledgeData): Partial<PledgeData> {
  return Object.fromEntries(Object.entries(before).filter(([k, v]) => !isDeepStrictEqual(v, after[k as keyof PledgeData])));
}

export function toColumns(p: PledgeData) {
  return { ...p, budget: p.budget === null ? null : String(p.budget) };
}

export function fromEntity(p: Pledge): PledgeData {
  return {
    code: p.code,
    sourceType: p.sourceType as PledgeData['sourceType'],
    fund: p.fund as PledgeData['fund'],
    funder: p.funder,
    fiscalYear: p.fiscalYear,
    fromMonth: p.fromMonth,
    toMonth: p.toMonth,
    scope: p.scope as PledgeData['scope'],
    villageCodes: p.villageCodes,
    niks: p.niks,
    sharePercent: p.sharePercent,
    quota: p.quota,
    budget: p.budget === null ? null : Number(p.budget),
    priority: p.priority,
    legalBasis: p.legalBasis,
  };
}

/**
 * The revised pledge: given fields replace the current ones (null clears an optional one). When the
 * scope or source type changes, lists and fund that no longer apply are dropped, and a priority
 * that was the old scope's default follows the new scope's default.
 */
export function merge(before: PledgeData, change: PledgeInput): PledgeInput {
  const given = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as PledgeInput;
  const merged: PledgeInput = { ...before, ...given, code: before.code, fiscalYear: before.fiscalYear };
  if (given.scope !== undefined && given.scope !== before.scope) {
    if (given.scope !== 'VILLAGES' && given.villageCodes === undefined) merged.villageCodes = [];
    if (given.scope !== 'RESIDENTS' && given.niks === undefined) merged.niks = [];
    if (given.priority === undefined && before.priority === DEFAULT_PRIORITY[before.scope]) merged.priority = undefined;
  }
  if (given.sourceType !== undefined && given.sourceType !== 'DESA' && given.fund === undefined) merged.fund = null;
  return merged;
}

/** A revision's, a withdrawal's or a reinstatement's reason: something visible, at most 500 characters. */
export function reasonProblems(reason: unknown): FieldProblem[] {
  if (reason !== undefined && typeof reason !== 'string') return [{ field: 'reason', messages: [butCame('reason (alasan perubahan) harus berupa teks', reason, 'text')] }];
  if (!reason || !HAS_VISIBLE_TEXT.test(reason)) return [{ field: 'reason', messages: ['reason (alasan perubahan) wajib diisi'] }];
  if (reason.length > 500) return [{ field: 'reason', messages: [lengthMessage('reason', reason.length, 500)] }];
  return [];
}

/** A revision sending no term at all (`{}`, or a reason only): told it changes nothing (QA: `{}` was told only that reason is required). */
export const NO_TERMS_SENT = 'tidak ada isian komitmen yang dikirim, jadi revisi ini tidak mengubah apa pun: kirim isian yang diubah (mis. budget) beserta reason';

/**
 * What a revision itself must hold: a reason (something visible, at most 500 characters), a term to
 * change, and neither the code nor the fiscal year, which a revision cannot change (said so, not
 * "kolom tidak dikenal").
 */
export function revisionProblems(change: { reason?: unknown; code?: unknown; fiscalYear?: unknown; expectedRevision?: unknown }): FieldProblem[] {
  // the revision it was made from (revision-conflict.ts) is no term
  const { reason: _reason, expectedRevision: _expected, ...terms } = change;
  const problems = reasonProblems(change.reason);
  if (Object.values(terms).every((value) => value === undefined)) problems.push({ field: 'body', messages: [NO_TERMS_SENT] });
  if (change.code !== undefined) problems.push({ field: 'code', messages: ['code tidak dapat diubah: kode komitmen tetap selama komitmen ada.'] });
  if (change.fiscalYear !== undefined) problems.push({ field: 'fiscalYear', messages: ['fiscalYear tidak dapat diubah: buat komitmen baru untuk tahun anggaran lain.'] });
  return problems;
}
