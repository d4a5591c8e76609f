/** The rule catalogue, in the order findings of one line are listed. */
import type { Rule } from '../rule.js';
import { gitAddAll } from './git-add-all.js';
import { newestFileDiscovery } from './newest-file-discovery.js';
import { removeGitLock } from './remove-git-lock.js';
import { secondPrecisionId } from './second-precision-id.js';
import { singletonStateFile } from './singleton-state-file.js';
import { sourceStateFile } from './source-state-file.js';

export const RULES: readonly Rule[] = [singletonStateFile, secondPrecisionId, sourceStateFile, gitAddAll, newestFileDiscovery, removeGitLock];
