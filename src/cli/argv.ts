/**
 * Reading the command word out of argv. On its own, with no imports, because
 * the launcher (src/cli/launcher.cts) names its cache files by it and must not
 * load commander or the CLI to do so.
 */

/** The command word in argv (after the global options), or null for none (help, version). */
export function commandWord(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-C') {
      i++;
      continue;
    }
    if (a === '--') return argv[i + 1] ?? null;
    if (a.startsWith('-')) continue;
    return a;
  }
  return null;
}
