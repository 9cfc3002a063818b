import { type ColumnSpec, normalizeHeader } from './column-spec.js';

/**
 * Each spec column's header as the file wrote it (`NO SP2D` for REFERENSI), from the header row's
 * `found` headers, by matchHeader's rule: the column's own name beats its aliases, among equals the
 * first. A column the file lacks keeps its canonical name. Lets messages name what the user sees.
 */
export function writtenHeaders(columns: readonly ColumnSpec[], found: readonly string[]): Record<string, string> {
  const lookup = new Map<string, number>();
  columns.forEach((c, i) => {
    for (const name of [c.name, ...(c.aliases ?? [])]) if (!lookup.has(normalizeHeader(name))) lookup.set(normalizeHeader(name), i);
  });
  const written: (string | undefined)[] = columns.map(() => undefined);
  const byName = new Set<number>();
  for (const header of found) {
    const key = normalizeHeader(header);
    const spec = lookup.get(key);
    if (spec === undefined || byName.has(spec)) continue;
    const ownName = normalizeHeader(columns[spec].name) === key;
    if (written[spec] === undefined || ownName) written[spec] = header;
    if (ownName) byName.add(spec);
  }
  return Object.fromEntries(columns.map((c, i) => [c.name, written[i] ?? c.name]));
}
