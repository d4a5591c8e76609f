/** The text form of `lockstep status` (a pure function: the CLI prints it, `--watch` redraws it). */
import { escapeControl } from '../core/outside-text.js';
import type { Status } from './status.js';

function secs(ms: number): string {
  const s = Math.abs(ms) / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

function short(sha: string | null): string {
  return sha ? sha.slice(0, 10) : '';
}

/** Text from the audit log as it can be printed: with a control character in it, quoted and escaped. */
function printable(text: string): string {
  return /[\u0000-\u001f\u007f-\u009f]/.test(text) ? JSON.stringify(text) : text;
}

/** A commit the pre-commit hook blocked: whose, and why (the first few reasons). */
function blockedCommitLine(v: Status['violations'][number]): string {
  const reasons = Array.isArray(v.reasons) ? v.reasons.map((r) => printable(String(r))) : [];
  const more = reasons.length - 3 + (typeof v.morePaths === 'number' ? v.morePaths : 0);
  const who = [typeof v.task === 'string' ? `task ${printable(v.task)}` : 'no task', typeof v.agent === 'string' ? `agent ${printable(v.agent)}` : null].filter(Boolean).join(', ');
  return `commit blocked (${who}): ${reasons.slice(0, 3).join('; ')}${more > 0 ? `; … ${more} more` : ''}`;
}

export function renderStatus(s: Status): string {
  const out: string[] = [];
  out.push(`lockstep status — ${s.repo.topLevel ?? s.repo.commonDir ?? ''} at ${s.at}`);

  out.push('', `Locks (${s.locks.length})`);
  if (s.locks.length === 0) out.push('  none taken yet');
  for (const l of s.locks) {
    const waiters = l.waiters ? `, ${l.waiters} waiting` : '';
    if (l.state === 'free') out.push(`  ${l.name}: free (token ${l.token})${waiters}`);
    else if (!l.holder) out.push(`  ${l.name}: STALE (token ${l.token}): ${l.staleReason}${waiters}`);
    else {
      const h = l.holder;
      const who = [h.task ? `task ${h.task}` : null, h.agent ? `agent ${h.agent}` : null, `pid ${h.pid}`].filter(Boolean).join(', ');
      out.push(`  ${l.name}: ${l.state === 'stale' ? 'STALE' : 'held'} by ${who} for ${secs(l.ageMs ?? 0)} (token ${l.token})${waiters}`);
      out.push(`    ${h.command.slice(0, 100)}`);
      if (l.state === 'stale') out.push(`    stale: ${l.staleReason}`);
    }
  }

  if (s.gitLocks.length) {
    // Only when there are any: git removes its lock files as it finishes.
    out.push('', `Git lock files (${s.gitLocks.length})`);
    for (const g of s.gitLocks) {
      if (g.state === 'stale') out.push(`  ${g.name}: STALE for ${secs(g.ageMs)}, left by a git that is gone: lockstep git-locks --clear`);
      else out.push(`  ${g.name}: in use for ${secs(g.ageMs)} by ${g.holders.map((h) => (h.reason === 'unknown' ? 'a process it could not tell (no process list)' : `${h.command.slice(0, 60)} (pid ${h.pid})`)).join(', ')}`);
    }
  }

  out.push('', `Tasks (${s.tasks.length})`);
  if (s.tasks.length === 0) out.push('  no active tasks');
  for (const t of s.tasks) {
    out.push(`  ${t.id}: ${t.scope.join(' ')}${t.shared.length ? ` (shared: ${t.shared.join(' ')})` : ''}${t.agent ? `, agent ${t.agent}` : ''}`);
  }

  out.push('', `Queues (${s.queues.length})`);
  if (s.queues.length === 0) out.push('  no queues');
  for (const q of s.queues) {
    out.push(`  ${q.name}: ${q.pending} pending · ${q.claimed} claimed · ${q.done} done · ${q.failed} failed`);
    for (const c of q.claims.slice(0, 20)) {
      const lease = c.leaseLeftMs >= 0 ? `lease ${secs(c.leaseLeftMs)} left` : `lease ran out ${secs(c.leaseLeftMs)} ago`;
      out.push(`    ${c.id} (claim ${c.generation}): agent ${c.agent}, ${secs(c.ageMs)}, ${lease}${c.ownerAlive ? '' : ', owner gone'}`);
    }
    if (q.claims.length > 20) out.push(`    … ${q.claims.length - 20} more`);
  }

  out.push('', `Agents (${s.agents.length})`);
  if (s.agents.length === 0) out.push('  no agents');
  for (const a of s.agents) {
    const doing = a.item ? `${a.state ?? 'working'} ${a.item}${a.generation ? ` (claim ${a.generation})` : ''}` : (a.state ?? 'no item');
    const lease = a.leaseLeftMs >= 0 ? `heartbeat ${secs(a.leaseAgeMs)} ago` : `lease ran out ${secs(a.leaseLeftMs)} ago`;
    out.push(`  ${a.agent}: ${doing}; pid ${a.pid} ${a.alive ? 'alive' : 'GONE'}, ${lease}`);
  }
  if (s.worktrees.length) {
    out.push('', `Agent worktrees (${s.worktrees.length})`);
    for (const w of s.worktrees) out.push(`  ${w.agent}: ${w.path} (${w.branch} → ${w.base})`);
  }

  const m = s.merges;
  out.push('', `Merge queue (${(m.active ? 1 : 0) + m.waiting.length})`);
  if (!m.active && m.waiting.length === 0) out.push('  empty');
  if (m.active) out.push(`  merging ${m.active.branch} → ${m.active.into}${m.active.agent ? ` (agent ${m.active.agent})` : ''} for ${secs(m.active.ageMs)}`);
  m.waiting.forEach((w, i) => out.push(`  ${i + 1}. ${w.branch} → ${w.into}${w.agent ? ` (agent ${w.agent})` : ''}, waiting ${secs(w.ageMs)}`));
  if (m.recent.length) {
    out.push('  recent:');
    for (const r of m.recent.slice(0, 5)) out.push(`    ${r.ts} ${r.branch} → ${r.into}: ${r.status}${r.commit ? ` ${short(r.commit)}` : ''}`);
  }

  out.push('', `Recent violations (${s.violations.length})`);
  if (s.violations.length === 0) out.push('  none');
  for (const v of s.violations) {
    if (v.type === 'violation' && v.kind === 'commit_blocked') {
      out.push(`  ${v.ts} ${blockedCommitLine(v)}`);
      continue;
    }
    const rest = Object.entries(v)
      .filter(([k]) => !['ts', 'type', 'pid', 'host'].includes(k))
      .map(([k, val]) => `${k}=${typeof val === 'string' ? printable(val) : JSON.stringify(val)}`)
      .join(' ');
    out.push(`  ${v.ts} ${v.type}: ${rest.slice(0, 200)}`);
  }
  if (s.warnings.length) {
    out.push('', 'Warnings');
    for (const w of s.warnings) out.push(`  ${w}`);
  }
  // Each entry is one line: lock records, task files, agent records and
  // events are written by anyone, so a newline or escape sequence in them is
  // shown escaped, never drawn, and cannot forge a line.
  return out.map((l) => escapeControl(l)).join('\n');
}
