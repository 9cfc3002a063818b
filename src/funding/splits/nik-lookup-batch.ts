/**
 * Coalesces the auditors' hot path, `GET /splits?nik=` with no other filter, into one query per
 * turn of the event loop: the lookups that arrive together (many auditors, or one console asking
 * for a list of residents) are answered by one round trip that reads the month partitions once for
 * all of their NIKs, instead of one round trip and one partition scan each. A lookup that arrives
 * alone waits for nothing but the end of its event-loop turn (`setImmediate`).
 *
 * Lookups are grouped by page (limit, offset): one query per page asked in the turn, at most
 * MAX_BATCH NIKs each. A failed query fails the lookups it carried, and only those.
 */

/** The page of one NIK's splits, or `stale` when a month must be recomputed first (the caller does, then asks alone). */
export type NikPage<Row> = Row[] | 'stale';

/** Runs one batch: the page of every NIK in `niks` that has splits on it (a NIK missing has none), plus the staleness flag. */
export type NikBatchQuery<Row> = (niks: string[], limit: number, offset: number) => Promise<{ stale: boolean; pages: Map<string, Row[]> }>;

interface Waiting<Row> {
  nik: string;
  resolve: (page: NikPage<Row>) => void;
  reject: (err: unknown) => void;
}

/** NIKs in one query at most: a batch is a few dozen index probes per month, still one short query. */
export const MAX_BATCH = 100;

export class NikLookupBatch<Row> {
  /** Waiting lookups by page, keyed `limit:offset`. */
  private readonly waiting = new Map<string, { limit: number; offset: number; lookups: Waiting<Row>[] }>();
  private scheduled = false;

  constructor(private readonly query: NikBatchQuery<Row>) {}

  load(nik: string, limit: number, offset: number): Promise<NikPage<Row>> {
    return new Promise((resolve, reject) => {
      const key = `${limit}:${offset}`;
      const page = this.waiting.get(key);
      if (page) page.lookups.push({ nik, resolve, reject });
      else this.waiting.set(key, { limit, offset, lookups: [{ nik, resolve, reject }] });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const pages = [...this.waiting.values()];
    this.waiting.clear();
    for (const { limit, offset, lookups } of pages) {
      for (let i = 0; i < lookups.length; i += MAX_BATCH) void this.answer(lookups.slice(i, i + MAX_BATCH), limit, offset);
    }
  }

  private async answer(lookups: Waiting<Row>[], limit: number, offset: number): Promise<void> {
    try {
      const { stale, pages } = await this.query([...new Set(lookups.map((l) => l.nik))], limit, offset);
      for (const l of lookups) l.resolve(stale ? 'stale' : (pages.get(l.nik) ?? []));
    } catch (err) {
      for (const l of lookups) l.reject(err);
    }
  }
}
