/**
 * The load generator of the HTTP benches (bench:allocate's split queries, bench:http-floor):
 * autocannon, 50 connections flat out, each sending its next GET as soon as the last returns. It
 * runs in a child process (this file, forked): in the measuring process it would take the event
 * loop's time from the server it measures (each side then gets one of the two cores, as in
 * production where clients are other machines).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';

export interface LoadJob {
  /** Origin of the server, e.g. http://127.0.0.1:3000 */
  base: string;
  accessToken?: string;
  /** Requested in turn, one per request. */
  paths: string[];
  /** Seconds. */
  duration: number;
}

export type LoadResult = Pick<Result, 'requests' | 'latency' | 'non2xx' | 'errors'> & { total: number };

const SELF = fileURLToPath(import.meta.url);

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
    `${label}, 50 connections: ${r.requests.average.toFixed(0)} req/s, latency p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, ` +
    `p99 ${r.latency.p99} ms, max ${r.latency.max} ms; non-2xx ${r.non2xx}, errors ${r.errors}; ${whose} CPU ${r.cpuPerRequestUs.toFixed(0)} µs/request`
  );
}

export function loadInChild(job: LoadJob): Promise<LoadResult> {
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
    process.send!({ requests, latency, non2xx, errors, total: requests.total } satisfies LoadResult, () => process.exit(0));
  });
}
