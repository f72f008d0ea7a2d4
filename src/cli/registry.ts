/**
 * The registry commands (demo, import, export, reevaluate, user) and the store options they
 * share: --database-url (env DATABASE_URL) and --data (env ALLPATH_DATA).
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { isCalendarDate } from '../index.js';
import { DEFAULT_DATA_DIR } from '../store/index.js';
import { ROLES } from '../store/types.js';
import { DEMO_FORMATS, demoCommand, type DemoOptions } from './demo.js';
import { exportCommand, type ExportOptions } from './export.js';
import { importCommand, type ImportCommandOptions } from './import.js';
import type { Io } from './io.js';
import { reevaluateCommand, type ReevaluateOptions } from './reevaluate.js';
import type { StoreFlags } from './registry-store.js';
import { userAddCommand, userDisableCommand, userListCommand, type UserAddOptions } from './user.js';

function calendarDate(value: string): string {
  if (!isCalendarDate(value)) throw new InvalidArgumentError('expected a calendar date YYYY-MM-DD.');
  return value;
}

function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    return n;
  };
}

function withStoreOptions(command: Command): Command {
  return command
    .addOption(new Option('--database-url <url>', 'PostgreSQL connection URL (env DATABASE_URL)'))
    .addOption(new Option('--data <dir>', `the embedded (PGlite) database directory (env ALLPATH_DATA, default ${DEFAULT_DATA_DIR})`))
    .addOption(new Option('--data-dir <dir>', 'the same as --data (the name allpath serve uses)').hideHelp());
}

const asOfOption = (what: string) =>
  new Option('--as-of <date>', `${what}, YYYY-MM-DD (default: today)`).argParser(calendarDate);

const EXIT_CODES = `
Exit codes:
  0  done
  1  internal error (the store cannot be opened or fails; ALLPATH_DEBUG=1 shows the stack trace)
  2  invalid input or usage`;

/** Adds demo, import, export, reevaluate and user to the program. */
export function registerRegistryCommands(cli: Command, io: Io, done: (code: number) => void): void {
  withStoreOptions(cli
    .command('demo')
    .description('Write a synthetic demo cohort of adult ALL cases (ids demo-0001, …) as NDJSON (contract cases, or FHIR R4 Bundles with --format fhir), or load it into the registry.')
    .addOption(new Option('--count <n>', 'how many cases').argParser(wholeNumber(1, 100_000)).default(100))
    .addOption(new Option('--seed <s>', 'the seed: the same seed gives the same cases').argParser(wholeNumber(0, 2 ** 32 - 1)).default(1))
    .addOption(asOfOption('the date the cases are as of; every date counts back from it'))
    .option('--out <file>', 'write the NDJSON to this file (default: stdout)')
    .addOption(new Option('--format <format>', 'each line a contract case, or the case as a FHIR R4 Bundle (what FHIR ingest reads back; not with --load)').choices(DEMO_FORMATS).default('case'))
    .option('--load', 'import the cases into the registry (stored as synthetic)', false))
    .addHelpText('after', EXIT_CODES)
    .action(async (options: DemoOptions) => done(await demoCommand(options, io)));

  withStoreOptions(cli
    .command('import')
    .description('Import cases into the registry: contract cases (or example documents) and FHIR R4 Bundles. An invalid record is reported by line and skipped; the valid ones are stored (a case already there gets a new version).')
    .argument('<path>', 'an NDJSON file (one record per line) or a directory (one JSON file per record)')
    .addOption(asOfOption('the date FHIR Bundles are evaluated for (contract cases carry their own asOf)'))
    .option('--synthetic', 'mark every imported case as synthetic (demo-… cases always are)', false))
    .addHelpText('after', `${EXIT_CODES}: some records were invalid (the valid ones were imported)`)
    .action(async (path: string, options: ImportCommandOptions) => done(await importCommand(path, options, io)));

  withStoreOptions(cli
    .command('export')
    .description('Export the latest version of every case as NDJSON (contract cases, one per line; allpath import reads it back).')
    .option('--out <file>', 'write to this file (default: stdout)'))
    .addHelpText('after', EXIT_CODES)
    .action(async (options: ExportOptions) => done(await exportCommand(options, io)));

  withStoreOptions(cli
    .command('reevaluate')
    .description('Re-evaluate every case with the current knowledge, store the new evaluations and list the cases whose recommendations or alerts changed.')
    .option('--json', 'print the report as JSON', false))
    .addHelpText('after', EXIT_CODES)
    .action(async (options: ReevaluateOptions) => done(await reevaluateCommand(options, io)));

  const user = cli.command('user').description('Manage registry users: add, list, disable.');
  withStoreOptions(user
    .command('add')
    .description('Add a user. Without --password a random one is generated and printed once.')
    .argument('<username>', 'letters, digits, . _ - (at most 64)')
    .addOption(new Option('--role <role>', 'what the user may do').choices(ROLES).makeOptionMandatory())
    .option('--password <password>', 'the password (at least 12 characters; visible in the shell history, so prefer leaving it out)'))
    .addHelpText('after', EXIT_CODES)
    .action(async (username: string, options: UserAddOptions) => done(await userAddCommand(username, options, io)));
  withStoreOptions(user.command('list').description('List the users: name, role, whether disabled, when created.'))
    .action(async (options: StoreFlags) => done(await userListCommand(options, io)));
  withStoreOptions(user.command('disable').description('Disable a user: they can no longer sign in.').argument('<username>'))
    .addHelpText('after', EXIT_CODES)
    .action(async (username: string, options: StoreFlags) => done(await userDisableCommand(username, options, io)));
}
