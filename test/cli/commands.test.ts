/** `allpath schema`, `--help` and `--version`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { allpath, ROOT } from './run-cli.js';

function properties(schema: unknown): string[] {
  const p = (schema as { properties?: Record<string, unknown> }).properties;
  return Object.keys(p ?? {});
}

describe('allpath schema', () => {
  test('`schema case` prints the case JSON Schema, with patient among its properties', async () => {
    const run = await allpath(['schema', 'case']);
    expect(run.code).toBe(0);
    const schema: unknown = JSON.parse(run.stdout);
    expect(properties(schema)).toEqual(expect.arrayContaining(['id', 'asOf', 'patient', 'labs', 'genetics']));
  });

  test('`schema evaluation` prints the evaluation JSON Schema', async () => {
    const run = await allpath(['schema', 'evaluation']);
    expect(run.code).toBe(0);
    expect(properties(JSON.parse(run.stdout))).toEqual(expect.arrayContaining(['caseId', 'notice', 'recommendations', 'missing']));
  });

  test('an unknown schema is a usage error', async () => {
    const run = await allpath(['schema', 'patient']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});

describe('help and version', () => {
  test('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = await allpath(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  test.each([[[]], [['evaluate']], [['schema']]])('%j --help describes the command and exits 0', async (command) => {
    const run = await allpath([...command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: allpath${command.length === 0 ? '' : ` ${command.join(' ')}`}`);
  });

  test('evaluate --help lists the formats, --as-of and the exit codes', async () => {
    const run = await allpath(['evaluate', '--help']);
    for (const s of ['--format', 'text', 'json', 'markdown', '--as-of', 'Exit codes']) expect(run.stdout).toContain(s);
  });
});

describe('internal errors', () => {
  // In process, with an Io whose stdout fails: the one failure a user cannot cause with input.
  function brokenIo(debug: boolean): Io & { readonly errors: string[] } {
    const errors: string[] = [];
    return {
      errors, debug, colour: false, width: 100,
      stdout: () => { throw new Error('stdout closed'); },
      stderr: (text) => errors.push(text),
      stdin: () => Promise.resolve(''),
    };
  }

  test('exit 1 with the message on stderr and no stack trace', async () => {
    const io = brokenIo(false);
    expect(await main(['node', 'allpath', 'schema', 'case'], io)).toBe(1);
    expect(io.errors.join('')).toBe('allpath: internal error: stdout closed\n');
  });

  test('ALLPATH_DEBUG adds the stack trace', async () => {
    const io = brokenIo(true);
    expect(await main(['node', 'allpath', 'schema', 'case'], io)).toBe(1);
    expect(io.errors.join('')).toMatch(/stdout closed\n.*\n\s+at /s);
  });
});
