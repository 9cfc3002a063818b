import { describe, expect, it } from '@jest/globals';
import { MAX_BATCH, NikLookupBatch, type NikBatchQuery } from '../../src/funding/splits/nik-lookup-batch.js';

interface Row {
  nik: string;
  month: string;
}

/** A query over a fixed table of splits (two months per NIK ending in an even digit, none otherwise) that records its calls. */
function recordingQuery(fail?: (niks: string[]) => boolean) {
  const calls: { niks: string[]; limit: number; offset: number }[] = [];
  const query: NikBatchQuery<Row> = async (niks, limit, offset) => {
    calls.push({ niks, limit, offset });
    if (fail?.(niks)) throw new Error('koneksi putus');
    const pages = new Map(niks.filter((nik) => Number(nik.at(-1)) % 2 === 0).map((nik) => [nik, ['2026-01', '2026-02'].map((month) => ({ nik, month }))]));
    return { stale: false, pages };
  };
  return { calls, query };
}

const nik = (i: number) => `17030000${String(i).padStart(8, '0')}`;

/** A query whose answers the test gives, one call at a time (`answer(k)`: call k finds nothing; `fail(k)`: it fails). */
function heldQuery() {
  const calls: string[][] = [];
  const pending: { resolve: (r: { stale: boolean; pages: Map<string, Row[]> }) => void; reject: (e: Error) => void }[] = [];
  const query: NikBatchQuery<Row> = (niks) => {
    calls.push(niks);
    return new Promise((resolve, reject) => pending.push({ resolve, reject }));
  };
  return { calls, query, answer: (k: number) => pending[k].resolve({ stale: false, pages: new Map() }), fail: (k: number) => pending[k].reject(new Error('koneksi putus')) };
}

/** After the rounds scheduled so far have been sent (they go at the end of an event-loop turn). */
const nextTurn = () => new Promise((turned) => setImmediate(turned));

describe('NikLookupBatch: NIK lookups that arrive together share one query per page', () => {
  it('answers each lookup with its own rows from one query, each NIK asked once', async () => {
    const { calls, query } = recordingQuery();
    const batch = new NikLookupBatch(query);
    const pages = await Promise.all([batch.load(nik(2), 50, 0), batch.load(nik(3), 50, 0), batch.load(nik(2), 50, 0)]);
    expect(calls).toEqual([{ niks: [nik(2), nik(3)], limit: 50, offset: 0 }]);
    expect(pages).toEqual([
      [{ nik: nik(2), month: '2026-01' }, { nik: nik(2), month: '2026-02' }],
      [],
      [{ nik: nik(2), month: '2026-01' }, { nik: nik(2), month: '2026-02' }],
    ]);
  });

  it('asks once per page, and again in a later turn', async () => {
    const { calls, query } = recordingQuery();
    const batch = new NikLookupBatch(query);
    await Promise.all([batch.load(nik(2), 50, 0), batch.load(nik(4), 10, 20), batch.load(nik(6), 50, 0)]);
    await batch.load(nik(8), 50, 0);
    expect(calls).toEqual([
      { niks: [nik(2), nik(6)], limit: 50, offset: 0 },
      { niks: [nik(4)], limit: 10, offset: 20 },
      { niks: [nik(8)], limit: 50, offset: 0 },
    ]);
  });

  it(`splits a turn's lookups into queries of at most ${MAX_BATCH} NIKs`, async () => {
    const { calls, query } = recordingQuery();
    const batch = new NikLookupBatch(query);
    const pages = await Promise.all(Array.from({ length: 2 * MAX_BATCH + 1 }, (_, i) => batch.load(nik(i), 50, 0)));
    expect(calls.map((c) => c.niks.length)).toEqual([MAX_BATCH, MAX_BATCH, 1]);
    expect(pages[2 * MAX_BATCH]).toEqual([{ nik: nik(2 * MAX_BATCH), month: '2026-01' }, { nik: nik(2 * MAX_BATCH), month: '2026-02' }]);
  });

  it('a failed query fails only the lookups it carried', async () => {
    const { query } = recordingQuery((niks) => niks.includes(nik(3)));
    const batch = new NikLookupBatch(query);
    const [failed, other] = await Promise.allSettled([batch.load(nik(3), 50, 0), batch.load(nik(2), 10, 0)]);
    expect(failed).toEqual({ status: 'rejected', reason: new Error('koneksi putus') });
    expect(other).toEqual({ status: 'fulfilled', value: [{ nik: nik(2), month: '2026-01' }, { nik: nik(2), month: '2026-02' }] });
  });

  it('answers `stale` to every lookup of a batch that found a month to recompute', async () => {
    const batch = new NikLookupBatch<Row>(async () => ({ stale: true, pages: new Map() }));
    expect(await Promise.all([batch.load(nik(2), 50, 0), batch.load(nik(3), 50, 0)])).toEqual(['stale', 'stale']);
  });

  it('sends no round while one is being answered: the lookups that arrive meanwhile go together in the next', async () => {
    const { calls, query, answer } = heldQuery();
    const batch = new NikLookupBatch(query);
    const first = batch.load(nik(1), 50, 0);
    await nextTurn();
    const later = [batch.load(nik(2), 50, 0)];
    await nextTurn();
    later.push(batch.load(nik(3), 50, 0));
    await nextTurn();
    expect(calls).toEqual([[nik(1)]]);
    answer(0);
    expect(await first).toEqual([]);
    await nextTurn();
    expect(calls).toEqual([[nik(1)], [nik(2), nik(3)]]);
    answer(1);
    expect(await Promise.all(later)).toEqual([[], []]);
  });

  it('waits for every query of a round (two pages), and a failed one does not hold the next round back', async () => {
    const { calls, query, answer, fail } = heldQuery();
    const batch = new NikLookupBatch(query);
    const round = Promise.allSettled([batch.load(nik(1), 50, 0), batch.load(nik(2), 10, 0)]);
    await nextTurn();
    const next = batch.load(nik(3), 50, 0);
    fail(0);
    await nextTurn();
    expect(calls).toEqual([[nik(1)], [nik(2)]]);
    answer(1);
    expect(await round).toEqual([{ status: 'rejected', reason: new Error('koneksi putus') }, { status: 'fulfilled', value: [] }]);
    await nextTurn();
    expect(calls).toEqual([[nik(1)], [nik(2)], [nik(3)]]);
    answer(2);
    expect(await next).toEqual([]);
  });
});
