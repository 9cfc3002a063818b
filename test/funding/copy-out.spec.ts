import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { CandidateColumns } from '../../src/funding/use-cases/candidates.js';
import { copyOut } from '../../src/funding/use-cases/copy-out.js';
import { plain } from './support/candidates.js';

/**
 * `COPY ... TO STDOUT` read off the socket (use-cases/copy-out.ts): every row arrives, an error
 * of the server or of the reader fails the copy, and either way the connection goes on serving
 * statements (pg reads the end of the copy again). PostgreSQL only: PGlite has no COPY.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);

(onPostgres ? describe : describe.skip)('COPY TO STDOUT read straight off the connection (copy-out.ts)', () => {
  let client: pg.Client;
  const lines = async (sql: string, seen: string[] = []) => {
    await copyOut(client, sql, (chunk, start, end) => seen.push(chunk.toString('utf8', start, end)));
    return seen;
  };
  const stillServes = async () => expect((await client.query('SELECT 41 + 1 AS n')).rows).toEqual([{ n: 42 }]);

  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
  });
  afterAll(() => client.end());

  it('hands over every row, whatever socket chunks they came in, and the connection goes on', async () => {
    const rows = await lines(`COPY (SELECT g, repeat('é', g % 70) FROM generate_series(1, 60000) g) TO STDOUT`);
    expect(rows).toHaveLength(60000);
    expect(rows[0]).toBe('1\té\n');
    expect(rows[69]).toBe('70\t\n');
    expect(rows[59999]).toBe(`60000\t${'é'.repeat(60000 % 70)}\n`);
    await stillServes();
  });

  it("fails with the server's error when the copy breaks off midway, and the connection goes on", async () => {
    const seen: string[] = [];
    await expect(lines(`COPY (SELECT 1 / (g - 30000) FROM generate_series(1, 40000) g) TO STDOUT`, seen)).rejects.toThrow('division by zero');
    expect(seen.length).toBeLessThan(30000);
    await stillServes();
  });

  it('fails with the error of a statement the server refuses before any row', async () => {
    await expect(lines(`COPY (SELECT * FROM tidak_ada) TO STDOUT`)).rejects.toThrow('relation "tidak_ada" does not exist');
    await stillServes();
  });

  it("fails with the reader's own error, after the rest of the copy is read off", async () => {
    let calls = 0;
    const failing = copyOut(client, `COPY (SELECT g FROM generate_series(1, 20000) g) TO STDOUT`, () => {
      calls += 1;
      if (calls === 10) throw new Error('baris 10 rusak');
    });
    await expect(failing).rejects.toThrow('baris 10 rusak');
    expect(calls).toBe(10);
    await stillServes();
  });

  it("refuses to start when it cannot take the socket over from pg alone, and the connection goes on", async () => {
    const stream = (client as unknown as { connection: { stream: NodeJS.ReadableStream } }).connection.stream;
    const other = () => undefined;
    stream.on('data', other);
    try {
      await expect(lines(`COPY (SELECT 1) TO STDOUT`)).rejects.toThrow("expected pg's one data listener, found 2");
    } finally {
      stream.removeListener('data', other);
    }
    await stillServes();
  });

  it('refuses a statement that is not a COPY TO STDOUT', async () => {
    await expect(lines(`SELECT 1`)).rejects.toThrow('not a COPY TO STDOUT');
    await stillServes();
    await client.query('CREATE TEMP TABLE copy_in_probe (n int)');
    await expect(lines(`COPY copy_in_probe FROM STDIN`)).rejects.toThrow('not a COPY TO STDOUT');
    await stillServes();
  });

  it("decodes the server's binary candidate rows: any text, shared village strings, days before 2000", async () => {
    const columns = new CandidateColumns();
    await copyOut(
      client,
      `COPY (SELECT * FROM (VALUES ('1703061509800001', '17.03.06.2001', 9496),
                                    ('1703061509800002', 'Desa Ñ — 2', -1),
                                    ('1703061509800003', '17.03.06.2001', 0)) v(nik, village_code, tmt_day)) TO STDOUT WITH (FORMAT binary)`,
      columns.read,
    );
    expect(plain(columns.done())).toEqual({
      nik: ['1703061509800001', '1703061509800002', '1703061509800003'],
      villageCode: ['17.03.06.2001', 'Desa Ñ — 2', '17.03.06.2001'],
      tmtDay: Int32Array.of(9496, -1, 0),
    });
  });
});
