/**
 * The §5 compliance warnings (the Dana Desa rule, `DANA_DESA_PBI`: a pledge paid from Dana Desa since 2024) as every
 * page shows them: one box above a month's or a selection's figures, *Peringatan kepatuhan:* and a line per pledge
 * (the Dasbor, Rekonsiliasi and Alokasi), and a marker beside a pledge's row where a page lists pledges (Pembayaran, a
 * participant's funding). The API gives the warnings as `{ code, pledgeCode, message }` on a pledge, a summary row or a
 * page of splits; the words are the API's.
 */
import { h } from './dom.js';
import { badge, notice } from './ui.js';

export const COMPLIANCE_CODE = 'DANA_DESA_PBI';

/** The DANA_DESA_PBI warnings among `warnings`, each pledge's message once, in the order met. Pure. */
export function complianceWarnings(warnings = []) {
  const seen = new Set();
  return warnings.filter((w) => {
    const key = `${w?.pledgeCode}\u0000${w?.message}`;
    if (w?.code !== COMPLIANCE_CODE || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The lines of the box: `DESA-…-2026: Komitmen DESA-…-2026 memakai Dana Desa …`. Pure. */
export const complianceLines = (warnings) => complianceWarnings(warnings).map((w) => `${w.pledgeCode}: ${w.message}`);

/** pledgeCode → its messages (a pledge revised between two Dana Desa years may have two). Pure. */
export function complianceByPledge(warnings) {
  const map = new Map();
  for (const w of complianceWarnings(warnings)) map.set(w.pledgeCode, [...(map.get(w.pledgeCode) ?? []), w.message]);
  return map;
}

/** The warnings of a list of pledges (GET /api/v1/pledges), `codes` only when given. Pure. */
export const pledgesCompliance = (pledges = [], codes = null) => pledges.filter((p) => !codes || codes.has(p.code)).flatMap((p) => p.warnings ?? []);

/** The box above a month's or a selection's figures; null when there is nothing to say. */
export function complianceNotice(warnings) {
  const lines = complianceLines(warnings);
  return lines.length ? notice('warning', h('strong', { text: 'Peringatan kepatuhan: ' }), h('ul', {}, lines.map((l) => h('li', { text: l })))) : null;
}

/** Beside a pledge's row: a *Dana Desa* badge and the warning in small print under it; null for none. */
export function complianceMark(messages = []) {
  if (!messages.length) return null;
  return h('span', { class: 'compliance-mark' }, badge('Peringatan Dana Desa', 'warn'), messages.map((m) => h('small', { class: 'hint', text: m })));
}
