/**
 * Coalesces the auditors' hot path, `GET /splits?nik=` with no other filter, into few queries: the
 * lookups that arrive together (many auditors, or one console asking for a list of residents) are
 * answered by one round trip that reads the month partitions once for all of their NIKs, instead of
 * one round trip and one partition scan each.
 *
 * One round of queries at a time: the lookups that arrive while a round is being answered wait for
 * it and go together in the next, sent as soon as it ends. Under load a batch then holds what
 * arrived during one round trip, and the service answers one batch while the database reads the
 * next. A round sent every event-loop turn instead left the service idle while all of its lookups
 * were in the database (README, funding figures: session 45, the bench's p99 17–20 ms against
 * 19–34 ms, alternated). A lookup that arrives alone waits for nothing but the end of its
 * event-loop turn (`setImmediate`).
 *
 * Lookups are grouped by page (limit, offset): one query per page in a round, at most MAX_BATCH NIKs
 * each. A failed query fails the lookups it carried, and only those.
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
  /** Queries of the round being answered (none: the next lookup starts a round). */
  private queries = 0;

  constructor(private readonly query: NikBatchQuery<Row>) {}

  load(nik: string, limit: number, offset: number): Promise<NikPage<Row>> {
    return new Promise((resolve, reject) => {
      const key = `${limit}:${offset}`;
      const page = this.waiting.get(key);
      if (page) page.lookups.push({ nik, resolve, reject });
      else this.waiting.set(key, { limit, offset, lookups: [{ nik, resolve, reject }] });
      this.schedule();
    });
  }

  /** The next round, at the end of this event-loop turn, unless one is being answered or nothing waits. */
  private schedule(): void {
    if (this.scheduled || this.queries > 0 || this.waiting.size === 0) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const pages = [...this.waiting.values()];
    this.waiting.clear();
    for (const { limit, offset, lookups } of pages) {
      for (let i = 0; i < lookups.length; i += MAX_BATCH) {
        this.queries++;
        void this.answer(lookups.slice(i, i + MAX_BATCH), limit, offset);
      }
    }
  }

  private async answer(lookups: Waiting<Row>[], limit: number, offset: number): Promise<void> {
    try {
      const { stale, pages } = await this.query([...new Set(lookups.map((l) => l.nik))], limit, offset);
      for (const l of lookups) l.resolve(stale ? 'stale' : (pages.get(l.nik) ?? []));
    } catch (err) {
      for (const l of lookups) l.reject(err);
    } finally {
      if (--this.queries === 0) this.schedule();
    }
  }
}
