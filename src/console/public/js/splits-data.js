/** Reading funding splits in bulk (for the Alokasi page's filtered totals) and summing them. */
import { api } from './api.js';

export const SPLITS_PAGE = 1000;

/**
 * Every split the filters select, a page of 1,000 at a time, up to `max` rows. Resolves to
 * { rows, total, truncated }.
 */
export async function fetchAllSplits(filters, { max, signal } = {}) {
  const rows = [];
  const warnings = []; // each page's (the Dana Desa rule of the pledges it uses): the same pledge's repeat, told once where shown (compliance.js)
  let total = 0;
  for (let page = 1; ; page += 1) {
    const res = await api('/api/v1/splits', { query: { ...filters, page, pageSize: SPLITS_PAGE }, signal });
    total = res.total;
    rows.push(...res.items);
    warnings.push(...(res.warnings ?? []));
    if (res.items.length < SPLITS_PAGE || rows.length >= total) return { rows, total, truncated: false, warnings };
    if (max && rows.length >= max) return { rows, total, truncated: true, warnings };
  }
}

/** Splits → [{ key, participants (distinct NIKs), amount }] by pledge or source type, largest first. Pure. */
export function aggregateSplits(rows, groupBy) {
  const field = groupBy === 'sourceType' ? 'sourceType' : 'pledgeCode';
  const groups = new Map();
  for (const r of rows) {
    const key = r[field];
    const g = groups.get(key) ?? { key, niks: new Set(), amount: 0 };
    g.niks.add(r.nik);
    g.amount += Number(r.amount) || 0;
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({ key: g.key, participants: g.niks.size, amount: g.amount }))
    .sort((a, b) => b.amount - a.amount || String(a.key).localeCompare(String(b.key)));
}
