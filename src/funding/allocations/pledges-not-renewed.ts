import type { EntityManager } from 'typeorm';
import { PLEDGES_NOT_RENEWED } from '../sql/pledges-not-renewed.sql.js';

/** PLEDGES_NOT_RENEWED: funders of the year before with no pledge in the month's fiscal year (pledgesNotRenewed). */
export interface PledgesNotRenewedWarning {
  code: 'PLEDGES_NOT_RENEWED';
  message: string;
  /** The previous year's pledges whose funder has no pledge this year. */
  pledgeCodes: string[];
}

/**
 * A month of a fiscal year that has pledges, but not from every funder of the year before (PLEDGES_NOT_RENEWED sql):
 * their share then falls on the year's other pledges or goes unfunded, unsaid (QA: January 2027). Null when every
 * funder has one, when the year has none at all (NO_PLEDGES_FOR_YEAR says that), or for a month without participants.
 */
export async function pledgesNotRenewed(m: EntityManager, month: string, participants: number): Promise<PledgesNotRenewedWarning | null> {
  if (!participants) return null;
  const year = Number(month.slice(0, 4));
  const rows: { pledgeCode: string; sourceType: string; funder: string; villages: string[] | string }[] = await m.query(PLEDGES_NOT_RENEWED, [year]);
  if (!rows.length) return null;
  const said = rows.map((r) => {
    const villages = typeof r.villages === 'string' ? r.villages.replace(/[{}]/g, '').split(',').filter(Boolean) : r.villages;
    return `${r.funder} (${r.sourceType}, ${r.pledgeCode}${villages.length ? `, desa ${villages.join(', ')}` : ''})`;
  });
  return {
    code: 'PLEDGES_NOT_RENEWED',
    message:
      `Belum ada komitmen ${year} untuk: ${said.join('; ')}. Pemberi dana itu berkomitmen pada tahun ${year - 1}; tanpa komitmen ${year}, bagiannya ditanggung komitmen ${year} lain ` +
      `atau tidak terdanai. Catat komitmen ${year} mereka lalu hitung ulang alokasi, atau abaikan bila memang tidak berlanjut.`,
    pledgeCodes: rows.map((r) => r.pledgeCode),
  };
}
