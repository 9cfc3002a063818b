import type { ClosedMonthCorrections } from '../../reconciliation/closed-month-corrections.js';
import type { RunInputs } from '../../reconciliation/reconciliation.types.js';

/** The run summary as stored in `reconciliation_run.summary`: the shape of GET /reconciliations/:id (API.md). */
export interface ReconciliationSummary {
  id: string;
  month: string;
  version: number;
  status: 'DONE' | 'RUNNING' | 'FAILED' | 'FINAL';
  participants: number;
  obligation: number;
  funded: Array<{ pledgeCode: string; sourceType: string; participants: number; amount: number }>;
  unfunded: { participants: number; amount: number };
  bill: { invoiceTotal: number; linesTotal: number; payable: number; overbilled: number; underbilled: number } | null;
  findings: Record<string, number>;
  payments: Array<{ pledgeCode: string; due: number; paid: number; status: string; late: boolean }>;
  /** What the officer was told when it ran (run-warnings.ts); absent on runs stored before. */
  warnings?: Array<{ code: string; message: string; details?: { billVersion: number; rowsRejected: number } }>;
  /** The register corrections of the year's closed months the run kept, with their participant-months; absent on runs stored before. */
  closedMonthCorrections?: ClosedMonthCorrections;
}

export interface RunRow {
  id: string;
  month: string;
  version: number;
  status: string;
  summary: Partial<ReconciliationSummary> | null;
  started_by: string;
  finished_at: Date | null;
  finalized_by: string | null;
  finalized_at: Date | null;
  /** The checksums of what the run read (null for runs stored without them). */
  inputs: RunInputs | null;
}

/** A summary with every list present and every amount a number, whatever the stored JSON omitted. */
export function normalizeSummary(run: RunRow): ReconciliationSummary {
  const s = run.summary ?? {};
  const n = (v: unknown) => Number(v ?? 0);
  return {
    id: run.id,
    month: run.month,
    version: run.version,
    status: run.status as ReconciliationSummary['status'],
    participants: n(s.participants),
    obligation: n(s.obligation),
    funded: (s.funded ?? []).map((f) => ({ ...f, participants: n(f.participants), amount: n(f.amount) })),
    unfunded: { participants: n(s.unfunded?.participants), amount: n(s.unfunded?.amount) },
    bill: s.bill
      ? {
          invoiceTotal: n(s.bill.invoiceTotal),
          linesTotal: n(s.bill.linesTotal),
          payable: n(s.bill.payable),
          overbilled: n(s.bill.overbilled),
          underbilled: n(s.bill.underbilled),
        }
      : null,
    findings: Object.fromEntries(Object.entries(s.findings ?? {}).map(([k, v]) => [k, n(v)])),
    payments: (s.payments ?? []).map((p) => ({ ...p, due: n(p.due), paid: n(p.paid), late: Boolean(p.late) })),
    ...(s.closedMonthCorrections ? { closedMonthCorrections: s.closedMonthCorrections } : {}),
  };
}
