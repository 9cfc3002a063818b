/**
 * Hand-written horizontal bar chart in SVG (no library, no inline styles: colours come from CSS
 * classes). The chart is an image with a text description listing every value, for screen readers.
 */
import { s, uid } from './dom.js';

/**
 * Wide layout, and a compact one for phones (so the text stays readable when the SVG shrinks).
 * `charWidth`: room for one character of a value (bold tabular digits at the layout's font size,
 * console.css `.chart text`), with a margin.
 */
const WIDE = { width: 640, row: 34, labelWidth: 200, valueWidth: 130, maxLabel: 28, charWidth: 8.5 };
const COMPACT = { width: 360, row: 30, labelWidth: 112, valueWidth: 96, maxLabel: 15, charWidth: 8 };

/**
 * The layout with room for the longest value as written: the bar of the largest value ends where
 * its value must still fit (a fixed room cut "Rp110.304.600" to "Rp110.304.60", QA). Pure, unit-tested.
 */
export function fitValues(layout, texts) {
  const longest = Math.max(0, ...texts.map((t) => String(t).length));
  return { ...layout, valueWidth: Math.max(layout.valueWidth, Math.ceil(longest * layout.charWidth) + 10) };
}

/** Lays bars out: pure, unit-tested. Returns [{ label, value, y, width }] in viewBox units. */
export function layoutBars(items, { width, labelWidth, valueWidth, row } = WIDE) {
  const max = Math.max(0, ...items.map((i) => Number(i.value) || 0));
  const room = width - labelWidth - valueWidth;
  return items.map((item, index) => {
    const value = Number(item.value) || 0;
    return { ...item, value, y: index * row, width: max > 0 && value > 0 ? Math.max(2, Math.round((value / max) * room)) : 0 };
  });
}

/** barChart({ title, items: [{ label, value, tone? }], format(value) → text }) → <svg>. */
export function barChart({ title, items, format = String, compact = isNarrow() }) {
  const L = fitValues(compact ? COMPACT : WIDE, items.map((i) => format(Number(i.value) || 0)));
  const bars = layoutBars(items, L);
  const height = Math.max(L.row, bars.length * L.row) + 4;
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  return s(
    'svg',
    { class: `chart${compact ? ' chart--compact' : ''}`, viewBox: `0 0 ${L.width} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, preserveAspectRatio: 'xMinYMin meet' },
    s('title', { id: titleId, text: title }),
    s('desc', { id: descId, text: bars.map((b) => `${b.label}: ${format(b.value)}`).join('; ') || 'Tidak ada data.' }),
    bars.map((b) =>
      s(
        'g',
        { class: `bar bar--${b.tone ?? 'default'}`, transform: `translate(0 ${b.y + 2})` },
        barLabel(b.label, L),
        s('rect', { x: L.labelWidth, y: 5, width: b.width, height: L.row - 12, rx: 3 }),
        s('text', { class: 'bar-value', x: L.labelWidth + b.width + 6, y: L.row / 2, 'dominant-baseline': 'middle', text: format(b.value) }),
      ),
    ),
  );
}

function isNarrow() {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 800px)').matches;
}

/**
 * A label in at most two lines of `max` characters, broken at a space; only what is longer still is
 * shortened with "…" (QA: a source type's label showed as "TJSLP (CSR per…" in the half-width cards
 * of the run page and the dashboard at 1280–1440 px). Pure, unit-tested.
 */
export function labelLines(text, max) {
  const str = String(text ?? '');
  if (str.length <= max) return [str];
  const cut = str.lastIndexOf(' ', max);
  if (cut <= 0) return [truncate(str, max)];
  return [str.slice(0, cut), truncate(str.slice(cut + 1), max)];
}

/**
 * The label left of a bar, right-aligned, its lines centred on the bar. The space broken at opens the second
 * line, so the text reads and copies whole, "Tanjung Raman (17.03.07.2001)" (QA: a two-line label copied as
 * "TJSLP (CSRperusahaan)"); at its left end, right-aligned, it moves nothing in view.
 */
function barLabel(label, L) {
  const lines = labelLines(label, L.maxLabel);
  const attrs = { class: 'bar-label', x: L.labelWidth - 8, y: L.row / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle' };
  if (lines.length === 1) return s('text', { ...attrs, text: lines[0] });
  return s('text', attrs, s('tspan', { x: attrs.x, dy: '-0.55em', text: lines[0] }), s('tspan', { x: attrs.x, dy: '1.1em', text: ` ${lines[1]}` }));
}

function truncate(text, max) {
  const str = String(text ?? '');
  return str.length <= max ? str : `${str.slice(0, max - 1)}…`;
}
