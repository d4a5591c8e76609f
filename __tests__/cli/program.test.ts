/**
 * The CLI loads only the module of the command it runs. These checks keep the
 * table of command modules honest: every command is reachable through it, and
 * a command word loads exactly the module that registers it.
 */
import { describe, expect, test } from '@jest/globals';
import { commandWord } from '../../src/cli/argv.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALLOCATE_MODULE, buildProgram, COMMAND_MODULES, VERSION } from '../../src/cli/program.js';
import { ROOT } from '../helpers.js';

const names = (p: { commands: readonly { name(): string }[] }) => p.commands.map((c) => c.name()).sort();

describe('command modules', () => {
  test('with no command word every module is loaded, and the table names every command', async () => {
    const all = await buildProgram([], COMMAND_MODULES);
    expect(names(all)).toEqual(COMMAND_MODULES.flatMap((m) => m.names).sort());
  });

  test('a command word loads only the module that registers it', async () => {
    for (const m of COMMAND_MODULES) {
      for (const word of m.names) {
        const p = await buildProgram([word, '--help'], COMMAND_MODULES);
        expect(names(p)).toEqual([...m.names].sort());
      }
    }
  });

  test('an unknown word loads everything (so commander can suggest the right one); --version loads nothing', async () => {
    expect(names(await buildProgram(['alocate'], COMMAND_MODULES)).length).toBe(COMMAND_MODULES.flatMap((m) => m.names).length);
    expect(names(await buildProgram(['--version'], COMMAND_MODULES))).toEqual([]);
  });

  test("allocate's own bundle builds the same program as the whole CLI for every allocate call", async () => {
    for (const argv of [['allocate', 'specs', 'x'], ['-C', '/tmp', 'allocate', '--help'], ['--json', 'allocate']]) {
      const whole = await buildProgram(argv, COMMAND_MODULES);
      const own = await buildProgram(argv, [ALLOCATE_MODULE]);
      expect(names(own)).toEqual(['allocate']);
      expect(own.helpInformation()).toBe(whole.helpInformation());
      expect(own.commands[0]!.helpInformation()).toBe(whole.commands[0]!.helpInformation());
    }
  });

  test('--version reports the version in package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  test('the command word is found after global options', () => {
    expect(commandWord(['-C', '/some/dir', 'allocate', 'specs', 'x'])).toBe('allocate');
    expect(commandWord(['--json', 'lock', 'status'])).toBe('lock');
    expect(commandWord(['-C', 'lock'])).toBeNull();
    expect(commandWord([])).toBeNull();
  });
});
