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

/**
 * The `postgres` processes' CPU, read so that a backend ending during the reading is counted once. Its time moves to
 * the postmaster's reaped-children fields when the postmaster reaps it; a reading that saw the postmaster before the
 * move and missed the backend after it (gone by then) lost the backend's whole lifetime, and the next reading, which
 * finds it in the postmaster, counted it as spent in between: a pool closing its connections as a month began made
 * PostgreSQL's share of that month larger than the machine's total (session 37: 10.38 s against 7.11 s). So the
 * reading is taken again until the set of `postgres` processes is the same before and after it.
 */
function postgresSeconds(): number | null {
  for (let attempt = 0; ; attempt++) {
    const before = postgresPids();
    const ticks = before.map(postgresTicks);
    const after = postgresPids();
    const stable = ticks.every((t) => t !== null) && after.length === before.length && after.every((pid, i) => pid === before[i]);
    if (stable || attempt === 20) return before.length ? ticks.reduce<number>((sum, t) => sum + (t ?? 0), 0) / TICKS : null;
  }
}

/** The ids of this machine's `postgres` processes, ascending. */
function postgresPids(): string[] {
  return safeList('/proc')
    .filter((pid) => /^\d+$/.test(pid) && safeRead(`/proc/${pid}/stat`)?.includes('(postgres)'))
    .sort((a, b) => Number(a) - Number(b));
}

/** A process's own CPU ticks and those of its reaped children; null when it has ended. */
function postgresTicks(pid: string): number | null {
  const stat = safeRead(`/proc/${pid}/stat`);
  if (!stat) return null;
  // fields after "(comm) ": state is 0, so utime, stime, cutime, cstime are 11..14
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
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
