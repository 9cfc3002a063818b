/**
 * Calendar months as `YYYY-MM` strings: the unit of obligation, allocation and reconciliation.
 * Years 2000–2099 only: JKN began in 2014, and a year like 0000 would reach PostgreSQL's date type
 * (which has no year 0) as a server error instead of a refusal.
 */
export const MONTH_PATTERN = /^(20\d{2})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

export const MONTH_NAMES = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** SQL: 'Oktober 2026' of the 'YYYY-MM' text `month` (a column or expression), as monthName. */
export const sqlMonthName = (month: string) =>
  `((ARRAY[${MONTH_NAMES.map((n) => `'${n}'`).join(',')}])[substr(${month}, 6, 2)::int] || ' ' || substr(${month}, 1, 4))`;

/** SQL: '1 Oktober 2026' of the date `day` (a column or expression), as dayName: a date in a message written as every message writes it. */
export const sqlDayName = (day: string) =>
  `(extract(day from ${day})::int || ' ' || (ARRAY[${MONTH_NAMES.map((n) => `'${n}'`).join(',')}])[extract(month from ${day})::int] || ' ' || extract(year from ${day})::int)`;

/** 10 → 'Oktober': a month of a fiscal year by name. */
export function monthNumberName(monthNumber: number): string {
  return MONTH_NAMES[monthNumber - 1] ?? String(monthNumber);
}

/** '2026-10' → 'Oktober 2026': a month as users read it in messages and workbooks. Anything else unchanged. */
export function monthName(month: string): string {
  const m = MONTH_PATTERN.exec(month);
  return m ? `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}` : month;
}

/** '2026-10-01' → '1 Oktober 2026', of any year (birth dates too: '1985-05-13' → '13 Mei 1985'). Anything else unchanged. */
export function dayName(date: string): string {
  const m = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/.exec(date);
  return m ? `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}` : date;
}

/** `2026-10-15` as `15/10/2026`: a day as the enrollment sheet writes it (day first, §12). */
export function dayFirst(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** (2026, 7) → '2026-07'. */
export function monthOf(year: number, monthNumber: number): string {
  return `${year}-${String(monthNumber).padStart(2, '0')}`;
}

/** ('2027-05-31', 1) → '2027-06-01': a calendar day moved by whole days. */
export function addDays(day: string, delta: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10);
}

export function firstDay(month: string): string {
  return `${month}-01`;
}

export function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** The same day `delta` months on, or the last day of that month when it is shorter (2026-01-31 + 1: 2026-02-28). */
export function addMonthsToDay(day: string, delta: number): string {
  const month = addMonths(day.slice(0, 7), delta);
  const last = lastDay(month);
  return day.slice(8) <= last.slice(8) ? `${month}-${day.slice(8)}` : last;
}

export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/**
 * Sorted distinct months as users say a list of them: runs of consecutive months joined by a dash,
 * the year once per run ('Agustus–November 2026', 'Januari 2026, Maret–Mei 2026',
 * 'Desember 2026–Februari 2027').
 */
export function monthsSaid(months: readonly string[]): string {
  const runs: [string, string][] = [];
  for (const month of [...new Set(months)].sort()) {
    const last = runs.at(-1);
    if (last && addMonths(last[1], 1) === month) last[1] = month;
    else runs.push([month, month]);
  }
  return runs
    .map(([from, to]) => {
      if (from === to) return monthName(from);
      const sameYear = from.slice(0, 4) === to.slice(0, 4);
      return `${sameYear ? MONTH_NAMES[Number(from.slice(5)) - 1] : monthName(from)}–${monthName(to)}`;
    })
    .join(', ');
}

/**
 * SQL: monthsSaid of the 'YYYY-MM' text array `months` (an expression), for messages built set-based:
 * runs of consecutive months (gaps and islands) joined by a dash, the year once per run.
 */
export const sqlMonthsSaid = (months: string) =>
  `(SELECT string_agg(CASE WHEN r.first = r.last THEN ${sqlMonthName('r.first')}
                           WHEN left(r.first, 4) = left(r.last, 4)
                             THEN (ARRAY[${MONTH_NAMES.map((n) => `'${n}'`).join(',')}])[substr(r.first, 6, 2)::int] || '–' || ${sqlMonthName('r.last')}
                           ELSE ${sqlMonthName('r.first')} || '–' || ${sqlMonthName('r.last')} END, ', ' ORDER BY r.first)
      FROM (SELECT min(n.m) AS first, max(n.m) AS last
              FROM (SELECT u.m, left(u.m, 4)::int * 12 + substr(u.m, 6, 2)::int - row_number() OVER (ORDER BY u.m) AS run
                      FROM (SELECT DISTINCT unnest(${months}) AS m) u) n
             GROUP BY n.run) r)`;
