/**
 * Runs the BUILT action (dist/action/index.js) as a real process, the way the
 * runner does: inputs as `INPUT_<NAME>` variables (upper-cased, dashes kept:
 * `INPUT_FAIL-ON`), the event payload in a file, outputs and the job summary
 * written to the files the runner hands it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers.js';

export const ACTION = join(ROOT, 'dist', 'action', 'index.js');

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The step's outputs, parsed from GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** What the step appended to GITHUB_STEP_SUMMARY. */
  summary: string;
  /** Workflow commands `::error|warning|notice props::message` printed on stdout. */
  annotations: { level: string; props: Record<string, string>; message: string }[];
}

export interface ActionEnv {
  workspace: string;
  inputs?: Record<string, string>;
  eventName?: string;
  event?: unknown;
  /** Extra environment. */
  env?: Record<string, string>;
  /** The node binary that runs the action (default: the one running the tests). */
  node?: string;
  /** Kill the action after this long (default 100 s) so a hang fails with its output, not a bare jest timeout. */
  timeoutMs?: number;
}

/** `name<<DELIM\nvalue\nDELIM` blocks, as @actions/core writes them. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) {
      const end = lines.indexOf(m[2]!, i + 1);
      out[m[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = /^([^=]+)=(.*)$/.exec(lines[i]!);
    if (eq) out[eq[1]!] = eq[2]!;
  }
  return out;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProp = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

export function parseAnnotations(stdout: string): ActionRun['annotations'] {
  const out: ActionRun['annotations'] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const i = kv.indexOf('=');
      props[kv.slice(0, i)] = unescapeProp(kv.slice(i + 1));
    }
    out.push({ level: m[1]!, props, message: unescapeData(m[3]!) });
  }
  return out;
}

export function runAction(opts: ActionEnv): Promise<ActionRun> {
  const dir = tempDir('lockstep-runner-');
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary.md');
  const eventFile = join(dir, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(eventFile, JSON.stringify(opts.event ?? {}));
  const env: Record<string, string> = {};
  // A clean runner environment: nothing from the test process's own GITHUB_* or INPUT_*.
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(INPUT_|GITHUB_|RUNNER_)/.test(k)) env[k] = v;
  delete env.NODE_OPTIONS;
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_EVENT_NAME: opts.eventName ?? 'push',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: join(dir, 'runner-temp'),
    ...opts.env,
  });
  for (const [name, value] of Object.entries(opts.inputs ?? {})) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return new Promise((resolve) => {
    const child = spawn(opts.node ?? process.execPath, [ACTION], { cwd: opts.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      stderr += `\n[run-action: killed after ${opts.timeoutMs ?? 100_000} ms]`;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 100_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code: code ?? 128,
        stdout,
        stderr,
        outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
        summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '',
        annotations: parseAnnotations(stdout),
      });
    });
  });
}
