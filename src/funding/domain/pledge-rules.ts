/**
 * Pledge rules of DOMAIN §5 as pure functions: defaults, validation (Indonesian messages, one
 * entry per field) and the compliance warnings. The HTTP routes and the sheet upload share them.
 */
import { normalizeVillageCode } from '../../regions/village-code.js';
import type { FieldProblem } from '../funding.exception.js';
import type { PledgeScope } from './allocate.js';
import { MAX_RUPIAH, rupiah } from '../../common/money.js';
import { checkNik } from '../../common/nik.js';
import { clip } from '../../common/errors/domain.exception.js';
import { monthNumberName } from '../../common/month.js';
import { butCame } from '../../common/value-kind.js';
import { lengthMessage } from '../../common/text.js';
import { compareCodePoints } from './code-order.js';
import { SCOPE_LABELS, SOURCE_TYPE_LABELS } from '../../reports/format/labels.js';

export const SOURCE_TYPES = ['APBD', 'APBD_PROV', 'DESA', 'TJSLP'] as const;
export const FUNDS = ['DANA_DESA', 'ADD', 'PADES'] as const;
export const SCOPES = ['ALL', 'VILLAGES', 'RESIDENTS'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];
export type Fund = (typeof FUNDS)[number];

export const DEFAULT_PRIORITY: Record<PledgeScope, number> = { RESIDENTS: 10, VILLAGES: 20, ALL: 90 };

/** What a caller sends (any field may be missing or of the wrong kind: this is checked here). */
export interface PledgeInput {
  code?: unknown;
  sourceType?: unknown;
  fund?: unknown;
  funder?: unknown;
  fiscalYear?: unknown;
  fromMonth?: unknown;
  toMonth?: unknown;
  scope?: unknown;
  villageCodes?: unknown;
  niks?: unknown;
  sharePercent?: unknown;
  quota?: unknown;
  budget?: unknown;
  priority?: unknown;
  legalBasis?: unknown;
}

/** A valid pledge, normalised: village codes dotted, lists deduplicated and sorted. */
export interface PledgeData {
  code: string;
  sourceType: SourceType;
  fund: Fund | null;
  funder: string;
  fiscalYear: number;
  fromMonth: number;
  toMonth: number;
  scope: PledgeScope;
  villageCodes: string[];
  niks: string[];
  sharePercent: number;
  quota: number | null;
  budget: number | null;
  priority: number;
  legalBasis: string | null;
}

export interface PledgeWarning {
  /** DANA_DESA_PBI: the §5 compliance rule, on every output; the others are told when the pledge is saved or checked (entryWarnings). */
  code: 'DANA_DESA_PBI' | 'CODE_YEAR_MISMATCH' | 'NIKS_NOT_REGISTERED' | 'SAME_FUNDING_TWICE' | 'SHADOWED_BY_PRIORITY' | 'UNFUNDED_AFTER_REVISION' | 'PAYMENTS_EXCEED_DUE_AFTER_REVISION';
  pledgeCode: string;
  message: string;
}

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/** Why `code` (of at most 80 characters) is not a pledge code (CODE_PATTERN), in the words of the rule it breaks (QA: "-1-1" was told it held a character it may not). */
function codeMessage(code: string): string {
  if (/^[A-Za-z0-9._-]+$/.test(code)) return `code "${clip(code)}" harus diawali huruf atau angka (bukan titik, garis bawah atau tanda hubung).`;
  return `code "${clip(code)}" hanya boleh berisi huruf, angka, titik, garis bawah atau tanda hubung, diawali huruf atau angka.`;
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

const FUNDING_NAMES: Record<string, string> = { APBD: 'APBD kabupaten', APBD_PROV: 'APBD provinsi' };
const FUND_NAMES: Record<string, string> = { DANA_DESA: 'Dana Desa', ADD: 'Alokasi Dana Desa (ADD)', PADES: 'Pendapatan Asli Desa (PADes)' };

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
  const what = FUNDING_NAMES[p.sourceType] ?? `anggaran desa dari ${FUND_NAMES[p.fund ?? ''] ?? p.fund} untuk desa yang sama`;
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
      `Beri ${shadowed.code} prioritas lebih kecil dari ${by.priority} (mis. ${example}; makin kecil makin dahulu membayar) bila ${shadowed.code} dimaksudkan membayar bagiannya lebih dulu dan ${by.code} menanggung sisanya.`,
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

const isBlank = (v: unknown) => v === undefined || v === null || v === '';
/** Left out (a sheet's empty cell, a JSON field not sent): "wajib diisi". A JSON null is a value of the wrong kind, told what came. */
const leftOut = (v: unknown) => v === undefined || v === '';
/** Text, or left out (said to be required): null, a number or a list is of the wrong kind, said so (not "wajib diisi"). */
const isText = (v: unknown) => v === undefined || typeof v === 'string';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
/** A quota is a count of participants a month: within an int column, far above any register. */
const MAX_QUOTA = 2_000_000_000;

/** Checks `input` (defaults applied) against §5; returns the normalised pledge or the problems. */
export function validatePledge(
  input: PledgeInput,
  knownVillages: ReadonlySet<string>,
): { pledge: PledgeData; problems: [] } | { pledge: null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const fail = (field: string, message: string) => {
    const existing = problems.find((p) => p.field === field);
    if (existing) existing.messages.push(message);
    else problems.push({ field, messages: [message] });
  };

  const code = typeof input.code === 'string' ? input.code.trim() : '';
  if (!isText(input.code)) fail('code', butCame('code (kode komitmen) harus berupa teks.', input.code, 'text'));
  else if (!code) fail('code', 'code (kode komitmen) wajib diisi.');
  else if (code.length > 80) fail('code', `${lengthMessage('code', code.length, 80)}.`);
  else if (!CODE_PATTERN.test(code)) fail('code', codeMessage(code));

  const sourceType = input.sourceType as SourceType;
  // an empty cell (a field left out) is told it is required, not that it is none of the codes (QA, pledge sheet)
  if (leftOut(sourceType)) fail('sourceType', `sourceType (sumber dana) wajib diisi: salah satu dari ${SOURCE_TYPES.join(', ')}.`);
  else if (!SOURCE_TYPES.includes(sourceType)) fail('sourceType', butCame(`sourceType harus salah satu dari: ${SOURCE_TYPES.join(', ')}.`, sourceType, 'text'));

  const fund = isBlank(input.fund) ? null : (input.fund as Fund);
  if (sourceType === 'DESA') {
    if (fund === null) fail('fund', `fund wajib diisi bila sourceType ${named(SOURCE_TYPE_LABELS, 'DESA')}: Dana Desa (DANA_DESA), Alokasi Dana Desa (ADD) atau Pendapatan Asli Desa (PADES).`);
    else if (!FUNDS.includes(fund)) fail('fund', butCame(`fund harus salah satu dari: ${FUNDS.join(', ')}.`, fund, 'text'));
  } else if (fund !== null && SOURCE_TYPES.includes(sourceType)) {
    fail('fund', `fund hanya diisi bila sourceType ${named(SOURCE_TYPE_LABELS, 'DESA')}; kosongkan untuk ${named(SOURCE_TYPE_LABELS, sourceType)}.`);
  }

  const funder = typeof input.funder === 'string' ? input.funder.trim() : '';
  if (!isText(input.funder)) fail('funder', butCame('funder (nama pemberi dana) harus berupa teks.', input.funder, 'text'));
  else if (!funder) fail('funder', 'funder (nama pemberi dana) wajib diisi.');
  else if (funder.length > 200) fail('funder', `${lengthMessage('funder', funder.length, 200)}.`);

  const fiscalYear = input.fiscalYear;
  if (leftOut(fiscalYear)) fail('fiscalYear', 'fiscalYear (tahun anggaran) wajib diisi.'); // not "harus antara 2018 dan 2099" (QA)
  else if (!isInt(fiscalYear) || fiscalYear < 2018 || fiscalYear > 2099) fail('fiscalYear', butCame('fiscalYear (tahun anggaran) harus antara 2018 dan 2099.', fiscalYear, 'number'));

  const fromMonth = isBlank(input.fromMonth) ? 1 : input.fromMonth;
  const toMonth = isBlank(input.toMonth) ? 12 : input.toMonth;
  const monthOk = (v: unknown): v is number => isInt(v) && v >= 1 && v <= 12;
  if (!monthOk(fromMonth)) fail('fromMonth', butCame('fromMonth harus bulan 1 sampai 12 dari tahun anggaran.', fromMonth, 'number'));
  if (!monthOk(toMonth)) fail('toMonth', butCame('toMonth harus bulan 1 sampai 12 dari tahun anggaran.', toMonth, 'number'));
  if (monthOk(fromMonth) && monthOk(toMonth) && fromMonth > toMonth) {
    fail('toMonth', `toMonth (bulan akhir) ${monthNumberName(toMonth)} lebih awal dari bulan awal ${monthNumberName(fromMonth)}: bulan akhir harus sama dengan atau sesudah bulan awal.`);
  }

  const scope = input.scope as PledgeScope;
  if (!SCOPES.includes(scope)) fail('scope', butCame(`scope harus salah satu dari: ${SCOPES.join(', ')}.`, scope, 'text'));

  const villageCodes = checkVillages(input.villageCodes, scope, knownVillages, fail);
  const niks = checkNiks(input.niks, scope, fail);

  const sharePercent = isBlank(input.sharePercent) ? 100 : input.sharePercent;
  if (!isInt(sharePercent) || sharePercent < 1 || sharePercent > 100) fail('sharePercent', butCame('sharePercent harus bilangan bulat 1 sampai 100.', sharePercent, 'number'));

  const quota = isBlank(input.quota) ? null : input.quota;
  if (quota !== null && (!isInt(quota) || quota <= 0 || quota > MAX_QUOTA)) {
    fail('quota', butCame(`quota (jumlah peserta per bulan) harus bilangan bulat lebih dari 0 dan paling besar ${MAX_QUOTA.toLocaleString('id-ID')}.`, quota, 'number'));
  }

  const budget = isBlank(input.budget) ? null : input.budget;
  if (budget !== null && (!isInt(budget) || budget <= 0 || budget > MAX_RUPIAH)) {
    fail('budget', butCame(`budget (pagu setahun) harus rupiah bulat lebih dari 0 dan paling besar ${rupiah(MAX_RUPIAH)}.`, budget, 'number'));
  }

  const priority = isBlank(input.priority) ? DEFAULT_PRIORITY[scope] : input.priority;
  if (SCOPES.includes(scope) && (!isInt(priority) || Math.abs(priority) > 1_000_000)) fail('priority', `${butCame('priority harus bilangan bulat (-1000000 sampai 1000000)', priority, 'number')}; makin kecil makin dahulu membayar.`);

  const legalBasis = isBlank(input.legalBasis) ? null : input.legalBasis;
  if (legalBasis !== null && typeof legalBasis !== 'string') fail('legalBasis', butCame('legalBasis harus berupa teks.', legalBasis, 'text'));
  // as long as it is text: QA was told "harus teks (maksimal 500 karakter)" for 5,000 characters of text
  else if (typeof legalBasis === 'string' && legalBasis.length > 500) fail('legalBasis', `${lengthMessage('legalBasis', legalBasis.length, 500)}.`);

  if (problems.length) return { pledge: null, problems };
  return {
    pledge: {
      code,
      sourceType,
      fund,
      funder,
      fiscalYear: fiscalYear as number,
      fromMonth: fromMonth as number,
      toMonth: toMonth as number,
      scope,
      villageCodes,
      niks,
      sharePercent: sharePercent as number,
      quota: quota as number | null,
      budget: budget as number | null,
      priority: priority as number,
      legalBasis: (legalBasis as string | null)?.trim() || null,
    },
    problems: [],
  };
}

function asList(value: unknown): unknown[] | null {
  if (isBlank(value)) return [];
  return Array.isArray(value) ? value : null;
}

/**
 * A code as users read it in messages, its label first (as the console, the workbooks and the sheet's accepted names say
 * it) and the code after it: `Peserta tertentu (RESIDENTS)` (QA: the sheet told someone who typed "Peserta tertentu" that
 * NIK was required "untuk CAKUPAN RESIDENTS"). A code without a label is said as it came.
 */
export function named(labels: Record<string, string>, code: unknown): string {
  if (typeof code !== 'string' || !labels[code]) return String(code ?? '-');
  // a label that opens with the code (`TJSLP (CSR)`) is not followed by it again
  return labels[code].startsWith(`${code} (`) ? labels[code] : `${labels[code]} (${code})`;
}

function checkVillages(value: unknown, scope: PledgeScope, known: ReadonlySet<string>, fail: (f: string, m: string) => void): string[] {
  const list = asList(value);
  if (list === null) {
    fail('villageCodes', butCame('villageCodes harus berupa daftar kode desa.', value, 'array'));
    return [];
  }
  if (scope === 'VILLAGES' && list.length === 0) fail('villageCodes', `villageCodes wajib diisi bila scope ${named(SCOPE_LABELS, 'VILLAGES')}: pilih minimal satu desa (kode desa, misalnya 17.03.06.2001).`);
  if (scope !== 'VILLAGES' && list.length > 0 && SCOPES.includes(scope)) fail('villageCodes', `villageCodes hanya diisi bila scope ${named(SCOPE_LABELS, 'VILLAGES')}; cakupan ini ${named(SCOPE_LABELS, scope)}, kosongkan daftar desanya.`);
  const out = new Set<string>();
  const unknown: string[] = [];
  for (const raw of list) {
    const code = knownVillage(raw, known);
    if (code) out.add(code);
    else unknown.push(typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw)).slice(0, 40));
  }
  if (unknown.length) fail('villageCodes', unknownVillages(unknown));
  return [...out].sort();
}

/** A listed village code (`1703062001` or dotted) as stored, dotted; null when the regency has no such village. */
export function knownVillage(raw: unknown, known: ReadonlySet<string>): string | null {
  const code = typeof raw === 'string' || typeof raw === 'number' ? normalizeVillageCode(String(raw)) : null;
  return code && known.has(code) ? code : null;
}

/** Why listed village codes are refused, naming them (the first ten). */
export function unknownVillages(codes: readonly string[]): string {
  // the console's list, not an API route: people read it (the pledge form's "Desa yang ditanggung" shows each village's code)
  return `Kode desa tidak dikenal di Kabupaten Bengkulu Utara: ${shownList(codes)}. Kode desa yang dikenal ada di pilihan "Desa yang ditanggung" pada formulir komitmen (menu Komitmen).`;
}

/** A listed NIK as stored (`1703 0601 0190 0901`, the KTP's digit groups, joined); null when it is no valid NIK (DOMAIN §2). */
export function validNik(raw: unknown): string | null {
  const nik = listedNik(raw);
  return checkNik(nik).ok ? nik : null;
}

/** Why listed NIKs are refused, naming them (the first ten). */
export function invalidNiks(niks: readonly string[]): string {
  return `NIK tidak valid: harus 16 digit angka (format kolom sebagai Teks di Excel), digit 7–12 tanggal lahir yang mungkin (DDMMYY, +40 untuk perempuan), nomor urut bukan 0000: ${shownList(niks)}.`;
}

// a NIK in the digit groups of the KTP (1703 0601 0190 0901) is that NIK, as in the register's sheets (QA)
const listedNik = (raw: unknown) => (typeof raw === 'string' ? raw.trim().replace(/(?<=\d)\s+(?=\d)/g, '') : (JSON.stringify(raw) ?? String(raw)));

/** A refused NIK as a message names it. */
export const shownNik = (raw: unknown) => listedNik(raw).slice(0, 40) || '(kosong)';

const shownList = (items: readonly string[]) => items.slice(0, 10).join(', ') + (items.length > 10 ? `, dan ${items.length - 10} lainnya` : '');

function checkNiks(value: unknown, scope: PledgeScope, fail: (f: string, m: string) => void): string[] {
  const list = asList(value);
  if (list === null) {
    fail('niks', butCame('niks harus berupa daftar NIK.', value, 'array'));
    return [];
  }
  if (scope === 'RESIDENTS' && list.length === 0) fail('niks', `niks wajib diisi bila scope ${named(SCOPE_LABELS, 'RESIDENTS')}: isi minimal satu NIK penerima.`);
  if (scope !== 'RESIDENTS' && list.length > 0 && SCOPES.includes(scope)) fail('niks', `niks hanya diisi bila scope ${named(SCOPE_LABELS, 'RESIDENTS')}; cakupan ini ${named(SCOPE_LABELS, scope)}, kosongkan daftar NIK-nya.`);
  const numbers = list.some((raw) => typeof raw === 'number');
  if (numbers) {
    // 9171014101900003 arrives as 9171014101900004: a NIK is too long for a JSON number (DOMAIN §2)
    fail('niks', 'niks harus berupa teks dalam tanda kutip ("1703064101900001"), bukan angka: angka sepanjang NIK kehilangan digit terakhirnya.');
  }
  const out = new Set<string>();
  const bad: string[] = [];
  // the other entries are judged all the same: every problem in one answer (QA: a bad NIK beside a number was told on the next try)
  for (const raw of list) {
    if (typeof raw === 'number') continue;
    const nik = validNik(raw);
    if (nik) out.add(nik);
    else bad.push(shownNik(raw));
  }
  if (bad.length) fail('niks', invalidNiks(bad));
  return numbers ? [] : [...out].sort();
}
