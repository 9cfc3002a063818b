/**
 * The warnings a saved or checked pledge is told: the §5 compliance rule (on every output), a code naming another
 * year than its fiscal year, another pledge of the same funding in the same months (stored, or `checkedBefore`), a pledge
 * that pays nothing behind an earlier one taking every premium whole, or that `p` leaves so (SHADOWED_BY_PRIORITY), and
 * the listed NIKs no participant holds yet. Read on `m` (a pledge's own transaction, or none).
 */
import type { EntityManager } from 'typeorm';
import type { PledgeData } from '../domain/pledge-rules.js';
import { codeYearWarnings, isSameFunding, type PledgeWarning, pledgeWarnings, priorityShadowWarnings, type RankedPledge, sameFundingWarnings, takesWholePremium, unregisteredNiksWarnings } from '../domain/pledge-warnings.js';
import { PLEDGES_THAT_MAY_SHADOW, SAME_FUNDING } from '../sql/pledges.sql.js';

export async function entryWarnings(m: EntityManager, p: PledgeData, checkedBefore: readonly PledgeData[] = []): Promise<PledgeWarning[]> {
  const rows: { nik: string }[] = p.niks.length
    ? await m.query('SELECT k AS nik FROM unnest($1::text[]) AS k WHERE NOT EXISTS (SELECT 1 FROM participant r WHERE r.nik = k) ORDER BY k COLLATE "C"', [p.niks])
    : [];
  const stored: { code: string; from_month: number; to_month: number }[] = ['APBD', 'APBD_PROV', 'DESA'].includes(p.sourceType)
    ? await m.query(SAME_FUNDING, [p.fiscalYear, p.sourceType, p.code, p.fromMonth, p.toMonth, p.fund, p.villageCodes])
    : [];
  // `checkedBefore`: the earlier rows of a sheet only checked, which are not stored
  const same = [...stored, ...checkedBefore.filter((q) => isSameFunding(p, q)).map((q) => ({ code: q.code, from_month: q.fromMonth, to_month: q.toMonth }))];
  const ranked: RankedPledge[] = (await m.query(PLEDGES_THAT_MAY_SHADOW, [p.fiscalYear, p.code, p.fromMonth, p.toMonth, takesWholePremium(p)])).map((r: RankedPledge & { budget: string | null }) => ({
    ...r,
    budget: r.budget === null ? null : Number(r.budget),
  }));
  const shadows = priorityShadowWarnings(p, [...ranked, ...checkedBefore]);
  return [...pledgeWarnings(p), ...codeYearWarnings(p), ...sameFundingWarnings(p, same), ...shadows, ...unregisteredNiksWarnings(p.code, rows.map((r) => r.nik))];
}
