/**
 * The pledge warnings of DOMAIN §5 and §6, as pure functions: told, never refused. The PledgeWarning shape;
 * the Dana Desa compliance rule (pledgeWarnings, and its forms over several revisions or SQL terms rows);
 * and the warnings given when a pledge is saved or checked: a code naming another year, the same funding
 * twice, a pledge shadowed by an earlier one taking the whole premium, NIKs not registered.
 */
import { rupiah } from '../../common/money.js';
import { monthNumberName, monthsSaid } from '../../common/month.js';
import { FUND_LABELS, SOURCE_TYPE_LABELS } from '../../reports/format/labels.js';
import { compareCodePoints } from './code-order.js';
import { shownList } from './pledge-lists.js';
import type { PledgeData } from './pledge-rules.js';

export interface PledgeWarning {
  /** DANA_DESA_PBI: the §5 compliance rule, on every output; the others are told when the pledge is saved or checked (entryWarnings). */
  code: 'DANA_DESA_PBI' | 'CODE_YEAR_MISMATCH' | 'NIKS_NOT_REGISTERED' | 'SAME_FUNDING_TWICE' | 'SHADOWED_BY_PRIORITY' | 'UNFUNDED_AFTER_REVISION' | 'PAYMENTS_EXCEED_DUE_AFTER_REVISION';
  pledgeCode: string;
  message: string;
}

/** §5 regulatory check: since 2024 Dana Desa may not pay PBI premiums (accepted, but flagged). */
export function pledgeWarnings(p: { code: string; sourceType: string; fund: string | null; fiscalYear: number }): PledgeWarning[] {
  if (p.sourceType === 'DESA' && p.fund === 'DANA_DESA' && p.fiscalYear >= 2024) {
    return [
      {
        code: 'DANA_DESA_PBI',
        pledgeCode: p.code,
        message:
          `Komitmen ${p.code} memakai Dana Desa untuk iuran PBI tahun ${p.fiscalYear}. Sejak 2024 Dana Desa tidak boleh ` +
          'dipakai membayar iuran PBI (Surat Edaran Kemendesa PDTT Nomor 4/PRI.00/I/2024). Komitmen tetap dicatat dan ' +
          'dialokasikan, tetapi sumber dananya perlu ditinjau (misalnya ADD atau PADes).',
      },
    ];
  }
  return [];
}

/** The §5 warnings of a pledge's terms at several revisions (a range of months, a file of splits), each once. */
export function revisionsWarnings(code: string, terms: readonly { sourceType: string; fund: string | null; fiscalYear: number }[]): PledgeWarning[] {
  return [...new Map(terms.flatMap((t) => pledgeWarnings({ code, ...t })).map((w) => [JSON.stringify(w), w])).values()];
}

/** A month a pledge funded, with the revision its splits were allocated under and that revision's terms. */
export interface RevisionUse {
  month: string;
  revision: number;
  terms: { sourceType: string; fund: string | null; fiscalYear: number };
}

/** "APBDes (Alokasi Dana Desa)": a pledge's source, with its village fund for a DESA pledge. */
export const fundingName = (p: { sourceType: string; fund: string | null }) =>
  `${SOURCE_TYPE_LABELS[p.sourceType] ?? p.sourceType}${p.fund ? ` (${FUND_LABELS[p.fund] ?? p.fund})` : ''}`;

/**
 * §5 for the months a pledge funded under an earlier revision that broke the Dana Desa rule, when its terms as they
 * stand (`p`) no longer do: those months, with their revision, are named (QA: once DANA_DESA was corrected to ADD, the
 * pledge, its statement and the year recap said nothing of the months already paid from Dana Desa). Nothing when `p`
 * itself is warned (pledgeWarnings says it of the whole pledge) or no such month is in `used`.
 */
export function earlierRevisionsWarnings(p: { code: string; sourceType: string; fund: string | null; fiscalYear: number }, used: readonly RevisionUse[]): PledgeWarning[] {
  if (pledgeWarnings(p).length) return [];
  const months = new Map<number, string[]>();
  for (const u of used) if (pledgeWarnings({ code: p.code, ...u.terms }).length) months.set(u.revision, [...(months.get(u.revision) ?? []), u.month]);
  if (!months.size) return [];
  const said = [...months].sort(([a], [b]) => a - b).map(([revision, of]) => `${monthsSaid(of)} (revisi ${revision})`);
  return [
    {
      code: 'DANA_DESA_PBI',
      pledgeCode: p.code,
      message:
        `Komitmen ${p.code} memakai Dana Desa untuk iuran PBI ${said.join(', ')}, sebelum sumber dananya diubah menjadi ${fundingName(p)}. ` +
        'Sejak 2024 Dana Desa tidak boleh dipakai membayar iuran PBI (Surat Edaran Kemendesa PDTT Nomor 4/PRI.00/I/2024): ' +
        'iuran bulan itu tetap tercatat dibayar dari Dana Desa dan perlu ditinjau.',
    },
  ];
}

/** A pledge revision's terms as SQL reads them (`pledge_terms`, a split joined to its revision). */
export interface TermsRow {
  source_type: string;
  fund: string | null;
  fiscal_year: number | string;
}

/** The terms the §5 rules read, from such a row. */
export const termsOf = (r: TermsRow) => ({ sourceType: r.source_type, fund: r.fund, fiscalYear: Number(r.fiscal_year) });

/**
 * The §5 warnings of the pledges `codes`, in that order, each by the terms of its rows among `rows` (a revision, or a
 * split at its revision, a row; `codeOf` names the pledge), each warning once (revisionsWarnings).
 */
export function warningsOfTerms<R extends TermsRow>(codes: readonly string[], rows: readonly R[], codeOf: (r: R) => string): PledgeWarning[] {
  return codes.flatMap((code) => revisionsWarnings(code, rows.filter((r) => codeOf(r) === code).map(termsOf)));
}

/**
 * A pledge code naming a year (2000–2099) other than its fiscal year: `APBD_PROV-2027` saved for 2026 funds
 * 2026 and keeps its code for good (QA: accepted silently). Told, not refused: a code is the funder's own.
 */
export function codeYearWarnings(p: { code: string; fiscalYear: number }): PledgeWarning[] {
  const years = [...new Set([...p.code.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)].map((m) => Number(m[1])))];
  if (!years.length || years.includes(p.fiscalYear)) return [];
  const named = years.join(' dan ');
  return [
    {
      code: 'CODE_YEAR_MISMATCH',
      pledgeCode: p.code,
      message:
        `Kode komitmen ${p.code} memuat tahun ${named}, tetapi tahun anggarannya ${p.fiscalYear}: komitmen ini membiayai bulan-bulan ${p.fiscalYear}, ` +
        `dan kode maupun tahun anggarannya tidak dapat diubah. Periksa tahunnya; komitmen tahun ${named} dicatat dengan kode lain.`,
    },
  ];
}

/**
 * Whether pledge `q` is of the same funding as `p` in some of the same months, as SAME_FUNDING in pledges.sql.ts asks it
 * of the stored pledges: for the rows of a sheet only checked (dry run), which are not stored (QA: a check of a sheet
 * holding a row twice under two codes said nothing, and saving it then warned).
 */
export function isSameFunding(p: PledgeData, q: PledgeData): boolean {
  if (q.code === p.code || q.fiscalYear !== p.fiscalYear || q.sourceType !== p.sourceType || q.fromMonth > p.toMonth || q.toMonth < p.fromMonth) return false;
  if (p.sourceType === 'APBD' || p.sourceType === 'APBD_PROV') return true;
  return p.sourceType === 'DESA' && q.fund === p.fund && q.villageCodes.some((v) => p.villageCodes.includes(v));
}

/** The budgets said by their labels, as the console and the workbooks name them (SOURCE_TYPE_LABELS, FUND_LABELS). */
const FUNDING_NAMES: Record<string, string> = { APBD: SOURCE_TYPE_LABELS.APBD, APBD_PROV: SOURCE_TYPE_LABELS.APBD_PROV };

/**
 * Another pledge of the same funding (SAME_FUNDING in pledges.sql.ts, isSameFunding: the regency's or the province's
 * budget, or a village's fund over one of its villages) in the same months of the year. Told, not refused: they are
 * allocated one after the other, which a split budget may mean; most often it is the first entered again. A pledge
 * cannot be deleted, so the advice is to check a sheet before saving it.
 */
export function sameFundingWarnings(
  p: { code: string; sourceType: string; fund: string | null; fiscalYear: number },
  others: readonly { code: string; from_month: number; to_month: number }[],
): PledgeWarning[] {
  if (!others.length) return [];
  const what = FUNDING_NAMES[p.sourceType] ?? `${SOURCE_TYPE_LABELS.DESA} dari ${FUND_LABELS[p.fund ?? ''] ?? p.fund} untuk desa yang sama`;
  const listed = others.map((o) => `${o.code} (${monthNumberName(o.from_month)}–${monthNumberName(o.to_month)})`).join(', ');
  return [
    {
      code: 'SAME_FUNDING_TWICE',
      pledgeCode: p.code,
      message:
        `Sudah ada komitmen ${what} tahun ${p.fiscalYear} pada bulan yang sama: ${listed}. ${others.length > 1 ? 'Semuanya' : 'Keduanya'} ikut dialokasikan dan ikut dihitung dalam proyeksi. ` +
        `Periksa apakah ${p.code} hanya salinan: bila ya, cabut salah satunya (menu Komitmen, bagian "Cabut komitmen"): komitmen yang dicabut tidak ikut dialokasikan lagi. Periksa lembar komitmen dengan "Periksa saja, jangan simpan" sebelum menyimpannya.`,
    },
  ];
}

/** What priorityShadowWarnings compares of a pledge of the year (PLEDGES_THAT_MAY_SHADOW, or a sheet's rows only checked). */
export type RankedPledge = Pick<PledgeData, 'code' | 'fiscalYear' | 'scope' | 'fromMonth' | 'toMonth' | 'sharePercent' | 'quota' | 'budget' | 'priority'>;

/** §6 order: lower priority first, ties by code in code-point order. */
const allocatedBefore = (a: RankedPledge, b: RankedPledge) => a.priority < b.priority || (a.priority === b.priority && compareCodePoints(a.code, b.code) < 0);

/** A pledge that leaves nothing for the pledges after it (§6): every participant, the whole premium, no quota. */
export const takesWholePremium = (q: Pick<RankedPledge, 'scope' | 'sharePercent' | 'quota'>) => q.scope === 'ALL' && q.sharePercent === 100 && q.quota === null;

/**
 * A pledge allocated after one that takes the whole premium of every participant in the same months (scope ALL, 100 %,
 * no quota) pays nothing in those months while that one's pagu lasts (without a pagu: ever), whatever its own terms
 * (QA: APBD_PROV-2027's 40 %, left at the default priority 90, tied with APBD-2027 and came after it by code: it paid
 * nothing, and only the projection said so later). Told, not refused: a province meant as a reserve is allowed. Either
 * side may be the one saved: `p` told it is shadowed by an earlier one of `others`, and of each of `others` it shadows.
 */
export function priorityShadowWarnings(p: RankedPledge, others: readonly RankedPledge[]): PledgeWarning[] {
  const overlap = (a: RankedPledge, b: RankedPledge) => a.code !== b.code && a.fiscalYear === b.fiscalYear && a.fromMonth <= b.toMonth && b.fromMonth <= a.toMonth;
  const sorted = [...others].sort((a, b) => (allocatedBefore(a, b) ? -1 : allocatedBefore(b, a) ? 1 : 0));
  const first = sorted.find((q) => overlap(p, q) && takesWholePremium(q) && allocatedBefore(q, p));
  const shadowed = takesWholePremium(p) ? sorted.filter((q) => overlap(p, q) && allocatedBefore(p, q)) : [];
  return [...(first ? [shadowWarning(first, p)] : []), ...shadowed.map((q) => shadowWarning(p, q))];
}

/** `shadowed` pays nothing while `by`'s pagu lasts, in the months they share: said with the fix, a smaller priority. */
function shadowWarning(by: RankedPledge, shadowed: RankedPledge): PledgeWarning {
  const from = Math.max(by.fromMonth, shadowed.fromMonth);
  const to = Math.min(by.toMonth, shadowed.toMonth);
  const months = from === shadowed.fromMonth && to === shadowed.toMonth ? '' : ` pada ${monthNumberName(from)}${from === to ? '' : `–${monthNumberName(to)}`} ${shadowed.fiscalYear}`;
  const rank =
    by.priority === shadowed.priority
      ? `berprioritas ${shadowed.priority}, sama dengan ${by.code} (cakupan semua peserta, 100 %) yang didahulukan karena urutan kode`
      : `berprioritas ${shadowed.priority}, sedangkan ${by.code} (cakupan semua peserta, 100 %) berprioritas ${by.priority} sehingga didahulukan`;
  const effect =
    by.budget === null
      ? `${by.code} tanpa pagu menanggung seluruh iuran semua peserta, jadi komitmen ini tidak menanggung apa pun${months}`
      : `selama pagu ${by.code} (${rupiah(by.budget)}) belum habis, komitmen ini tidak menanggung apa pun${months}`;
  // 30 as the template's hint says: after the default 10 (named residents) and 20 (villages), before an ALL pledge's 90
  const example = by.priority > 30 ? 30 : by.priority - 1;
  return {
    code: 'SHADOWED_BY_PRIORITY',
    pledgeCode: shadowed.code,
    message:
      `Komitmen ${shadowed.code} ${rank}; ${effect}. ` +
      `Beri ${shadowed.code} prioritas lebih kecil dari ${by.priority} (mis. ${example}; angka lebih kecil dipakai lebih dahulu) bila ${shadowed.code} dimaksudkan membayar bagiannya lebih dulu dan ${by.code} menanggung sisanya.`,
  };
}

/**
 * The listed NIKs of a RESIDENTS pledge that no participant holds (yet): they are funded once registered, but a mistyped
 * NIK funds nobody (QA: accepted silently). `unregistered` is sorted; the first ten are named.
 */
export function unregisteredNiksWarnings(code: string, unregistered: readonly string[]): PledgeWarning[] {
  if (!unregistered.length) return [];
  return [
    {
      code: 'NIKS_NOT_REGISTERED',
      pledgeCode: code,
      message:
        `${unregistered.length} NIK pada komitmen ${code} belum terdaftar sebagai peserta: ${shownList(unregistered)}. ` +
        'Peserta itu didanai begitu terdaftar, tetapi NIK yang salah ketik tidak mendanai siapa pun: periksa NIK-nya.',
    },
  ];
}
