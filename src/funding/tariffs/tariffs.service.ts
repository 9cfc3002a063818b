import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock.js';
import { addDays, dayName, monthsBetween } from '../../common/month.js';
import { ClosedMonths } from '../../periods/closed-months.service.js';
import type { CreateTariffDto } from '../dto/tariff.dto.js';
import { Tariff } from '../entities/tariff.entity.js';
import { abolishedWarning, firstPricedMonth, lapseWarning, PREMIUM_COMPONENT, premiumGapMessage, tariffGaps } from '../domain/tariff-gaps.js';
import { FundingErrorCode, FundingException } from '../funding.exception.js';
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
}

const view = (t: Tariff): TariffView => ({ ...t, amount: Number(t.amount) });

/** Marks allocations of months starting on or after $1 STALE (frozen months excepted, see ALLOCATION_NOT_FROZEN). */
const MARK_STALE_FROM_DAY = `
  UPDATE allocation_month a SET status = 'STALE'
   WHERE (a.month || '-01')::date >= $1::date AND a.status = 'CURRENT'
     AND ${ALLOCATION_NOT_FROZEN}`;

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
  ) {}

  async list(): Promise<TariffView[]> {
    const rows = await this.dataSource.getRepository(Tariff).find({ order: { component: 'ASC', validFrom: 'ASC', id: 'ASC' } });
    return rows.map(view);
  }

  /**
   * The row added; `resumed`, the row by which the open row's tariff applies again after a row with an
   * end; `warnings`, that a component at Rp0 is no longer charged (how a component other than IURAN is
   * abolished; IURAN at Rp0 is refused), and the months a LOCAL component other than IURAN is left
   * without a row (tariff-gaps.ts).
   */
  async add(input: CreateTariffDto, actor: string): Promise<TariffView & { resumed: TariffView | null; warnings: string[] }> {
    const validTo = input.validTo ?? null;
    if (!isRealDate(input.validFrom)) throw invalid(`validFrom ${input.validFrom} tidak ada di kalender.`, 'validFrom');
    if (validTo && !isRealDate(validTo)) throw invalid(`validTo ${validTo} tidak ada di kalender.`, 'validTo');
    if (validTo && validTo < input.validFrom) throw invalid('validTo tidak boleh sebelum validFrom.', 'validTo');
    // QA: IURAN Rp0 closed the open Rp35.000 row, and obligations silently fell to Rp2.800
    if (input.component === PREMIUM_COMPONENT && input.amount === 0) {
      throw invalid(`amount tidak boleh Rp0 untuk ${PREMIUM_COMPONENT}, iuran itu sendiri: komponen lain dapat dihapus dengan Rp0, ${PREMIUM_COMPONENT} tidak. Isi besar iuran yang berlaku mulai ${dayName(input.validFrom)}.`, 'amount');
    }
    const months = monthsApplied(input.validFrom, validTo);
    if (months?.length === 0) {
      throw invalid(
        `${input.validFrom} s.d. ${validTo ?? 'seterusnya'} tidak mencakup tanggal 1 bulan mana pun sampai ${LAST_MONTH}, padahal iuran sebulan mengikuti tarif yang berlaku pada tanggal 1 (§3).`,
        validTo ? 'validTo' : 'validFrom',
      );
    }
    return this.dataSource.transaction(async (m) => {
      await m.query(TAKE_ALLOCATION_LOCK);
      const closed = (await this.closedMonths.closed(undefined, m)).filter((month) => `${month}-01` >= input.validFrom && (!validTo || `${month}-01` <= validTo));
      await this.closedMonths.assertOpen(closed, m);
      // like a pledge (§9): a row that could only change frozen months would be stored and never used
      if (months) await this.closedMonths.assertSomeOpen(months, m);
      const same = await m.find(Tariff, { where: { component: input.component } });
      const open = same.find((t) => t.validTo === null && t.validFrom < input.validFrom);
      if (open && open.payer !== input.payer) throw invalid(`Komponen ${input.component} dibayar oleh ${open.payer}; baris baru harus payer yang sama.`);
      const overlapping = same.find((t) => t !== open && t.validFrom <= (validTo ?? '9999-12-31') && (t.validTo ?? '9999-12-31') >= input.validFrom);
      if (overlapping) {
        throw invalid(`Masa berlaku bertumpang tindih dengan tarif ${input.component} #${overlapping.id} (${overlapping.validFrom} s.d. ${overlapping.validTo ?? 'sekarang'}).`);
      }
      if (open) await m.update(Tariff, { id: open.id }, { validTo: addDays(input.validFrom, -1) });
      const row = { component: input.component, payer: input.payer, createdBy: actor, createdAt: this.clock.now() };
      const id = await insertRow(m, { ...row, amount: String(input.amount), validFrom: input.validFrom, validTo, legalBasis: input.legalBasis.trim() });
      // a row with an end, added inside the open row's time, is an interlude: the open row's tariff
      // applies again after it (QA: it had ended IURAN, and June was allocated at Rp2.800)
      const resumed = open && validTo ? await insertRow(m, { ...row, amount: open.amount, validFrom: addDays(validTo, 1), validTo: null, legalBasis: open.legalBasis }) : null;
      const gaps = tariffGaps(await m.find(Tariff, { where: { component: input.component, payer: input.payer } }));
      if (input.component === PREMIUM_COMPONENT && input.payer === 'LOCAL' && gaps.length) throw invalid(premiumGapMessage(gaps[0]), 'validTo');
      await m.query(MARK_STALE_FROM_DAY, [input.validFrom]);
      return {
        ...view(await m.findOneByOrFail(Tariff, { id })),
        resumed: resumed === null ? null : view(await m.findOneByOrFail(Tariff, { id: resumed })),
        warnings: [
          ...(input.amount === 0 ? [abolishedWarning(input.component, input.validFrom, validTo)] : []),
          ...(input.payer === 'LOCAL' ? gaps.map((gap) => lapseWarning(input.component, gap)) : []),
        ],
      };
    });
  }
}

async function insertRow(m: EntityManager, row: Omit<Tariff, 'id'>): Promise<number> {
  const { identifiers } = await m.insert(Tariff, row);
  return identifiers[0].id;
}

/** A tariff row refused; `field` names the request field at fault when there is one (`details.field`). */
function invalid(message: string, field?: 'amount' | 'validFrom' | 'validTo'): FundingException {
  return new FundingException(FundingErrorCode.TARIFF_INVALID, `Tarif tidak valid: ${message}`, field && { field });
}

/**
 * The months whose 1st falls in [validFrom, validTo]: those the row prices (§3); null when it is
 * open-ended (every month from its first on).
 */
function monthsApplied(validFrom: string, validTo: string | null): string[] | null {
  const first = firstPricedMonth(validFrom);
  if (validTo === null) return first > LAST_MONTH ? [] : null;
  const last = validTo.slice(0, 7);
  return first > last ? [] : monthsBetween(first, last);
}

/** The last month the service allocates and bills (the API's months run 2000–2099). */
const LAST_MONTH = '2099-12';

function isRealDate(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}
