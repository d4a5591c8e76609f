/**
 * The action's edge: read the settings, run the step, then publish what it
 * found — outputs, annotations, the job summary — and fail the step per
 * `fail-on`. Bad inputs and environment problems fail it with their message.
 */
import * as core from '@actions/core';
import { isLockstepError } from '../core/errors.js';
import { getInputs } from './input-helper.js';
import { failureFor, safeAnnotation, type StepOutcome } from './outcome.js';
import { escapeControl } from '../core/outside-text.js';
import { runSuiteStep } from './suite.js';
import { runValidateStep } from './validation.js';

export async function run(): Promise<void> {
  try {
    const settings = getInputs();
    core.debug(`settings: ${JSON.stringify({ ...settings, event: undefined })}`);
    const outcome = settings.mode === 'validate' ? await runValidateStep(settings) : await runSuiteStep(settings);
    await publish(outcome);
    const failure = failureFor(outcome, settings.failOn);
    if (failure) core.setFailed(failure);
    else core.info(`lockstep: ${outcome.headline}`);
  } catch (e) {
    core.setFailed(escapeControl(describe(e), { keepNewlines: true }));
  }
}

async function publish(outcome: StepOutcome): Promise<void> {
  for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value);
  for (const a of outcome.annotations.map(safeAnnotation)) {
    const props = { title: a.title, ...(a.file ? { file: a.file } : {}), ...(a.file && a.line ? { startLine: a.line } : {}) };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
  // Outside a runner (or with summaries off) there is no summary file to append to.
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(outcome.summary, true).write();
}

function describe(e: unknown): string {
  if (isLockstepError(e)) return e.hint ? `${e.message}\n  fix: ${e.hint}` : e.message;
  // Not a user error: keep the stack so it can be reported.
  return `lockstep: internal error: ${(e as Error)?.stack ?? String(e)}\n  this is a bug in lockstep: please report it with the step's inputs`;
}
