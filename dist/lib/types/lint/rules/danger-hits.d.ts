/** Lint hits from core/git-danger: each code line is parsed as a command line and its findings of the given kinds reported. */
import { type DangerKind } from '../../core/git-danger.js';
import type { RuleHit } from '../rule.js';
import type { CodeLine } from '../shell-text.js';
export declare function dangerHits(lines: CodeLine[], kinds: readonly DangerKind[]): RuleHit[];
