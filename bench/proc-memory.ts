// Chromium's processes as Linux sees them: the browser found by a marker on its command line, its descendants by
// their parent links, each one's type (--type=renderer, gpu-process, ...) and proportional set size.
import { readdirSync, readFileSync } from 'node:fs';

export interface ChromiumProcess {
  pid: number;
  type: string;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // The process ended between listing and reading.
  }
}

function pids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
}

function parentOf(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return null;
  // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
  const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  return Number.isInteger(ppid) ? ppid : null;
}

function args(pid: number): string[] {
  // Processes forked from the zygote rewrite their command line in place, separated by spaces instead of NULs.
  return (read(`/proc/${pid}/cmdline`) ?? '').split(/[\0 ]/).filter(Boolean);
}

/** The browser process: the one whose command line carries `marker` and whose parent does not. */
export function findBrowser(marker: string): number {
  const marked = pids().filter((p) => args(p).includes(marker));
  const browser = marked.find((p) => !marked.includes(parentOf(p) ?? -1));
  if (browser === undefined) throw new Error(`no process with ${marker} on its command line`);
  return browser;
}

/** The browser and every process under it (zygotes, renderers, the GPU and utility processes). */
export function chromiumProcesses(browser: number): ChromiumProcess[] {
  const children = new Map<number, number[]>();
  for (const p of pids()) {
    const parent = parentOf(p);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), p]);
  }
  const out: ChromiumProcess[] = [];
  const walk = (pid: number) => {
    const type =
      args(pid)
        .find((a) => a.startsWith('--type='))
        ?.slice('--type='.length) ?? 'browser';
    out.push({ pid, type });
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(browser);
  return out;
}

export function rendererPids(browser: number): Set<number> {
  return new Set(
    chromiumProcesses(browser)
      .filter((p) => p.type === 'renderer')
      .map((p) => p.pid),
  );
}

/** Proportional set size in bytes (shared pages split between the processes sharing them); null once gone. */
export function pssBytes(pid: number): number | null {
  const rollup = read(`/proc/${pid}/smaps_rollup`);
  const kb = rollup ? /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] : undefined;
  return kb === undefined ? null : Number(kb) * 1024;
}
