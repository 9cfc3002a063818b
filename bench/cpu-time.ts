/**
 * CPU time spent between two readings, by this process and by the PostgreSQL server (its
 * processes' own time plus what they collected from exited children: backends, parallel workers),
 * read from Linux's /proc. The server's share is known only when it runs on this machine.
 *
 * Why a bench wants it: a month's allocation keeps both cores of these machines busy, so its time
 * is bounded below by its CPU time over the cores, whatever the scheduling. Printed beside the wall
 * time, it tells a slower machine (same CPU seconds, more wall time) from more work.
 */
import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuReading {
  /** this process, user + system */
  node: number;
  /** every process named `postgres` on this machine, with its reaped children; null when none is visible */
  postgres: number | null;
  /** the whole machine, busy time of all cores (null off Linux) */
  machine: number | null;
  /** time the hypervisor gave this machine's cores to others (steal): a noisy neighbour, not our work */
  stolen: number | null;
}

const TICKS = 100; // USER_HZ: /proc reports clock ticks of 1/100 s on Linux

export function cpuReading(): CpuReading {
  const { user, system } = process.cpuUsage();
  return { node: (user + system) / 1e6, postgres: postgresSeconds(), ...machineSeconds() };
}

/** The CPU seconds spent since `from`. */
export function cpuSince(from: CpuReading): CpuReading {
  const to = cpuReading();
  const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return {
    node: to.node - from.node,
    postgres: minus(to.postgres, from.postgres),
    machine: minus(to.machine, from.machine),
    stolen: minus(to.stolen, from.stolen),
  };
}

/**
 * One line: the CPU seconds of `spent` over `wallMs`, how busy the cores were, and the least time
 * that much work could take on them (`baselineMs`: expressed as a multiple of it too).
 */
export function describeCpu(spent: CpuReading, wallMs: number, baselineMs?: number): string {
  const cores = availableParallelism();
  const parts = [`this process ${spent.node.toFixed(2)} s`];
  if (spent.postgres !== null) parts.push(`PostgreSQL ${spent.postgres.toFixed(2)} s`);
  if (spent.machine === null) return `CPU: ${parts.join(', ')}`;
  const floorMs = (spent.machine * 1000) / cores;
  const busy = Math.round((100 * floorMs) / wallMs);
  const floor = `${(floorMs / 1000).toFixed(2)} s${baselineMs ? ` (${(floorMs / baselineMs).toFixed(2)}× the COPY)` : ''}`;
  const stolen = spent.stolen ? `; ${spent.stolen.toFixed(2)} s stolen by the hypervisor` : '';
  return `CPU: ${spent.machine.toFixed(2)} s on the machine (${parts.join(', ')}), ${cores} cores ${busy} % busy${stolen}; with all ${cores} busy throughout it would still take ${floor}`;
}

function postgresSeconds(): number | null {
  let ticks = 0;
  let seen = false;
  for (const pid of safeList('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = safeRead(`/proc/${pid}/stat`);
    if (!stat?.includes('(postgres)')) continue;
    // fields after "(comm) ": state is 0, so utime, stime, cutime, cstime are 11..14
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    seen = true;
  }
  return seen ? ticks / TICKS : null;
}

function machineSeconds(): { machine: number | null; stolen: number | null } {
  const line = safeRead('/proc/stat')?.split('\n')[0];
  if (!line?.startsWith('cpu ')) return { machine: null, stolen: null };
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return { machine: (user + nice + system + irq + softirq) / TICKS, stolen: steal / TICKS };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // a process that ended while we looked
  }
}
