import { Inject, Injectable } from '@nestjs/common';
import { pledgesNotRenewed } from '../allocations/pledges-not-renewed.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, monthInWib } from '../../common/clock/clock.js';
import { monthsBetween } from '../../common/month.js';
import { allocate } from '../domain/allocate.js';
import { digitsOnly } from '../domain/candidate-index.js';
import { FundingException } from '../funding.exception.js';
import { FUNDED_IN_MONTHS, PLEDGES_OF_YEAR, STORED_MONTHS } from '../sql/projection.sql.js';
import { fundedByPledge, unfundedOf } from '../use-cases/allocation-totals.js';
import { type Candidates } from '../use-cases/candidates.js';
import { MonthBuildPool } from '../use-cases/month-build-pool.js';
import { pledgesOfMonth, tariffOfMonth, type MonthPledge } from '../use-cases/month-inputs.js';
import { orderByDay } from '../use-cases/month-order.js';
import { RegisterOfMonths } from './register-of-months.js';
import { PledgeLedger, summarise, type ProjectedMonth, type YearPledge, type YearProjection } from './projection-summary.js';

/** What each pledge is due in each month: month → pledge code → rupiah (a pledge that pays nothing is absent). */
export type DueByMonth = Map<string, Map<string, number>>;

type StoredMonth = { month: string; status: string; participants: number; obligation: string; unfunded_participants: number; unfunded_amount: string };

/**
 * Will the year's pledges pay for the year (QA: nothing warned that next year's pagu fell short)?
 * The months of `fiscalYear` already allocated and CURRENT are taken as stored; from the first month
 * that is not, each month is allocated in memory by the same `allocate` of §6, from the register as
 * it is today (read once, its coverage rule applied to each month: register-of-months.ts) and the pledges at their current revision,
 * carrying each pagu from month to month. Nothing is written, nothing is locked: a forecast that
 * assumes nobody joins or leaves beyond what the register already says (TAT, future TMT).
 *
 * At a million participants the register is read once and a projected month costs what allocating a month
 * in memory does, without the writes (0.37 s a month on an idle two-core machine; `npm run bench:allocate`
 * times eleven months), so a year ahead takes seconds: an on-demand question, not a page that loads it.
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

  /**
   * The year as the allocation would make it now, inside the caller's transaction `m` (a pledge change, before and after
   * it: revision-effects.ts), with what each pledge is due in each month (`due`: month → pledge code → rupiah).
   */
  async withDue(m: EntityManager, fiscalYear: number): Promise<{ months: ProjectedMonth[]; due: DueByMonth }> {
    const due: DueByMonth = new Map();
    const { months } = await this.project(m, fiscalYear, this.clock.now(), due);
    return { months, due };
  }

  private async project(m: EntityManager, year: number, now: Date, due?: DueByMonth): Promise<YearProjection> {
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
      for (const f of funded) {
        if (f.month !== month) continue;
        ledger.add(f.pledge_code, Number(f.amount));
        due?.set(month, (due.get(month) ?? new Map()).set(f.pledge_code, Number(f.amount)));
      }
      ledger.closeMonth(month);
      const obligation = Number(s.obligation);
      const unfunded = { participants: Number(s.unfunded_participants), amount: Number(s.unfunded_amount) };
      rows.push({ month, basis: 'ALLOCATED', participants: Number(s.participants), obligation, funded: obligation - unfunded.amount, unfunded });
    }

    const projected = months.slice(k);
    if (projected.length) {
      const register = await RegisterOfMonths.read(m, projected[0], projected.at(-1)!, this.builds.get() !== null);
      for (const month of projected) rows.push(await this.projectMonth(m, month, ledger, register, due));
    }
    const projection = summarise(year, now, monthInWib(now), rows, ledger);
    // funders of the year before without a pledge this year, as the allocation says it (QA: January 2027)
    const notRenewed = await pledgesNotRenewed(m, `${year}-01`, projection.total.obligation > 0 ? 1 : 0);
    return notRenewed ? { ...projection, warnings: [...projection.warnings, notRenewed] } : projection;
  }

  /** `month` allocated in memory (§6) from today's register and pledges and the pagu `ledger` has left; the ledger takes what it funds. */
  private async projectMonth(m: EntityManager, month: string, ledger: PledgeLedger, register: RegisterOfMonths, due?: DueByMonth): Promise<ProjectedMonth> {
    const tariff = await tariffOfMonth(m, month);
    const covered = register.coveredIn(month);
    const n = covered.nik.length;
    if (!tariff.premium) return { month, basis: 'NO_TARIFF', participants: n, obligation: null, funded: null, unfunded: null };
    const pledges = await pledgesOfMonth(m, month);
    const usedBefore = ledger.used();
    const result = allocate(
      { nik: covered.nik, villageCode: covered.village, tmt: [], amount: new Float64Array(n).fill(tariff.amount) },
      pledges,
      usedBefore,
      { walkOrder: orderByDay(covered.tmtDay) },
    );
    const unfunded = unfundedOf(result.unfunded);
    const [codes, , amounts] = fundedByPledge(pledges.map((p) => p.code), result);
    if (unfunded.amount === 0) for (const p of paidNothing(pledges, codes, covered, usedBefore)) ledger.paidNothing(p, month);
    codes.forEach((code, i) => ledger.add(code, amounts[i]));
    due?.set(month, new Map(codes.map((code, i) => [code, amounts[i]])));
    ledger.closeMonth(month);
    const obligation = n * tariff.amount;
    return { month, basis: 'PROJECTED', participants: n, obligation, funded: obligation - unfunded.amount, unfunded };
  }
}

/**
 * The month's pledges that paid nobody although their pagu was not spent and people in their scope
 * were covered (ALL, or VILLAGES with a covered participant in one of its villages; a named list is
 * not counted). `used`: the pagu used before the month.
 */
function paidNothing(pledges: readonly MonthPledge[], paying: readonly string[], covered: Candidates, used: ReadonlyMap<string, number>): string[] {
  const paid = new Set(paying);
  const villages = new Set(covered.village.codes.map(digitsOnly)); // the codes of covered participants only
  return pledges
    .filter((p) => !paid.has(p.code) && (p.budget === null || (used.get(p.code) ?? 0) < p.budget))
    .filter((p) => (p.scope === 'ALL' ? covered.nik.length > 0 : p.scope === 'VILLAGES' && p.villageCodes.some((code) => villages.has(digitsOnly(code)))))
    .map((p) => p.code);
}
