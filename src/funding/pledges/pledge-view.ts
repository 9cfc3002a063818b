import { pledgeWarnings, type PledgeWarning } from '../domain/pledge-warnings.js';
import type { Pledge } from '../entities/pledge.entity.js';
import { fromEntity } from './pledge-terms.js';

/** A pledge as the API returns it: money as integers, with its compliance warnings. */
export interface PledgeView {
  code: string;
  revision: number;
  sourceType: string;
  fund: string | null;
  funder: string;
  fiscalYear: number;
  fromMonth: number;
  toMonth: number;
  scope: string;
  villageCodes: string[];
  niks: string[];
  sharePercent: number;
  quota: number | null;
  budget: number | null;
  priority: number;
  legalBasis: string | null;
  warnings: PledgeWarning[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Withdrawn (dicabut): takes no part in the allocation of months computed since; `withdrawnAt`/`withdrawnBy` null while it stands. */
  withdrawn: boolean;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
}

/** The stored terms (fromEntity, money as integers) in their order after code and revision, then warnings and bookkeeping. */
export function toPledgeView(p: Pledge): PledgeView {
  const { code, ...terms } = fromEntity(p);
  return {
    code,
    revision: p.revision,
    ...terms,
    warnings: pledgeWarnings(p),
    createdBy: p.createdBy,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    withdrawn: p.withdrawnAt !== null,
    withdrawnAt: p.withdrawnAt,
    withdrawnBy: p.withdrawnBy,
  };
}
