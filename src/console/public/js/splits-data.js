/** Reading funding splits in bulk (for the Alokasi page's filtered totals) and summing them. */
import { api } from './api.js';

export const SPLITS_PAGE = 1000;

/**
 * Every split the filters select, a page of 1,000 at a time, up to `max` rows. Resolves to
 * { rows, total, truncated }.
 */
export async function fetchAllSplits(filters, { max, signal } = {}) {
  const rows = [];
  let total = 0;
  for (let page = 1; ; page += 1) {
    const res = await api('/api/v1/splits', { query: { ...filters, page, pageSize: SPLITS_PAGE }, signal });
    total = res.total;
    rows.push(...res.items);
    if (res.items.length < SPLITS_PAGE || rows.length >= total) return { rows, total, truncated: false };
    if (max && rows.length >= max) return { rows, total, truncated: true };
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
