/**
 * What every change of a pledge writes or checks inside its transaction (PledgesService): the revision's snapshot,
 * the allocated months it makes STALE, and a budget that still covers what finalized and frozen months used.
 */
import type { EntityManager } from 'typeorm';
import { monthName, monthOf } from '../../common/month.js';
import { rupiah } from '../../common/money.js';
import type { PledgeData } from '../domain/pledge-rules.js';
import { FundingException } from '../funding.exception.js';
import { MARK_STALE_FROM } from '../sql/allocate.sql.js';
import { USED_IN_FROZEN_MONTHS } from '../sql/pledges.sql.js';

/**
 * A budget may not drop below what the pledge already used in finalized months and the months
 * before them in the year (frozen): those splits stay (DOMAIN §9), so the year's total would exceed
 * the budget (§6) with no month left to correct it.
 */
export async function assertBudgetCoversFrozenMonths(m: EntityManager, code: string, budget: number): Promise<void> {
  const [{ used, months }] = await m.query(USED_IN_FROZEN_MONTHS, [code]);
  if (budget >= Number(used)) return;
  throw FundingException.pledgeInvalid([
    {
      field: 'budget',
      messages: [`budget (pagu setahun) ${rupiah(budget)} lebih kecil dari ${rupiah(Number(used))} yang sudah terpakai (dialokasikan) dari komitmen ini pada bulan yang sudah difinalisasi atau dibekukan karena bulan sesudahnya sudah difinalisasi (${(months as string).split(', ').map(monthName).join(', ')}).`],
    },
  ]);
}

/** The revision's snapshot: the terms, and whether the pledge stands withdrawn after it (read by `revisions`). */
export async function recordRevision(m: EntityManager, data: PledgeData, withdrawn: boolean, revision: number, reason: string, actor: string, at: Date): Promise<void> {
  await m.query(
    'INSERT INTO pledge_revision (code, revision, data, reason, changed_by, changed_at) VALUES ($1, $2, $3::jsonb, $4, $5, $6)',
    [data.code, revision, JSON.stringify({ ...data, withdrawn }), reason, actor, at],
  );
}

/** The pledge's allocated months of its year from `fromMonth` on become STALE (recomputed before they are read again). */
export async function markStale(m: EntityManager, fiscalYear: number, fromMonth: number): Promise<void> {
  await m.query(MARK_STALE_FROM, [monthOf(fiscalYear, fromMonth), fiscalYear]);
}
