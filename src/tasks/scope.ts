/**
 * Task scopes: the globs naming what a task may commit, matched with
 * picomatch (never by hand). Globs are relative to the repository's top
 * level with `/` separators; they are checked before they are stored.
 */
import picomatch from 'picomatch';
import { LockstepError } from '../core/errors.js';
import { quoteInput } from '../core/outside-text.js';

/** `dot`: `.github/**` must match; `s`: paths may hold newlines; strict brackets make `[abc` an error, not a literal. */
const MATCH_OPTIONS = { dot: true, strictBrackets: true, flags: 's', windows: false } as const;

const MAX_GLOBS = 256;
const MAX_GLOB_LENGTH = 1024;

/** The parts of a task that matching needs. */
export interface ScopeOwner {
  id: string;
  scope: string[];
  shared: string[];
}

const checked = new Set<string>();

/** Checks one glob and returns it in its stored form (a leading `./` dropped). */
export function validateGlob(glob: unknown): string {
  if (typeof glob === 'string' && checked.has(glob)) return glob;
  if (typeof glob !== 'string') throw new LockstepError('BAD_INPUT', `invalid glob ${quoteInput(glob)}: globs are strings`);
  let g = glob;
  while (g.startsWith('./')) g = g.slice(2);
  const show = quoteInput(glob);
  if (g.length === 0) throw new LockstepError('BAD_INPUT', `invalid glob ${show}: it is empty`);
  if (g.length > MAX_GLOB_LENGTH) throw new LockstepError('BAD_INPUT', `invalid glob ${show}: longer than ${MAX_GLOB_LENGTH} characters`);
  if (g.includes('\0')) throw new LockstepError('BAD_INPUT', `invalid glob ${show}: it contains a NUL byte`);
  if (g.startsWith('/')) throw new LockstepError('BAD_INPUT', `invalid glob ${show}: globs are relative to the repository's top level, not absolute`, { hint: `drop the leading /: ${JSON.stringify(g.replace(/^\/+/, ''))}` });
  if (g.startsWith('!')) throw new LockstepError('BAD_INPUT', `invalid glob ${show}: negated globs are not supported in a scope; list what the task may touch`);
  if (g.split('/').some((seg) => seg === '..')) throw new LockstepError('BAD_INPUT', `invalid glob ${show}: '..' would reach outside the repository`);
  try {
    picomatch(g, MATCH_OPTIONS);
  } catch (e) {
    throw new LockstepError('BAD_INPUT', `invalid glob ${show}: ${(e as Error).message}`);
  }
  if (g === glob && checked.size < 10_000) checked.add(g);
  return g;
}

export function validateGlobs(globs: readonly unknown[]): string[] {
  if (globs.length > MAX_GLOBS) throw new LockstepError('BAD_INPUT', `too many globs (${globs.length}); at most ${MAX_GLOBS}`);
  const out: string[] = [];
  for (const g of globs) {
    const v = validateGlob(g);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

const cache = new Map<string, (path: string) => boolean>();

/** A matcher for a list of globs (true when any matches); an empty list matches nothing. */
export function compileScope(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\0');
  let m = cache.get(key);
  if (!m) {
    if (globs.length === 0) m = () => false;
    else {
      const inner = picomatch([...globs], MATCH_OPTIONS);
      m = (p: string) => inner(p);
    }
    if (cache.size > 1000) cache.clear();
    cache.set(key, m);
  }
  return m;
}

export interface PathClasses {
  /** Inside the committing task's own scope. */
  own: string[];
  /** Allowed because shared (the task's `shared` globs or the configured ones); reported, never blocked. */
  shared: string[];
  /** Not the committer's, but inside another task's scope: cross-task staging. */
  otherTask: { path: string; task: string }[];
  /** Outside the committer's scope and nobody else's: blocked for a declared task. */
  outside: string[];
}

/**
 * Sorts `paths` for a commit by `task` (null: no task declared) against the
 * other tasks. A path in the committer's own scope is its own even when
 * another task's scope overlaps; shared globs come next.
 */
export function classifyPaths(opts: { task: ScopeOwner | null; others: readonly ScopeOwner[]; shared?: readonly string[]; paths: readonly string[] }): PathClasses {
  const own = opts.task ? compileScope(opts.task.scope) : () => false;
  const shared = compileScope([...(opts.task?.shared ?? []), ...(opts.shared ?? [])]);
  const others = opts.others.filter((t) => t.id !== opts.task?.id).map((t) => ({ id: t.id, match: compileScope(t.scope) }));
  const out: PathClasses = { own: [], shared: [], otherTask: [], outside: [] };
  for (const p of opts.paths) {
    if (own(p)) out.own.push(p);
    else if (shared(p)) out.shared.push(p);
    else {
      const owner = others.find((o) => o.match(p));
      if (owner) out.otherTask.push({ path: p, task: owner.id });
      else out.outside.push(p);
    }
  }
  return out;
}

/** A path as shown to a person: plain when it is plain, JSON-quoted when it holds spaces, quotes or control characters. */
export function showPath(p: string): string {
  return /^[\w./@+-]+$/.test(p) ? p : quoteInput(p);
}
