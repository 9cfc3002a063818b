/**
 * On PostgreSQL, the service connects through the server's Unix socket when DATABASE_URL names its directory
 * (`postgres://user@/db?host=/var/run/postgresql`, as pg and libpq read it): both of its pools, TypeORM's and the
 * month build's (the form was refused at start-up as naming no host). Needs the server's socket directory on this
 * machine, as CI's PostgreSQL has it: against a remote server it fails saying so. Skipped on PGlite, which has no server.
 */
import { existsSync } from 'node:fs';
import pg from 'pg';
import { loadConfig } from '../../src/common/config/app-config.js';
import { MonthBuildPool } from '../../src/funding/use-cases/month-build-pool.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { baseUrl, createTestDatabase } from '../support/test-database.js';

/** The server's first socket directory, read over the run's own DATABASE_URL; undefined when it is not on this machine. */
async function socketDirectory(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: baseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ dirs: string }>("SELECT current_setting('unix_socket_directories') AS dirs");
    const dir = rows[0].dirs.split(',')[0]?.trim();
    return dir && existsSync(dir) ? dir : undefined;
  } finally {
    await client.end();
  }
}

/** `url` (the run's TCP form) with its host taken away and the socket's directory given as `host`. */
function throughSocket(url: string, dir: string): string {
  const tcp = new URL(url);
  const user = tcp.username ? `${tcp.username}${tcp.password ? `:${tcp.password}` : ''}@` : '';
  return `postgres://${user}/${tcp.pathname.slice(1)}?host=${dir}`;
}

const onPostgres = baseUrl() ? describe : describe.skip;

onPostgres('DATABASE_URL naming the Unix socket of PostgreSQL', () => {
  let t: TestApp | undefined;
  let url: string;
  let database: string;

  beforeAll(async () => {
    const dir = await socketDirectory();
    if (!dir) throw new Error('PostgreSQL of DATABASE_URL has no socket directory on this machine: run this file where the server runs');
    const { databaseUrl } = await createTestDatabase();
    database = new URL(databaseUrl!).pathname.slice(1);
    url = throughSocket(databaseUrl!, dir);
    t = await createTestApp({ databaseUrl: url });
  });
  afterAll(async () => t?.close());

  it('is taken by the configuration', () => {
    expect(() => loadConfig({ JWT_SECRET: 'test-secret-test-secret-test-secret!', DATABASE_URL: url })).not.toThrow();
  });

  it("serves requests with the service's pool connected through the socket (no server address)", async () => {
    await t!.http.get('/health').expect(200);
    const [row] = await t!.dataSource.query('SELECT inet_server_addr() AS address, current_database() AS database');
    expect(row).toEqual({ address: null, database });
    const tariffs = await (await t!.as(Role.KEUANGAN)).get('/api/v1/tariffs').expect(200); // the login, then its token's reads
    expect(tariffs.body.map((r: { component: string; amount: number }) => `${r.component} ${r.amount}`)).toContain('IURAN 35000');
  });

  it("builds months with the month build's pool connected through the socket too", async () => {
    const pool = t!.app.get(MonthBuildPool).get()!;
    const { rows } = await pool.query('SELECT inet_server_addr() AS address, current_database() AS database');
    expect(rows).toEqual([{ address: null, database }]);
  });
});
