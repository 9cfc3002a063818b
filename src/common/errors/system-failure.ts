/**
 * What a user reads when an unexpected (non-domain) error ended their work: that it was the system's fault, that nothing
 * changed, what to do, and the time to quote to the admin, who finds the error itself in the server log (logger.error).
 * The raw error (usually the database's English text) is never shown (QA: "Penyebab: division by zero" on the page).
 */
import { wibTimestamp } from '../clock/clock.js';

/** `what` failed (e.g. "Penyimpanan"), `unchanged` says what stayed as it was, `retry` what to do again. */
export function systemFailureMessage(what: string, unchanged: string, retry: string, now: Date): string {
  return `${what} gagal karena kesalahan sistem; ${unchanged}. ${retry}; bila tetap gagal, hubungi admin (waktu: ${wibTimestamp(now)}).`;
}
