/**
 * The checksums a run keeps of what it read (RunInputs, DOMAIN §9), computed the same way when the
 * run is made (ReconcileMonth) and when it is finalized (FinalizeRun), so that a run whose
 * allocation or payments changed in between cannot be signed.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ALLOCATION_NOT_FROZEN } from '../periods/frozen-allocations.sql.js';
import type { RunInputs } from './reconciliation.types.js';
import { FUNDED_BY_PLEDGE, OBLIGATION_TOTALS, PAYMENTS_CHECKSUM } from './sql/reconcile.sql.js';

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
}

/** FUNDED_BY_PLEDGE's rows. */
export interface FundedByPledge {
  pledgeCode: string;
  sourceType: string;
  participants: number;
  amount: string;
  hash: string;
}

/** What a run reads of the month's obligations, splits and payments (its summary and its checksums come from these). */
export interface MonthInputRows {
  totals: ObligationTotals;
  funded: FundedByPledge[];
  paymentsChecksum: string;
}

export async function readMonthInputs(m: EntityManager, month: string): Promise<MonthInputRows> {
  const [totals] = await m.query(OBLIGATION_TOTALS, [month]);
  const funded = await m.query(FUNDED_BY_PLEDGE, [month]);
  const [payments] = await m.query(PAYMENTS_CHECKSUM, [month]);
  return { totals, funded, paymentsChecksum: payments.checksum };
}

/** The RunInputs checksums of those rows. */
export function monthDigests({ totals, funded, paymentsChecksum }: MonthInputRows): Pick<RunInputs, 'obligations' | 'splits' | 'payments'> {
  return { obligations: digest(totals.checksum), splits: splitsDigest(funded), payments: digest(paymentsChecksum) };
}

/**
 * Months of `$1`'s year up to it whose allocation is out of date (STALE) and not frozen: their
 * recomputation would change `$1`'s splits (budgets carry over, §6), so `$1` cannot be signed yet.
 */
export const OUTDATED_MONTHS_UP_TO = `
  SELECT string_agg(a.month, ', ' ORDER BY a.month) AS months FROM allocation_month a
   WHERE a.status <> 'CURRENT' AND left(a.month, 4) = left($1, 4) AND a.month <= $1 AND ${ALLOCATION_NOT_FROZEN}`;
