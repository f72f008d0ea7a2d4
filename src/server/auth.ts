/**
 * CDS Hooks 2.0 client authentication: every service call carries a JWT signed by the CDS
 * client (the EHR) in `Authorization: Bearer`. It is verified against the client's JWK Set
 * (a file, or a URL), its `iss` must be on the allow-list, its `aud` must be the URL of the
 * endpoint being called, `exp`, `iat` and `jti` must be present, and a `jti` is accepted once.
 * A `jku` header is never followed: keys come only from the configured JWK Set.
 */
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { HttpError, errorBody } from './errors.js';

export type AuthOptions =
  | {
    readonly mode: 'jwt';
    /** The CDS client's JWK Set: a file path, or an http(s) URL. */
    readonly jwks: string;
    /** Accepted `iss` values. */
    readonly issuers: readonly string[];
  }
  | { readonly mode: 'insecure-dev' }
  /** CDS Hooks is not served at all (no discovery, no services): the registry API alone. */
  | { readonly mode: 'off' };

/** A problem with the server's own configuration, found before it listens. */
export class ServerConfigError extends Error {
  override readonly name = 'ServerConfigError';
}

/** Asymmetric algorithms only; the spec names ES384 and RS384. Never HMAC, never `none`. */
const ALGORITHMS = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA'];
/** Seconds of clock difference tolerated between client and server. */
const CLOCK_TOLERANCE = 30;
/**
 * A token may live at most this long (seconds from now to `exp`). The spec's tokens live a few
 * minutes; the bound keeps the replay cache small.
 */
const MAX_LIFETIME = 3600;

/** Who called: the token's issuer, or null when calls are not authenticated (--insecure-dev). */
export interface CdsClient {
  readonly issuer: string | null;
}

export interface CdsAuthenticator {
  /** Resolves to the caller when the request carries a valid token for one of `audiences`; throws {@link HttpError} otherwise. */
  readonly authenticate: (authorization: string | undefined, audiences: readonly string[]) => Promise<CdsClient>;
}

function unauthorized(reason: string): HttpError {
  return new HttpError(401, reason, {
    headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="${reason}"` },
    body: errorBody(401, reason),
  });
}

function keySet(jwks: string): JWTVerifyGetKey {
  if (/^https?:\/\//i.test(jwks)) {
    return createRemoteJWKSet(new URL(jwks), { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  }
  let text: string;
  try {
    text = readFileSync(jwks, 'utf8');
  } catch (e) {
    throw new ServerConfigError(`cannot read the JWKS file ${jwks}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`, { cause: e });
  }
  try {
    const set: unknown = JSON.parse(text);
    if (typeof set !== 'object' || set === null || !Array.isArray((set as { keys?: unknown }).keys) || (set as { keys: unknown[] }).keys.length === 0) {
      throw new Error('expected {"keys": [...]} with at least one key');
    }
    return createLocalJWKSet(set as Parameters<typeof createLocalJWKSet>[0]);
  } catch (e) {
    throw new ServerConfigError(`the JWKS file ${jwks} is not a JSON Web Key Set: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/** Why a token was refused, in a few words; nothing from the token itself. */
function reasonFor(e: unknown): HttpError {
  if (e instanceof errors.JWTExpired) return unauthorized(e.claim === 'iat' ? 'token issued too long ago' : 'token expired');
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.reason === 'missing') return unauthorized(`token lacks the "${e.claim}" claim`);
    if (e.claim === 'iss') return unauthorized('issuer not allowed');
    if (e.claim === 'aud') return unauthorized('audience is not this service endpoint');
    return unauthorized(`invalid "${e.claim}" claim`);
  }
  if (e instanceof errors.JWSSignatureVerificationFailed || e instanceof errors.JWKSNoMatchingKey || e instanceof errors.JWKSMultipleMatchingKeys) {
    return unauthorized("signature does not verify with the client's keys");
  }
  if (e instanceof errors.JOSEAlgNotAllowed || e instanceof errors.JOSENotSupported) return unauthorized('signing algorithm not allowed');
  if (e instanceof errors.JWTInvalid || e instanceof errors.JWSInvalid) return unauthorized('malformed token');
  // The key set could not be fetched or read: our problem, not the client's token.
  return new HttpError(503, "The CDS client's JWK Set could not be fetched.", { cause: e });
}

/** `jti`s seen, each kept until its token expires. */
class ReplayCache {
  readonly #seen = new Map<string, number>();
  #nextSweep = 0;

  /** False when the id was seen before and has not expired. */
  claim(id: string, exp: number, now: number): boolean {
    // Expired ids are dropped once a minute, not on every call.
    if (now >= this.#nextSweep) {
      for (const [k, until] of this.#seen) if (until < now) this.#seen.delete(k);
      this.#nextSweep = now + 60;
    }
    if (this.#seen.has(id)) return false;
    this.#seen.set(id, exp + CLOCK_TOLERANCE);
    return true;
  }
}

export function cdsAuthenticator(options: Exclude<AuthOptions, { mode: 'off' }>, now: () => Date = () => new Date()): CdsAuthenticator {
  if (options.mode === 'insecure-dev') return { authenticate: async () => ({ issuer: null }) };
  if (options.issuers.length === 0) throw new ServerConfigError('at least one accepted issuer is required');
  const keys = keySet(options.jwks);
  const issuers = [...options.issuers];
  const replay = new ReplayCache();

  return {
    async authenticate(authorization, audiences) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
      const token = match?.[1];
      if (token === undefined) throw unauthorized('missing bearer token');
      const at = now();
      let payload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: issuers, audience: [...audiences], algorithms: ALGORITHMS,
          requiredClaims: ['exp', 'iat', 'jti'], clockTolerance: CLOCK_TOLERANCE, currentDate: at,
        }));
      } catch (e) {
        throw reasonFor(e);
      }
      const seconds = Math.floor(at.getTime() / 1000);
      const exp = payload.exp ?? 0;
      if (exp - seconds > MAX_LIFETIME) throw unauthorized(`token lives too long (exp more than ${MAX_LIFETIME} s ahead)`);
      if (typeof payload.jti !== 'string' || payload.jti === '') throw unauthorized('invalid "jti" claim');
      if (!replay.claim(`${payload.iss ?? ''}\u0000${payload.jti}`, exp, seconds)) throw unauthorized('token replayed (jti already used)');
      return { issuer: payload.iss ?? null };
    },
  };
}

/** Throws {@link ServerConfigError} when the CDS Hooks options cannot work (no issuer, an unreadable JWK Set file). */
export function checkCdsAuth(options: AuthOptions): void {
  if (options.mode !== 'off') cdsAuthenticator(options);
}
