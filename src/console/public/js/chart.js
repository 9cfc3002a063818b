/**
 * Hand-written horizontal bar chart in SVG (no library, no inline styles: colours come from CSS
 * classes). The chart is an image with a text description listing every value, for screen readers.
 */
import { s, uid } from './dom.js';

const WIDTH = 640;
const ROW = 34;
const LABEL_W = 200;
const VALUE_W = 130;

/** Lays bars out: pure, unit-tested. Returns [{ label, value, y, width }] in viewBox units. */
export function layoutBars(items, { width = WIDTH, labelWidth = LABEL_W, valueWidth = VALUE_W, row = ROW } = {}) {
  const max = Math.max(0, ...items.map((i) => Number(i.value) || 0));
  const room = width - labelWidth - valueWidth;
  return items.map((item, index) => {
    const value = Number(item.value) || 0;
    return { ...item, value, y: index * row, width: max > 0 && value > 0 ? Math.max(2, Math.round((value / max) * room)) : 0 };
  });
}

/** barChart({ title, items: [{ label, value, tone? }], format(value) → text }) → <svg>. */
export function barChart({ title, items, format = String }) {
  const bars = layoutBars(items);
  const height = Math.max(ROW, bars.length * ROW) + 4;
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  return s(
    'svg',
    { class: 'chart', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, preserveAspectRatio: 'xMinYMin meet' },
    s('title', { id: titleId, text: title }),
    s('desc', { id: descId, text: bars.map((b) => `${b.label}: ${format(b.value)}`).join('; ') || 'Tidak ada data.' }),
    bars.map((b) =>
      s(
        'g',
        { class: `bar bar--${b.tone ?? 'default'}`, transform: `translate(0 ${b.y + 2})` },
        s('text', { class: 'bar-label', x: LABEL_W - 8, y: ROW / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', text: truncate(b.label, 28) }),
        s('rect', { x: LABEL_W, y: 5, width: b.width, height: ROW - 12, rx: 3 }),
        s('text', { class: 'bar-value', x: LABEL_W + b.width + 6, y: ROW / 2, 'dominant-baseline': 'middle', text: format(b.value) }),
      ),
    ),
  );
}

function truncate(text, max) {
  const str = String(text ?? '');
  return str.length <= max ? str : `${str.slice(0, max - 1)}…`;
}
