/**
 * Signing in and out: POST /api/login sets the session cookie, POST /api/logout ends the
 * session, GET /api/me says who is signed in. Sign-in attempts are rate-limited per address and
 * username, and every outcome is audited (never the password).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseWith } from '../index.js';
import { hashPassword, verifyPassword } from '../registry/index.js';
import type { Actor, Store, User } from '../store/types.js';
import { actorOf, userOf } from './access.js';
import { HttpError, errorBody } from './errors.js';
import { SESSION_COOKIE, SESSION_HOURS, hashSecret, newSessionToken } from './secrets.js';

export interface LoginLimit {
  /** Attempts allowed per client address and username in `windowMs`; the next is 429. */
  readonly max: number;
  readonly windowMs: number;
}

export const DEFAULT_LOGIN_LIMIT: LoginLimit = { max: 5, windowMs: 60_000 };

export interface SessionOptions {
  readonly store: Store;
  readonly loginLimit: LoginLimit;
  readonly now: () => Date;
  /** Whether the cookie is Secure: always when the public URL is https, else when the request came over https. */
  readonly secureCookie: (request: FastifyRequest) => boolean;
}

const LoginBody = z.strictObject({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
});

/** The username an attempt names, as far as it can be read, for the rate-limit key and the audit. */
function attemptedUsername(body: unknown): string {
  const name = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['username'] : undefined;
  return typeof name === 'string' ? name.slice(0, 200) : '';
}

const me = (user: User) => ({ username: user.username, role: user.role });

const INVALID_LOGIN = 'invalid username or password';

export async function sessionRoutes(app: FastifyInstance, options: SessionOptions): Promise<void> {
  const { store, now } = options;
  // Unknown usernames cost a scrypt verification too, so timing does not tell which names exist.
  let decoy: Promise<string> | undefined;
  const decoyHash = () => (decoy ??= hashPassword(newSessionToken()));

  const failed = async (request: FastifyRequest, user: User | null, username: string, reason: string): Promise<never> => {
    const actor: Actor = { userId: user?.id ?? null, username, requestId: request.id };
    await store.audit('failed-login', actor, null, reason);
    throw new HttpError(401, INVALID_LOGIN);
  };

  app.post('/api/login', {
    config: {
      access: 'open',
      rateLimit: {
        max: options.loginLimit.max,
        timeWindow: options.loginLimit.windowMs,
        // After the body is parsed, so the key can name the username.
        hook: 'preHandler',
        keyGenerator: (request) => `${request.ip}\u0000${attemptedUsername(request.body).toLowerCase()}`,
        errorResponseBuilder: (_request, context) => new HttpError(429, 'Too many sign-in attempts; wait a minute and try again.', {
          body: errorBody(context.statusCode, 'Too many sign-in attempts; wait a minute and try again.'),
        }),
      },
    },
    // An attempt refused by the limit never reached the password check; it is audited all the same.
    onResponse: async (request: FastifyRequest, reply: FastifyReply) => {
      if (reply.statusCode !== 429) return;
      await store.audit('failed-login', { userId: null, username: attemptedUsername(request.body), requestId: request.id }, null, 'rate limited');
    },
    schema: {
      tags: ['session'],
      summary: 'Sign in: sets the session cookie (httpOnly, SameSite=Strict, 12 hours)',
      body: {
        type: 'object', required: ['username', 'password'], additionalProperties: false,
        properties: { username: { type: 'string' }, password: { type: 'string', format: 'password' } },
      },
      response: {
        200: { $ref: 'Me#' },
        400: { description: 'The body is not {username, password}', $ref: 'Issues#' },
        401: { description: INVALID_LOGIN, $ref: 'Error#' },
        429: { description: `More than ${options.loginLimit.max} attempts a minute for this username from this address`, $ref: 'Error#' },
      },
    },
  }, async (request, reply) => {
    const parsed = parseWith(LoginBody, request.body);
    if (!parsed.ok) throw new HttpError(400, 'invalid sign-in', { body: { issues: parsed.issues } });
    const { username, password } = parsed.value;
    const user = await store.userByUsername(username);
    if (user === null) {
      await verifyPassword(password, await decoyHash());
      return failed(request, null, username, 'unknown user');
    }
    if (!(await verifyPassword(password, user.passwordHash))) return failed(request, user, username, 'wrong password');
    if (user.disabled) return failed(request, user, username, 'user disabled');

    const token = newSessionToken();
    const expires = new Date(now().getTime() + SESSION_HOURS * 3600_000);
    await store.createSession(user.id, hashSecret(token), expires.toISOString());
    await store.audit('login', { userId: user.id, username: user.username, requestId: request.id }, null);
    void reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: options.secureCookie(request), expires,
    });
    return me(user);
  });

  app.post('/api/logout', {
    config: { access: 'read' },
    schema: {
      tags: ['session'], summary: 'Sign out: ends the session and clears the cookie',
      response: { 204: { description: 'Signed out', type: 'null' }, 401: { description: 'Not signed in', $ref: 'Error#' } },
    },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token !== undefined && token !== '') await store.deleteSession(hashSecret(token));
    await store.audit('logout', actorOf(request), null);
    void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: options.secureCookie(request) });
    return reply.code(204).send();
  });

  app.get('/api/me', {
    schema: {
      tags: ['session'], summary: 'Who is signed in (by the session cookie or the API token)',
      response: { 200: { $ref: 'Me#' }, 401: { description: 'Not signed in', $ref: 'Error#' } },
    },
  }, async (request) => me(userOf(request)));
}
