/** Indonesian display formats. Pure functions (unit-tested in test/console/console.format.spec.ts). */

/** 37800 → "Rp37.800"; -1500 → "-Rp1.500"; null → "–". Money is whole rupiah. */
export function rupiah(value) {
  if (value === null || value === undefined || value === '') return '–';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return `${n < 0 ? '-' : ''}Rp${groupDigits(Math.abs(Math.trunc(n)))}`;
}

/** 1234567 → "1.234.567". */
export function number(value) {
  if (value === null || value === undefined || value === '') return '–';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return `${n < 0 ? '-' : ''}${groupDigits(Math.abs(Math.trunc(n)))}`;
}

function groupDigits(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export const MONTH_NAMES = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "YYYY-MM" with a month 01–12. Pure. */
export function isMonth(value) {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value ?? '');
}

/** "YYYY-MM-DD" naming a day of the calendar ("2026-02-31" is not). Pure. */
export function isDay(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!m) return false;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t.getUTCFullYear() === Number(m[1]) && t.getUTCMonth() === Number(m[2]) - 1 && t.getUTCDate() === Number(m[3]);
}

/** "2026-11" → "November 2026". Anything else is returned unchanged. */
export function monthLabel(month) {
  const m = /^(\d{4})-(\d{2})$/.exec(month ?? '');
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return month ?? '–';
  return `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
}

/**
 * Months ("YYYY-MM") in words, runs of consecutive months as a range, the year once:
 * ["2026-01" … "2026-06", "2026-08", "2026-09"] → "Januari–Juni dan Agustus–September 2026";
 * ["2026-07", "2026-11"] → "Juli dan November 2026"; another year after a comma. Pure.
 */
export function monthsLabel(months) {
  const sorted = [...new Set(months)].filter(isMonth).sort();
  const years = [];
  for (const month of sorted) {
    const [y, m] = month.split('-').map(Number);
    let year = years.at(-1);
    if (year?.y !== y) years.push((year = { y, runs: [] }));
    const run = year.runs.at(-1);
    if (run && run[1] === m - 1) run[1] = m;
    else year.runs.push([m, m]);
  }
  const and = (items) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} dan ${items.at(-1)}` : items[0] ?? '');
  return years.map(({ y, runs }) => `${and(runs.map(([a, b]) => (a === b ? MONTH_NAMES[a - 1] : `${MONTH_NAMES[a - 1]}–${MONTH_NAMES[b - 1]}`)))} ${y}`).join(', ');
}

/** "2026-11-05" → "5 November 2026". */
export function dateLabel(date) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '');
  if (!m) return date ? String(date) : '–';
  return `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
}

export const DAY_NAMES = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/** "2026-12-05" → "Sabtu, 5 Desember 2026"; what is not a day of the calendar → "". Pure (no time zone in it). */
export function dayDateLabel(date) {
  if (!isDay(date)) return '';
  const [y, m, d] = date.split('-').map(Number);
  return `${DAY_NAMES[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** An ISO timestamp shown in WIB: "15 November 2026 10.00 WIB". */
export function dateTimeLabel(iso) {
  if (!iso) return '–';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return String(iso);
  const wib = new Date(t.getTime() + 7 * 3600 * 1000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${wib.getUTCDate()} ${MONTH_NAMES[wib.getUTCMonth()]} ${wib.getUTCFullYear()} ${pad(wib.getUTCHours())}.${pad(wib.getUTCMinutes())} WIB`;
}

/** The current month in WIB as "YYYY-MM". */
export function currentMonth(now = new Date()) {
  const wib = new Date(now.getTime() + 7 * 3600 * 1000);
  return `${wib.getUTCFullYear()}-${String(wib.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * A NIK as typed or pasted as printed on the card ("1703 0102 0709 2185", "1703.0102.0709.2185") →
 * "1703010207092185": spaces and dots dropped, anything else left for the API to judge. Pure.
 */
export function plainNik(text) {
  return text === undefined || text === null ? text : String(text).replace(/[\s.]/g, '');
}

/** 0.4567 → "46%". */
export function percent(fraction) {
  if (fraction === null || fraction === undefined || !Number.isFinite(Number(fraction))) return '–';
  return `${Math.round(Number(fraction) * 100)}%`;
}

/** Digits only, for money typed as "Rp 1.250.000" or "1250000". Returns null when nothing numeric. */
/**
 * Rupiah typed the Indonesian way: "Rp 869.400", "869400", "869 400", "869.400,00", "Rp869.400,-", "IDR 869.400" → 869400. Dots
 * (or spaces) group thousands and a comma starts the sen, which must be zero: premiums are whole
 * rupiah. Anything else ("5 juta", "869,4", "1.2.3", "869,400") is null, so the form says so instead
 * of saving another amount (QA: "Rp 869.400,00" was saved as 86.940.000).
 */
export function parseRupiah(text) {
  // a minus before or after the prefix ("-Rp22.680", "Rp -22.680", "−22.680"): a correction giving money back
  const signed = /^\s*[-\u2212]\s*/.exec(String(text ?? '')) ?? /^\s*(?:rp|idr)\.?\s*[-\u2212]/i.exec(String(text ?? ''));
  const typed = String(text ?? '')
    .trim()
    .replace(/^[-\u2212]\s*/, '')
    .replace(/^(rp|idr)\.?\s*[-\u2212]?/i, '')
    .replace(/,-$/, '') // "Rp869.400,-" as SP2D amounts are written
    .replace(/\s+/g, '');
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(typed);
  if (!m || (m[2] !== undefined && Number(m[2]) !== 0)) return null;
  const amount = Number(m[1].replaceAll('.', ''));
  return signed ? -amount : amount;
}

/** The field message when parseRupiah gave null. */
export const RUPIAH_HINT = 'Tulis jumlah dalam rupiah penuh dengan angka, mis. 869.400 atau Rp 869.400,00 (tanpa sen, tanpa kata seperti "juta").';

export const ROLE_LABELS = {
  ADMIN: 'Admin',
  OPERATOR_DINKES: 'Operator Dinkes',
  KEUANGAN: 'Keuangan',
  AUDITOR: 'Auditor',
};

/**
 * Pledge codes in the order the API lists them in the payment status tables and Alokasi (ORDER BY code COLLATE "C":
 * by character code, so APBD-2026 before APBD_PROV-2026, "-" coming before "_"): every pledge picker sorts by it (QA:
 * localeCompare, which passes over punctuation, put APBD_PROV-2026 first in Pembayaran and Laporan). Pure, tested.
 */
export function compareCodes(a, b) {
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * "QA-A2-2026 – PT Satu (dicabut)": a pledge as the pledge pickers list it (Pembayaran's Komitmen, Alokasi's Pemberi
 * dana, Laporan's Komitmen). A withdrawn pledge stays choosable, since money it received and the months it paid are
 * still recorded, but marked (QA: it was not, first in Pembayaran, then in Alokasi). Pure, tested.
 */
export function pledgeOptionLabel(pledge) {
  return `${pledge.code} – ${pledge.funder}${pledge.withdrawn ? ' (dicabut)' : ''}`;
}

/** The source types of a pledge in the order of DOMAIN §5 (APBD first): every list and dropdown of them follows it. */
export const SOURCE_TYPES = ['APBD', 'APBD_PROV', 'DESA', 'TJSLP'];

/** The workbooks' and the splits export's words (src/reports/format/labels.ts; console.format.spec keeps the four equal). */
export const SOURCE_TYPE_LABELS = {
  APBD: 'APBD Kabupaten',
  APBD_PROV: 'APBD Provinsi',
  DESA: 'APBDes',
  TJSLP: 'TJSLP (CSR)',
  UNFUNDED: 'Tidak terdanai',
};

/**
 * The tariff components of DOMAIN §3 in the workbooks' words (QA: the participant and Tarif pages showed the codes);
 * another code an admin added is shown as it is (`componentLabel`).
 */
export const COMPONENT_LABELS = { IURAN: 'Iuran', BANTUAN_DAERAH: 'Bantuan iuran daerah', BANTUAN_PUSAT: 'Bantuan iuran Pemerintah Pusat' };

/** "BANTUAN_DAERAH" → "Bantuan iuran daerah"; a code without a name as it is. Pure, tested. */
export const componentLabel = (component) => COMPONENT_LABELS[component] ?? component;

/**
 * A long id (a UUID: an upload's, a payment's) in a crowded cell: its first 8 characters, the whole in `title`
 * (QA: Jejak Audit split UUIDs over three lines); another id (a pledge code, a NIK, a month) as it is. Pure, tested.
 */
export function shortId(id) {
  const text = String(id ?? '');
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text) ? { text: `${text.slice(0, 8)}…`, title: text } : { text, title: null };
}

export const FUND_LABELS = { DANA_DESA: 'Dana Desa', ADD: 'Alokasi Dana Desa', PADES: 'Pendapatan Asli Desa' };

/** Who pays a tariff component (`payer`). */
export const PAYER_LABELS = { LOCAL: 'Daerah (LOCAL)', CENTRAL: 'Pemerintah pusat (CENTRAL)' };

export const SCOPE_LABELS = { ALL: 'Semua peserta', VILLAGES: 'Desa tertentu', RESIDENTS: 'Peserta tertentu' };

/** The workbooks' words too (src/reports/format/labels.ts; console.format.spec keeps the two equal). */
export const CATEGORY_LABELS = {
  DUPLICATE_BILLING: 'Tagihan ganda',
  NOT_REGISTERED: 'Tidak terdaftar',
  BILLED_AFTER_DEATH: 'Ditagih setelah meninggal',
  NOT_COVERED: 'Di luar masa kepesertaan',
  AMOUNT_MISMATCH: 'Selisih nominal iuran',
  NOKA_MISMATCH: 'NOKA berbeda',
  MATCHED: 'Sesuai',
  NOT_BILLED: 'Tidak ditagih',
  TOTAL_MISMATCH: 'Total invoice tidak sama dengan jumlah baris',
  DOUBLE_COVERAGE: 'Terdaftar ganda, PBI APBN',
};

export const PAYMENT_STATUS_LABELS = { PAID: 'Lunas', UNPAID: 'Belum dibayar', UNDERPAID: 'Kurang bayar', OVERPAID: 'Lebih bayar' };

/** Who started a reconciliation run (`trigger`). */
export const TRIGGER_LABELS = { MANUAL: 'Manual (petugas)', SCHEDULE: 'Jadwal bulanan' };

export const RUN_STATUS_LABELS = { RUNNING: 'Berjalan', DONE: 'Selesai (draf)', FAILED: 'Gagal', FINAL: 'Final' };

export const UPLOAD_STATUS_LABELS = { PROCESSING: 'Sedang diproses', DONE: 'Selesai', FAILED: 'Gagal', QUEUED: 'Menunggu' };

export const END_REASON_LABELS = { MENINGGAL: 'Meninggal', PINDAH: 'Pindah', PBI_APBN: 'Pindah ke PBI APBN', MAMPU: 'Mampu / segmen lain', LAINNYA: 'Lainnya' };

/** A label from one of the tables above, or the code itself when unknown. */
export function label(table, code) {
  if (code === null || code === undefined || code === '') return '–';
  return table[code] ?? String(code);
}
