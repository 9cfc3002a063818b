/**
 * The pledge form of DOMAIN §5, for creating (code and fiscal year editable) and revising (plus a
 * reason). Converts the form to the API's JSON: numbers as numbers, lists as arrays, blanks as null.
 */
import { h } from '../dom.js';
import { currentMonth, FUND_LABELS, MONTH_NAMES, number, parseRupiah, RUPIAH_HINT, SCOPE_LABELS, SOURCE_TYPE_LABELS, SOURCE_TYPES } from '../format.js';
import { field } from '../forms.js';
import { villageChecklist } from '../village-checklist.js';
import { villageOptions } from '../villages.js';

/** A select's options from a label table, the code in brackets unless the label ends with it (QA: "Alokasi Dana Desa (ADD) (ADD)"). Pure, tested. */
export const opts = (table) => Object.entries(table).filter(([k]) => k !== 'UNFUNDED').map(([value, text]) => ({ value, label: text.toUpperCase().endsWith(`(${value})`) ? text : `${text} (${value})` }));
const MONTH_OPTIONS = MONTH_NAMES.map((name, i) => ({ value: String(i + 1), label: name }));

/** Fields of the form; `pledge` pre-fills them (revision), `mode` is 'create' or 'revise'. */
export async function pledgeFields(pledge = {}, mode = 'create') {
  const villages = (await villageOptions('')).filter((o) => o.value);
  const villageSelect = villageChecklist({
    label: 'Desa yang ditanggung',
    name: 'villageCodes',
    options: villages,
    chosen: pledge.villageCodes ?? [],
    hint: 'Untuk cakupan "Desa tertentu". Centang desanya; ketik nama desa, kecamatan atau kode untuk menyaring daftar (desa yang sudah dicentang tetap terpilih).',
  });

  const fund = field({ label: 'Jenis dana desa', name: 'fund', value: pledge.fund ?? '', options: [{ value: '', label: '(pilih jenis dana desa)' }, ...opts(FUND_LABELS)] });
  const source = field({ label: 'Sumber dana', name: 'sourceType', required: true, value: pledge.sourceType ?? 'APBD', options: SOURCE_TYPES.map((v) => ({ value: v, label: `${SOURCE_TYPE_LABELS[v]} (${v})` })) });
  const scope = field({ label: 'Cakupan', name: 'scope', required: true, value: pledge.scope ?? 'ALL', options: opts(SCOPE_LABELS) });
  const niks = field({ label: 'NIK yang ditanggung', name: 'niks', multiline: true, value: (pledge.niks ?? []).join('\n'), hint: 'Untuk cakupan "Peserta tertentu": satu NIK per baris.', attrs: { rows: 4, inputmode: 'numeric' } });

  // Show only the fields that apply (they stay in the form, so the API still validates them).
  const sync = () => {
    const src = source.querySelector('select').value;
    const sc = scope.querySelector('select').value;
    fund.hidden = src !== 'DESA';
    villageSelect.hidden = sc !== 'VILLAGES';
    niks.hidden = sc !== 'RESIDENTS';
  };
  source.querySelector('select').addEventListener('change', sync);
  scope.querySelector('select').addEventListener('change', sync);
  sync();

  const year = defaultFiscalYear(new Date());
  return h(
    'div',
    { class: 'form-grid' },
    mode === 'create' ? field({ label: 'Kode komitmen', name: 'code', required: true, value: pledge.code, hint: 'Mis. APBD-2026, DESA-1703062001-2026', attrs: { autocomplete: 'off' } }) : null,
    mode === 'create' ? field({ label: 'Tahun anggaran', name: 'fiscalYear', type: 'number', required: true, value: pledge.fiscalYear ?? year, hint: FISCAL_YEAR_HINT, attrs: { min: '2018', max: '2100' } }) : null,
    source,
    fund,
    field({ label: 'Pemberi dana', name: 'funder', required: true, value: pledge.funder, hint: 'Nama pemda, desa atau perusahaan' }),
    field({ label: 'Dari bulan', name: 'fromMonth', value: pledge.fromMonth ?? 1, options: MONTH_OPTIONS }),
    field({ label: 'Sampai bulan', name: 'toMonth', value: pledge.toMonth ?? 12, options: MONTH_OPTIONS }),
    scope,
    field({ label: 'Porsi (%)', name: 'sharePercent', type: 'number', value: pledge.sharePercent ?? 100, hint: '1–100 dari tiap iuran', attrs: { min: '1', max: '100' } }),
    field({ label: 'Kuota peserta per bulan', name: 'quota', type: 'number', value: pledge.quota ?? '', hint: 'Kosongkan bila tanpa kuota', attrs: { min: '1' } }),
    field({ label: 'Pagu setahun (Rp)', name: 'budget', value: pledge.budget === null || pledge.budget === undefined ? '' : number(pledge.budget), hint: 'Kosongkan bila tanpa pagu', attrs: { inputmode: 'numeric' } }),
    field({ label: 'Prioritas', name: 'priority', type: 'number', value: pledge.priority ?? '', hint: 'Angka lebih kecil dipakai lebih dahulu. Kosong: bawaan (NIK 10, desa 20, semua 90)' }),
    wide(villageSelect),
    wide(niks),
    wide(field({ label: 'Dasar hukum', name: 'legalBasis', value: pledge.legalBasis ?? '', hint: 'Nomor dan tanggal PKS / SK' })),
    mode === 'revise' ? wide(field({ label: 'Alasan perubahan', name: 'reason', required: true, multiline: true, hint: 'Mis. Perubahan pagu APBD-P 2026 (Perda No. 5/2026)' })) : null,
  );
}

/** What the new pledge's "Tahun anggaran" says of its default. */
export const FISCAL_YEAR_HINT = 'Bawaan: tahun berjalan; pada November dan Desember tahun berikutnya, karena komitmen yang dicatat akhir tahun biasanya untuk tahun anggaran mendatang. Samakan dengan tahun pada kodenya.';

/**
 * The fiscal year a new pledge's form starts with: the calendar year, the next one in November and December (QA: a
 * 2027 pledge entered on 5 December 2026 kept the default 2026 and re-split every open month of 2026). Pure, tested.
 */
export function defaultFiscalYear(now) {
  // in WIB, as every month of the console is (QA: a browser on UTC said 2026 at 01.00 WIB on 1 November)
  const [year, month] = currentMonth(now).split('-').map(Number);
  return year + (month >= 11 ? 1 : 0);
}

/**
 * What to say before a new pledge is saved whose code names another year than its fiscal year (neither can be
 * changed once saved: QA saved TJSLP-…-2026 as 2027 on the form's default), or null. The server warns too
 * (CODE_YEAR_MISMATCH); this asks before, once. Pure, tested.
 */
export function codeYearQuestion(code, fiscalYear) {
  const years = [...String(code ?? '').matchAll(/(?<!\d)(20\d{2})(?!\d)/g)].map((m) => Number(m[1]));
  const year = Number(fiscalYear);
  if (!years.length || !Number.isInteger(year) || years.includes(year)) return null;
  return `Kode ${code} memuat tahun ${years[0]}, tetapi tahun anggarannya ${year}. Kode dan tahun anggaran tidak dapat diubah setelah disimpan: samakan keduanya, atau klik Simpan komitmen sekali lagi untuk tetap menyimpan.`;
}

/** A field across the whole grid row (hidden fields then take no room at all). */
function wide(fieldEl) {
  fieldEl.classList.add('field--wide');
  return fieldEl;
}

const intOrNull = (v) => (v === '' || v === undefined ? null : Number(v));
const intOrUndefined = (v) => (v === '' || v === undefined ? undefined : Number(v));

/**
 * The form's values as the API's JSON body, and what the form cannot read itself (`pledgeProblems`). Pure
 * apart from reading the form (unit-tested via pledgeBody and pledgeProblems).
 */
export function pledgeRequestFromForm(formEl, mode) {
  const data = new FormData(formEl);
  const get = (k) => String(data.get(k) ?? '').trim();
  const v = {
      code: get('code'), fiscalYear: get('fiscalYear'), sourceType: get('sourceType'), fund: get('fund'), funder: get('funder'),
      fromMonth: get('fromMonth'), toMonth: get('toMonth'), scope: get('scope'), villageCodes: data.getAll('villageCodes').map(String),
      niks: get('niks'), sharePercent: get('sharePercent'), quota: get('quota'), budget: get('budget'), priority: get('priority'),
      legalBasis: get('legalBasis'), reason: get('reason'),
  };
  return { body: pledgeBody(v, mode), problems: pledgeProblems(v) };
}

const unreadableBudget = (v) => v.budget !== '' && v.budget !== undefined && parseRupiah(v.budget) === null;

/** The fields the form cannot read ([{ field, messages }]): a pagu that is not a rupiah amount. Pure, unit-tested. */
export function pledgeProblems(v) {
  return unreadableBudget(v) ? [{ field: 'budget', messages: [RUPIAH_HINT] }] : [];
}

/**
 * The NIKs typed or pasted in the form, in order. A line (or an item between commas or semicolons) whose digits, once
 * spaces and dots are taken out, are exactly 16 is one NIK as printed (`1703 0102 0709 2185`, QA: it became four
 * NIKs of four digits); anything else is split on whitespace as typed, so the API names each one it refuses. Pure.
 */
export function nikList(text) {
  return String(text ?? '')
    .split(/[\n\r,;]+/)
    .flatMap((item) => {
      const joined = item.replace(/[\s.]+/g, '');
      return /^\d{16}$/.test(joined) ? [joined] : item.split(/\s+/);
    })
    .filter(Boolean);
}

/**
 * Form strings → API body. Pure, unit-tested. A pagu that is not a rupiah amount is sent as typed: the API
 * refuses the text (nothing is saved) and says what else is wrong, so every field's problem shows at once
 * with the form's own for the pagu (`pledgeProblems`, `withFormProblems`; QA: "lima juta" hid a Porsi of -5).
 */
export function pledgeBody(v, mode) {
  const body = {
    sourceType: v.sourceType,
    fund: v.sourceType === 'DESA' ? v.fund || null : null,
    funder: v.funder,
    fromMonth: intOrUndefined(v.fromMonth),
    toMonth: intOrUndefined(v.toMonth),
    scope: v.scope,
    villageCodes: v.scope === 'VILLAGES' ? v.villageCodes : [],
    niks: v.scope === 'RESIDENTS' ? nikList(v.niks) : [],
    sharePercent: intOrUndefined(v.sharePercent),
    quota: intOrNull(v.quota),
    budget: v.budget === '' || v.budget === undefined ? null : unreadableBudget(v) ? v.budget : parseRupiah(v.budget),
    priority: intOrUndefined(v.priority),
    legalBasis: v.legalBasis || null,
  };
  if (mode === 'create') Object.assign(body, { code: v.code, fiscalYear: intOrUndefined(v.fiscalYear) });
  else body.reason = v.reason;
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
