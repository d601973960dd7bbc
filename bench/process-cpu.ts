/** CPU time of the bench's own processes (Linux /proc): the API server, and the PostgreSQL server with its backends. */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcessStat { pid: number; ppid: number; cpuMs: number; reapedChildrenCpuMs: number }

function statOf(pid: number): ProcessStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // After the command: state, ppid, …, utime (14th field of the line), stime (15th), and the same of the children
    // it has waited for (cutime, cstime: 16th and 17th).
    const ms = (field: number) => (Number(fields[field]) * 1000) / TICKS_PER_SECOND;
    return { pid, ppid: Number(fields[1]), cpuMs: ms(11) + ms(12), reapedChildrenCpuMs: ms(13) + ms(14) };
  } catch {
    return null;
  }
}

function allProcesses(): ProcessStat[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number).map(statOf).filter((s) => s !== null);
}

/** The postmaster serving `clusterDir` (its command line names the folder), or null. */
export function postmasterOf(clusterDir: string): number | null {
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (args[0]?.endsWith('/postgres') && args.includes(clusterDir)) return Number(name);
    } catch { /* gone */ }
  }
  return null;
}

/**
 * CPU milliseconds used so far by `pid` and, when `withChildren`, its direct children (PostgreSQL backends): the live
 * ones, and those that exited (once waited for, their time is the parent's « children » time), so that a connection
 * closed between two readings does not take its time away.
 */
export function cpuMsOf(pid: number, withChildren: boolean): number {
  const all = allProcesses();
  return all.filter((p) => p.pid === pid || (withChildren && p.ppid === pid))
    .reduce((sum, p) => sum + p.cpuMs + (withChildren && p.pid === pid ? p.reapedChildrenCpuMs : 0), 0);
}
