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
import type { AttributionRule } from '../tasks/attribution.js';
import { validateGlob, validateGlobs } from '../tasks/scope.js';
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
  /**
   * How changed lines of a shared file are given to tasks, by glob (first
   * match wins, before the defaults: `**\/*.json` by JSON key, anything else
   * by line). Key `attribution`: `{ "GLOB": "lines" | "json-keys" | "whole" }`.
   */
  attribution: { glob: string; rule: AttributionRule }[];
  /**
   * A hook commit with another task's (or nobody's) staged paths or lines:
   * `commit-own` commits the task's own changes, `block` commits nothing;
   * either way the foreign ones are unstaged and left in the worktree. Key `foreignChanges`.
   */
  foreignChanges: 'commit-own' | 'block';
  /** How `validate` reports a commit without lockstep trailers in a range with lockstep commits. Key `untrailedCommits`. */
  untrailedCommits: 'warning' | 'error';
  /** Where the values came from: a file path, or null for built-in defaults. */
  source: string | null;
}

export const DEFAULT_CONFIG: LockstepConfig = {
  lockTimeoutMs: DEFAULT_TIMEOUT_MS,
  leaseMs: DEFAULT_LEASE_MS,
  shared: [],
  requireTask: false,
  requireHooks: false,
  attribution: [],
  foreignChanges: 'commit-own',
  untrailedCommits: 'warning',
  source: null,
};

const KEYS = ['lockTimeout', 'lease', 'shared', 'requireTask', 'requireHooks', 'attribution', 'foreignChanges', 'untrailedCommits'] as const;
const RULES: readonly AttributionRule[] = ['lines', 'json-keys', 'whole'];

/** The `attribution` rules after the configured ones. */
export const DEFAULT_ATTRIBUTION: readonly { glob: string; rule: AttributionRule }[] = [
  { glob: '**/*.json', rule: 'json-keys' },
  { glob: '**', rule: 'lines' },
];

function oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new LockstepError('BAD_INPUT', `${where} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${quoteInput(value)}`);
}

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
  const cfg: LockstepConfig = { ...DEFAULT_CONFIG, shared: [], attribution: [], source: where };
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
  if (obj.attribution !== undefined) {
    const a = obj.attribution;
    if (a === null || typeof a !== 'object' || Array.isArray(a)) throw new LockstepError('BAD_INPUT', `${where}: key "attribution" must be an object of GLOB: "lines" | "json-keys" | "whole", got ${quoteInput(a)}`);
    for (const [glob, rule] of Object.entries(a as Record<string, unknown>)) {
      let g: string;
      try {
        g = validateGlob(glob);
      } catch (e) {
        if (e instanceof LockstepError) throw new LockstepError('BAD_INPUT', `${where}: key "attribution": ${e.message}`);
        throw e;
      }
      cfg.attribution.push({ glob: g, rule: oneOf(rule, RULES, `${where}: key "attribution" ${JSON.stringify(glob)}`) });
    }
  }
  if (obj.foreignChanges !== undefined) cfg.foreignChanges = oneOf(obj.foreignChanges, ['commit-own', 'block'] as const, `${where}: key "foreignChanges"`);
  if (obj.untrailedCommits !== undefined) cfg.untrailedCommits = oneOf(obj.untrailedCommits, ['warning', 'error'] as const, `${where}: key "untrailedCommits"`);
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
  return { ...DEFAULT_CONFIG, shared: [], attribution: [] };
}
