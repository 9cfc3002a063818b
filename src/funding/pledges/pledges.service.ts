import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AUDIT_BEFORE } from '../../audit/audit-before.js';
import { unknownFieldProblems } from '../../common/http/validation.js';
import { HAS_VISIBLE_TEXT, lengthMessage, visibleText } from '../../common/text.js';
import { Clock } from '../../common/clock/clock.js';
import { rupiah } from '../../common/money.js';
import { ClosedMonths } from '../../periods/closed-months.service.js';
import { RegionsService } from '../../regions/regions.service.js';
import { codeYearWarnings, DEFAULT_PRIORITY, type PledgeData, type PledgeInput, type PledgeWarning, pledgeWarnings, isSameFunding, priorityShadowWarnings, type RankedPledge, sameFundingWarnings, takesWholePremium, unregisteredNiksWarnings, validatePledge } from '../domain/pledge-rules.js';
import { Pledge } from '../entities/pledge.entity.js';
import { PledgeRevision } from '../entities/pledge-revision.entity.js';
import { type FieldProblem, FundingException } from '../funding.exception.js';
import { MARK_STALE_FROM, TAKE_ALLOCATION_LOCK } from '../sql/allocate.sql.js';
import { PLEDGES_THAT_MAY_SHADOW, SAME_FUNDING, USED_IN_FROZEN_MONTHS } from '../sql/pledges.sql.js';
import { type PledgeView, toPledgeView } from './pledge-view.js';
import { RevisionEffects } from './revision-effects.js';
import { storedPledgeCode } from './pledge-code.js';
import { monthName, monthOf } from '../../common/month.js';
import { butCame } from '../../common/value-kind.js';

/**
 * Pledges of DOMAIN §5: created once, then only revised, withdrawn (dicabut) or reinstated (every revision kept with
 * who/when/why; a withdrawn pledge is kept, not removed).
 */
/** What a pledge whose months are all finalized is told to do (a payment adjustment cannot stand for a pledge). */
const PLEDGE_OF_OPEN_MONTHS = 'Komitmen hanya berlaku untuk bulan yang masih terbuka: atur bulan awal dan akhirnya agar mencakup bulan yang belum difinalisasi.';

@Injectable()
export class PledgesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly closedMonths: ClosedMonths,
    @Inject(Clock) private readonly clock: Clock,
    private readonly effects: RevisionEffects,
  ) {}

  /** Checks a pledge without saving it (also used by the sheet upload for each row). */
  async check(input: PledgeInput) {
    return validatePledge(input, await this.regions.villageCodes());
  }

  /** A new pledge; it applies to its open months only (see `revise`). */
  async create(input: PledgeInput, actor: string, manager?: EntityManager): Promise<PledgeChangeView> {
    const checked = await this.check(input);
    // a field it does not know is told with the pledge's own problems, not before them (QA)
    const problems = [...unknownFieldProblems(input), ...checked.problems];
    if (!checked.pledge || problems.length) throw FundingException.pledgeInvalid(problems);
    const data = checked.pledge;
    const work = async (m: EntityManager) => {
      await m.query(TAKE_ALLOCATION_LOCK);
      if (await m.findOneBy(Pledge, { code: data.code })) throw FundingException.pledgeExists(data.code);
      if (await this.closedMonths.yearClosed(data.fiscalYear, m)) throw FundingException.pledgeYearClosed(data.code, data.fiscalYear, 'create');
      const { closed, frozen } = await this.closedMonths.assertSomeOpen(monthsOf(data), m, PLEDGE_OF_OPEN_MONTHS);
      const now = this.clock.now();
      await m.insert(Pledge, { ...toColumns(data), revision: 1, createdBy: actor, createdAt: now, updatedAt: now });
      await recordRevision(m, data, false, 1, 'Komitmen dibuat', actor, now);
      await markStale(m, data.fiscalYear, data.fromMonth);
      const view = toPledgeView(await m.findOneByOrFail(Pledge, { code: data.code }));
      return { ...view, warnings: await this.entryWarnings(data, m), closedMonths: closed, frozenMonths: frozen };
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  /**
   * A revision: the merged pledge is validated like a new one; allocated months it affects become
   * STALE. Like a new pledge, it applies to the open months only: a closed month (§9) keeps the
   * allocation stored when it was finalized (its splits still count toward the budget), so an
   * APBD-P revision in October changes October to December. `closedMonths` and `frozenMonths` in
   * the answer name the pledge's months it did not change; a change that could only touch those is refused.
   */
  async revise(code: string, change: PledgeInput & { reason?: unknown }, actor: string): Promise<PledgeChangeView> {
    const { reason, code: _code, fiscalYear: _year, ...fields } = change;
    const villages = await this.regions.villageCodes();
    return this.dataSource.transaction(async (m) => {
      await m.query(TAKE_ALLOCATION_LOCK);
      const current = await m.findOneBy(Pledge, { code });
      if (!current) throw FundingException.pledgeNotFound(code, await storedPledgeCode(m, code));
      const before = fromEntity(current);
      // a year with no open month left: the advice to pick open months cannot be followed (QA: a 2026 pledge in 2027)
      if (await this.closedMonths.yearClosed(before.fiscalYear, m)) throw FundingException.pledgeYearClosed(code, before.fiscalYear, 'revise');
      // a withdrawn pledge's terms pay nothing: revised terms would read as in force; it is reinstated first
      if (current.withdrawnAt) throw FundingException.pledgeWithdrawn(code, current.withdrawnAt, current.withdrawnBy ?? '');
      // the revision's own rules and the revised pledge's, every problem in one answer (QA: a missing reason hid the rest)
      const checked = validatePledge(merge(before, fields), villages);
      const problems = [...unknownFieldProblems(change), ...revisionProblems(change), ...checked.problems];
      if (!checked.pledge || problems.length) throw FundingException.pledgeInvalid(problems);
      const after = checked.pledge;
      if (isDeepStrictEqual(before, after)) throw FundingException.pledgeUnchanged(code, current.revision);
      if (after.budget !== null) await assertBudgetCoversFrozenMonths(m, code, after.budget);
      const { closed, frozen } = await this.closedMonths.assertSomeOpen([...new Set([...monthsOf(before), ...monthsOf(after)])], m, PLEDGE_OF_OPEN_MONTHS);
      const year = await this.effects.before(m, after.fiscalYear);
      const revision = current.revision + 1;
      const now = this.clock.now();
      await m.update(Pledge, { code }, { ...toColumns(after), revision, updatedAt: now });
      await recordRevision(m, after, false, revision, visibleText(reason as string), actor, now);
      await markStale(m, after.fiscalYear, Math.min(before.fromMonth, after.fromMonth));
      const view = toPledgeView(await m.findOneByOrFail(Pledge, { code }));
      const effects = await this.effects.warnings(m, code, after.fiscalYear, year, 'revise');
      const answer = { ...view, warnings: [...(await this.entryWarnings(after, m)), ...effects], closedMonths: closed, frozenMonths: frozen };
      // the terms it replaced, for the audit event to say "from … to …" (QA: the new budget only), left out of the answer
      return Object.assign(answer, { [AUDIT_BEFORE]: replacedTerms(before, after) });
    });
  }

  /**
   * Withdraws (cabut) a pledge entered by mistake (a second APBD pledge of the same regency: SAME_FUNDING_TWICE): a new
   * revision with the reason, the pledge marked withdrawn, kept with its history. Months computed after it leave it out
   * (PLEDGES_OF_MONTH), so its allocated months from `fromMonth` become STALE; finalized months and the months frozen
   * before them keep the splits it paid (§9), which still count, and payments recorded against it stay. The same rules
   * as a revision: a reason, the year not closed, some month of it still open.
   */
  withdraw(code: string, body: { reason?: unknown }, actor: string): Promise<PledgeChangeView> {
    return this.changeWithdrawal(code, body, actor, true);
  }

  /** Undoes a withdrawal (pulihkan): a new revision; the pledge takes part again in the months computed after it. */
  reinstate(code: string, body: { reason?: unknown }, actor: string): Promise<PledgeChangeView> {
    return this.changeWithdrawal(code, body, actor, false);
  }

  private changeWithdrawal(code: string, body: { reason?: unknown }, actor: string, withdraw: boolean): Promise<PledgeChangeView> {
    return this.dataSource.transaction(async (m) => {
      await m.query(TAKE_ALLOCATION_LOCK);
      const current = await m.findOneBy(Pledge, { code });
      if (!current) throw FundingException.pledgeNotFound(code, await storedPledgeCode(m, code));
      const data = fromEntity(current);
      if (await this.closedMonths.yearClosed(data.fiscalYear, m)) throw FundingException.pledgeYearClosed(code, data.fiscalYear, withdraw ? 'withdraw' : 'reinstate');
      // the request's own problems first, as a revision's come before PLEDGE_UNCHANGED
      const problems = [...unknownFieldProblems(body), ...reasonProblems(body.reason)];
      if (problems.length) throw FundingException.pledgeInvalid(problems);
      if (withdraw && current.withdrawnAt) throw FundingException.pledgeAlreadyWithdrawn(code, current.withdrawnAt, current.withdrawnBy ?? '');
      if (!withdraw && !current.withdrawnAt) throw FundingException.pledgeNotWithdrawn(code);
      const { closed, frozen } = await this.closedMonths.assertSomeOpen(monthsOf(data), m, PLEDGE_OF_OPEN_MONTHS);
      const year = await this.effects.before(m, data.fiscalYear);
      const revision = current.revision + 1;
      const now = this.clock.now();
      await m.update(Pledge, { code }, { revision, updatedAt: now, withdrawnAt: withdraw ? now : null, withdrawnBy: withdraw ? actor : null });
      await recordRevision(m, data, withdraw, revision, visibleText(body.reason as string), actor, now);
      await markStale(m, data.fiscalYear, data.fromMonth);
      const view = toPledgeView(await m.findOneByOrFail(Pledge, { code }));
      // reinstated: told again of another pledge of the same funding (the withdrawn one is left out of SAME_FUNDING)
      const effects = await this.effects.warnings(m, code, data.fiscalYear, year, withdraw ? 'withdraw' : 'reinstate');
      return { ...view, warnings: [...(withdraw ? view.warnings : await this.entryWarnings(data, m)), ...effects], closedMonths: closed, frozenMonths: frozen };
    });
  }

  /**
   * The warnings a saved or checked pledge is told: the §5 compliance rule (on every output), a code naming another
   * year than its fiscal year, another pledge of the same funding in the same months (stored, or `checkedBefore`), a pledge
   * that pays nothing behind an earlier one taking every premium whole, or that `p` leaves so (SHADOWED_BY_PRIORITY), and
   * the listed NIKs no participant holds yet.
   */
  async entryWarnings(p: PledgeData, manager?: EntityManager, checkedBefore: readonly PledgeData[] = []): Promise<PledgeWarning[]> {
    const m = manager ?? this.dataSource.manager;
    const rows: { nik: string }[] = p.niks.length
      ? await m.query('SELECT k AS nik FROM unnest($1::text[]) AS k WHERE NOT EXISTS (SELECT 1 FROM participant r WHERE r.nik = k) ORDER BY k COLLATE "C"', [p.niks])
      : [];
    const stored: { code: string; from_month: number; to_month: number }[] = ['APBD', 'APBD_PROV', 'DESA'].includes(p.sourceType)
      ? await m.query(SAME_FUNDING, [p.fiscalYear, p.sourceType, p.code, p.fromMonth, p.toMonth, p.fund, p.villageCodes])
      : [];
    // `checkedBefore`: the earlier rows of a sheet only checked, which are not stored
    const same = [...stored, ...checkedBefore.filter((q) => isSameFunding(p, q)).map((q) => ({ code: q.code, from_month: q.fromMonth, to_month: q.toMonth }))];
    const ranked: RankedPledge[] = (await m.query(PLEDGES_THAT_MAY_SHADOW, [p.fiscalYear, p.code, p.fromMonth, p.toMonth, takesWholePremium(p)])).map((r: RankedPledge & { budget: string | null }) => ({
      ...r,
      budget: r.budget === null ? null : Number(r.budget),
    }));
    const shadows = priorityShadowWarnings(p, [...ranked, ...checkedBefore]);
    return [...pledgeWarnings(p), ...codeYearWarnings(p), ...sameFundingWarnings(p, same), ...shadows, ...unregisteredNiksWarnings(p.code, rows.map((r) => r.nik))];
  }

  async exists(code: string): Promise<boolean> {
    return this.dataSource.getRepository(Pledge).existsBy({ code });
  }

  /** Which of `codes` pledges already hold, in one query (a sheet's refused rows). */
  async existingCodes(codes: readonly string[]): Promise<Set<string>> {
    if (!codes.length) return new Set();
    const rows: { code: string }[] = await this.dataSource.query('SELECT code FROM pledge WHERE code = ANY($1::text[])', [codes]);
    return new Set(rows.map((r) => r.code));
  }

  /** `withdrawn`: only the withdrawn pledges (true), only the standing ones (false), or all (undefined). */
  async list(fiscalYear?: number, withdrawn?: boolean): Promise<PledgeView[]> {
    const pledges = await this.dataSource
      .getRepository(Pledge)
      .createQueryBuilder('p')
      .where(fiscalYear ? 'p.fiscal_year = :fiscalYear' : 'true', { fiscalYear })
      .andWhere(withdrawn === undefined ? 'true' : withdrawn ? 'p.withdrawn_at IS NOT NULL' : 'p.withdrawn_at IS NULL')
      .orderBy('p.fiscal_year', 'DESC')
      .addOrderBy('p.priority', 'ASC')
      .addOrderBy('p.code COLLATE "C"', 'ASC')
      .getMany();
    return pledges.map(toPledgeView);
  }

  async get(code: string): Promise<PledgeView> {
    const pledge = await this.dataSource.getRepository(Pledge).findOneBy({ code });
    if (!pledge) throw FundingException.pledgeNotFound(code, await storedPledgeCode(this.dataSource, code));
    return toPledgeView(pledge);
  }

  async revisions(code: string) {
    await this.get(code);
    const rows = await this.dataSource.getRepository(PledgeRevision).find({ where: { code }, order: { revision: 'ASC' } });
    // the snapshot's `withdrawn` (absent before withdrawals existed: standing) is said beside the terms, not among them
    return rows.map(({ data: { withdrawn, ...terms }, ...r }) => ({ revision: r.revision, reason: r.reason, changedBy: r.changedBy, changedAt: r.changedAt, withdrawn: withdrawn === true, pledge: terms }));
  }
}

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

/**
 * A budget may not drop below what the pledge already used in finalized months and the months
 * before them in the year (frozen): those splits stay (DOMAIN §9), so the year's total would exceed
 * the budget (§6) with no month left to correct it.
 */
async function assertBudgetCoversFrozenMonths(m: EntityManager, code: string, budget: number): Promise<void> {
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
async function recordRevision(m: EntityManager, data: PledgeData, withdrawn: boolean, revision: number, reason: string, actor: string, at: Date): Promise<void> {
  await m.query(
    'INSERT INTO pledge_revision (code, revision, data, reason, changed_by, changed_at) VALUES ($1, $2, $3::jsonb, $4, $5, $6)',
    [data.code, revision, JSON.stringify({ ...data, withdrawn }), reason, actor, at],
  );
}

async function markStale(m: EntityManager, fiscalYear: number, fromMonth: number): Promise<void> {
  await m.query(MARK_STALE_FROM, [monthOf(fiscalYear, fromMonth), fiscalYear]);
}

/** The terms a revision changed, as they were before it (a scope change's dropped lists among them). */
function replacedTerms(before: PledgeData, after: PledgeData): Partial<PledgeData> {
  return Object.fromEntries(Object.entries(before).filter(([k, v]) => !isDeepStrictEqual(v, after[k as keyof PledgeData])));
}

function toColumns(p: PledgeData) {
  return { ...p, budget: p.budget === null ? null : String(p.budget) };
}

function fromEntity(p: Pledge): PledgeData {
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
function merge(before: PledgeData, change: PledgeInput): PledgeInput {
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
function reasonProblems(reason: unknown): FieldProblem[] {
  if (reason !== undefined && typeof reason !== 'string') return [{ field: 'reason', messages: [butCame('reason (alasan perubahan) harus berupa teks', reason, 'text')] }];
  if (!reason || !HAS_VISIBLE_TEXT.test(reason)) return [{ field: 'reason', messages: ['reason (alasan perubahan) wajib diisi'] }];
  if (reason.length > 500) return [{ field: 'reason', messages: [lengthMessage('reason', reason.length, 500)] }];
  return [];
}

/**
 * What a revision itself must hold: a reason (something visible, at most 500 characters), and neither
 * the code nor the fiscal year, which a revision cannot change (said so, not "kolom tidak dikenal").
 */
function revisionProblems(change: { reason?: unknown; code?: unknown; fiscalYear?: unknown }): FieldProblem[] {
  const problems = reasonProblems(change.reason);
  if (change.code !== undefined) problems.push({ field: 'code', messages: ['code tidak dapat diubah: kode komitmen tetap selama komitmen ada.'] });
  if (change.fiscalYear !== undefined) problems.push({ field: 'fiscalYear', messages: ['fiscalYear tidak dapat diubah: buat komitmen baru untuk tahun anggaran lain.'] });
  return problems;
}
