import type { EntityManager } from 'typeorm';

/**
 * What reconciliation needs from funding (DOMAIN §6): the month's obligations, splits and
 * unfunded remainders brought up to date inside the caller's transaction. Provided by the
 * funding module's `AllocateMonth` and `FundingWorker` (see reconciliation.module.ts).
 */
export interface MonthAllocator {
  ensureCurrent(month: string, actor: string, manager?: EntityManager): Promise<unknown>;
  /**
   * The same, ahead of a run's transaction and in one of its own: on PostgreSQL in the funding worker's thread
   * (FundingWorker.bringCurrent), so that a run's allocation of STALE months (0.3–0.5 s of one thread a month at a
   * million participants) does not hold the thread that answers every other request; elsewhere nothing. The monthly
   * schedule does not call it: a failed step of it changes nothing, the allocation included (its message says so).
   */
  bringCurrent(month: string, actor: string): Promise<void>;
  /** Whether bringCurrent does anything (on PostgreSQL with the funding worker), for a caller that checks first. */
  readonly bringsCurrentAhead: boolean;
}

export const MONTH_ALLOCATOR = Symbol('MONTH_ALLOCATOR');
