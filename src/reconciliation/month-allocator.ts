import type { EntityManager } from 'typeorm';

/**
 * What reconciliation needs from funding (DOMAIN §6): the month's obligations, splits and
 * unfunded remainders brought up to date inside the caller's transaction. Provided by the
 * funding module's `AllocateMonth` (see reconciliation.module.ts).
 */
export interface MonthAllocator {
  ensureCurrent(month: string, actor: string, manager?: EntityManager): Promise<unknown>;
}

export const MONTH_ALLOCATOR = Symbol('MONTH_ALLOCATOR');
