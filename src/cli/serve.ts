/**
 * `allpath serve`: open the registry's store (PGlite in the data directory, or PostgreSQL when
 * DATABASE_URL is set), set it up on first start (a demo cohort, an admin whose password is
 * printed once), build the HTTP server, listen, print where, and on SIGINT or SIGTERM close the
 * server and then the store. CDS Hooks needs the client's keys, or --insecure-dev, or --cds-off.
 */
import { demoCases } from '../demo/index.js';
import { buildServer, checkCdsAuth, firstStart, ServerConfigError, type AuthOptions } from '../server/index.js';
import { today } from '../server/evaluate-input.js';
import { DEMO_COUNT, DEMO_SEED } from '../server/first-start.js';
import { DEFAULT_DATA_DIR, openStore, type Store } from '../store/index.js';
import type { Io } from './io.js';
import { INVALID_INPUT } from './issues.js';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly jwks?: string;
  readonly issuer: readonly string[];
  readonly publicUrl?: string;
  readonly insecureDev: boolean;
  readonly cdsOff: boolean;
  /** false with --no-demo. */
  readonly demo: boolean;
  /** The PGlite directory (--data-dir, else ALLPATH_DATA, else ./.allpath-data); unused with DATABASE_URL. */
  readonly dataDir?: string;
}

const INSECURE_WARNING = `
  ************************************************************************
  *  allpath: --insecure-dev: CDS Hooks calls are NOT authenticated.      *
  *  Anyone who can reach this port can send patient data and make the    *
  *  server fetch from any FHIR server. Never use it with real patients.  *
  ************************************************************************
`;

function usage(io: Io, message: string): number {
  io.stderr(`allpath: ${message}\n(allpath serve --help shows the usage)\n`);
  return INVALID_INPUT;
}

function authFrom(options: ServeOptions, io: Io): AuthOptions | number {
  const keys = options.jwks !== undefined || options.issuer.length > 0;
  if (options.cdsOff) {
    if (keys || options.insecureDev) return usage(io, '--cds-off serves no CDS Hooks; it cannot be combined with --jwks, --issuer or --insecure-dev.');
    return { mode: 'off' };
  }
  if (options.insecureDev) {
    if (keys) return usage(io, '--insecure-dev turns authentication off; it cannot be combined with --jwks or --issuer.');
    return { mode: 'insecure-dev' };
  }
  if (options.jwks === undefined || options.issuer.length === 0) {
    return usage(io, 'serve needs the CDS client\'s keys and issuer: --jwks <file|url> and --issuer <iss> (or --cds-off to serve the registry without CDS Hooks, or --insecure-dev for local development only).');
  }
  return { mode: 'jwt', jwks: options.jwks, issuers: options.issuer };
}

/** Resolves on the first SIGINT or SIGTERM. */
function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
    const on = (signal: NodeJS.Signals) => {
      for (const s of signals) process.off(s, on);
      resolve(signal);
    };
    for (const s of signals) process.on(s, on);
  });
}

/** Where the store is, for the start-up line: never the database URL (it may hold a password). */
function storeLabel(store: Store, dataDir: string): string {
  return store.backend === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`;
}

async function open(options: ServeOptions, io: Io): Promise<{ store: Store; label: string } | number> {
  const databaseUrl = process.env['DATABASE_URL'];
  const dataDir = options.dataDir ?? (process.env['ALLPATH_DATA'] || DEFAULT_DATA_DIR);
  try {
    const store = await openStore(databaseUrl !== undefined && databaseUrl !== '' ? { databaseUrl } : { dataDir });
    return { store, label: storeLabel(store, dataDir) };
  } catch (e) {
    // The message of a connection error can quote the URL; print only its class and code.
    const code = (e as { code?: unknown }).code;
    io.stderr(`allpath: cannot open the store (${databaseUrl ? 'DATABASE_URL' : dataDir}): ${e instanceof Error ? e.name : 'error'}${typeof code === 'string' ? ` ${code}` : ''}\n`);
    if (io.debug && e instanceof Error && e.stack !== undefined) io.stderr(`${e.stack}\n`);
    return 1;
  }
}

async function setUp(store: Store, options: ServeOptions, io: Io): Promise<void> {
  const start = await firstStart(store, {
    demo: options.demo ? demoCases(DEMO_COUNT, DEMO_SEED, today()) : undefined,
  });
  if (start.demoCases > 0) io.stdout(`allpath: stored ${start.demoCases} synthetic demo cases (start with --no-demo to leave them out)\n`);
  if (start.admin !== null) {
    io.stdout(`allpath: first start: created the user "${start.admin.username}" with the password\n\n    ${start.admin.password}\n\n`
      + '  It is shown this once. Sign in with it (POST /api/login) and create your own users.\n');
  }
}

export async function serveCommand(options: ServeOptions, io: Io): Promise<number> {
  const auth = authFrom(options, io);
  if (typeof auth === 'number') return auth;
  // The CDS client's keys are read before the store is touched: a bad --jwks changes nothing.
  try {
    checkCdsAuth(auth);
  } catch (e) {
    if (e instanceof ServerConfigError) return usage(io, e.message);
    throw e;
  }
  const opened = await open(options, io);
  if (typeof opened === 'number') return opened;
  const { store, label } = opened;
  let app;
  try {
    await setUp(store, options, io);
    app = buildServer({
      store, auth,
      ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
      logger: { level: 'info' },
    });
  } catch (e) {
    await store.close();
    if (e instanceof ServerConfigError) return usage(io, e.message);
    throw e;
  }
  if (auth.mode === 'insecure-dev') io.stderr(INSECURE_WARNING);
  // Listen for SIGINT/SIGTERM before the port opens: a stop sent as soon as the URL is printed
  // (a supervisor, a test) must close the server and the store cleanly, not kill the process.
  const stopped = shutdownSignal();
  let address: string;
  try {
    address = await app.listen({ port: options.port, host: options.host });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(`allpath: cannot listen on ${options.host}:${options.port}${code === undefined ? '' : ` (${code})`}\n`);
    await app.close();
    await store.close();
    return 1;
  }
  const cds = auth.mode === 'off' ? '  CDS Hooks  off (--cds-off)' : `  CDS Hooks  ${address}/cds-services`;
  io.stdout(`allpath: listening on ${address}\n  store      ${label}\n  API docs   ${address}/api/docs\n${cds}\n`);
  const signal = await stopped;
  io.stdout(`allpath: ${signal}: closing\n`);
  // The server first (in-flight requests finish), then the store they were writing to.
  await app.close();
  await store.close();
  return 0;
}
