/**
 * One participant: identity, coverage, change history and, for the roles that read funding, funding
 * history (each month's premium, who paid which rupiah, what nobody funded).
 */
import { complianceByPledge, complianceNotice } from '../compliance.js';
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { dateLabel, dateTimeLabel, END_REASON_LABELS, label } from '../format.js';
import { field, form, showErrors, values } from '../forms.js';
import { canSee, hashFor, ROLE } from '../routes.js';
import { announce, badge, confirmStep, dataTable, errorNotice, notice, pageHeader, recomputedNotice, section } from '../ui.js';
import { villageName } from '../villages.js';
import { allocationHint, funderNames, fundingTable } from './participant-funding.js';

// the funding history's pure parts, tested from this page
export { ALLOCATION_HINT, monthNote, splitsCompliance, tariffLines } from './participant-funding.js';

/** Said where the funding history would be when the API gives none (the operator: it reads no funding). */
const FUNDING_FOR_READERS_ONLY = 'Riwayat pendanaan hanya dapat dilihat oleh Keuangan, Auditor dan Admin.';

const FIELD_LABELS = {
  nik: 'NIK', noKk: 'No. KK', noka: 'NOKA', name: 'Nama', birthDate: 'Tanggal lahir', sex: 'Jenis kelamin',
  villageCode: 'Kode desa', tmt: 'TMT', tat: 'TAT', endReason: 'Alasan berakhir',
};

/** The first array found under one of the names (the API may evolve; the console reads what is there). */
function pick(obj, names) {
  for (const name of names) if (Array.isArray(obj?.[name])) return obj[name];
  return [];
}

/** `said`: what the page's own action just did (a card taken away), shown above the page it leaves. */
export async function render(main, ctx, said = null) {
  const nik = ctx.params.nik;
  let p;
  try {
    p = await api(`/api/v1/participants/${encodeURIComponent(nik)}`, { signal: ctx.signal });
  } catch (err) {
    if (err?.name === 'AbortError') return;
    replace(main, pageHeader(`Peserta ${nik}`), errorNotice(err), h('p', {}, h('a', { href: '#/peserta', text: '‹ Kembali ke pencarian' })));
    return;
  }
  const person = p.participant ?? p;
  const active = !person.tat;
  // absent for the operator, who reads no funding: a note, not an empty table read as "nothing funded" (QA)
  const months = Array.isArray(p.fundingByMonth) ? p.fundingByMonth : null;
  // the operator may not read pledges (GET /pledges is 403 for that role): not asked, no funder named (QA)
  const named = await funderNames(Boolean(months?.some((m) => m.splits.length > 0)) && canSee(ctx.user.role, '/komitmen'), months, ctx);
  const funders = named.funders;
  // the Dana Desa rule by the revisions the splits were allocated under, as the API gives it with the participant (and
  // GET /splits?nik= on the Alokasi page); the pledges as they stand only from an API without it
  const warnings = Array.isArray(p.warnings) ? p.warnings : null;
  const compliance = warnings ? complianceByPledge(warnings) : named.compliance;
  const changes = pick(p, ['changes', 'history', 'changeHistory']);
  const villages = await villagesNamed(changes);

  replace(
    main,
    h('p', { class: 'back' }, h('a', { href: '#/peserta', text: '‹ Kembali ke pencarian' })),
    pageHeader(person.name ?? nik, `NIK ${person.nik ?? nik}`),
    said ? notice('success', said) : null,
    section(
      'Data dan masa kepesertaan',
      h(
        'dl',
        { class: 'facts' },
        fact('NIK', person.nik),
        fact('No. KK', person.noKk),
        fact('NOKA', person.noka || 'Belum ada kartu'),
        fact('Tanggal lahir', dateLabel(person.birthDate)),
        fact('Jenis kelamin', shownValue('sex', person.sex)),
        fact('Desa/kelurahan', person.villageName ? `${person.villageName} (${person.villageCode})` : await villageName(person.villageCode)),
        fact('Mulai (TMT)', dateLabel(person.tmt)),
        h('dt', { text: 'Status' }),
        h('dd', {}, active ? badge('Aktif', 'ok') : badge(`Berakhir ${dateLabel(person.tat)}: ${label(END_REASON_LABELS, person.endReason)}`, 'bad')),
      ),
    ),
    section(
      'Riwayat pendanaan',
      months ? recomputedNotice(p.recomputedMonths) : null,
      months && warnings ? complianceNotice(warnings) : null,
      months ? fundingTable(months, funders, canSee(ctx.user.role, '/komitmen/x'), compliance) : notice('info', FUNDING_FOR_READERS_ONLY),
      months ? allocationHint(canSee(ctx.user.role, '/pembayaran')) : null,
      months && canSee(ctx.user.role, '/alokasi') ? h('p', {}, h('a', { href: hashFor('/alokasi', { nik: person.nik ?? nik }), text: 'Lihat di halaman Alokasi Dana' })) : null,
    ),
    section('Riwayat perubahan data', changesTable(changes, villages)),
    ctx.user.role === ROLE.OPERATOR && person.noka ? section('Hapus NOKA', h('p', { class: 'hint', text: CLEAR_NOKA_HINT }), clearNokaStep(person, main, ctx)) : null,
    ctx.user.role === ROLE.OPERATOR ? section('Batalkan pendaftaran', h('p', { class: 'hint', text: VOID_HINT }), voidForm(person, main)) : null,
  );
}

/** When a card is taken away (DELETE /participants/:nik/noka, as an uploaded row whose NOKA says HAPUS). */
export const CLEAR_NOKA_HINT =
  'Untuk kartu BPJS yang salah tercatat pada peserta ini, mis. kartu milik orang lain karena salah ketik. Peserta menjadi tanpa kartu; ' +
  'kartu itu kemudian dapat dicatat pada pemiliknya lewat Unggah Peserta. Penghapusan, oleh siapa dan alasannya tercatat di riwayat perubahan ' +
  'dan jejak audit. Kartu yang diganti nomor baru cukup diunggah dengan nomor barunya.';

/** Asked twice, with the reason; done, the page again (the participant without a card, the change in its history) with what was done. */
function clearNokaStep(person, main, ctx) {
  return confirmStep({
    askText: 'Hapus NOKA…',
    yesText: `Ya, hapus NOKA ${person.noka}`,
    warning: `Hapus NOKA ${person.noka} dari ${person.name} (NIK ${person.nik})? Peserta ini menjadi tanpa kartu.`,
    reason: { label: 'Alasan penghapusan NOKA', hint: 'Mis. Kartu milik NIK 1703060101600042, salah ketik saat pendaftaran' },
    onConfirm: async (reason) => {
      const cleared = await api(`/api/v1/participants/${encodeURIComponent(person.nik)}/noka`, { method: 'DELETE', json: { reason } });
      const said = `NOKA ${cleared.removedNoka} dihapus dari ${person.name} (NIK ${person.nik}).`;
      await render(main, ctx, said);
      announce(said);
      main.querySelector('h1')?.focus();
    },
  });
}

/** When a registration is voided rather than ended (POST /participants/:nik/void; the API refuses it once a closed month counted it). */
export const VOID_HINT =
  'Hanya untuk pendaftaran yang salah catat, mis. NIK salah ketik atau orang yang sama terdaftar dengan dua NIK. Peserta dikeluarkan dari daftar peserta ' +
  'dan bulan yang belum difinalisasi dihitung ulang tanpanya; data dan alasannya tetap tercatat di riwayat NIK ini dan jejak audit. Peserta yang ' +
  'meninggal, pindah atau berhenti diakhiri dengan TAT dan ALASAN_BERAKHIR, bukan dibatalkan.';

/** The reason and a two-step confirmation; on success the page says so, with the way back to the search. */
function voidForm(person, main) {
  const el = form(
    { label: 'Batalkan pendaftaran', onsubmit: () => undefined },
    field({ label: 'Alasan pembatalan', name: 'reason', required: true, multiline: true, hint: 'Mis. NIK salah ketik; yang benar 1703064101900002 sudah diunggah' }),
    confirmStep({
      askText: 'Batalkan pendaftaran…',
      yesText: `Ya, batalkan NIK ${person.nik}`,
      warning: `Batalkan pendaftaran ${person.name} (NIK ${person.nik})? Peserta dikeluarkan dari daftar peserta; bulan yang belum difinalisasi dihitung ulang tanpanya.`,
      onConfirm: async () => {
        await api(`/api/v1/participants/${encodeURIComponent(person.nik)}/void`, { method: 'POST', json: { reason: values(el).reason ?? '' } });
        const said = `Pendaftaran ${person.name} (NIK ${person.nik}) dibatalkan.`;
        replace(main, pageHeader(`Peserta ${person.nik}`), notice('success', said), h('p', {}, h('a', { href: '#/peserta', text: '‹ Kembali ke pencarian' })));
        announce(said);
        main.querySelector('h1')?.focus();
      },
      onError: (err) => showErrors(el, err),
    }),
  );
  return el;
}

function fact(term, value) {
  return [h('dt', { text: term }), h('dd', { text: value ?? '–' })];
}

const DATE_FIELDS = new Set(['birthDate', 'tmt', 'tat']);

/**
 * A changed value as the page writes it elsewhere: dates in words, the end reason and sex by name (QA: "– → MENINGGAL"),
 * a village by its name when `villages` (code → "Name, Kec. X (code)") has it (QA: a move showed two codes only).
 */
export function shownValue(field, value, villages) {
  if (value === null || value === undefined || value === '') return '–';
  if (DATE_FIELDS.has(field)) return dateLabel(value);
  if (field === 'villageCode') return villages?.get(String(value)) ?? String(value);
  if (field === 'endReason') return label(END_REASON_LABELS, value);
  if (field === 'sex') return value === 'L' ? 'Laki-laki' : value === 'P' ? 'Perempuan' : String(value);
  return String(value);
}

/** The village codes a participant's history names (any field's value written as a code), each with its name. */
async function villagesNamed(history) {
  const codes = [...new Set(JSON.stringify(history ?? []).match(/\b\d{2}\.\d{2}\.\d{2}\.\d{4}\b/g) ?? [])];
  return new Map(await Promise.all(codes.map(async (code) => [code, await villageName(code)])));
}

function describeChanges(changes, villages) {
  if (!changes) return '–';
  const change = (field, from, to) => `${FIELD_LABELS[field] ?? field}: ${shownValue(field, from, villages)} → ${shownValue(field, to, villages)}`;
  if (Array.isArray(changes)) return changes.map((c) => change(c.field, c.old ?? c.from, c.new ?? c.to)).join('; ');
  if (typeof changes === 'object') {
    return Object.entries(changes)
      .map(([k, v]) => (v && typeof v === 'object' && ('from' in v || 'old' in v) ? change(k, v.from ?? v.old, v.to ?? v.new) : `${FIELD_LABELS[k] ?? k}: ${shownValue(k, v, villages)}`))
      .join('; ');
  }
  return String(changes);
}

/**
 * The upload by its file name, its id in the title (for the API and the upload's report): the raw id under the name
 * crowded the column at laptop widths (QA, 2026-12-07; before, the id was shown below the name).
 */
function uploadCell(change) {
  if (!change.uploadId) return '–';
  return h('span', { class: 'upload-name', title: `ID unggahan: ${change.uploadId}`, 'data-upload-id': change.uploadId, text: change.uploadFilename ?? 'Unggahan' });
}

const KIND_LABELS = { CREATE: 'Didaftarkan', UPDATE: 'Diubah', VOID: 'Pendaftaran dibatalkan' };

/**
 * A VOID (an earlier registration of this NIK cancelled as entered in error): its reason, then what that registration
 * held ("Alasan: NIK salah ketik. Data yang dibatalkan: Nama Salah Ketik; TMT 1 Februari 2026; …"). Pure, tested.
 */
export function voidText(change, villages) {
  const held = Object.entries(change.changes ?? {}).map(([k, v]) => `${FIELD_LABELS[k] ?? k} ${shownValue(k, v?.old, villages)}`);
  return `Alasan: ${change.reason ?? '–'}.${held.length ? ` Data yang dibatalkan: ${held.join('; ')}.` : ''}`;
}

/** An UPDATE: what it changed, and why when it says (one made in the console, not by an upload: a card taken away). */
function updateText(change, villages) {
  const changed = describeChanges(change.changes, villages);
  return change.reason ? `${changed}. Alasan: ${change.reason}.` : changed;
}

function changesTable(rows, villages) {
  return dataTable({
    caption: 'Perubahan data peserta (terbaru di atas)',
    columns: [
      { label: 'Waktu', value: (c) => dateTimeLabel(c.changedAt ?? c.at) },
      { label: 'Jenis', value: (c) => KIND_LABELS[c.kind] ?? c.kind ?? '–' },
      { label: 'Perubahan', value: (c) => (c.kind === 'CREATE' ? 'Data awal peserta' : c.kind === 'VOID' ? voidText(c, villages) : updateText(c, villages)), wrap: true },
      { label: 'Oleh', value: (c) => c.changedBy ?? '–' },
      { label: 'Unggahan', render: (c) => uploadCell(c) },
    ],
    rows: [...rows].sort((a, b) => String(b.changedAt ?? b.at).localeCompare(String(a.changedAt ?? a.at))),
    empty: 'Belum ada riwayat perubahan.',
  });
}
