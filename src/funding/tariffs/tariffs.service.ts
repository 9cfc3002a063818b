import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Clock } from '../../common/clock/clock.js';
import { addDays } from '../../common/month.js';
import { ClosedMonths } from '../../periods/closed-months.service.js';
import { CommonErrorCode, CommonException } from '../../common/errors/common.exception.js';
import type { CreateTariffDto } from '../dto/tariff.dto.js';
import { Tariff } from '../entities/tariff.entity.js';
import { type TariffGap, tariffGaps } from '../domain/tariff-gaps.js';
import {
  allocatedRepricedWarnings,
  clashProblem,
  interludeResumesOn,
  type NewTariff,
  newTariffProblem,
  premiumGapProblem,
  repricedWarnings,
  resumedWarning,
  rowClosedBy,
  type TariffProblem,
  type TariffWarning,
  tariffWarnings,
  unchangedProblem,
} from '../domain/tariff-rules.js';
import { firstPricedMonth } from '../domain/tariff-gaps.js';
import { AuditService } from '../../audit/audit.service.js';
import { FundingException } from '../funding.exception.js';
import { TAKE_ALLOCATION_LOCK } from '../sql/allocate.sql.js';
import { ALLOCATION_NOT_FROZEN } from '../../periods/sql/frozen-allocations.sql.js';
import {
  type ClosedPricedMonth,
  closedMonthPriced,
  rowSupersededBy,
  supersedeClosedMessage,
  supersededValidTo,
  supersedeReasonProblem,
  supersedeUnchangedProblem,
  tariffMonthClosedMessage,
} from '../domain/tariff-supersede.js';
import { type TariffView, closings, view, viewOf } from './tariff-view.js';

export type { TariffView } from './tariff-view.js';

/** The row as sent, validTo null when open-ended. */
type NewRow = CreateTariffDto & NewTariff;

/** Marks allocations of months starting on or after $1 STALE (frozen months excepted, see ALLOCATION_NOT_FROZEN). */
const MARK_STALE_FROM_DAY = `
  UPDATE allocation_month a SET status = 'STALE'
   WHERE (a.month || '-01')::date >= $1::date AND a.status = 'CURRENT'
     AND ${ALLOCATION_NOT_FROZEN}`;

/**
 * Months from $1 (through $2 when not null) that are allocated and not frozen (recomputed at the new
 * amount), were reconciled (a run not finalized; finalized months are refused before) or have payments
 * of their own recorded: what a LOCAL row re-prices after the fact. A correction recorded in a month pays the month it
 * corrects, not that month's premiums (QA: a 2027 row warned PAID_MONTHS_REPRICED for January 2027, whose only payments
 * were corrections of 2026 months).
 */
const ACTED_ON_MONTHS = `
  SELECT coalesce((SELECT array_agg(a.month ORDER BY a.month) FROM allocation_month a
                    WHERE a.month >= $1 AND ($2::text IS NULL OR a.month <= $2) AND ${ALLOCATION_NOT_FROZEN}), '{}') AS allocated,
         coalesce((SELECT array_agg(DISTINCT month ORDER BY month) FROM reconciliation_run
                    WHERE status = 'DONE' AND month >= $1 AND ($2::text IS NULL OR month <= $2)), '{}') AS reconciled,
         coalesce((SELECT array_agg(DISTINCT month ORDER BY month) FROM payment
                    WHERE adjusts_month IS NULL AND month >= $1 AND ($2::text IS NULL OR month <= $2)), '{}') AS paid`;

/**
 * The tariff table of DOMAIN §3. History is never edited: a change is a new row. When the new row
 * starts after the open row (valid_to empty) of the same component, that open row is closed on the
 * day before — the only change ever made to an existing row — and when the new row has an end, the
 * open row's tariff is added again from the day after it. A row from the same day as the component's
 * last row replaces it while no month it prices is closed (tariff-supersede.ts): the replaced row is
 * kept, pointing at its replacement, and prices no day. Overlapping validity is refused, and so is
 * a row that would leave IURAN without a row for some month (tariff-gaps.ts).
 */
@Injectable()
export class TariffsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly closedMonths: ClosedMonths,
    @Inject(Clock) private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<TariffView[]> {
    const rows = await this.dataSource.getRepository(Tariff).find({ order: { component: 'ASC', validFrom: 'ASC', id: 'ASC' } });
    const closed = await closings(this.dataSource.manager);
    return rows.map((t) => view(t, closed.get(t.id)));
  }

  /**
   * The row added; `resumed`, the row by which the open row's tariff applies again after a row with an
   * end; `supersedes`, the component's last row it replaced (same first day, months all open); `warnings`:
   * the first month a row from after the 1st prices, that a component at Rp0 is no
   * longer charged (how a component other than IURAN is abolished; IURAN at Rp0 is refused), the
   * months a LOCAL component other than IURAN is left without a row (tariff-gaps.ts), and the months
   * already reconciled or paid that a LOCAL row re-prices. Each step's rule is in tariff-rules.ts and tariff-supersede.ts.
   *
   * The route's audit event records the request; the rows it changes besides the new one are
   * recorded here, each under its own id, so that a row's history answers who closed or replaced it, why, and who
   * added the row that resumes it (QA: a closed row had no event).
   */
  async add(input: CreateTariffDto, actor: string): Promise<TariffView & { resumed: TariffView | null; supersedes: TariffView | null; warnings: TariffWarning[] }> {
    const row: NewRow = { ...input, validTo: input.validTo ?? null };
    refuse(newTariffProblem(row));
    return this.dataSource.transaction(async (m) => {
      await m.query(TAKE_ALLOCATION_LOCK);
      const stored = await m.find(Tariff, { where: { component: row.component, supersededBy: IsNull() } });
      const superseded = rowSupersededBy(stored, row);
      await this.assertChangesOpenMonths(m, row, superseded);
      const charged = stored.some((t) => Number(t.amount) > 0 && t.validFrom < row.validFrom); // the component was charged before: "tidak lagi"
      const closed = superseded ? assertSupersedes(stored, superseded, row) : await this.closeOpenRow(m, row, stored);
      const { id, resumed } = await this.insertRows(m, row, closed, actor);
      if (superseded) await m.update(Tariff, { id: superseded.id }, { validTo: supersededValidTo(superseded.validFrom), supersededBy: id, supersededReason: row.reason!.trim() });
      const gaps = await this.gapsLeft(m, row);
      await m.query(MARK_STALE_FROM_DAY, [row.validFrom]);
      await this.recordChangedRows(m, actor, row, id, closed, resumed, superseded);
      return {
        ...(await viewOf(m, id)),
        resumed: resumed === null ? null : await viewOf(m, resumed),
        supersedes: superseded ? await viewOf(m, superseded.id) : null,
        warnings: [...tariffWarnings(row, gaps, charged), ...resumedWarnings(row, closed), ...(await this.repriced(m, row, closed ?? superseded, superseded))],
      };
    });
  }

  /**
   * No month the row prices is closed, finalized or frozen by a later finalized month of its year (§9), and no month
   * the row it replaces prices: MONTH_CLOSED naming the month, what closed it and the first open month after it (QA:
   * a row from March, frozen by July's finalization, was told "Juli 2026 sudah difinalisasi" and not where to start).
   */
  private async assertChangesOpenMonths(m: EntityManager, row: NewRow, superseded: Tariff | undefined): Promise<void> {
    const closedBy = await this.closedMonths.closedBy(m);
    const replaced = superseded && closedMonthPriced(superseded, closedBy);
    if (superseded && replaced) {
      const message = supersedeClosedMessage({ ...superseded, amount: Number(superseded.amount) }, replaced);
      throw monthClosed(message, replaced, { tariffId: superseded.id });
    }
    const closed = closedMonthPriced(row, closedBy);
    if (closed) throw monthClosed(tariffMonthClosedMessage(closed), closed);
  }

  /**
   * Refuses a row that clashes with the component's `stored` rows or repeats the open row it follows;
   * else closes that open row the day before, and returns it.
   */
  private async closeOpenRow(m: EntityManager, row: NewRow, stored: Tariff[]): Promise<Tariff | undefined> {
    const closed = rowClosedBy(stored, row);
    refuse(clashProblem(stored, closed, row));
    const unchanged = unchangedProblem(closed && { ...closed, amount: Number(closed.amount) }, row);
    if (unchanged) throw FundingException.tariffUnchanged(unchanged);
    if (closed) await m.update(Tariff, { id: closed.id }, { validTo: closedOn(row) });
    return closed;
  }

  /** Stores the row, and after an interlude the closed row's tariff again: their ids. */
  private async insertRows(m: EntityManager, row: NewRow, closed: Tariff | undefined, actor: string): Promise<{ id: number; resumed: number | null }> {
    const common = { component: row.component, payer: row.payer, createdBy: actor, createdAt: this.clock.now(), supersededBy: null, supersededReason: null };
    const id = await insertRow(m, { ...common, amount: String(row.amount), validFrom: row.validFrom, validTo: row.validTo, legalBasis: row.legalBasis.trim() });
    const resumesOn = interludeResumesOn(closed, row);
    const resumed = closed && resumesOn ? await insertRow(m, { ...common, amount: closed.amount, validFrom: resumesOn, validTo: null, legalBasis: closed.legalBasis }) : null;
    return { id, resumed };
  }

  /**
   * `tariff.close` under the row closed, `tariff.resume` under the row that resumes it and `tariff.supersede` under the
   * row replaced (by which row, why, and what it was), beside the route's `tariff.add`.
   */
  private async recordChangedRows(m: EntityManager, actor: string, row: NewRow, id: number, closed: Tariff | undefined, resumed: number | null, superseded?: Tariff): Promise<void> {
    if (superseded) {
      const was = { amount: Number(superseded.amount), validFrom: superseded.validFrom, validTo: superseded.validTo, legalBasis: superseded.legalBasis };
      const replaced = { supersededBy: id, reason: row.reason!.trim(), was, validTo: supersededValidTo(superseded.validFrom) };
      await this.audit.recordAll([{ actor, action: 'tariff.supersede', entity: 'tariff', entityId: String(superseded.id), summary: replaced }], m);
    }
    if (!closed) return;
    await this.audit.recordAll(
      [
        { actor, action: 'tariff.close', entity: 'tariff', entityId: String(closed.id), summary: { validTo: closedOn(row), closedBy: id } },
        ...(resumed === null ? [] : [{ actor, action: 'tariff.resume', entity: 'tariff', entityId: String(resumed), summary: { resumes: closed.id, after: id } }]),
      ],
      m,
    );
  }

  /**
   * Warnings of the months already allocated, reconciled or paid that a LOCAL row re-prices;
   * none for a row that keeps the amount of the open row it follows (a new legal basis: QA was told
   * December's payments were now compared with a new premium that was the same), nor for a new
   * component at Rp0 (it changes no obligation).
   */
  private async repriced(m: EntityManager, row: NewRow, before: Tariff | undefined, superseded?: Tariff): Promise<TariffWarning[]> {
    // the days a row without a closed or replaced row prices had no row of its component (overlaps are refused): Rp0
    if (row.payer !== 'LOCAL' || (before ? Number(before.amount) : 0) === row.amount) return [];
    // a replacement re-prices the months of the row it replaces too, when that row ran longer
    const to = !superseded ? row.validTo : superseded.validTo === null || row.validTo === null ? null : [row.validTo, superseded.validTo].sort()[1];
    const [acted]: { allocated: string[]; reconciled: string[]; paid: string[] }[] = await m.query(ACTED_ON_MONTHS, [firstPricedMonth(row.validFrom), to?.slice(0, 7) ?? null]);
    return [...allocatedRepricedWarnings(row.component, acted.allocated), ...repricedWarnings(row.component, acted.reconciled, acted.paid)];
  }

  /** The months the component (of this payer) is now left without a row; a gap in LOCAL IURAN is refused. */
  private async gapsLeft(m: EntityManager, row: NewRow): Promise<TariffGap[]> {
    const gaps = tariffGaps(await m.find(Tariff, { where: { component: row.component, payer: row.payer, supersededBy: IsNull() } }));
    refuse(premiumGapProblem(row, gaps));
    return gaps;
  }
}

/** RESUMED_FROM_MONTH when an interlude ends after a month's 1st (resumedWarning). */
function resumedWarnings(row: NewRow, closed: Tariff | undefined): TariffWarning[] {
  const message = closed ? resumedWarning(row, interludeResumesOn(closed, row), Number(closed.amount)) : null;
  return message ? [{ code: 'RESUMED_FROM_MONTH', message }] : [];
}

/**
 * Refuses a replacement of `superseded` (the component's last row, from the same day) without a reason, with another
 * payer or overlapping another row, or changing nothing of it; it closes no row (the row before ends the day before).
 */
function assertSupersedes(stored: Tariff[], superseded: Tariff, row: NewRow): undefined {
  const was = { ...superseded, amount: Number(superseded.amount) };
  refuse(supersedeReasonProblem(was, row, row.reason ?? undefined));
  refuse(clashProblem(stored, superseded, row));
  const unchanged = supersedeUnchangedProblem(was, row);
  if (unchanged) throw FundingException.tariffUnchanged(unchanged);
  return undefined;
}

/** MONTH_CLOSED of a tariff row (tariff-supersede.ts): the month, what closed it, the first open month after it. */
function monthClosed(message: string, closed: ClosedPricedMonth, extra: Record<string, unknown> = {}): CommonException {
  const details = { month: closed.month, closedMonth: closed.by, firstOpenMonth: closed.firstOpen, field: 'validFrom', ...extra };
  return new CommonException(CommonErrorCode.MONTH_CLOSED, message, details);
}

/** The day the open row a new row follows is closed on: the day before the new row starts. */
const closedOn = (row: NewRow) => addDays(row.validFrom, -1);

async function insertRow(m: EntityManager, row: Omit<Tariff, 'id'>): Promise<number> {
  const { identifiers } = await m.insert(Tariff, row);
  return identifiers[0].id;
}

function refuse(problem: TariffProblem | null): void {
  if (problem) throw FundingException.tariffInvalid(problem);
}
