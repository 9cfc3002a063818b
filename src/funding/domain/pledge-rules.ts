/**
 * Pledge rules of DOMAIN §5 as pure functions: the codes and defaults, the PledgeInput/PledgeData shapes, and
 * validation (Indonesian messages, one entry per field). The HTTP routes and the sheet upload share them.
 * The warnings (told, not refused) are pledge-warnings.ts; the reading of listed villages and NIKs pledge-lists.ts.
 */
import type { FieldProblem } from '../../common/errors/field-problem.js';
import type { PledgeScope } from './allocate.js';
import { MAX_RUPIAH, rupiah } from '../../common/money.js';
import { clip } from '../../common/errors/domain.exception.js';
import { monthNumberName } from '../../common/month.js';
import { apiMonthText } from './pledge-months.js';
import { butCame } from '../../common/value-kind.js';
import { lengthMessage } from '../../common/text.js';
import { invalidNiks, knownVillage, shownNik, unknownVillages, validNik } from './pledge-lists.js';
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

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/** Why `code` (of at most 80 characters) is not a pledge code (CODE_PATTERN), in the words of the rule it breaks (QA: "-1-1" was told it held a character it may not). */
function codeMessage(code: string): string {
  if (/^[A-Za-z0-9._-]+$/.test(code)) return `code "${clip(code)}" harus diawali huruf atau angka (bukan titik, garis bawah atau tanda hubung).`;
  return `code "${clip(code)}" hanya boleh berisi huruf, angka, titik, garis bawah atau tanda hubung, diawali huruf atau angka.`;
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
  // a month written with its year ("2026-11") is told the number to send, or that it is outside the fiscal year (QA)
  const monthRefusal = (field: string, v: unknown) => {
    const message = `${field} harus bulan 1 sampai 12 dari tahun anggaran.`;
    return apiMonthText(message, v, isInt(fiscalYear) ? fiscalYear : undefined) ?? butCame(message, v, 'number');
  };
  if (!monthOk(fromMonth)) fail('fromMonth', monthRefusal('fromMonth', fromMonth));
  if (!monthOk(toMonth)) fail('toMonth', monthRefusal('toMonth', toMonth));
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
  if (SCOPES.includes(scope) && (!isInt(priority) || Math.abs(priority) > 1_000_000)) fail('priority', `${butCame('priority harus bilangan bulat (-1000000 sampai 1000000)', priority, 'number')}; angka lebih kecil dipakai lebih dahulu.`);

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
