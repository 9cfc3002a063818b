/** What the audit trail says of the months a read recomputed because they were STALE (AllocateMonth.refreshStale). */
import { monthName } from '../../common/month.js';

/**
 * What a read that recomputes STALE months asked for, for their audit events (`asked`): one month
 * (GET /splits/summary?month=), a period of months (a quarter's statement), or null for a read of
 * every month (GET /splits?nik=, a participant's funding history).
 */
export type StaleRead = string | { from: string; to: string } | null;

/** What the events of a read's recompute say: the month or period it asked for (null: every month) and why STALE months were written. */
export interface StaleReadEvent {
  asked: string | null;
  why: string;
}

/**
 * Who a month recomputed because someone read it was allocated by (`allocatedBy`): the system,
 * not the reader, who may be an auditor and changes nothing; the change that made it STALE is in
 * the audit log under its own author.
 */
export function recomputedOnRead(reader: string): string {
  return `sistem (dihitung ulang saat dibaca oleh ${reader})`;
}

/**
 * What a read that recomputed STALE months asked for, as its events' `asked`: the month, a period of several as
 * `2026-01..2026-03` (QA: null, as for a read of every month, so the trail did not say which quarter was read), or null.
 */
function staleReadAsked(read: StaleRead): string | null {
  if (read === null || typeof read === 'string') return read;
  return read.from === read.to ? read.from : `${read.from}..${read.to}`;
}

/** What the audit trail says of a STALE month, in the users' words (QA: "(STALE)" read as English). */
export const OUTDATED = 'alokasi sudah tidak berlaku (data berubah sesudah dihitung)';

/** The recompute event of a read of `read`: what it asked for and why (staleReadWhy). */
export function staleReadEvent(read: StaleRead): StaleReadEvent {
  return { asked: staleReadAsked(read), why: staleReadWhy(read) };
}

/** Why a read recomputed a STALE month, naming what it read (a month, a period, every month). */
function staleReadWhy(read: StaleRead): string {
  const what =
    read === null ? 'semua bulan (pembacaan tanpa bulan, mis. riwayat pendanaan satu NIK)'
    : typeof read === 'string' ? `bulan ${monthName(read)}`
    : read.from === read.to ? `bulan ${monthName(read.from)}`
    : `${monthName(read.from)} s.d. ${monthName(read.to)}`;
  return `${OUTDATED}: dihitung ulang sebelum pembacaan ${what}`;
}
