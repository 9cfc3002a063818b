/** The month inputs: <input type="month"> gives "YYYY-MM" in browsers that support it; others type it. */
import { currentMonth } from './format.js';
import { field } from './forms.js';

export function monthField({ label = 'Bulan', name = 'month', value = currentMonth(), required = true, hint = 'Format YYYY-MM, mis. 2026-11' } = {}) {
  return field({ label, name, type: 'month', value, required, hint, attrs: { pattern: '\\d{4}-\\d{2}', placeholder: 'YYYY-MM' } });
}

/** The previous month of "YYYY-MM" (the month most often reconciled). Pure. */
export function previousMonth(month) {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
