/** Lint hits from core/git-danger: each code line is parsed as a command line and its findings of the given kinds reported. */
import { DANGER_ADVICE, findDangerousGit, type DangerKind } from '../../core/git-danger.js';
import type { RuleHit } from '../rule.js';
import type { CodeLine } from '../shell-text.js';

export function dangerHits(lines: CodeLine[], kinds: readonly DangerKind[]): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const l of lines) {
    for (const f of findDangerousGit(l.code)) {
      if (!kinds.includes(f.kind)) continue;
      const shown = f.text.replace(/\s*\n\s*/g, ' ');
      hits.push({ line: l.line, message: `\`${shown}\` ${DANGER_ADVICE[f.kind].reason}` });
    }
  }
  return hits;
}
