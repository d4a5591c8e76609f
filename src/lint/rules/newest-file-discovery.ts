/**
 * `ls -t … | head -1` (and its find/stat variants, and helpers named like
 * `discover_latest_state_file`) pick the most recently written file: when two
 * instances run at once, each can pick up the other's state.
 */
import type { Rule, RuleHit } from '../rule.js';
import { commandPositions, wordsFrom } from '../shell-text.js';

const TAKE_ONE = /^\|\s*(?:(?:sort|grep|xargs|sed|awk|cut)\b[^|]*\|\s*)*(head|tail)\s+(?:-1\b|-n\s*\+?1\b|--lines[= ]1\b)/;
const BY_TIME = /(?:-printf\s+\S*%[TAC][@+]|\bstat\b[^|]*%[YZXW])[^|]*\|\s*sort\b[^|]*\|\s*(?:head|tail)\s+(?:-1\b|-n\s*1\b)/;
const HELPER = /(?:^|[\s;&|(`{]|\$\()([A-Za-z_][A-Za-z0-9_]*(?:latest|newest|most_recent)[A-Za-z0-9_]*)(?![A-Za-z0-9_=])/gi;

export const newestFileDiscovery: Rule = {
  id: 'newest-file-discovery',
  summary: 'picking the newest file finds whichever concurrent instance wrote last, not this one',
  fix: "lockstep state discover PREFIX --owner KEY finds this instance's own state",
  check(lines) {
    const hits: RuleHit[] = [];
    for (const l of lines) {
      let found: string | null = null;
      for (const pos of commandPositions(l.masked, 'ls')) {
        const { words, end } = wordsFrom(l.code, pos);
        const byTime = words.some((w) => /^-[A-Za-z1]*t[A-Za-z1]*$/.test(w) || w === '--sort=time');
        if (byTime && TAKE_ONE.test(l.masked.slice(end))) found = `\`ls ${words.filter((w) => w.startsWith('-')).join(' ')} … | ${TAKE_ONE.exec(l.masked.slice(end))![1]}\``;
      }
      if (!found && BY_TIME.test(l.code)) found = 'sorting files by time and taking one';
      if (!found) {
        HELPER.lastIndex = 0;
        for (let m = HELPER.exec(l.masked); m; m = HELPER.exec(l.masked)) {
          if (/state|file|id|dir/i.test(m[1]!)) {
            found = `\`${m[1]}\``;
            break;
          }
        }
      }
      if (found) hits.push({ line: l.line, message: `${found} picks the newest file: a concurrent instance's newer file wins` });
    }
    return hits;
  },
};
