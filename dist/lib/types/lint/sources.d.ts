import type { PhysicalLine } from './shell-text.js';
export type SourceKind = 'shell' | 'markdown';
export interface SourceFile {
    path: string;
    kind: SourceKind;
}
/** Files to lint under `paths`: named files are always read; directories are walked (node_modules and .git skipped, symlinks not followed). */
export declare function collectSources(paths: string[]): SourceFile[];
/** The shell lines of a markdown file: the bodies of its bash/sh fenced blocks, as separate blocks. */
export declare function markdownShellBlocks(text: string): PhysicalLine[][];
export declare function readSource(file: SourceFile): PhysicalLine[][];
