/**
 * `allpath serve` as the HTTP benchmark and the soak run it: the built server (bin/allpath.js,
 * which runs dist/) as a child process, on 127.0.0.1 and a free port, over a throwaway data
 * directory, with CDS Hooks authenticated by a real JWK Set: the Ed25519 key pair of a bench
 * "EHR" made here, whose public half the server trusts for one issuer. The first-start admin
 * signs in and creates an API token for the /api calls; CDS Hooks calls each carry their own
 * JWT (a `jti` is accepted once), signed here with `aud` = the endpoint URL.
 *
 * The child's resident memory is read from /proc/<pid>/status (VmRSS now, VmHWM the peak).
 * `stop()` sends SIGTERM, then SIGKILL after a timeout, and removes the data directory; a bench
 * that exits or is interrupted kills the child too, so no server is left running.
 *
 * The server logs one line per request to stdout (method, route, status, duration; never a body
 * or a value). The lines are counted by level and not kept, except the last few errors.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The issuer the bench's CDS client signs as; the server's --issuer. */
export const BENCH_ISSUER = 'https://ehr.bench.allpath.invalid';
const KEY_ID = 'bench-ed25519';
/** A CDS token lives this long; the server refuses more than an hour. */
const TOKEN_SECONDS = 15 * 60;

export interface BenchServerOptions {
  /** Seed the 60 synthetic demo cases on first start (the patient-view fixture's patient is one). */
  readonly demo: boolean;
  /** Node options for the child, before the script: e.g. ['--cpu-prof', '--cpu-prof-dir=DIR']. */
  readonly nodeArgs?: readonly string[];
  /**
   * Stop the first server after its first start and measure a second one over the same data
   * directory (no initdb, no demo seeding in its memory or its profile).
   */
  readonly restart?: boolean;
  /** How long start-up (demo seeding included) may take. */
  readonly startTimeoutMs?: number;
  /**
   * The tree whose bin/allpath.js (and so dist/) runs: this project by default; another copy to
   * compare a change before and after.
   */
  readonly root?: string;
}

/** Resident memory of a process, in bytes: now (VmRSS) and the peak since it started (VmHWM). */
export interface Memory {
  readonly rss: number;
  readonly hwm: number;
}

/** The server's request log, counted by level (pino: 30 info, 40 warn, 50 error). */
export interface LogCounts {
  readonly info: number;
  readonly warn: number;
  readonly error: number;
  /** The last few warn/error lines (route, status, error class: no patient data). */
  readonly lastErrors: readonly string[];
}

export interface BenchServer {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly pid: number;
  /** An admin API token: `Authorization: Bearer ap_…` for /api. */
  readonly apiToken: string;
  /** The child's memory now, or null once it has exited. */
  readonly memory: () => Memory | null;
  /** CPU time the child has used so far (user + system), ms. */
  readonly cpuMs: () => number | null;
  /** The first server's memory once it listened, when `restart` started a second one. */
  readonly firstStartMemory: Memory | null;
  /** A fresh CDS Hooks JWT for the endpoint URL `aud` (signed synchronously, tens of µs). */
  readonly cdsToken: (aud: string) => string;
  readonly log: () => LogCounts;
  /** SIGTERM, then SIGKILL after `timeoutMs`; resolves with how it ended. Idempotent. */
  readonly stop: (timeoutMs?: number) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** VmRSS and VmHWM of `pid` from /proc, in bytes; null when the process is gone. */
export function readMemory(pid: number): Memory | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  const rss = kb('VmRSS');
  return Number.isNaN(rss) ? null : { rss, hwm: kb('VmHWM') };
}

/** CPU time `pid` has used (user + system), in ms; null when the process is gone. */
export function readCpuMs(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after the command name (which may hold spaces, so split after its closing paren):
  // state is field 3, utime 14 and stime 15, in clock ticks (100 a second on Linux).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks * 10 : null;
}

/** A CDS client: an Ed25519 key pair; signs JWTs synchronously with node:crypto (EdDSA). */
export class CdsClientKeys {
  readonly #privateKey: KeyObject;
  readonly jwks: { keys: object[] };
  readonly #header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: KEY_ID, typ: 'JWT' })).toString('base64url');

  constructor(readonly issuer: string = BENCH_ISSUER) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.#privateKey = privateKey;
    this.jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KEY_ID, alg: 'EdDSA', use: 'sig' }] };
  }

  /** A JWT as CDS Hooks 2.0 has it: iss, aud (the endpoint URL), iat, exp, a fresh jti. */
  token(aud: string): string {
    const iat = Math.floor(Date.now() / 1000);
    const payload = Buffer.from(JSON.stringify({ iss: this.issuer, aud, iat, exp: iat + TOKEN_SECONDS, jti: randomUUID() })).toString('base64url');
    const input = `${this.#header}.${payload}`;
    return `${input}.${sign(null, Buffer.from(input), this.#privateKey).toString('base64url')}`;
  }
}

/**
 * CDS tokens signed ahead, so the bench spends no CPU on signing while it measures: `take()`
 * hands one out, or signs one on the spot (counted in `signedLate`) when the pool is empty.
 */
export class TokenPool {
  readonly #tokens: string[] = [];
  #signedLate = 0;

  constructor(readonly keys: CdsClientKeys, readonly aud: string) {}

  /** Signs `count` more tokens, yielding to the event loop between batches. */
  async fill(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      this.#tokens.push(this.keys.token(this.aud));
      if (i % 1000 === 999) await new Promise((r) => setImmediate(r));
    }
  }

  take(): string {
    const token = this.#tokens.pop();
    if (token !== undefined) return token;
    this.#signedLate += 1;
    return this.keys.token(this.aud);
  }

  get size(): number {
    return this.#tokens.length;
  }

  get signedLate(): number {
    return this.#signedLate;
  }

  /** Drops the remaining tokens (each is good for one call only, and they expire). */
  clear(): void {
    this.#tokens.length = 0;
  }
}

/** Children still running, killed if this process exits without stopping them. */
const running = new Set<ChildProcess>();
let exitHooked = false;
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of running) child.kill('SIGKILL');
      process.exit(130);
    });
  }
}

async function json(res: Response, what: string): Promise<Record<string, unknown>> {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

interface Spawned {
  readonly url: string;
  /** What the server printed before it listened (the first-start password among it). */
  readonly startup: string;
  readonly pid: number;
  readonly log: () => LogCounts;
  readonly stop: (timeoutMs?: number) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node [nodeArgs] bin/allpath.js serve --port 0 …args`, resolved once it prints its URL. */
async function spawnServe(root: string, args: readonly string[], nodeArgs: readonly string[], timeoutMs: number): Promise<Spawned> {
  const child = spawn(process.execPath, [...nodeArgs, 'bin/allpath.js', 'serve', '--port', '0', '--host', '127.0.0.1', ...args], {
    cwd: root,
    env: { ...process.env, PORT: '', DATABASE_URL: '', ALLPATH_DATA: '', ALLPATH_DEBUG: '', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });

  // Start-up text is kept until the URL shows; after that, request lines are only counted.
  let startup = '';
  let started = false;
  let pending = '';
  const counts = { info: 0, warn: 0, error: 0 };
  const lastErrors: string[] = [];
  const countLine = (line: string) => {
    const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 0);
    if (level >= 50) counts.error += 1;
    else if (level >= 40) counts.warn += 1;
    else if (level > 0) counts.info += 1;
    if (level >= 40) {
      lastErrors.push(line.slice(0, 300));
      if (lastErrors.length > 5) lastErrors.shift();
    }
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    if (!started) startup += chunk;
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) countLine(line);
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });

  let stopping: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;
  const stop = (stopTimeoutMs = 15_000) => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      const how = await exited;
      clearTimeout(timer);
      return how;
    })();
    return stopping;
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start in ${timeoutMs} ms:\n${startup}\n${stderr}`)), timeoutMs);
      const onData = () => {
        const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(startup)?.[1];
        if (found === undefined) return;
        clearTimeout(timer);
        child.stdout.off('data', onData);
        started = true;
        resolve(found);
      };
      child.stdout.on('data', onData);
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`serve exited (${String(code ?? signal)}) before listening:\n${startup}\n${stderr}`));
      });
    });
    // serve installs its SIGTERM handler just after printing its URL: an answer proves it has,
    // so a stop right after start-up is the clean shutdown and not the default kill.
    const health = await fetch(`${url}/api/health`);
    if (!health.ok) throw new Error(`GET /api/health: HTTP ${health.status}`);
    const pid = child.pid;
    if (pid === undefined) throw new Error('the server has no pid');
    return { url, startup, pid, stop, log: () => ({ ...counts, lastErrors: [...lastErrors] }) };
  } catch (e) {
    await stop(5000);
    throw e;
  }
}

/**
 * Starts the server over a fresh data directory, signs in as the first-start admin and creates an
 * API token. With `restart`, the first server (which ran initdb and seeded the demo) is stopped
 * and a second one, the measured one, starts over the same data directory, as a server runs
 * after its first day; `nodeArgs` apply to that one.
 */
export async function startBenchServer(options: BenchServerOptions, keys: CdsClientKeys): Promise<BenchServer> {
  hookExit();
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  const dir = mkdtempSync(join(tmpdir(), 'allpath-bench-'));
  const jwksFile = join(dir, 'client-jwks.json');
  writeFileSync(jwksFile, JSON.stringify(keys.jwks));
  const args = ['--data-dir', join(dir, 'data'), '--jwks', jwksFile, '--issuer', keys.issuer, ...(options.demo ? [] : ['--no-demo'])];
  const cleanUp = () => rmSync(dir, { recursive: true, force: true });
  let server: Spawned | undefined;
  try {
    const first = await spawnServe(options.root ?? ROOT, args, options.restart === true ? [] : options.nodeArgs ?? [], timeoutMs);
    server = first;
    const password = /the password\n\n {4}(\S+)\n/.exec(first.startup)?.[1];
    if (password === undefined) throw new Error('serve printed no first-start password (is the data directory fresh?)');
    let firstStartMemory: Memory | null = null;
    if (options.restart === true) {
      firstStartMemory = readMemory(first.pid);
      server = undefined;
      const how = await first.stop();
      if (how.code !== 0) throw new Error(`the first server exited with ${String(how.code ?? how.signal)}`);
      server = await spawnServe(options.root ?? ROOT, args, options.nodeArgs ?? [], timeoutMs);
    }
    const { url } = server;
    const login = await fetch(`${url}/api/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }),
    });
    await json(login, 'sign-in');
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('allpath_session='))?.split(';')[0];
    if (cookie === undefined) throw new Error('sign-in set no session cookie');
    const created = await json(await fetch(`${url}/api/tokens`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: 'bench' }),
    }), 'create API token');
    const apiToken = created['token'];
    if (typeof apiToken !== 'string') throw new Error('POST /api/tokens answered no token');
    const measured = server;
    return {
      url, pid: measured.pid, apiToken,
      memory: () => readMemory(measured.pid),
      cpuMs: () => readCpuMs(measured.pid),
      firstStartMemory,
      cdsToken: (aud) => keys.token(aud),
      log: measured.log,
      stop: async (stopTimeoutMs) => {
        const how = await measured.stop(stopTimeoutMs);
        cleanUp();
        return how;
      },
    };
  } catch (e) {
    await server?.stop(5000);
    cleanUp();
    throw e;
  }
}

/** Samples a process's memory every `everyMs` until stopped. */
export class MemorySampler {
  readonly samples: { readonly atMs: number; readonly rss: number; readonly hwm: number }[] = [];
  readonly #timer: NodeJS.Timeout;
  readonly #start = Date.now();

  constructor(readonly read: () => Memory | null, everyMs: number) {
    this.sample();
    this.#timer = setInterval(() => this.sample(), everyMs);
  }

  sample(): void {
    const m = this.read();
    if (m !== null) this.samples.push({ atMs: Date.now() - this.#start, ...m });
  }

  stop(): void {
    clearInterval(this.#timer);
    this.sample();
  }

  get peakRss(): number {
    return Math.max(0, ...this.samples.map((s) => s.rss));
  }
}
