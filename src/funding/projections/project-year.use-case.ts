import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, monthInWib } from '../../common/clock/clock.js';
import { monthName, monthsBetween } from '../../common/month.js';
import { rupiah, thousands } from '../../common/money.js';
import { allocate } from '../domain/allocate.js';
import { FundingException } from '../funding.exception.js';
import { FUNDED_IN_MONTHS, PLEDGES_OF_YEAR, STORED_MONTHS } from '../sql/projection.sql.js';
import { fundedByPledge } from '../use-cases/allocate-month.use-case.js';
import { readCandidates } from '../use-cases/candidates.js';
import { MonthBuildPool } from '../use-cases/month-build-pool.js';
import { pledgesOfMonth, tariffOfMonth } from '../use-cases/month-inputs.js';
import { orderByDay } from '../use-cases/month-order.js';

/**
 * A month of the projection: ALLOCATED, its stored allocation (CURRENT); PROJECTED, computed now by
 * the allocation of §6 from today's register and pledges, and not stored; NO_TARIFF, a month no
 * IURAN tariff row covers, which cannot be priced (its rupiah are null). Rupiah.
 */
export interface ProjectedMonth {
  month: string;
  basis: 'ALLOCATED' | 'PROJECTED' | 'NO_TARIFF';
  participants: number;
  obligation: number | null;
  funded: number | null;
  unfunded: { participants: number; amount: number } | null;
}

/** A pledge of the year: what it funds over the year (stored months + projected ones) against its pagu. */
export interface ProjectedPledge {
  pledgeCode: string;
  sourceType: string;
  funder: string;
  budget: number | null;
  funded: number;
  budgetLeft: number | null;
  /** the month in which its pagu is spent to the last rupiah, if it is */
  budgetUsedUpIn: string | null;
}

export interface ProjectionWarning {
  code: 'NO_PLEDGES_FOR_YEAR' | 'PROJECTED_SHORTFALL' | 'BUDGET_USED_UP' | 'NO_TARIFF';
  message: string;
  month?: string;
  pledgeCode?: string;
}

export interface YearProjection {
  fiscalYear: number;
  /** when the register and the pledges were read */
  computedAt: Date;
  months: ProjectedMonth[];
  pledges: ProjectedPledge[];
  total: { obligation: number; funded: number; unfunded: { participantMonths: number; amount: number } };
  /** the first month with an unfunded remainder, if any */
  firstShortMonth: string | null;
  warnings: ProjectionWarning[];
}

type StoredMonth = { month: string; status: string; participants: number; obligation: string; unfunded_participants: number; unfunded_amount: string };
type YearPledge = { code: string; source_type: string; funder: string; budget: string | null };

/**
 * Will the year's pledges pay for the year (QA: nothing warned that next year's pagu fell short)?
 * The months of `fiscalYear` already allocated and CURRENT are taken as stored; from the first month
 * that is not, each month is allocated in memory by the same `allocate` of §6, from the register as
 * it is today (its coverage rule applied to each month) and the pledges at their current revision,
 * carrying each pagu from month to month. Nothing is written, nothing is locked: a forecast that
 * assumes nobody joins or leaves beyond what the register already says (TAT, future TMT).
 *
 * At a million participants a projected month costs about what reading and allocating a month does
 * (one to two seconds on two cores), so a whole year ahead takes tens of seconds: an on-demand
 * question, not a page that loads it.
 */
@Injectable()
export class ProjectYear {
  /** The last projection of this process: the next waits for it (below). */
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly builds: MonthBuildPool,
  ) {}

  execute(fiscalYear: number): Promise<YearProjection> {
    const now = this.clock.now();
    const latest = Number(monthInWib(now).slice(0, 4)) + 1;
    if (fiscalYear > latest) throw FundingException.projectionTooFar(fiscalYear, latest);
    // One at a time in this process: each holds a month's register in memory (about 100 MB at a million
    // participants) and a connection for seconds; twenty auditors asking at once wait in turn instead.
    // One snapshot for every read; the candidates' COPY needs a transaction-bound connection.
    const run = this.running.then(() => this.dataSource.transaction('REPEATABLE READ', (m) => this.project(m, fiscalYear, now)));
    this.running = run.catch(() => undefined);
    return run;
  }

  private async project(m: EntityManager, year: number, now: Date): Promise<YearProjection> {
    const months = monthsBetween(`${year}-01`, `${year}-12`);
    const stored = new Map<string, StoredMonth>((await m.query(STORED_MONTHS, [year])).map((r: StoredMonth) => [r.month, r]));
    // budgets carry from month to month: from the first month not CURRENT on, every month is projected
    let k = 0;
    while (k < months.length && stored.get(months[k])?.status === 'CURRENT') k++;
    const yearPledges: YearPledge[] = await m.query(PLEDGES_OF_YEAR, [year]);
    const ledger = new PledgeLedger(yearPledges);
    const rows: ProjectedMonth[] = [];

    const allocated = months.slice(0, k);
    const funded: { month: string; pledge_code: string; amount: string }[] = allocated.length ? await m.query(FUNDED_IN_MONTHS, [allocated]) : [];
    for (const month of allocated) {
      const s = stored.get(month)!;
      for (const f of funded) if (f.month === month) ledger.add(f.pledge_code, Number(f.amount));
      ledger.closeMonth(month);
      const obligation = Number(s.obligation);
      const unfunded = { participants: Number(s.unfunded_participants), amount: Number(s.unfunded_amount) };
      rows.push({ month, basis: 'ALLOCATED', participants: Number(s.participants), obligation, funded: obligation - unfunded.amount, unfunded });
    }

    const useCopy = this.builds.get() !== null;
    for (const month of months.slice(k)) {
      const tariff = await tariffOfMonth(m, month);
      const covered = await readCandidates(m, month, useCopy);
      const n = covered.nik.length;
      if (!tariff.premium) {
        rows.push({ month, basis: 'NO_TARIFF', participants: n, obligation: null, funded: null, unfunded: null });
        continue;
      }
      const pledges = await pledgesOfMonth(m, month);
      const result = allocate(
        { nik: covered.nik, villageCode: covered.village, tmt: [], amount: new Float64Array(n).fill(tariff.amount) },
        pledges,
        ledger.used(),
        { walkOrder: orderByDay(covered.tmtDay) },
      );
      const [codes, , amounts] = fundedByPledge(pledges.map((p) => p.code), result);
      codes.forEach((code, i) => ledger.add(code, amounts[i]));
      ledger.closeMonth(month);
      const unfunded = { participants: 0, amount: 0 };
      for (const r of result.unfunded) {
        if (r > 0) {
          unfunded.participants += 1;
          unfunded.amount += r;
        }
      }
      const obligation = n * tariff.amount;
      rows.push({ month, basis: 'PROJECTED', participants: n, obligation, funded: obligation - unfunded.amount, unfunded });
    }
    return summarise(year, now, rows, ledger.pledges());
  }
}

/** What each pledge of the year has funded so far, and the month its pagu ran out. */
class PledgeLedger {
  private readonly funded = new Map<string, number>();
  private readonly usedUpIn = new Map<string, string>();

  constructor(private readonly yearPledges: readonly YearPledge[]) {}

  add(code: string, amount: number): void {
    this.funded.set(code, (this.funded.get(code) ?? 0) + amount);
  }

  used(): ReadonlyMap<string, number> {
    return new Map(this.funded);
  }

  /** Marks the pledges whose pagu the month spent to the last rupiah. */
  closeMonth(month: string): void {
    for (const p of this.yearPledges) {
      if (p.budget !== null && !this.usedUpIn.has(p.code) && (this.funded.get(p.code) ?? 0) >= Number(p.budget)) this.usedUpIn.set(p.code, month);
    }
  }

  pledges(): ProjectedPledge[] {
    return this.yearPledges.map((p) => {
      const budget = p.budget === null ? null : Number(p.budget);
      const funded = this.funded.get(p.code) ?? 0;
      return {
        pledgeCode: p.code,
        sourceType: p.source_type,
        funder: p.funder,
        budget,
        funded,
        budgetLeft: budget === null ? null : Math.max(budget - funded, 0),
        budgetUsedUpIn: this.usedUpIn.get(p.code) ?? null,
      };
    });
  }
}

/** The year's totals and what a finance officer must be told, in Indonesian. */
function summarise(year: number, computedAt: Date, months: ProjectedMonth[], pledges: ProjectedPledge[]): YearProjection {
  const priced = months.filter((r) => r.basis !== 'NO_TARIFF');
  const total = {
    obligation: priced.reduce((s, r) => s + r.obligation!, 0),
    funded: priced.reduce((s, r) => s + r.funded!, 0),
    unfunded: { participantMonths: priced.reduce((s, r) => s + r.unfunded!.participants, 0), amount: priced.reduce((s, r) => s + r.unfunded!.amount, 0) },
  };
  const firstShortMonth = priced.find((r) => r.unfunded!.amount > 0)?.month ?? null;
  const warnings: ProjectionWarning[] = [];
  if (!pledges.length && total.obligation > 0) {
    warnings.push({
      code: 'NO_PLEDGES_FOR_YEAR',
      message: `Belum ada komitmen pendanaan tahun anggaran ${year}: kewajiban iuran tahun itu (${rupiah(total.obligation)} menurut peserta terdaftar saat ini) belum ada penyandang dananya.`,
    });
  } else if (firstShortMonth) {
    warnings.push({
      code: 'PROJECTED_SHORTFALL',
      message:
        `Dengan peserta terdaftar saat ini, komitmen tahun anggaran ${year} tidak menutup ${rupiah(total.unfunded.amount)} ` +
        `(${thousands(total.unfunded.participantMonths)} peserta-bulan), mulai ${monthName(firstShortMonth)}. Tambah atau revisi komitmen (pagu, kuota, bulan) sebelum bulan itu.`,
      month: firstShortMonth,
    });
  }
  for (const p of pledges) {
    if (p.budgetUsedUpIn && p.budgetUsedUpIn < `${year}-12`) {
      warnings.push({
        code: 'BUDGET_USED_UP',
        message: `Pagu ${p.pledgeCode} (${rupiah(p.budget!)}) habis pada ${monthName(p.budgetUsedUpIn)}: sesudah bulan itu komitmen ini tidak membayar lagi.`,
        month: p.budgetUsedUpIn,
        pledgeCode: p.pledgeCode,
      });
    }
  }
  for (const r of months) {
    if (r.basis === 'NO_TARIFF') {
      warnings.push({ code: 'NO_TARIFF', message: `Tarif iuran (IURAN) untuk ${monthName(r.month)} belum ada: kewajiban bulan itu tidak dapat diproyeksikan.`, month: r.month });
    }
  }
  return { fiscalYear: year, computedAt, months, pledges, total, firstShortMonth, warnings };
}
