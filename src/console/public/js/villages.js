/** The regency's villages (master data), fetched once per page load and shared by the pages. */
import { api } from './api.js';

let cache = null;

export function villages() {
  cache ??= api('/api/v1/villages').catch((err) => {
    cache = null;
    throw err;
  });
  return cache;
}

/** Options for a <select>: "Semua desa" first, then "Kecamatan – Desa (code)". */
export async function villageOptions(first = 'Semua desa') {
  let list = [];
  try {
    list = await villages();
  } catch {
    /* the filter still works with an empty list */
  }
  const sorted = [...list].sort((a, b) => `${a.kecamatanName} ${a.name}`.localeCompare(`${b.kecamatanName} ${b.name}`, 'id'));
  return [{ value: '', label: first }, ...sorted.map((v) => ({ value: v.code, label: `${v.kecamatanName} – ${v.name} (${v.code})` }))];
}

/** "17.03.06.2001" → "Desa X, Kec. Y" when known; the code otherwise. */
export async function villageName(code) {
  if (!code) return '–';
  try {
    const plain = String(code).replace(/\./g, '');
    const v = (await villages()).find((x) => x.code.replace(/\./g, '') === plain);
    return v ? `${v.name}, Kec. ${v.kecamatanName} (${v.code})` : String(code);
  } catch {
    return String(code);
  }
}
