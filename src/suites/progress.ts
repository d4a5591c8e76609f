/**
 * Progress on stderr: on a terminal, a bar redrawn in place with rate and
 * ETA; elsewhere (CI logs), one plain line each time another 10 % is done.
 */

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  /** `done` of `total` units (operations, or ms for a soak). */
  update(done: number, total: number, note?: string): void;
  /** Ends the bar (a newline on a terminal). */
  finish(): void;
}

export interface ProgressOptions {
  stream: ProgressStream;
  label: string;
  /** 'ops' prints counts and a rate in ops/s; 'time' prints elapsed / total time. */
  unit?: 'ops' | 'time';
  /** Defaults to stream.isTTY. */
  tty?: boolean;
  now?: () => number;
}

/** How long the pace is watched before an ETA is shown ("ETA ?" until then). */
const MIN_PACE_MS = 1000;

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  return `${h}h${String(m % 60).padStart(2, '0')}m`;
}

export function createProgress(o: ProgressOptions): Progress {
  const now = o.now ?? Date.now;
  const tty = o.tty ?? Boolean(o.stream.isTTY);
  const unit = o.unit ?? 'ops';
  const started = now();
  let lastDraw = 0;
  let lastDecile = -1;
  let drawn = false;

  // The pace is measured from the first unit done: the start-up before it
  // (scratch repositories, a node start-up per worker) says nothing about it,
  // and extrapolating from it made a 1-minute run's first ETA 28 minutes.
  let first: { t: number; done: number } | null = null;

  const describe = (done: number, total: number) => {
    const t = now();
    const elapsed = t - started;
    const frac = total > 0 ? Math.min(1, done / total) : 0;
    if (!first && done > 0) first = { t, done };
    const since = first ? t - first.t : 0;
    const doneSince = first ? done - first.done : 0;
    const eta = frac >= 1 ? 0 : since >= MIN_PACE_MS && doneSince > 0 ? (since / doneSince) * (total - done) : NaN;
    const rate = elapsed > 0 ? (done / elapsed) * 1000 : 0;
    const amount = unit === 'ops' ? `${done}/${total} ops · ${rate.toFixed(1)}/s` : `${formatDuration(done)} of ${formatDuration(total)}`;
    return { frac, text: `${amount} · ETA ${formatDuration(eta)}` };
  };

  return {
    update(done, total, note) {
      const { frac, text } = describe(done, total);
      const pct = Math.floor(frac * 100);
      if (tty) {
        const t = now();
        if (t - lastDraw < 100 && frac < 1) return;
        lastDraw = t;
        const width = 24;
        const fill = Math.round(frac * width);
        const line = `${o.label} [${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${String(pct).padStart(3)}% ${text}${note ? ` · ${note}` : ''}`;
        // A terminal that reports no usable width (0 under some PTYs) gets 120 columns.
        const cols = o.stream.columns && o.stream.columns >= 40 ? o.stream.columns : 120;
        o.stream.write(`\r\x1b[2K${line.slice(0, cols - 1)}`);
        drawn = true;
        return;
      }
      const decile = Math.floor(frac * 10);
      if (decile <= lastDecile) return;
      lastDecile = decile;
      o.stream.write(`${o.label}: ${decile * 10}% (${text})${note ? ` · ${note}` : ''}\n`);
    },
    finish() {
      if (tty && drawn) o.stream.write('\n');
    },
  };
}
