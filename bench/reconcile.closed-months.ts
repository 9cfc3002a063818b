/**
 * BENCH_PARTS=closed-months of `npm run bench:reconcile`: what a December run spends comparing the closed months
 * (closedMonthCorrections, src/reconciliation/sql/closed-month-corrections.sql.ts). Setup (not timed): the register of
 * BENCH_PARTICIPANTS, 2025's and 2026's pledges, 23 allocated months (2025-01..2026-11, set-based:
 * reconcile.closed-months.sql.ts), 2025-12 and 2026-11 finalized (which freezes the rest), then a handful of register
 * changes (late deaths, TMTs moved, removals, late registrations). Timed: readClosedMonthCorrections for 2026-12 in a
 * transaction, as the run calls it, twice; then the whole December run (ReconcileMonth.execute, no bill), December
 * allocated first. The rows found are checked against what the changes must give, worked out on their own.
 */
import type { INestApplicationContext } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { AllocateMonth } from '../src/funding/use-cases/allocate-month.use-case.js';
import { readClosedMonthCorrections, type ClosedMonthCorrections } from '../src/reconciliation/closed-month-corrections.js';
import { ReconciliationRuns } from '../src/reconciliation/reconciliation-runs.service.js';
import { ReconcileMonth } from '../src/reconciliation/use-cases/reconcile-month.use-case.js';
import { RECORD_CURRENT_REVISIONS } from '../test/support/pledge-revisions.sql.js';
import { BENCH_PLEDGES } from './allocate.bench.sql.js';
import { seconds, timed } from './bench-support.js';
import { allocateMonthSql, CLOSE_MONTH, CLOSED_MONTHS, EXPECTED_CORRECTIONS, REGISTER_CHANGES } from './reconcile.closed-months.sql.js';
import { BENCH_RECON_REGISTER } from './reconcile.bench.sql.js';

const RUN_MONTH = '2026-12';
const FROM = '2025-01';

type Key = { month: string; nik: string; kind: string; reason: string };
const keyOf = (r: Key) => `${r.month} ${r.nik} ${r.kind} ${r.reason}`;

function countsBy(rows: Key[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[`${r.kind}/${r.reason}`] = (counts[`${r.kind}/${r.reason}`] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort());
}

export async function closedMonthsPart(app: INestApplicationContext, setup: pg.Client, participants: number): Promise<void> {
  const [, registerMs] = await timed(() => setup.query(BENCH_RECON_REGISTER, [participants]));
  await setup.query(BENCH_PLEDGES, [participants]);
  await setup.query(BENCH_PLEDGES.replaceAll('2026', '2025'), [participants]);
  await setup.query(RECORD_CURRENT_REVISIONS);
  await setup.query('ANALYZE');
  console.log(`Setup: ${participants.toLocaleString('en')} participants in ${seconds(registerMs)}`);

  const [, allocMs] = await timed(async () => {
    for (const month of CLOSED_MONTHS) for (const sql of allocateMonthSql(month)) await setup.query(sql);
  });
  const [{ obligations }] = (await setup.query(`SELECT count(*)::int AS obligations FROM obligation WHERE month >= $1 AND month < $2`, [FROM, RUN_MONTH])).rows;
  console.log(`Setup: ${CLOSED_MONTHS.length} months allocated (set-based) in ${seconds(allocMs)}: ${obligations.toLocaleString('en')} obligations`);
  for (const month of ['2025-12', '2026-11']) for (const sql of CLOSE_MONTH) await setup.query(sql, [month]);
  for (const sql of REGISTER_CHANGES) await setup.query(sql);
  const expected: Key[] = (await setup.query(EXPECTED_CORRECTIONS, [FROM, RUN_MONTH])).rows;
  console.log(`Setup: 2025-12 and 2026-11 finalized; register changed after allocation: ${JSON.stringify(countsBy(expected))} participant-months expected`);

  const data = app.get(DataSource);
  const compare = () => data.transaction((m) => readClosedMonthCorrections(m, RUN_MONTH));
  const [first, firstMs] = await timed(compare);
  const [, secondMs] = await timed(compare);
  report(first, expected);
  console.log(`\nClosed-month comparison of a ${RUN_MONTH} run (readClosedMonthCorrections, ${first.months.length} closed months): ${seconds(firstMs)} (second: ${seconds(secondMs)})`);

  if (process.env.BENCH_DECEMBER_RUN === '0') return;
  const [, decAllocMs] = await timed(() => app.get(AllocateMonth).execute({ month: RUN_MONTH, actor: 'bench' }));
  console.log(`Setup: ${RUN_MONTH} allocation (not timed below) in ${seconds(decAllocMs)}`);
  const [run, runMs] = await timed(() => app.get(ReconcileMonth).execute({ month: RUN_MONTH, actor: 'bench' }));
  const summary = await app.get(ReconciliationRuns).get(run.id);
  const c = summary.closedMonthCorrections;
  console.log(`Whole ${RUN_MONTH} run (ReconcileMonth.execute, no bill): ${seconds(runMs)}; its closedMonthCorrections: ${c?.participantMonths} participant-months, ` +
    `over ${c?.over.participantMonths} (Rp${c?.over.amount}), under ${c?.under.participantMonths} (Rp${c?.under.amount}), ${c?.months.length} months`);
}

function report(found: ClosedMonthCorrections, expected: Key[]): void {
  const got = found.items.map((i) => ({ month: i.month, nik: i.nik, kind: i.kind, reason: i.reason }));
  const want = new Set(expected.map(keyOf));
  const have = new Set(got.map(keyOf));
  const missing = [...want].filter((k) => !have.has(k));
  const extra = [...have].filter((k) => !want.has(k));
  console.log(`Found ${got.length} participant-months: ${JSON.stringify(countsBy(got))}; over Rp${found.over.amount} (funded Rp${found.over.funded}), under Rp${found.under.amount}`);
  console.log(missing.length + extra.length === 0 ? 'Check: the rows found are exactly those the changes give' : `Check FAILED: ${missing.length} missing (${missing.slice(0, 5).join('; ')}), ${extra.length} extra (${extra.slice(0, 5).join('; ')})`);
}
