/**
 * The `validate` step: resolve the range, check every commit in it against
 * its task's scope (src/tasks/validate.ts, in this process: git reads only),
 * and render the result.
 */
import { createGit } from '../git/git.js';
import { validateCommitRange } from '../tasks/validate.js';
import type { StepOutcome } from './outcome.js';
import { resolveRange } from './range.js';
import type { ActionSettings } from './settings.js';
import { filePrefix, renderValidation } from './validation-summary.js';

export async function runValidateStep(settings: ActionSettings): Promise<StepOutcome> {
  const git = createGit(settings.repoPath);
  const top = git.repoPaths().topLevel ?? settings.repoPath;
  const resolved = await resolveRange({ git, explicit: settings.range, eventName: settings.eventName, event: settings.event });
  if (resolved.range === null) return renderValidation(null, resolved, '');
  const result = await validateCommitRange({ cwd: settings.repoPath, range: resolved.range });
  return renderValidation(result, resolved, filePrefix(process.env.GITHUB_WORKSPACE ?? top, top));
}
