/**
 * The register corrections of the closed months of a run's fiscal year and of the year before
 * (sql/closed-month-corrections.sql.ts): what
 * a finance officer must claim back from BPJS (OVER: paid for a participant-month the register no longer covers) or
 * still owes (UNDER), recorded in an open month (§9). A run keeps them with its summary when it is computed, so that a
 * finalized run's workbook shows them as they stood when it was signed.
 */
import type { EntityManager } from 'typeorm';
import { digest } from './run-inputs.js';
import { NO_JIT } from '../common/database/no-jit.js';
import { CLOSED_MONTH_CORRECTIONS } from './sql/closed-month-corrections.sql.js';

type Queryable = Pick<EntityManager, 'query'>;

/**
 * The statement's hash joins hold one month's register (a million participants: about 100 MB): with the default 4 MB
 * they spilled into batches on disk. On the allocation bench's kept database (1,000,000 participants, 11 closed months,
 * the machine busy with test runs) 9.8 and 17.1 s against 25.2, 27.3 and 46.0 s with 4 MB. Given back right after,
 * so the rest of the run's transaction keeps the server's setting.
 */
const ROOM_TO_HASH = `SET LOCAL work_mem = '256MB'`;
const ROOM_GIVEN_BACK = `SET LOCAL work_mem TO DEFAULT`;

export type CorrectionKind = 'OVER' | 'UNDER';
export type CorrectionReason = 'TAT' | 'TMT' | 'REMOVED' | 'REGISTERED_LATE' | 'DATES_CHANGED';

/** One participant-month of a closed month the register disagrees with now. */
export interface ClosedMonthCorrectionItem {
  month: string;
  nik: string;
  name: string | null;
  villageCode: string;
  kind: CorrectionKind;
  reason: CorrectionReason;
  endReason: string | null;
  tmt: string | null;
  tat: string | null;
  /** The obligation stored for the month (0 for UNDER). */
  obligation: number;
  /** OVER: the obligation stored, to be claimed back; UNDER: what the month's LOCAL tariff would have owed. */
  amount: number;
  /** OVER: what the pledges paid of it (the sum of `splits`); 0 for UNDER. */
  funded: number;
  splits: { pledgeCode: string; sourceType: string; amount: number }[];
}

/** The run's field (GET /reconciliations/:id `closedMonthCorrections`); `items` are kept with the run for its workbook. */
export interface ClosedMonthCorrections {
  /** The closed (finalized or frozen) allocated months before the run's month, of its fiscal year and the year before, compared. */
  months: string[];
  participantMonths: number;
  /** `months`: the closed months they are in, so that the text can name them (QA: "bulan itu" referred to nothing). */
  over: { participantMonths: number; amount: number; funded: number; months: string[] };
  under: { participantMonths: number; amount: number; months: string[] };
  /** What each pledge paid of the OVER participant-months, pledge code order. */
  byPledge: { pledgeCode: string; sourceType: string; amount: number }[];
  items: ClosedMonthCorrectionItem[];
}

/** A row as the statement answers it: bigints as text, the splits as JSON (text on some drivers). */
type Row = Omit<ClosedMonthCorrectionItem, 'obligation' | 'amount' | 'funded' | 'splits'> & {
  obligation: string;
  amount: string;
  funded: string;
  splits: { pledgeCode: string; sourceType: string; amount: number | string }[] | string;
};

/**
 * The corrections of the closed months before `month` (the run's own) of its fiscal year and of the fiscal year before
 * it, as the register stands now, inside the run's transaction. The year before: once December is finalized every month
 * of its year is closed, so its corrections (a death in November reported in January) can only be recorded in the next
 * year's open months, and only that year's runs can say them (QA, MAJOR: January 2027's run listed none of December
 * 2026's). Not every earlier year: the statement's cost grows with the months compared (11 for December before, 23 now;
 * each month read in full until the register snapshots of migration 1771000000000, and still for a month allocated
 * before it); years further back would make every run slower each year, for corrections the officer has had a whole
 * year of runs to see. Only the months BEFORE the run's: a frozen month's rerun
 * (October, run again after November was finalized) would otherwise list November's corrections too, which December's
 * run lists, so two Berita Acara would both say to claim the same premium back (QA).
 * JIT is turned off for the rest of it: a full join's row estimate cannot be known (every participant-month, where a
 * handful come out), so PostgreSQL costed it far above jit_optimize_above_cost and spent 1.3 s compiling a 10 s
 * statement (measured with 300,000 participants and 11 closed months); what follows in the run is small.
 */
export async function readClosedMonthCorrections(m: Queryable, month: string): Promise<ClosedMonthCorrections> {
  const from = `${firstYearCompared(month)}-01`;
  await m.query(NO_JIT);
  await m.query(ROOM_TO_HASH);
  const rows: Row[] = await m.query(CLOSED_MONTH_CORRECTIONS, [from, month]);
  await m.query(ROOM_GIVEN_BACK);
  const [{ months }] = await m.query(
    `SELECT coalesce(array_agg(a.month ORDER BY a.month), '{}') AS months FROM allocation_month a
      WHERE a.month >= $1 AND a.month < $2 AND EXISTS (SELECT 1 FROM closed_month c WHERE c.month >= a.month AND left(c.month, 4) = left(a.month, 4))`,
    [from, month],
  );
  const items = rows.map(toItem);
  return summarize(typeof months === 'string' ? parseArray(months) : months, items);
}

/** The earliest fiscal year a run of `month` compares: the year before its own (readClosedMonthCorrections). */
function firstYearCompared(month: string): number {
  return Number(month.slice(0, 4)) - 1;
}

function toItem(r: Row): ClosedMonthCorrectionItem {
  const splits = (typeof r.splits === 'string' ? JSON.parse(r.splits) : r.splits) as Row['splits'] & object[];
  return {
    month: r.month,
    nik: r.nik,
    name: r.name,
    villageCode: r.villageCode,
    kind: r.kind,
    reason: r.reason,
    endReason: r.endReason,
    tmt: r.tmt,
    tat: r.tat,
    obligation: Number(r.obligation),
    amount: Number(r.amount),
    funded: Number(r.funded),
    splits: (splits as { pledgeCode: string; sourceType: string; amount: number | string }[]).map((s) => ({ pledgeCode: s.pledgeCode, sourceType: s.sourceType, amount: Number(s.amount) })),
  };
}

function summarize(months: string[], items: ClosedMonthCorrectionItem[]): ClosedMonthCorrections {
  const over = items.filter((i) => i.kind === 'OVER');
  const under = items.filter((i) => i.kind === 'UNDER');
  const byPledge = new Map<string, { pledgeCode: string; sourceType: string; amount: number }>();
  for (const s of over.flatMap((i) => i.splits)) {
    const p = byPledge.get(s.pledgeCode);
    if (p) p.amount += s.amount;
    else byPledge.set(s.pledgeCode, { ...s });
  }
  const sum = (list: ClosedMonthCorrectionItem[], key: 'amount' | 'funded') => list.reduce((a, i) => a + i[key], 0);
  return {
    months,
    participantMonths: items.length,
    over: { participantMonths: over.length, amount: sum(over, 'amount'), funded: sum(over, 'funded'), months: monthsOf(over) },
    under: { participantMonths: under.length, amount: sum(under, 'amount'), months: monthsOf(under) },
    byPledge: [...byPledge.values()].sort((a, b) => (a.pledgeCode < b.pledgeCode ? -1 : a.pledgeCode > b.pledgeCode ? 1 : 0)),
    items,
  };
}

/** The distinct months of the participant-months, in order. */
function monthsOf(items: readonly ClosedMonthCorrectionItem[]): string[] {
  return [...new Set(items.map((i) => i.month))].sort();
}

/** PGlite may answer a text[] as its literal '{a,b}'. */
function parseArray(literal: string): string[] {
  const inner = literal.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}

/** A checksum of the corrections the run found (RunInputs.closedMonthCorrections), kept with its other input checksums for auditors. */
export function correctionsDigest(c: Pick<ClosedMonthCorrections, 'items'>): string {
  return digest(JSON.stringify(c.items.map((i) => [i.month, i.nik, i.kind, i.amount, i.splits.map((s) => [s.pledgeCode, s.amount])])));
}

/** The run's API field: the corrections without their rows (kept with the run for the workbook, not sent with every run). */
export function correctionsView(c: ClosedMonthCorrections | undefined): Omit<ClosedMonthCorrections, 'items'> | undefined {
  if (!c) return undefined;
  const { items, ...view } = c;
  // runs stored before over/under named their months: the months from the participant-months kept with them
  return { ...view, over: { ...view.over, months: monthsOf(items.filter((i) => i.kind === 'OVER')) }, under: { ...view.under, months: monthsOf(items.filter((i) => i.kind === 'UNDER')) } };
}
