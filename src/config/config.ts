/**
 * Repository configuration: defaults for the commit lock and task scopes,
 * read from `lockstep.config.json` at the top of the worktree or from the
 * `lockstep` key of its `package.json` (never both: two sources of truth for
 * a lock timeout is one too many). Every value is checked and an error names
 * the file and the key. Command-line flags override what is read here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LockstepError } from '../core/errors.js';
import { DEFAULT_LEASE_MS, DEFAULT_TIMEOUT_MS } from '../core/lock.js';
import { validateGlobs } from '../tasks/scope.js';
import { durationFromSeconds, parseDuration, type DurationRange } from '../core/duration.js';
import { quoteInput } from '../core/outside-text.js';

export const CONFIG_FILE = 'lockstep.config.json';

export interface LockstepConfig {
  /** How long a commit waits for the commit lock before giving up (exit 3). Key `lockTimeout`. */
  lockTimeoutMs: number;
  /** Lease of a lock holder on another host (renewed while it works). Key `lease`. */
  leaseMs: number;
  /** Globs every task may commit (e.g. a shared TODO.md); reported, never blocked. Key `shared`. */
  shared: string[];
  /** Block a hook commit that declares no task (LOCKSTEP_TASK unset). Key `requireTask`. */
  requireTask: boolean;
  /**
   * Fail a commit through committed hooks (.husky/) where lockstep is not
   * installed, instead of saying so and going on. Key `requireHooks`; the
   * committed husky line reads it with grep, since lockstep is not there to.
   */
  requireHooks: boolean;
  /** Where the values came from: a file path, or null for built-in defaults. */
  source: string | null;
}

export const DEFAULT_CONFIG: LockstepConfig = {
  lockTimeoutMs: DEFAULT_TIMEOUT_MS,
  leaseMs: DEFAULT_LEASE_MS,
  shared: [],
  requireTask: false,
  requireHooks: false,
  source: null,
};

const KEYS = ['lockTimeout', 'lease', 'shared', 'requireTask', 'requireHooks'] as const;

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw new LockstepError('ENVIRONMENT', `cannot read ${path}: ${(e as Error).message}`);
  }
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new LockstepError('BAD_INPUT', `${path} is not valid JSON: ${(e as Error).message}`, { hint: `fix the file, or check it with: node -e 'JSON.parse(require("fs").readFileSync("${path}","utf8"))'` });
  }
}

/** 60, "60", "90s", "2m", "500ms" → milliseconds, by the CLI's rule (src/core/duration.ts). */
function durationMs(value: unknown, where: string, range: DurationRange = {}): number {
  if (typeof value === 'number') return durationFromSeconds(value, where, range);
  if (typeof value === 'string') return parseDuration(value, where, range);
  return parseDuration(JSON.stringify(value), where, range);
}

/** Checks a parsed config object; `where` names the file (and key prefix) in errors. */
export function parseConfig(raw: unknown, where: string): LockstepConfig {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new LockstepError('BAD_INPUT', `${where}: the lockstep configuration must be a JSON object, got ${Array.isArray(raw) ? 'an array' : quoteInput(raw)}`);
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new LockstepError('BAD_INPUT', `${where}: unknown key ${quoteInput(key)} (known keys: ${KEYS.join(', ')})`);
    }
  }
  const cfg: LockstepConfig = { ...DEFAULT_CONFIG, shared: [], source: where };
  if (obj.lockTimeout !== undefined) cfg.lockTimeoutMs = durationMs(obj.lockTimeout, `${where}: key "lockTimeout"`);
  if (obj.lease !== undefined) {
    cfg.leaseMs = durationMs(obj.lease, `${where}: key "lease"`, { min: 1000 });
  }
  if (obj.shared !== undefined) {
    if (!Array.isArray(obj.shared) || !obj.shared.every((g) => typeof g === 'string')) {
      throw new LockstepError('BAD_INPUT', `${where}: key "shared" must be an array of glob strings, got ${quoteInput(obj.shared)}`);
    }
    try {
      cfg.shared = validateGlobs(obj.shared as string[]);
    } catch (e) {
      if (e instanceof LockstepError) throw new LockstepError('BAD_INPUT', `${where}: key "shared": ${e.message}`);
      throw e;
    }
  }
  if (obj.requireTask !== undefined) {
    if (typeof obj.requireTask !== 'boolean') throw new LockstepError('BAD_INPUT', `${where}: key "requireTask" must be true or false, got ${quoteInput(obj.requireTask)}`);
    cfg.requireTask = obj.requireTask;
  }
  if (obj.requireHooks !== undefined) {
    if (typeof obj.requireHooks !== 'boolean') throw new LockstepError('BAD_INPUT', `${where}: key "requireHooks" must be true or false, got ${JSON.stringify(obj.requireHooks)}`);
    cfg.requireHooks = obj.requireHooks;
  }
  return cfg;
}

/**
 * Loads the configuration of the worktree whose top level is `topLevel`.
 * Missing files give the defaults; a bad file is an error (exit 2).
 */
export function loadConfig(opts: { topLevel: string }): LockstepConfig {
  const filePath = join(opts.topLevel, CONFIG_FILE);
  const pkgPath = join(opts.topLevel, 'package.json');
  const fileText = readText(filePath);
  const pkgText = readText(pkgPath);
  let fromPkg: unknown;
  if (pkgText !== null) {
    const pkg = parseJson(pkgText, pkgPath);
    if (pkg && typeof pkg === 'object' && !Array.isArray(pkg)) fromPkg = (pkg as Record<string, unknown>).lockstep;
  }
  if (fileText !== null && fromPkg !== undefined) {
    throw new LockstepError('BAD_INPUT', `lockstep is configured twice: in ${filePath} and in the "lockstep" key of ${pkgPath}`, {
      hint: 'keep one of them',
    });
  }
  if (fileText !== null) return parseConfig(parseJson(fileText, filePath), filePath);
  if (fromPkg !== undefined) return parseConfig(fromPkg, `${pkgPath} "lockstep"`);
  return { ...DEFAULT_CONFIG, shared: [] };
}
