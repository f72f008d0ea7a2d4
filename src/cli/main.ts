/**
 * The allpath command line. It reads input, calls the library, prints and returns the exit code;
 * commander is told never to exit the process, so `main` can be run and tested as a function.
 *
 * Exit codes: 0 success, 1 internal error, 2 invalid input or usage.
 */
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isCalendarDate } from '../index.js';
import { packageVersion } from '../server/package-version.js';
import { FORMATS, evaluateCommand, evaluateMisuse, type EvaluateOptions } from './evaluate.js';
import { processIo, type Io } from './io.js';
import { INVALID_INPUT } from './issues.js';
import { registerRegistryCommands } from './registry.js';
import { SCHEMAS, schemaCommand, type SchemaName } from './schema.js';
import { serveCommand, type ServeOptions } from './serve.js';

const INTERNAL_ERROR = 1;

function calendarDate(value: string): string {
  if (!isCalendarDate(value)) throw new InvalidArgumentError('expected a calendar date YYYY-MM-DD.');
  return value;
}

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('expected a port number 0-65535.');
  return n;
}

function httpUrl(value: string): string {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) throw new InvalidArgumentError('expected an http(s) URL.');
  return value;
}

function workerCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 256) throw new InvalidArgumentError('expected a whole number from 1 to 256.');
  return n;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** PORT from the environment when it is a port number, else 3000. */
function defaultPort(): number {
  const env = process.env['PORT'] ?? '';
  return /^\d+$/.test(env) && Number(env) <= 65535 ? Number(env) : 3000;
}

const EXIT_CODES = `
Exit codes:
  0  evaluated
  1  internal error (set ALLPATH_DEBUG=1 for the stack trace)
  2  invalid input: each problem is printed on stderr with its JSON path; nothing on stdout`;

function program(io: Io, done: (code: number) => void): Command {
  const cli = new Command('allpath')
    .description("Decision support for adults with acute lymphoblastic leukemia (ALL). It supports a clinician's decision; it orders nothing.")
    .version(packageVersion())
    // Set before the subcommands are added, which inherit them.
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(`allpath: ${text}`) })
    .showHelpAfterError('(allpath --help shows the usage)');

  cli
    .command('evaluate')
    .description('Evaluate one case (with --batch, each line of an NDJSON file): diagnosis, status, risk, recommendations, alerts and missing tests, each with its evidence.')
    .argument('<file>', 'a case as JSON (the allpath contract) or a FHIR R4 Bundle (with --batch: NDJSON, one of those a line); - reads stdin')
    .addOption(new Option('--format <format>', 'output format (fhir: the evaluation as a FHIR Bundle)').choices(FORMATS).default('text'))
    .addOption(new Option('--as-of <date>', "the date to evaluate for, YYYY-MM-DD: must match a case's own asOf; a FHIR Bundle is evaluated for it (default: today)").argParser(calendarDate))
    .option('--batch', 'evaluate each line of NDJSON: one compact JSON evaluation a line on stdout, in input order; an invalid line gives {"line", "invalid", "issues"} in its place')
    .addOption(new Option('--workers <n>', 'worker threads for --batch (default: the number of cores)').argParser(workerCount))
    .addHelpText('after', EXIT_CODES)
    .action(async (file: string, options: EvaluateOptions, command: Command) => {
      const misuse = evaluateMisuse(options, command.getOptionValueSource('format') === 'cli');
      if (misuse !== null) command.error(`error: ${misuse}`);
      done(await evaluateCommand(file, options, io));
    });

  cli
    .command('schema')
    .description('Print the JSON Schema of the case (input) or the evaluation (output).')
    .addArgument(new Argument('<which>', 'which document').choices(SCHEMAS))
    .action((which: SchemaName) => done(schemaCommand(which, io)));

  cli
    .command('serve')
    .description('Serve the case registry and HTTP API (/api) and the CDS Hooks services (/cds-services) until SIGINT or SIGTERM. The store is PostgreSQL when DATABASE_URL is set, else embedded (PGlite).')
    .addOption(new Option('--port <port>', 'port to listen on (env PORT)').argParser(port).default(defaultPort()))
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--jwks <file|url>', "the CDS client's JSON Web Key Set, to verify its CDS Hooks JWTs")
    .option('--issuer <iss>', 'an accepted JWT issuer (iss); repeat for several', collect, [])
    .addOption(new Option('--public-url <url>', 'the base URL clients call; a JWT aud must be it plus the endpoint path').argParser(httpUrl))
    .option('--insecure-dev', 'accept CDS Hooks calls without a JWT (local development only)', false)
    .option('--cds-off', 'serve the registry and the API without CDS Hooks (no client keys needed)', false)
    .option('--data-dir <dir>', 'the embedded database directory (env ALLPATH_DATA, default ./.allpath-data); unused when DATABASE_URL is set')
    .option('--no-demo', 'on first start, do not store the synthetic demo cohort')
    .action(async (options: ServeOptions) => done(await serveCommand(options, io)));

  registerRegistryCommands(cli, io, done);

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
