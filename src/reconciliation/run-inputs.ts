/**
 * The checksums a run keeps of what it read (RunInputs, DOMAIN §9), computed the same way when the
 * run is made (ReconcileMonth) and when it is finalized (FinalizeRun), so that a run whose
 * allocation or payments changed in between cannot be signed.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { monthName } from '../common/month.js';
import { ALLOCATION_NOT_FROZEN } from '../periods/sql/frozen-allocations.sql.js';
import type { RunInputs } from './reconciliation.types.js';
import { FUNDED_BY_PLEDGE, LATEST_INPUTS, OBLIGATION_TOTALS, PAYMENTS_CHECKSUM } from './sql/reconcile.sql.js';

/** What these reads need of a transaction's EntityManager or of the DataSource (a report reads outside one). */
type Queryable = Pick<EntityManager, 'query'>;

/** How changedSince names the month's payments changing (the workbook's Pembayaran sheet looks for it). */
export const PAYMENTS_CHANGED = 'pembayaran';

/** SHA-256 (hex) of a checksum text, as RunInputs stores them. */
export function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** The splits' checksum from FUNDED_BY_PLEDGE's rows (participants and hash-sum per pledge). */
function splitsDigest(funded: readonly FundedByPledge[]): string {
  const count = funded.reduce((n, f) => n + Number(f.participants), 0);
  const hash = funded.reduce((h, f) => h + BigInt(f.hash), 0n);
  return digest(`${count}:${hash}`);
}

/** OBLIGATION_TOTALS' row. */
export interface ObligationTotals {
  participants: number;
  obligation: string;
  unfundedParticipants: number;
  unfundedAmount: string;
  checksum: string;
  /** Hash-sum of the NIKs alone: who is owed. */
  nikChecksum: string;
}

/** FUNDED_BY_PLEDGE's rows. */
export interface FundedByPledge {
  pledgeCode: string;
  sourceType: string;
  participants: number;
  amount: string;
  hash: string;
  revisionFrom: number;
  revisionTo: number;
}

/** What a run reads of the month's obligations, splits and payments (its summary and its checksums come from these). */
export interface MonthInputRows {
  totals: ObligationTotals;
  funded: FundedByPledge[];
  paymentsChecksum: string;
}

export async function readMonthInputs(m: Queryable, month: string): Promise<MonthInputRows> {
  const [totals] = await m.query(OBLIGATION_TOTALS, [month]);
  const funded = await m.query(FUNDED_BY_PLEDGE, [month]);
  const [payments] = await m.query(PAYMENTS_CHECKSUM, [month]);
  return { totals, funded, paymentsChecksum: payments.checksum };
}

/** The RunInputs checksums of those rows, and the figures they cover. */
export function monthDigests(rows: MonthInputRows): Pick<RunInputs, 'obligations' | 'splits' | 'payments' | 'pledges' | 'obligationTotals'> {
  const { totals, funded, paymentsChecksum } = rows;
  return { obligations: digest(totals.checksum), splits: splitsDigest(funded), payments: digest(paymentsChecksum), ...monthFigures(rows) };
}

function monthFigures({ totals, funded }: MonthInputRows): Pick<RunInputs, 'pledges' | 'obligationTotals'> {
  return {
    pledges: Object.fromEntries(
      funded.map((f) => [f.pledgeCode, { participants: Number(f.participants), amount: Number(f.amount), revisionFrom: Number(f.revisionFrom), revisionTo: Number(f.revisionTo) }]),
    ),
    obligationTotals: {
      participants: Number(totals.participants),
      obligation: Number(totals.obligation),
      unfundedParticipants: Number(totals.unfundedParticipants),
      unfundedAmount: Number(totals.unfundedAmount),
      niks: digest(`${totals.participants}:${totals.nikChecksum}`),
    },
  };
}

/** A pledge's revisions in a month as said: `3`, or `2–3` for a month whose splits carry both. */
const revisionsOf = (p: { revisionFrom: number; revisionTo: number }) => (p.revisionFrom === p.revisionTo ? `${p.revisionFrom}` : `${p.revisionFrom}–${p.revisionTo}`);

/**
 * The splits' change in words: a pledge revised without moving a rupiah of any pledge (an APBD-P that
 * lowered a pagu the month never reached) is said as that, not as "pembagian dana antar komitmen"
 * (QA: every open month's run then read as if the funders' shares had moved).
 */
function splitsChange(was: RunInputs['pledges'], now: RunInputs['pledges']): string {
  if (!was || !now) return 'pembagian dana antar komitmen';
  const codes = [...new Set([...Object.keys(was), ...Object.keys(now)])].sort();
  const sameFigures = codes.every((c) => was[c] && now[c] && was[c].participants === now[c].participants && was[c].amount === now[c].amount);
  const revised = codes.filter((c) => was[c] && now[c] && revisionsOf(was[c]) !== revisionsOf(now[c])).map((c) => `${c} revisi ${revisionsOf(was[c])} → ${revisionsOf(now[c])}`);
  if (sameFigures && revised.length) return `revisi komitmen (${revised.join(', ')}), tanpa perubahan jumlah peserta dan rupiah per komitmen`;
  return 'pembagian dana antar komitmen';
}

/**
 * The obligations' change in words: the obligations themselves, only the unfunded remainder, who is
 * owed with the same count and rupiah (one left, another joined: QA, it was said as a TMT or village
 * change), or only the TMT or village of those owed. A run made before the NIKs were hashed apart
 * cannot tell the last two apart, and names both.
 */
function obligationsChange(was: RunInputs['obligationTotals'], now: RunInputs['obligationTotals']): string {
  if (!was || !now || was.participants !== now.participants || was.obligation !== now.obligation) return 'kewajiban iuran peserta';
  if (was.unfundedParticipants !== now.unfundedParticipants || was.unfundedAmount !== now.unfundedAmount) return 'sisa iuran yang tidak terdanai';
  if (!was.niks || !now.niks) return 'data peserta yang dialokasikan (peserta, TMT atau desa), tanpa perubahan jumlah peserta dan iuran';
  if (was.niks !== now.niks) return 'peserta yang berutang iuran (ada yang keluar dan ada yang masuk), tanpa perubahan jumlah peserta dan iuran';
  return 'TMT atau desa peserta, tanpa perubahan jumlah iuran';
}

/**
 * Months of `$1`'s year up to it whose allocation is out of date (STALE) and not frozen: their
 * recomputation would change `$1`'s splits (budgets carry over, §6), so `$1` cannot be signed yet.
 */
export const OUTDATED_MONTHS_UP_TO = `
  SELECT string_agg(a.month, ', ' ORDER BY a.month) AS months FROM allocation_month a
   WHERE a.status <> 'CURRENT' AND left(a.month, 4) = left($1, 4) AND a.month <= $1 AND ${ALLOCATION_NOT_FROZEN}`;

/**
 * What of `month` changed since a run read `inputs`, in Indonesian words for the person reading, in
 * this order; empty when the month still holds what the run read:
 * - a newer bill or PBI-APBN list;
 * - a month of the year up to it waiting to be re-allocated (a pledge or the register changed);
 * - other splits, obligations or payments than the run's checksums (said for what moved: a pledge
 *   revised with the same rupiah, only the unfunded remainder).
 * FinalizeRun refuses a run with any and a DONE run's workbook marks itself a draft, both naming them all.
 * `now`: the month's rows as just read (readMonthInputs), if the caller has them.
 */
export async function changedSince(m: Queryable, month: string, inputs: RunInputs, now?: MonthInputRows): Promise<string[]> {
  const changed: string[] = [];
  const [latest] = await m.query(LATEST_INPUTS, [month]);
  const idOf = (v: unknown) => ((v === null || v === undefined ? null : typeof v === 'string' ? JSON.parse(v) : v) as { id: string } | null)?.id ?? null;
  if (idOf(latest.bill) !== (inputs.bill?.id ?? null)) changed.push('tagihan BPJS');
  if (idOf(latest.pbi) !== (inputs.pbiApbnList?.id ?? null)) changed.push('daftar PBI APBN');
  const [{ months }] = await m.query(OUTDATED_MONTHS_UP_TO, [month]);
  if (months) {
    const named = (months as string).split(', ').map(monthName).join(', ');
    changed.push(`alokasi bulan ${named} perlu dihitung ulang karena komitmen atau daftar peserta berubah`);
  }
  const digests = monthDigests(now ?? (await readMonthInputs(m, month)));
  if (digests.splits !== inputs.splits) changed.push(splitsChange(inputs.pledges, digests.pledges));
  if (digests.obligations !== inputs.obligations) changed.push(obligationsChange(inputs.obligationTotals, digests.obligationTotals));
  if (digests.payments !== inputs.payments) changed.push(PAYMENTS_CHANGED);
  return changed;
}

/**
 * A newer run of the month than `version`, in the words of changedSince's list ("rekonsiliasi versi 3
 * sudah difinalisasi"), or null: a DONE run superseded by a later version, finalized or not, holds
 * figures nobody may sign even when the month's data did not change (QA: version 2's workbook, after
 * version 3 of the same data was finalized, had no draft mark). The finalized one is named first.
 */
export async function newerRun(m: Queryable, month: string, version: number): Promise<string | null> {
  const [newer]: { version: number; status: string }[] = await m.query(
    `SELECT version, status FROM reconciliation_run WHERE month = $1 AND version > $2 AND status IN ('DONE', 'FINAL')
     ORDER BY status = 'FINAL' DESC, version DESC LIMIT 1`,
    [month, version],
  );
  if (!newer) return null;
  return `rekonsiliasi versi ${newer.version} sudah ${newer.status === 'FINAL' ? 'difinalisasi' : 'dijalankan'}`;
}
