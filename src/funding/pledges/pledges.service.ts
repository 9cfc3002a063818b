import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AUDIT_BEFORE } from '../../audit/audit-before.js';
import { unknownFieldProblems } from '../../common/http/validation.js';
import { visibleText } from '../../common/text.js';
import { Clock } from '../../common/clock/clock.js';
import { ClosedMonths } from '../../periods/closed-months.service.js';
import { RegionsService } from '../../regions/regions.service.js';
import type { PledgeWarning } from '../domain/pledge-warnings.js';
import { type PledgeData, type PledgeInput, validatePledge } from '../domain/pledge-rules.js';
import { Pledge } from '../entities/pledge.entity.js';
import { PledgeRevision } from '../entities/pledge-revision.entity.js';
import { FundingException } from '../funding.exception.js';
import { TAKE_ALLOCATION_LOCK } from '../sql/allocate.sql.js';
import { entryWarnings } from './pledge-entry-warnings.js';
import { fromEntity, merge, monthsOf, type PledgeChangeView, reasonProblems, replacedTerms, revisionProblems, toColumns } from './pledge-terms.js';
import { type PledgeView, toPledgeView } from './pledge-view.js';
import { assertBudgetCoversFrozenMonths, markStale, recordRevision } from './pledge-writes.js';
import { RevisionEffects } from './revision-effects.js';
import { storedPledgeCode } from './pledge-code.js';
import { withEarlierRevisionWarnings } from './earlier-revision-warnings.js';
import { assertRevisionCurrent, expectedRevisionOf } from './revision-conflict.js';

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
   * the answer name the pledge's months it did not change; a change that could only touch those is refused. Made from
   * an earlier revision than the current one (`expectedRevision`, `ifMatch`): 409 REVISION_CONFLICT (revision-conflict.ts).
   */
  async revise(code: string, change: PledgeInput & { reason?: unknown; expectedRevision?: unknown }, actor: string, ifMatch?: string): Promise<PledgeChangeView> {
    const { reason, code: _code, fiscalYear: _year, expectedRevision, ...fields } = change;
    const sent = expectedRevisionOf(expectedRevision, ifMatch);
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
      // revised by another officer since this change's page was loaded: refused before its terms are judged (QA: the last list won)
      await assertRevisionCurrent(m, code, current.revision, sent.expected);
      // the revision's own rules and the revised pledge's, every problem in one answer (QA: a missing reason hid the rest)
      const checked = validatePledge(merge(before, fields), villages);
      const problems = [...unknownFieldProblems(change), ...sent.problems, ...revisionProblems(change), ...checked.problems];
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
      // told as GET /pledges/:code tells it: a fund corrected by this revision names the months paid from Dana Desa before
      const [view] = await withEarlierRevisionWarnings(m, [{ ...toPledgeView(await m.findOneByOrFail(Pledge, { code })), warnings: await this.entryWarnings(after, m) }]);
      const effects = await this.effects.warnings(m, code, after.fiscalYear, year, 'revise');
      const answer = { ...view, warnings: [...view.warnings, ...effects], closedMonths: closed, frozenMonths: frozen };
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
  withdraw(code: string, body: { reason?: unknown; expectedRevision?: unknown }, actor: string, ifMatch?: string): Promise<PledgeChangeView> {
    return this.changeWithdrawal(code, body, actor, true, ifMatch);
  }

  /** Undoes a withdrawal (pulihkan): a new revision; the pledge takes part again in the months computed after it. */
  reinstate(code: string, body: { reason?: unknown; expectedRevision?: unknown }, actor: string, ifMatch?: string): Promise<PledgeChangeView> {
    return this.changeWithdrawal(code, body, actor, false, ifMatch);
  }

  private changeWithdrawal(code: string, body: { reason?: unknown; expectedRevision?: unknown }, actor: string, withdraw: boolean, ifMatch?: string): Promise<PledgeChangeView> {
    const sent = expectedRevisionOf(body.expectedRevision, ifMatch);
    return this.dataSource.transaction(async (m) => {
      await m.query(TAKE_ALLOCATION_LOCK);
      const current = await m.findOneBy(Pledge, { code });
      if (!current) throw FundingException.pledgeNotFound(code, await storedPledgeCode(m, code));
      const data = fromEntity(current);
      if (await this.closedMonths.yearClosed(data.fiscalYear, m)) throw FundingException.pledgeYearClosed(code, data.fiscalYear, withdraw ? 'withdraw' : 'reinstate');
      // the request's own problems first, as a revision's come before PLEDGE_UNCHANGED
      const problems = [...unknownFieldProblems(body), ...sent.problems, ...reasonProblems(body.reason)];
      if (problems.length) throw FundingException.pledgeInvalid(problems);
      if (withdraw && current.withdrawnAt) throw FundingException.pledgeAlreadyWithdrawn(code, current.withdrawnAt, current.withdrawnBy ?? '');
      if (!withdraw && !current.withdrawnAt) throw FundingException.pledgeNotWithdrawn(code);
      await assertRevisionCurrent(m, code, current.revision, sent.expected);
      const { closed, frozen } = await this.closedMonths.assertSomeOpen(monthsOf(data), m, PLEDGE_OF_OPEN_MONTHS);
      const year = await this.effects.before(m, data.fiscalYear);
      const revision = current.revision + 1;
      const now = this.clock.now();
      await m.update(Pledge, { code }, { revision, updatedAt: now, withdrawnAt: withdraw ? now : null, withdrawnBy: withdraw ? actor : null });
      await recordRevision(m, data, withdraw, revision, visibleText(body.reason as string), actor, now);
      await markStale(m, data.fiscalYear, data.fromMonth);
      const stored = toPledgeView(await m.findOneByOrFail(Pledge, { code }));
      // reinstated: told again of another pledge of the same funding (the withdrawn one is left out of SAME_FUNDING);
      // either way, the months paid from Dana Desa under an earlier revision, as GET /pledges/:code says them
      const [view] = await withEarlierRevisionWarnings(m, [{ ...stored, warnings: withdraw ? stored.warnings : await this.entryWarnings(data, m) }]);
      const effects = await this.effects.warnings(m, code, data.fiscalYear, year, withdraw ? 'withdraw' : 'reinstate');
      return { ...view, warnings: [...view.warnings, ...effects], closedMonths: closed, frozenMonths: frozen };
    });
  }

  /**
   * The warnings a saved or checked pledge is told (entryWarnings in pledge-entry-warnings.ts); `checkedBefore`: the
   * earlier rows of a sheet only checked, not stored.
   */
  entryWarnings(p: PledgeData, manager?: EntityManager, checkedBefore: readonly PledgeData[] = []): Promise<PledgeWarning[]> {
    return entryWarnings(manager ?? this.dataSource.manager, p, checkedBefore);
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
    // the months funded from Dana Desa under an earlier revision, as on GET /pledges/:code: one query for the whole list
    return withEarlierRevisionWarnings(this.dataSource.manager, pledges.map(toPledgeView));
  }

  async get(code: string): Promise<PledgeView> {
    const pledge = await this.dataSource.getRepository(Pledge).findOneBy({ code });
    if (!pledge) throw FundingException.pledgeNotFound(code, await storedPledgeCode(this.dataSource, code));
    // the months funded from Dana Desa under an earlier revision, once its fund was corrected
    const [view] = await withEarlierRevisionWarnings(this.dataSource.manager, [toPledgeView(pledge)]);
    return view;
  }

  async revisions(code: string) {
    await this.get(code);
    const rows = await this.dataSource.getRepository(PledgeRevision).find({ where: { code }, order: { revision: 'ASC' } });
    // the snapshot's `withdrawn` (absent before withdrawals existed: standing) is said beside the terms, not among them
    return rows.map(({ data: { withdrawn, ...terms }, ...r }) => ({ revision: r.revision, reason: r.reason, changedBy: r.changedBy, changedAt: r.changedAt, withdrawn: withdrawn === true, pledge: terms }));
  }
}
