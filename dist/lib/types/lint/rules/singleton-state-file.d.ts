/**
 * The singleton state-id file: one step writes an id to a fixed path
 * (`echo "$WORKFLOW_ID" > "$STATE_ID_FILE"`), a later step reads it back
 * (`WORKFLOW_ID=$(cat "$STATE_ID_FILE")`). Between the two, a second instance
 * of the same command overwrites it, and the first continues with the
 * second's id. A path is "fixed" when nothing in it differs between
 * instances: only directory-like variables (…_DIR, HOME, TMPDIR, …), no
 * `$$`, `$RANDOM`, `$(…)`, positional parameters or per-run ids.
 */
import type { Rule } from '../rule.js';
/**
 * A path nothing in which differs between instances: no per-instance
 * expansion, and only directory-like variables that are not themselves
 * per-instance in this file (`tmp_dir=$(mktemp -d)` makes `$tmp_dir/x` fine).
 */
export declare function isFixedPath(value: string, perInstance?: ReadonlySet<string>): boolean;
export declare const singletonStateFile: Rule;
