/**
 * The load generator of the HTTP benches (bench:allocate's split queries, bench:http-floor): 50
 * connections flat out, each sending its next GET as soon as the last returns, in a process of its
 * own (in the measuring process it would take the event loop's time from the server it measures).
 *
 * Two generators: autocannon (an npm dependency), which every figure in the README was measured
 * with, and wrk (`BENCH_LOAD=wrk`; `apt-get install wrk`: C, one thread, a Lua script, wrk-load.lua).
 * On these 2-core machines the generator shares the cores with the service and PostgreSQL, where in
 * production the clients are other machines: autocannon takes about 90 µs of CPU a request, wrk
 * about 35 (session 50, against a bare `node:http` server). README, funding figures, compares them.
 */
import { fork, spawn, spawnSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export interface LoadJob {
  /** Origin of the server, e.g. http://127.0.0.1:3000 */
  base: string;
  accessToken?: string;
  /** Requested in turn, one per request. */
  paths: string[];
  /** Seconds. */
  duration: number;
}

export interface LoadResult {
  /** The generator that measured it: `wrk` or `autocannon`. */
  generator: string;
  /** Requests a second, on average. */
  requests: { average: number };
  /** Milliseconds. */
  latency: { p50: number; p90: number; p99: number; max: number };
  /** Answers with a status of 400 or more under wrk (which counts no others); outside 2xx under autocannon. */
  non2xx: number;
  errors: number;
  total: number;
}

const SELF = fileURLToPath(import.meta.url);
const WRK_SCRIPT = fileURLToPath(new URL('../../bench/wrk-load.lua', import.meta.url)); // from dist/bench/

/** BENCH_LOAD (wrk or autocannon), autocannon by default. */
export const LOAD_GENERATOR: 'wrk' | 'autocannon' = (() => {
  const chosen = process.env.BENCH_LOAD ?? 'autocannon';
  if (chosen !== 'wrk' && chosen !== 'autocannon') throw new Error(`BENCH_LOAD=${chosen}: expected wrk or autocannon`);
  if (chosen === 'wrk' && spawnSync('wrk', ['--version']).error) throw new Error('BENCH_LOAD=wrk: wrk is not installed (apt-get install wrk)');
  return chosen;
})();

/** A run's result and the measuring process's own CPU time per request (independent of other load on the machine). */
export async function measured(run: () => Promise<LoadResult>): Promise<LoadResult & { cpuPerRequestUs: number }> {
  const before = process.cpuUsage();
  const result = await run();
  const cpu = process.cpuUsage(before);
  return { ...result, cpuPerRequestUs: (cpu.user + cpu.system) / Math.max(1, result.total) };
}

/** `label, 50 connections: … req/s, latency …; non-2xx …, errors …; <whose> CPU … µs/request` */
export function loadLine(label: string, r: Awaited<ReturnType<typeof measured>>, whose: string): string {
  return (
    `${label}, 50 connections (${r.generator}): ${r.requests.average.toFixed(0)} req/s, latency p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, ` +
    `p99 ${r.latency.p99} ms, max ${r.latency.max} ms; non-2xx ${r.non2xx}, errors ${r.errors}; ${whose} CPU ${r.cpuPerRequestUs.toFixed(0)} µs/request`
  );
}

export function loadInChild(job: LoadJob): Promise<LoadResult> {
  return LOAD_GENERATOR === 'wrk' ? wrkLoad(job) : autocannonLoad(job);
}

/** wrk, one thread, 50 connections, `job.paths` in turn (wrk-load.lua); latencies read in µs, given in ms to 0.1. */
async function wrkLoad(job: LoadJob): Promise<LoadResult> {
  const pathsFile = join(tmpdir(), `bench-wrk-paths-${process.pid}-${Date.now()}.txt`);
  await writeFile(pathsFile, job.paths.join('\n') + '\n');
  try {
    const args = ['-t1', '-c50', `-d${job.duration}s`, '--timeout', '10s', '-s', WRK_SCRIPT, job.base, '--', pathsFile];
    const child = spawn('wrk', args, { env: { ...process.env, BENCH_TOKEN: job.accessToken ?? '' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const code = await new Promise<number | null>((settle) => child.on('close', settle));
    const line = /^WRK_RESULT (.*)$/m.exec(out);
    if (code !== 0 || !line) throw new Error(`wrk exited ${code}: ${out}`);
    const [total, durationUs, p50, p90, p99, max, status, errors] = line[1].split(' ').map(Number);
    const ms = (us: number) => Math.round(us / 100) / 10;
    return {
      generator: 'wrk',
      requests: { average: total / (durationUs / 1e6) },
      latency: { p50: ms(p50), p90: ms(p90), p99: ms(p99), max: ms(max) },
      non2xx: status,
      errors,
      total,
    };
  } finally {
    await rm(pathsFile, { force: true });
  }
}

function autocannonLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(SELF, { execArgv: [] }); // none of the server's flags (--cpu-prof to profile it, say)
    child.on('message', (m) => resolve(m as LoadResult));
    child.on('exit', (code) => (code ? reject(new Error(`load generator exited ${code}`)) : undefined));
    child.send(job);
  });
}

if (process.argv[1] === SELF) {
  process.once('message', async (job: LoadJob) => {
    let k = 0;
    const { requests, latency, non2xx, errors } = await autocannon({
      url: job.base,
      connections: 50,
      duration: job.duration,
      headers: job.accessToken ? { Authorization: `Bearer ${job.accessToken}` } : {},
      requests: [{ method: 'GET', setupRequest: (req: { path: string }) => ({ ...req, path: job.paths[k++ % job.paths.length] }) }],
    });
    const result: LoadResult = {
      generator: 'autocannon',
      requests: { average: requests.average },
      latency: { p50: latency.p50, p90: latency.p90, p99: latency.p99, max: latency.max },
      non2xx,
      errors,
      total: requests.total,
    };
    process.send!(result, () => process.exit(0));
  });
}
