import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { monthName, monthsSaid } from '../../common/month.js';
import { rupiah, thousands } from '../../common/money.js';
import { ClosedMonths } from '../../periods/closed-months.service.js';
import type { PledgeWarning } from '../domain/pledge-warnings.js';
import { type DueByMonth, ProjectYear } from '../projections/project-year.use-case.js';
import type { ProjectedMonth } from '../projections/projection-summary.js';
import { PAID_IN_MONTHS } from '../sql/pledges.sql.js';

/** The year's months and dues as the allocation would make them, taken before a pledge change. */
export interface YearBefore {
  months: ProjectedMonth[];
  due: DueByMonth;
}

/** What the change was, as its warnings say it. */
export type PledgeChangeKind = 'revise' | 'withdraw' | 'reinstate';
const CHANGE_NAMES: Record<PledgeChangeKind, string> = { revise: 'revisi', withdraw: 'pencabutan', reinstate: 'pemulihan' };

/**
 * What a revision, a withdrawal or a reinstatement does to the open months of its year (QA: a budget cut left December
 * unfunded for 1.153 participants, and a withdrawal turned a recorded December payment into an overpayment, both answered
 * `warnings: []`). The change itself only marks the allocated months STALE (they are recomputed when read), so the year
 * is computed as the allocation would make it, in memory (ProjectYear: stored CURRENT months as they are, the others by
 * §6 from today's register), before and after the change in the change's transaction, and the open months compared:
 * months newly short of money (UNFUNDED_AFTER_REVISION) and pledge-months whose recorded payments now exceed what they are
 * due (PAYMENTS_EXCEED_DUE_AFTER_REVISION). Finalized months and the months frozen before them keep their allocation (§9)
 * and are left out. Costs two projections of the year per change: seconds at a million participants, under the
 * allocation lock the change holds anyway.
 */
@Injectable()
export class RevisionEffects {
  constructor(
    private readonly projections: ProjectYear,
    private readonly closedMonths: ClosedMonths,
  ) {}

  before(m: EntityManager, fiscalYear: number): Promise<YearBefore> {
    return this.projections.withDue(m, fiscalYear);
  }

  /** The warnings of the change to `code` made since `before` was taken, in `m`. */
  async warnings(m: EntityManager, code: string, fiscalYear: number, before: YearBefore, kind: PledgeChangeKind): Promise<PledgeWarning[]> {
    const after = await this.projections.withDue(m, fiscalYear);
    const lastClosed = await this.closedMonths.lastClosedOfYear(fiscalYear, m);
    const open = (month: string) => lastClosed === undefined || month > lastClosed;
    const paid: { pledge_code: string; month: string; paid: string }[] = await m.query(PAID_IN_MONTHS, [after.months.map((r) => r.month).filter(open)]);
    const change = CHANGE_NAMES[kind];
    return [
      ...unfundedWarnings(code, change, before.months, after.months.filter((r) => open(r.month))),
      ...overpaidWarnings(change, before.due, after.due, paid),
    ];
  }
}

/** The open months (`after`) short of more money than before the change, their runs of equal figures said together. */
function unfundedWarnings(code: string, change: string, before: readonly ProjectedMonth[], after: readonly ProjectedMonth[]): PledgeWarning[] {
  const was = new Map(before.map((r) => [r.month, r.unfunded]));
  const short = after.flatMap((r) => {
    const earlier = was.get(r.month);
    return r.unfunded && earlier && r.unfunded.amount > earlier.amount ? [{ month: r.month, now: r.unfunded, before: earlier.amount }] : [];
  });
  if (!short.length) return [];
  const groups = new Map<string, { months: string[]; participants: number; amount: number; before: number }>();
  for (const s of short) {
    const key = `${s.now.participants}/${s.now.amount}/${s.before}`;
    const group = groups.get(key) ?? { months: [], participants: s.now.participants, amount: s.now.amount, before: s.before };
    group.months.push(s.month);
    groups.set(key, group);
  }
  const said = [...groups.values()]
    .map((g) => `${monthsSaid(g.months)} ${thousands(g.participants)} peserta tidak terdanai penuh, ${rupiah(g.amount)}${g.months.length > 1 ? ' per bulan' : ''} (sebelumnya ${rupiah(g.before)})`)
    .join('; ');
  const more = short.reduce((sum, s) => sum + s.now.amount - s.before, 0);
  return [
    {
      code: 'UNFUNDED_AFTER_REVISION',
      pledgeCode: code,
      message:
        `Sesudah ${change} ${code}, bulan yang belum difinalisasi kekurangan dana: ${said}; kekurangan bertambah ${rupiah(more)}. ` +
        'Bulan yang belum dialokasikan dihitung dengan peserta terdaftar saat ini. Bila tidak dimaksudkan, ubah lagi komitmennya (pagu, kuota, bulan) atau tambah komitmen lain untuk bulan itu.',
    },
  ];
}

/** The pledge-months of the open months whose payments exceed what they are due now, and did not before the change. */
function overpaidWarnings(change: string, before: DueByMonth, after: DueByMonth, paid: readonly { pledge_code: string; month: string; paid: string }[]): PledgeWarning[] {
  const byPledge = new Map<string, string[]>();
  for (const p of paid) {
    const amount = Number(p.paid);
    const dueBefore = before.get(p.month)?.get(p.pledge_code) ?? 0;
    const dueAfter = after.get(p.month)?.get(p.pledge_code) ?? 0;
    if (amount <= dueAfter || amount > dueBefore) continue;
    const said = `${monthName(p.month)} dibayar ${rupiah(amount)}, kewajibannya kini ${rupiah(dueAfter)} (sebelumnya ${rupiah(dueBefore)}), lebih bayar ${rupiah(amount - dueAfter)}`;
    byPledge.set(p.pledge_code, [...(byPledge.get(p.pledge_code) ?? []), said]);
  }
  return [...byPledge].map(([pledgeCode, months]) => ({
    code: 'PAYMENTS_EXCEED_DUE_AFTER_REVISION',
    pledgeCode,
    message:
      `Sesudah ${change} ini, pembayaran ${pledgeCode} yang sudah dicatat melebihi kewajibannya: ${months.join('; ')}. ` +
      'Status pembayarannya kini Lebih bayar. Bila tidak dimaksudkan, ubah lagi komitmennya; bila dimaksudkan, selesaikan kelebihan bayar itu dengan pemberi dana.',
  }));
}
