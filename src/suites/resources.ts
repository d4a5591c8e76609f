/**
 * Memory and open files of a process, from /proc (Linux). Elsewhere the
 * numbers are null: the soak then reports throughput and latency only.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessResources {
  /** Resident set size in KiB. */
  rssKb: number | null;
  /** Open file descriptors. */
  fds: number | null;
}

export function resourcesOf(pid: number | 'self'): ProcessResources {
  let rssKb: number | null = null;
  let fds: number | null = null;
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) rssKb = Number(m[1]);
  } catch {
    rssKb = pid === 'self' ? Math.round(process.memoryUsage().rss / 1024) : null;
  }
  try {
    fds = readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    fds = null;
  }
  return { rssKb, fds };
}

/** The largest values seen in a series of samples of several processes. */
export interface ResourcePeak {
  /** Largest RSS of one worker process, KiB. */
  workerRssKbMax: number | null;
  /** Largest open-file count of one worker process. */
  workerFdsMax: number | null;
  /** The suite process itself, at the end of the run. */
  suiteRssKb: number | null;
  suiteFds: number | null;
}

export function emptyPeak(): ResourcePeak {
  return { workerRssKbMax: null, workerFdsMax: null, suiteRssKb: null, suiteFds: null };
}

export function notePeak(peak: ResourcePeak, r: ProcessResources): void {
  if (r.rssKb !== null) peak.workerRssKbMax = Math.max(peak.workerRssKbMax ?? 0, r.rssKb);
  if (r.fds !== null) peak.workerFdsMax = Math.max(peak.workerFdsMax ?? 0, r.fds);
}
