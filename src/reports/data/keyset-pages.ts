/**
 * Reads a long list a page at a time by keyset, fetching the next page while the caller writes
 * the current one (on PostgreSQL the server works on page n+1 while Node writes page n). The
 * first page is requested as soon as this is called, so a writer can start it early. At most
 * two pages are in memory.
 */
export function keysetPages<Row, Key>(
  fetch: (after: Key, limit: number) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  start: Key,
  pageSize: number,
): AsyncGenerator<Row[]> {
  // A prefetched page whose reader stopped early must not become an unhandled rejection.
  const prefetch = (after: Key) => {
    const promise = fetch(after, pageSize);
    promise.catch(() => undefined);
    return promise;
  };
  const first = prefetch(start);
  return (async function* () {
    let next = first;
    for (;;) {
      const page = await next;
      if (page.length === 0) return;
      const full = page.length === pageSize;
      if (full) next = prefetch(keyOf(page[page.length - 1]));
      yield page;
      if (!full) return;
    }
  })();
}
