import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock.js';
import { addDays } from '../../common/month.js';
import { ClosedMonths } from '../../periods/closed-months.service.js';
import type { CreateTariffDto } from '../dto/tariff.dto.js';
import { Tariff } from '../entities/tariff.entity.js';
import { type TariffGap, tariffGaps } from '../domain/tariff-gaps.js';
import {
  allocatedRepricedWarnings,
  clashProblem,
  interludeResumesOn,
  monthsApplied,
  type NewTariff,
  newTariffProblem,
  premiumGapProblem,
  pricesMonth,
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
import { ALLOCATION_NOT_FROZEN } from '../../periods/frozen-allocations.sql.js';

export interface TariffView {
  id: number;
  component: string;
  payer: string;
  amount: number;
  validFrom: string;
  validTo: string | null;
  legalBasis: string | null;
  createdBy: string;
  createdAt: Date;
  /** Who closed the row (set its validTo) by adding the row after it, and when: its `tariff.close` event; null for a row entered with its end, or open. */
  closedBy: string | null;
  closedAt: Date | null;
}

type Closing = { actor: string; at: Date };

const view = (t: Tariff, closing?: Closing): TariffView => ({ ...t, amount: Number(t.amount), closedBy: closing?.actor ?? null, closedAt: closing?.at ?? null });

/**
 * Each closed row's `tariff.close` event (the only change ever made to a row: its validTo), by row id.
 * The audit trail is where who closed a row is kept (QA: the Tarif page showed a row's end beside
 * "Dicatat oleh system", the seed, as if the system had ended it); no column repeats it.
 */
const CLOSINGS = `
  SELECT DISTINCT ON (entity_id) entity_id, actor, at FROM audit_event
   WHERE action = 'tariff.close' AND entity = 'tariff' AND ($1::text[] IS NULL OR entity_id = ANY($1))
   ORDER BY entity_id, id DESC`;

async function closings(m: EntityManager, ids?: number[]): Promise<Map<number, Closing>> {
  const rows: { entity_id: string; actor: string; at: Date }[] = await m.query(CLOSINGS, [ids ? ids.map(String) : null]);
  return new Map(rows.map((r) => [Number(r.entity_id), { actor: r.actor, at: new Date(r.at) }]));
}

/** The row as sent, validTo null when open-ended. */
type NewRow = CreateTariffDto & NewTariff;

/** Marks allocations of months starting on or after $1 STALE (frozen months excepted, see ALLOCATION_NOT_FROZEN). */
const MARK_STALE_FROM_DAY = `
  UPDATE allocation_month a SET status = 'STALE'
   WHERE (a.month || '-01')::date >= $1::date AND a.status = 'CURRENT'
     AND ${ALLOCATION_NOT_FROZEN}`;

/** What a tariff row refused for a finalized month is told to do (QA: it was told to record a payment adjustment). */
const TARIFF_OF_OPEN_MONTHS = 'Tarif bulan yang sudah difinalisasi tidak berubah lagi: mulailah baris tarif ini pada bulan pertama yang masih terbuka.';

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
 * open row's tariff is added again from the day after it. Overlapping validity is refused, and so is
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
   * end; `warnings`: the first month a row from after the 1st prices, that a component at Rp0 is no
   * longer charged (how a component other than IURAN is abolished; IURAN at Rp0 is refused), the
   * months a LOCAL component other than IURAN is left without a row (tariff-gaps.ts), and the months
   * already reconciled or paid that a LOCAL row re-prices. Each step's rule is in tariff-rules.ts.
   *
   * The route's audit event records the request; the rows it changes besides the new one are
   * recorded here, each under its own id, so that a row's history answers who closed it and who
   * added the row that resumes it (QA: a closed row had no event).
   */
  async add(input: CreateTariffDto, actor: string): Promise<TariffView & { resumed: TariffView | null; warnings: TariffWarning[] }> {
    const row: NewRow = { ...input, validTo: input.validTo ?? null };
    refuse(newTariffProblem(row));
    return this.dataSource.transaction(async (m) => {
      await m.query(TAKE_ALLOCATION_LOCK);
      await this.assertChangesOpenMonths(m, row);
      const stored = await m.find(Tariff, { where: { component: row.component } });
      const charged = stored.some((t) => Number(t.amount) > 0 && t.validFrom < row.validFrom); // the component was charged before: "tidak lagi"
      const closed = await this.closeOpenRow(m, row, stored);
      const { id, resumed } = await this.insertRows(m, row, closed, actor);
      const gaps = await this.gapsLeft(m, row);
      await m.query(MARK_STALE_FROM_DAY, [row.validFrom]);
      await this.recordChangedRows(m, actor, row, id, closed, resumed);
      return {
        ...(await viewOf(m, id)),
        resumed: resumed === null ? null : await viewOf(m, resumed),
        warnings: [...tariffWarnings(row, gaps, charged), ...resumedWarnings(row, closed), ...(await this.repriced(m, row, closed))],
      };
    });
  }

  /** No month the row prices is finalized, and (like a pledge, §9) it prices some open month: else it would be stored and never used. */
  private async assertChangesOpenMonths(m: EntityManager, row: NewRow): Promise<void> {
    await this.closedMonths.assertOpen((await this.closedMonths.closed(undefined, m)).filter((month) => pricesMonth(row, month)), m, TARIFF_OF_OPEN_MONTHS);
    const months = monthsApplied(row.validFrom, row.validTo);
    if (months) await this.closedMonths.assertSomeOpen(months, m, TARIFF_OF_OPEN_MONTHS);
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
    const common = { component: row.component, payer: row.payer, createdBy: actor, createdAt: this.clock.now() };
    const id = await insertRow(m, { ...common, amount: String(row.amount), validFrom: row.validFrom, validTo: row.validTo, legalBasis: row.legalBasis.trim() });
    const resumesOn = interludeResumesOn(closed, row);
    const resumed = closed && resumesOn ? await insertRow(m, { ...common, amount: closed.amount, validFrom: resumesOn, validTo: null, legalBasis: closed.legalBasis }) : null;
    return { id, resumed };
  }

  /** `tariff.close` under the row closed and `tariff.resume` under the row that resumes it, beside the route's `tariff.add`. */
  private async recordChangedRows(m: EntityManager, actor: string, row: NewRow, id: number, closed: Tariff | undefined, resumed: number | null): Promise<void> {
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
  private async repriced(m: EntityManager, row: NewRow, closed: Tariff | undefined): Promise<TariffWarning[]> {
    // the days a row without a closed row prices had no row of its component (overlaps are refused): Rp0
    if (row.payer !== 'LOCAL' || (closed ? Number(closed.amount) : 0) === row.amount) return [];
    const [acted]: { allocated: string[]; reconciled: string[]; paid: string[] }[] = await m.query(ACTED_ON_MONTHS, [firstPricedMonth(row.validFrom), row.validTo?.slice(0, 7) ?? null]);
    return [...allocatedRepricedWarnings(row.component, acted.allocated), ...repricedWarnings(row.component, acted.reconciled, acted.paid)];
  }

  /** The months the component (of this payer) is now left without a row; a gap in LOCAL IURAN is refused. */
  private async gapsLeft(m: EntityManager, row: NewRow): Promise<TariffGap[]> {
    const gaps = tariffGaps(await m.find(Tariff, { where: { component: row.component, payer: row.payer } }));
    refuse(premiumGapProblem(row, gaps));
    return gaps;
  }
}

/** RESUMED_FROM_MONTH when an interlude ends after a month's 1st (resumedWarning). */
function resumedWarnings(row: NewRow, closed: Tariff | undefined): TariffWarning[] {
  const message = closed ? resumedWarning(row, interludeResumesOn(closed, row), Number(closed.amount)) : null;
  return message ? [{ code: 'RESUMED_FROM_MONTH', message }] : [];
}

/** The day the open row a new row follows is closed on: the day before the new row starts. */
const closedOn = (row: NewRow) => addDays(row.validFrom, -1);

async function viewOf(m: EntityManager, id: number): Promise<TariffView> {
  return view(await m.findOneByOrFail(Tariff, { id }), (await closings(m, [id])).get(id));
}

async function insertRow(m: EntityManager, row: Omit<Tariff, 'id'>): Promise<number> {
  const { identifiers } = await m.insert(Tariff, row);
  return identifiers[0].id;
}

function refuse(problem: TariffProblem | null): void {
  if (problem) throw FundingException.tariffInvalid(problem);
}
