/**
 * An audit event's stored JSON summary as Indonesian text for the audit page: "Bulan: Oktober 2026;
 * Jumlah: Rp113.400". Field names get their Indonesian label, money keys read as rupiah, months and
 * dates as Indonesian dates, booleans as Ya/Tidak; unknown keys keep their API name. Pure, unit-tested
 * (test/console/console.figures.spec.ts; every key the server writes: console.audit-summary-labels.spec.ts).
 */
import { CATEGORY_LABELS, dateLabel, FUND_LABELS, MONTH_NAMES, monthLabel, number, ROLE_LABELS, rupiah, RUN_STATUS_LABELS, SCOPE_LABELS, SOURCE_TYPE_LABELS, TRIGGER_LABELS } from '../format.js';

/** API field → label. The API's own names stay searchable: the raw JSON is one click away. */
export const FIELD_LABELS = {
  accepted: 'Diterima',
  active: 'Aktif',
  adjustsMonth: 'Koreksi bulan',
  after: 'Sesudah tarif baru',
  allocated: 'Alokasi dihitung',
  amount: 'Jumlah',
  clientAddress: 'Alamat klien',
  asked: 'Diminta untuk bulan',
  attempted: 'Tindakan yang dicoba',
  bill: 'Tagihan',
  before: 'Sebelumnya',
  budget: 'Pagu',
  category: 'Kategori',
  clearedAt: 'Dihapus pada',
  clearedBy: 'Dihapus oleh',
  closedBy: 'Ditutup oleh tarif',
  code: 'Kode',
  coveredIn: 'Tertanggung pada bulan',
  component: 'Komponen',
  created: 'Baru',
  createdAt: 'Dicatat pada',
  createdBy: 'Dicatat oleh',
  dryRun: 'Uji coba',
  error: 'Galat',
  expectedRevision: 'Diubah dari revisi',
  file: 'Berkas',
  filter: 'Saringan',
  findings: 'Temuan',
  fiscalYear: 'Tahun anggaran',
  // a splits workbook's range of months (split.export's `filter`: QA, "Saringan: (from: 2026-07, to: 2026-09)")
  from: 'Dari bulan',
  fromMonth: 'Dari bulan',
  fund: 'Dana',
  funded: 'Terdanai',
  funder: 'Pemberi dana',
  id: 'ID',
  invoiceTotal: 'Total invoice',
  legalBasis: 'Dasar hukum',
  listed: 'Tercantum',
  linesTotal: 'Total baris tagihan',
  method: 'Metode HTTP',
  month: 'Bulan',
  more: 'Lainnya',
  name: 'Nama',
  nik: 'NIK',
  niks: 'NIK',
  noka: 'NOKA',
  note: 'Catatan',
  overbilled: 'Lebih tagih',
  paid: 'Dibayar',
  paidAt: 'Tanggal bayar',
  password: 'Kata sandi',
  payable: 'Harus dibayar',
  path: 'Alamat (rute)',
  payer: 'Pembayar',
  payments: 'Pembayaran',
  pledgeCode: 'Kode komitmen',
  pledges: 'Komitmen',
  priority: 'Prioritas',
  quarter: 'Triwulan',
  quota: 'Kuota per bulan',
  reason: 'Alasan',
  reconciliation: 'Rekonsiliasi',
  recorded: 'Pembayaran dicatat',
  reference: 'Referensi',
  reinstated: 'Diaktifkan kembali',
  reinstatedDeaths: 'Diaktifkan kembali (tercatat meninggal)',
  owedChanged: 'Baris yang mengubah iuran',
  rejected: 'Ditolak',
  removed: 'Dihapus',
  removedNoka: 'NOKA yang dihapus',
  result: 'Hasil',
  resumes: 'Melanjutkan tarif',
  revision: 'Revisi',
  role: 'Peran',
  row: 'Baris',
  rows: 'Jumlah baris',
  rowsRead: 'Baris dibaca',
  scope: 'Cakupan',
  sharePercent: 'Persentase',
  size: 'Ukuran (bita)',
  sourceType: 'Jenis sumber',
  status: 'Status',
  supersededBy: 'Diganti oleh tarif',
  to: 'Sampai bulan',
  toMonth: 'Sampai bulan',
  trigger: 'Pemicu',
  unchanged: 'Tidak berubah',
  underbilled: 'Kurang tagih',
  updated: 'Diubah',
  upload: 'Unggahan',
  uploadFilename: 'Dari berkas',
  uploadId: 'ID unggahan',
  username: 'Nama pengguna',
  validFrom: 'Berlaku dari',
  validTo: 'Berlaku sampai',
  version: 'Versi',
  villageCode: 'Kode desa',
  villageCodes: 'Kode desa',
  was: 'Semula',
  warnings: 'Peringatan',
  why: 'Sebab',
  year: 'Tahun',
};

const MONEY = new Set(['amount', 'funded', 'paid', 'budget', 'invoiceTotal', 'linesTotal', 'payable', 'overbilled', 'underbilled']);
const MONTHS = new Set(['month', 'adjustsMonth', 'asked', 'coveredIn']);
/** Yes/no fields, also as the query string writes them (`?dryRun=true`: QA, "Uji coba: true"). */
const BOOLEANS = new Set(['active', 'allocated', 'dryRun']);
const YES = new Set(['true', '1']);
const NO = new Set(['false', '0']);
const DATES = new Set(['paidAt', 'validFrom', 'validTo', 'createdAt']);
/** How a reconciliation was started. */
/** Who pays a tariff component (CreateTariffDto). */
const PAYER_LABELS = { LOCAL: 'Dibayar kabupaten', CENTRAL: 'Pemerintah pusat' };
/** A month's scheduled step (scheduled_month.status): done is done, not a draft as a reconciliation's DONE is. */
export const SCHEDULE_STATUS_LABELS = { DONE: 'Selesai', FAILED: 'Gagal', SKIPPED: 'Dilewati' };

/** Why a login failed (`auth.login_failed`'s `reason`, LoginFailure in src/auth/auth.service.ts); the caller was told none of it. */
export const LOGIN_FAILURE_LABELS = {
  UNKNOWN_USER: 'Nama pengguna tidak dikenal',
  WRONG_PASSWORD: 'Kata sandi salah',
  DEACTIVATED: 'Akun dinonaktifkan (kata sandi benar)',
  DEACTIVATED_WRONG_PASSWORD: 'Akun dinonaktifkan, kata sandi salah',
};

/** Codes with a name: a pledge's source type, fund and scope, a user's role, a run's status and trigger, a finding's category. */
const CODE_LABELS = { sourceType: SOURCE_TYPE_LABELS, fund: FUND_LABELS, scope: SCOPE_LABELS, role: ROLE_LABELS, status: RUN_STATUS_LABELS, category: CATEGORY_LABELS, trigger: TRIGGER_LABELS, payer: PAYER_LABELS };
/**
 * An action's own codes for its summary's top-level fields: `schedule.run` records the month's step as DONE
 * (QA: it read "Selesai (draf)"); the reconciliation inside it is a run, and keeps the run's names.
 */
const ACTION_CODE_LABELS = {
  'schedule.run': { status: SCHEDULE_STATUS_LABELS },
  'schedule.fail': { status: SCHEDULE_STATUS_LABELS },
  'auth.login_failed': { reason: LOGIN_FAILURE_LABELS },
};
const COUNTS = new Set(['accepted', 'rejected', 'rowsRead', 'created', 'updated', 'unchanged', 'reinstated', 'reinstatedDeaths', 'owedChanged', 'warnings', 'quota', 'size', 'payments', 'more', 'rows']);
/** Lists longer than this show their first items and how many more. */
const LIST_ITEMS = 5;

/** The stored summary (a JSON string or object) as its parsed object, or the text itself. */
export function parseSummary(summary) {
  if (typeof summary !== 'string') return summary;
  try {
    return JSON.parse(summary);
  } catch {
    return summary;
  }
}

/**
 * The summary as "Label: value; …", shortened to `max` characters for a table cell. Request
 * summaries ({ params, query, body, file }) show only their non-empty parts, merged. `action` (the
 * event's) names codes that mean something else for it (a schedule step's status).
 */
export function summaryText(summary, max = 200, action = undefined) {
  if (summary === null || summary === undefined || summary === '') return '–';
  let data = parseSummary(summary);
  if (isObject(data) && ('body' in data || 'params' in data || 'query' in data)) {
    const { params, query, body, ...rest } = data;
    data = { ...params, ...query, ...(isObject(body) ? body : body === undefined ? {} : { body }), ...rest };
  }
  if (isObject(data) && isObject(data.before)) data = withChanges(data);
  if (isObject(data)) data = monthFirst(data);
  const text = isObject(data) ? fields(data, '; ', { ...CODE_LABELS, ...ACTION_CODE_LABELS[action] }) : String(data);
  if (!text || text === '{}') return '–';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The month an answer named (the interceptor's `result.month`, kept when the request named none: a run's finalize, by
 * its id alone) said first, as a request's month is: "Bulan: Oktober 2026; ID: …; Hasil: (Versi: 1, Status: Final)"
 * (QA: the finalization read without its month).
 */
function monthFirst(data) {
  if (!isObject(data.result) || data.result.month === undefined || data.month !== undefined) return data;
  const { month, ...result } = data.result;
  return { month, ...data, result };
}

/** A value the change replaced and the one it set: "Pagu: Rp900.000.000 → Rp1.100.000.000". */
class Change {
  constructor(from, to) {
    this.from = from;
    this.to = to;
  }
}

/**
 * The summary with each field the change set that `before` names as "old → new" (a pledge revision's terms, a user's
 * role and active flag), in the request's place; what `before` names beside those stays under "Sebelumnya" (a list a
 * scope change dropped), unless the result shows it unchanged (a user's role when only the flag was set).
 */
function withChanges(data) {
  const { before, ...rest } = data;
  const left = {};
  for (const [key, old] of Object.entries(before)) {
    if (key in rest && key !== 'result') rest[key] = new Change(old, rest[key]);
    else if (!(isObject(rest.result) && key in rest.result && JSON.stringify(rest.result[key]) === JSON.stringify(old))) left[key] = old;
  }
  return Object.keys(left).length ? { ...rest, before: left } : rest;
}

function fields(object, separator, codes = CODE_LABELS) {
  return Object.entries(object)
    .filter(([, v]) => v !== null && v !== undefined && v !== '' && !(isObject(v) && !Object.keys(v).length))
    .map(([k, v]) => `${FIELD_LABELS[k] ?? k}: ${valueText(k, v, codes)}`)
    .join(separator);
}

/** A reconciliation's `findings`: participants per category, by the category's name. */
function findingsText(findings) {
  return Object.entries(findings)
    .map(([category, count]) => `${CATEGORY_LABELS[category] ?? category}: ${number(count)}`)
    .join(', ');
}

/** A month by name, or a period the server writes `2026-01..2026-03` (a read's `asked`) as *Januari 2026 s.d. Maret 2026*. */
function monthsLabel(value) {
  const period = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/.exec(value);
  return period ? `${monthLabel(period[1])} s.d. ${monthLabel(period[2])}` : monthLabel(value);
}

function valueText(key, value, codes = CODE_LABELS) {
  if (value instanceof Change) return [value.from, value.to].map((v) => (v === null || v === undefined || v === '' ? '–' : valueText(key, v, codes))).join(' → ');
  if (Array.isArray(value)) {
    const shown = value.slice(0, LIST_ITEMS).map((v) => valueText(key, v, codes));
    return value.length > LIST_ITEMS ? `${shown.join(', ')} … (+${value.length - LIST_ITEMS})` : shown.join(', ') || '–';
  }
  if (isObject(value)) return `(${key === 'findings' ? findingsText(value) : fields(value, ', ')})`;
  if (typeof value === 'boolean') return value ? 'Ya' : 'Tidak';
  if (BOOLEANS.has(key) && (YES.has(String(value)) || NO.has(String(value)))) return YES.has(String(value)) ? 'Ya' : 'Tidak';
  if (MONEY.has(key) && /^-?\d+$/.test(String(value))) return rupiah(value);
  if (MONTHS.has(key)) return monthsLabel(String(value));
  if ((key === 'from' || key === 'to') && /^\d{4}-\d{2}$/.test(String(value))) return monthLabel(String(value));
  // a pledge's months of its fiscal year (1–12) by name (QA: "Dari bulan: 1")
  if ((key === 'fromMonth' || key === 'toMonth') && MONTH_NAMES[Number(value) - 1]) return MONTH_NAMES[Number(value) - 1];
  if (DATES.has(key)) return dateLabel(String(value));
  if (COUNTS.has(key) && /^\d+$/.test(String(value))) return number(value);
  if (key === 'sharePercent' && /^\d+$/.test(String(value))) return `${value}%`;
  return codes[key]?.[value] ?? String(value);
}

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The audited kinds of record in Indonesian, for the page's filter and its "Data" column. */
export const ENTITY_LABELS = {
  allocation: 'Alokasi',
  bill: 'Tagihan BPJS',
  enrollment_upload: 'Unggahan daftar peserta',
  payment: 'Pembayaran',
  pbi_apbn_list: 'Daftar PBI APBN',
  pledge: 'Komitmen',
  pledge_upload: 'Unggahan lembar komitmen',
  reconciliation_run: 'Rekonsiliasi',
  report: 'Laporan',
  scheduled_month: 'Jadwal bulanan',
  split: 'Pembagian iuran',
  tariff: 'Tarif',
  user: 'Pengguna',
};
