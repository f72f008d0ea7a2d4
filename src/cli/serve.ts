/**
 * `allpath serve`: build the HTTP server, listen, print where, and close cleanly on SIGINT or
 * SIGTERM. Refuses to start without the CDS client's keys unless told it is a development run.
 */
import { buildServer, ServerConfigError, type AuthOptions } from '../server/index.js';
import type { Io } from './io.js';
import { INVALID_INPUT } from './issues.js';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly jwks?: string;
  readonly issuer: readonly string[];
  readonly publicUrl?: string;
  readonly insecureDev: boolean;
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
  if (options.insecureDev) {
    if (options.jwks !== undefined || options.issuer.length > 0) return usage(io, '--insecure-dev turns authentication off; it cannot be combined with --jwks or --issuer.');
    return { mode: 'insecure-dev' };
  }
  if (options.jwks === undefined || options.issuer.length === 0) {
    return usage(io, 'serve needs the CDS client\'s keys and issuer: --jwks <file|url> and --issuer <iss> (or --insecure-dev for local development only).');
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

export async function serveCommand(options: ServeOptions, io: Io): Promise<number> {
  const auth = authFrom(options, io);
  if (typeof auth === 'number') return auth;
  let app;
  try {
    app = buildServer({
      auth,
      ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
      logger: { level: 'info' },
    });
  } catch (e) {
    if (e instanceof ServerConfigError) return usage(io, e.message);
    throw e;
  }
  if (auth.mode === 'insecure-dev') io.stderr(INSECURE_WARNING);
  let address: string;
  try {
    address = await app.listen({ port: options.port, host: options.host });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(`allpath: cannot listen on ${options.host}:${options.port}${code === undefined ? '' : ` (${code})`}\n`);
    await app.close();
    return 1;
  }
  io.stdout(`allpath: listening on ${address}\n  API docs   ${address}/api/docs\n  CDS Hooks  ${address}/cds-services\n`);
  const signal = await shutdownSignal();
  io.stdout(`allpath: ${signal}: closing\n`);
  await app.close();
  return 0;
}
