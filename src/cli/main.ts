/**
 * The allpath command line. It reads input, calls the library, prints and returns the exit code;
 * commander is told never to exit the process, so `main` can be run and tested as a function.
 *
 * Exit codes: 0 success, 1 internal error, 2 invalid input or usage.
 */
import { readFileSync } from 'node:fs';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isCalendarDate } from '../index.js';
import { FORMATS, evaluateCommand, type EvaluateOptions } from './evaluate.js';
import { processIo, type Io } from './io.js';
import { INVALID_INPUT } from './issues.js';
import { SCHEMAS, schemaCommand, type SchemaName } from './schema.js';

const INTERNAL_ERROR = 1;

/** The package version; package.json is two levels up from both src/cli and dist/cli. */
function version(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const v = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined;
  return typeof v === 'string' ? v : 'unknown';
}

function calendarDate(value: string): string {
  if (!isCalendarDate(value)) throw new InvalidArgumentError('expected a calendar date YYYY-MM-DD.');
  return value;
}

const EXIT_CODES = `
Exit codes:
  0  evaluated
  1  internal error (set ALLPATH_DEBUG=1 for the stack trace)
  2  invalid input: each problem is printed on stderr with its JSON path; nothing on stdout`;

function program(io: Io, done: (code: number) => void): Command {
  const cli = new Command('allpath')
    .description("Decision support for adults with acute lymphoblastic leukemia (ALL). It supports a clinician's decision; it orders nothing.")
    .version(version())
    // Set before the subcommands are added, which inherit them.
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(`allpath: ${text}`) })
    .showHelpAfterError('(allpath --help shows the usage)');

  cli
    .command('evaluate')
    .description('Evaluate one case: diagnosis, status, risk, recommendations, alerts and missing tests, each with its evidence.')
    .argument('<file>', 'a case as JSON (the allpath contract); - reads stdin')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .addOption(new Option('--as-of <date>', "the date to evaluate for, YYYY-MM-DD; must match a case's own asOf").argParser(calendarDate))
    .addHelpText('after', EXIT_CODES)
    .action(async (file: string, options: EvaluateOptions) => done(await evaluateCommand(file, options, io)));

  cli
    .command('schema')
    .description('Print the JSON Schema of the case (input) or the evaluation (output).')
    .addArgument(new Argument('<which>', 'which document').choices(SCHEMAS))
    .action((which: SchemaName) => done(schemaCommand(which, io)));

  return cli;
}

/** `argv` as in process.argv: node, the script, then the arguments. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code = 0;
  try {
    await program(io, (c) => (code = c)).parseAsync(argv, { from: 'node' });
    return code;
  } catch (e) {
    // Help and --version end parsing with exit code 0; every other commander error is a usage error.
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : INVALID_INPUT;
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`allpath: internal error: ${message}\n`);
    if (io.debug && e instanceof Error && e.stack !== undefined) io.stderr(`${e.stack}\n`);
    return INTERNAL_ERROR;
  }
}
