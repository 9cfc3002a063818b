/**
 * The compliance warnings of a pledge as workbooks show them: the funding module's §5 rule (Dana
 * Desa may not pay PBI premiums since 2024), computed from the pledge row, so every workbook that
 * uses such a pledge carries the same message as the API.
 */
import { pledgeWarnings } from '../../funding/domain/pledge-warnings.js';

export interface PledgeFundFacts {
  code: string;
  sourceType: string;
  fund: string | null;
  fiscalYear: number;
}

export function pledgeComplianceWarnings(pledge: PledgeFundFacts): string[] {
  return pledgeWarnings(pledge).map((w) => w.message);
}
