/** What every benchmark needs: the PostgreSQL server to measure on, admin SQL, and a stopwatch. */
import pg from 'pg';

export const BASE_URL = process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/postgres';

/** BASE_URL pointed at another database on the same server. */
export const urlFor = (db: string) => Object.assign(new URL(BASE_URL), { pathname: `/${db}` }).toString();

/** Runs one statement (CREATE/DROP DATABASE) on the server's default database. */
export async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/** 20,000 NIKs of the register of the database at `url`, drawn at random (the split-lookup loads request them in turn). */
export async function sampleNiks(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT nik FROM participant ORDER BY random() LIMIT 20000')).rows.map((r: { nik: string }) => r.nik);
  } finally {
    await client.end();
  }
}
