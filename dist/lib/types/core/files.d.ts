export declare function ensureDir(path: string): void;
/** A name for a temporary file next to `path`, unique to this process and call. */
export declare function tempPathFor(path: string): string;
/**
 * Writes `data` to a temp file in the same directory and renames it over
 * `path`: readers see the old content or the new, never a torn write.
 */
export declare function writeFileAtomic(path: string, data: string, opts?: {
    fsync?: boolean;
}): void;
/**
 * Creates `path`, which must not exist yet (O_EXCL), writes `data` to it and
 * returns the descriptor, open for reading and writing (the caller closes
 * it); null when the path exists. A write that fails removes the file again.
 * Errors name `where` (default: the path).
 */
export declare function openExclusive(path: string, data: string, what?: string, where?: string): number | null;
/** Reads and parses a JSON file; undefined when it does not exist; CORRUPT_STATE when it is not JSON. */
export declare function readJsonFile<T>(path: string, what: string): T | undefined;
export declare function unlinkQuiet(path: string): boolean;
/**
 * Writes `data` to a new temp file in `dir` (named `.tmp.<pid>.<random>`, so
 * leftovers of dead processes can be recognised) and returns its path: the
 * first half of every "write fully, then link() into place" step.
 */
export declare function writeTempIn(dir: string, data: string, what?: string): string;
/** link(2): true when we created `dest`, false when it exists (or, with `missingOk`, when `src` is gone). */
export declare function tryLink(src: string, dest: string, missingOk?: boolean): boolean;
