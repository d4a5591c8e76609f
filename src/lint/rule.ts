/** What every lint rule is: an id, what it catches, the one-line fix, and a check over a file's code lines. */
import type { CodeLine } from './shell-text.js';

export type RuleId = 'singleton-state-file' | 'second-precision-id' | 'source-state-file' | 'git-add-all' | 'newest-file-discovery' | 'remove-git-lock';

export interface RuleHit {
  line: number;
  message: string;
}

export interface Rule {
  id: RuleId;
  /** What the pattern is and why it races, in one line. */
  summary: string;
  /** The one-line fix shown with every finding. */
  fix: string;
  /** All code lines of one file (every shell block of a markdown file, in order). */
  check(lines: CodeLine[]): RuleHit[];
}
