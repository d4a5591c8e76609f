/**
 * `source "$STATE_FILE"` runs workflow state as shell code: a value that holds
 * `$(…)` or a backtick executes in the agent's shell. Libraries (`…/lib/…`)
 * are code and may be sourced.
 */
import type { Rule, RuleHit } from '../rule.js';
import { commandPositions, wordsFrom } from '../shell-text.js';

const STATEISH = /state|workflow/i;
const LIBRARY = /(^|\/)lib\//;

export const sourceStateFile: Rule = {
  id: 'source-state-file',
  summary: 'sourcing a state file executes whatever its values hold',
  fix: 'eval "$(lockstep state env ID)" — values come back as quoted exports and never run',
  check(lines) {
    const hits: RuleHit[] = [];
    for (const l of lines) {
      for (const cmd of ['source', '.']) {
        for (const pos of commandPositions(l.masked, cmd)) {
          const arg = wordsFrom(l.code, pos).words[0];
          if (!arg || arg.startsWith('<(') || !STATEISH.test(arg) || LIBRARY.test(arg)) continue;
          hits.push({ line: l.line, message: `\`${cmd} ${arg}\` runs a state file as shell code: a value holding $(…) or a backtick executes` });
        }
      }
      for (const pos of commandPositions(l.masked, 'eval')) {
        const text = wordsFrom(l.code, pos).words.join(' ');
        if (/\$\(\s*(?:cat\s|<)/.test(text) && STATEISH.test(text)) {
          hits.push({ line: l.line, message: `\`eval ${text}\` runs a state file's content as shell code` });
        }
      }
    }
    return hits;
  },
};
