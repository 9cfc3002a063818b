/**
 * A `pg`-shaped driver over one embedded PGlite instance, for TypeORM's postgres driver.
 *
 * PGlite is a single session. A client is handed out by `connect()` only while no other client
 * holds it, so a transaction is never interleaved with another caller's statements. Code must
 * therefore never wait for a second connection while it holds one (it would wait forever). Each
 * statement first yields an event-loop turn (see Client.query), so the server keeps reading
 * requests while a long transaction runs.
 */
import { EventEmitter } from 'node:events';
import { PGlite, types, type PGliteOptions } from '@electric-sql/pglite';

type Callback = (err: Error | null, result?: unknown) => void;

interface PgResult {
  rows: unknown[];
  rowCount: number;
  command: string;
  fields: { name: string; dataTypeID: number }[];
}

/** pg-compatible type parsing: int8/numeric as strings, dates as `YYYY-MM-DD` strings. */
export const PGLITE_PARSERS = {
  [types.INT8]: (v: string) => v,
  [types.NUMERIC]: (v: string) => v,
  [types.DATE]: (v: string) => v,
};

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

/** `open` makes the instance on first use; `closed`, if given, runs after the pool's `end` closed it (a data directory's lock). */
export function createPgliteDriver(open: () => Promise<PGlite>, closed?: () => Promise<void>) {
  let instance: Promise<PGlite> | undefined;
  const db = () => (instance ??= open());
  const mutex = new Mutex();

  class Client extends EventEmitter {
    async query(sql: string | { text: string }, params?: unknown[] | Callback, cb?: Callback): Promise<PgResult> {
      if (typeof params === 'function') [cb, params] = [params, undefined];
      const text = typeof sql === 'string' ? sql : sql.text;
      try {
        const pg = await db();
        // PGlite answers without I/O (its promises settle as microtasks), so a transaction of many
        // statements would keep the event loop from reading other requests until it ends. Yielding
        // a turn before each statement lets them be read and answered meanwhile (those that need
        // the database still wait for the connection): a second run of a month is then refused
        // while the first runs (409), not made after it.
        await new Promise<void>((turn) => setImmediate(turn));
        const raw =
          params && params.length > 0
            ? await pg.query(text, params)
            : ((await pg.exec(text)).at(-1) ?? { rows: [], affectedRows: 0, fields: [] });
        const result: PgResult = {
          rows: raw.rows,
          rowCount: raw.affectedRows ?? raw.rows.length,
          command: text.trimStart().split(/\s/, 1)[0].toUpperCase(),
          fields: raw.fields,
        };
        cb?.(null, result);
        return result;
      } catch (err) {
        cb?.(err as Error);
        throw err;
      }
    }
  }

  class Pool extends EventEmitter {
    async connect(cb: (err: Error | null, client?: Client, release?: () => void) => void) {
      const release = await mutex.acquire();
      try {
        await db();
      } catch (err) {
        release();
        return cb(err as Error);
      }
      let released = false;
      cb(null, new Client(), () => {
        if (released) return;
        released = true;
        release();
      });
    }
    /** Also takes pg's `{ name, text, values }` form; PGlite plans each time, so the name is ignored. */
    async query(sql: string | { text: string; values?: unknown[] }, params?: unknown[] | Callback, cb?: Callback) {
      const release = await mutex.acquire();
      try {
        if (typeof sql !== 'string' && sql.values) params = sql.values;
        return await new Client().query(sql, params, cb);
      } finally {
        release();
      }
    }
    end(cb?: (err: Error | null) => void) {
      const done = instance ? instance.then((pg) => pg.close()).finally(() => closed?.()) : Promise.resolve();
      instance = undefined;
      done.then(() => cb?.(null), (err) => cb?.(err));
    }
  }
  return { Pool, types: { setTypeParser() {} }, defaults: {} };
}

export function pgliteOptions(extra: PGliteOptions = {}): PGliteOptions {
  return { ...extra, parsers: { ...PGLITE_PARSERS, ...extra.parsers } };
}
