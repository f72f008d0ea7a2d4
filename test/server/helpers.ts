/**
 * A real server on an ephemeral port over a throwaway store (PGlite in memory) with three users
 * (admin, clinician, viewer) and an API token each, a CDS client's key pair with its JWK Set in a
 * temp file, and a stub FHIR server: what the server tests need to talk HTTP as a user, a script
 * or an EHR would.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { buildServer, type ServerOptions } from '../../src/server/index.js';
import { hashSecret } from '../../src/server/secrets.js';
import { openStore, ROLES, type Role, type Store } from '../../src/store/index.js';
import { hashPassword } from '../../src/registry/index.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/server/', import.meta.url));
export const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

export function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

export interface Running {
  readonly url: string;
  readonly close: () => Promise<void>;
}

/** Every test user's password. */
export const PASSWORD = 'correct horse battery staple';

/** The same API token for each role in every test store (only its hash is stored). */
export const TOKENS: Readonly<Record<Role, string>> = {
  admin: 'ap_test-admin-token', clinician: 'ap_test-clinician-token', viewer: 'ap_test-viewer-token',
};

/** The Authorization header of `role`'s API token. */
export const authAs = (role: Role): Record<string, string> => ({ authorization: `Bearer ${TOKENS[role]}` });

/** Users admin, clinician and viewer (named after their role), each with {@link PASSWORD} and its token in {@link TOKENS}. */
export async function addTestUsers(store: Store): Promise<void> {
  const setup = { userId: null, username: 'test-setup', requestId: null };
  const hash = await hashPassword(PASSWORD);
  for (const role of ROLES) {
    const user = await store.createUser({ username: role, role, passwordHash: hash }, setup);
    await store.createApiToken(user.id, `${role} test token`, hashSecret(TOKENS[role]), setup);
  }
}

/** A store in memory with the test users. */
export async function testStore(): Promise<Store> {
  const store = await openStore({ dataDir: 'memory://' });
  await addTestUsers(store);
  return store;
}

export interface RunningRegistry extends Running {
  readonly store: Store;
}

export type TestServerOptions = Omit<ServerOptions, 'store'> & { readonly store?: Store };

/** buildServer + listen on 127.0.0.1, port 0; over a fresh {@link testStore} unless given one (closed with the server). */
export async function listen(options: TestServerOptions): Promise<RunningRegistry> {
  const store = options.store ?? await testStore();
  const app = buildServer({ ...options, store });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    store,
    close: async () => {
      await app.close();
      if (options.store === undefined) await store.close();
    },
  };
}

export const ISSUER = 'https://ehr.example.org';

/** A CDS client (an EHR): its signing key, and its public JWK Set written to a temp file. */
export interface Client {
  readonly jwksPath: string;
  readonly jwks: { keys: Record<string, unknown>[] };
  /** A token for `aud`; `claims` override or (with undefined) remove the defaults. */
  readonly token: (aud: string, claims?: Partial<Record<keyof JWTPayload, unknown>>, key?: CryptoKey) => Promise<string>;
  /** A key the server does not know. */
  readonly strangerKey: CryptoKey;
}

export async function cdsClient(): Promise<Client> {
  const { privateKey, publicKey } = await generateKeyPair('ES384');
  const stranger = await generateKeyPair('ES384');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'ehr-1', alg: 'ES384', use: 'sig' }] };
  const jwksPath = join(mkdtempSync(join(tmpdir(), 'allpath-jwks-')), 'jwks.json');
  writeFileSync(jwksPath, JSON.stringify(jwks));
  const token: Client['token'] = async (aud, claims = {}, key = privateKey) => {
    const now = Math.floor(Date.now() / 1000);
    const all: Record<string, unknown> = { iss: ISSUER, aud, iat: now, exp: now + 300, jti: randomUUID(), ...claims };
    const payload = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
    return new SignJWT(payload as JWTPayload).setProtectedHeader({ alg: 'ES384', kid: 'ehr-1', typ: 'JWT' }).sign(key);
  };
  return { jwksPath, jwks, token, strangerKey: stranger.privateKey };
}

export interface Sent {
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
  readonly headers: Headers;
}

export async function send(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Sent> {
  const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  const res = await fetch(url, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: parsed, headers: res.headers };
}

/** A CDS Hooks request for `hook`, for patient `patientId`. */
export function hookRequest(hook: string, context: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { hook, hookInstance: randomUUID(), context: { userId: 'Practitioner/example', ...context }, ...extra };
}

/** What a stub FHIR server saw of one request. */
export interface SeenRequest {
  readonly path: string;
  readonly authorization: string | undefined;
}

export interface StubFhir extends Running {
  readonly seen: SeenRequest[];
}

/**
 * A tiny FHIR server: reads by `ResourceType/id`, searches by `ResourceType?patient=id` (as
 * searchset Bundles, `pageSize` entries a page with next links). Everything else is 404.
 */
export async function stubFhirServer(resources: readonly Record<string, unknown>[], pageSize = 2): Promise<StubFhir> {
  const seen: SeenRequest[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    seen.push({ path: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
    const base = `http://${req.headers.host ?? ''}/fhir`;
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/fhir+json' }).end(JSON.stringify(body));
    };
    const [, fhir, type, id] = url.pathname.split('/');
    if (fhir !== 'fhir' || type === undefined) return reply(404, { resourceType: 'OperationOutcome' });
    if (id !== undefined) {
      const found = resources.find((r) => r['resourceType'] === type && r['id'] === id);
      return found === undefined ? reply(404, { resourceType: 'OperationOutcome' }) : reply(200, found);
    }
    const patient = url.searchParams.get('patient');
    const matches = resources.filter((r) => r['resourceType'] === type
      && (r['subject'] as { reference?: string } | undefined)?.reference === `Patient/${patient ?? ''}`);
    const page = Number(url.searchParams.get('page') ?? '0');
    const slice = matches.slice(page * pageSize, (page + 1) * pageSize);
    const more = (page + 1) * pageSize < matches.length;
    return reply(200, {
      resourceType: 'Bundle', type: 'searchset', total: matches.length,
      link: more ? [{ relation: 'next', url: `${base}/${type}?patient=${patient ?? ''}&page=${page + 1}` }] : [],
      entry: slice.map((resource) => ({ resource, search: { mode: 'match' } })),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/fhir`,
    seen,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** Starting a server over a fresh store (PGlite, migrations, hashed passwords) is slow on a loaded machine. */
export const SETUP_TIMEOUT = 60_000;
