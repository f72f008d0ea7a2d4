/**
 * Who may call each /api route. Every route gets an access level when it is registered (the
 * onRoute hook below), so a route added without a thought for protection is still protected:
 * GET (and HEAD) routes need a signed-in user, every other method a clinician or an admin.
 * Routes say `config: { access: 'open' | 'read' | 'write' | 'admin' }` only to differ from that.
 *
 * A user is identified by the session cookie (set by POST /api/login) or by an API token
 * (`Authorization: Bearer ap_…`); only SHA-256 hashes of either are stored. A disabled user's
 * sessions and tokens stop working at once, since the user is read on every request.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, Role, Store, User } from '../store/types.js';
import { HttpError, errorBody } from './errors.js';
import { API_TOKEN_PREFIX, SESSION_COOKIE, hashSecret } from './secrets.js';

export const ACCESS_LEVELS = ['open', 'read', 'write', 'admin'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; set for every route by {@link installAccessControl}. */
    access?: Access;
  }
  interface FastifyRequest {
    /** The signed-in user on a route that is not open; null elsewhere. */
    user: User | null;
  }
}

const ALLOWED: Readonly<Record<Role, readonly Access[]>> = {
  admin: ['open', 'read', 'write', 'admin'],
  clinician: ['open', 'read', 'write'],
  viewer: ['open', 'read'],
};

/** The OpenAPI document and its page, open so that a reader can see the API before signing in. */
const OPEN_PREFIXES = ['/api/docs'];

/** The access a route gets when it does not say: by the path and the method. */
export function defaultAccess(method: string, url: string): Access {
  // Outside /api (CDS Hooks) routes have their own scheme: the client's JWT.
  if (url !== '/api' && !url.startsWith('/api/')) return 'open';
  if (OPEN_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`))) return 'open';
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}

function unauthorized(message: string): HttpError {
  return new HttpError(401, message, { headers: { 'www-authenticate': 'Bearer realm="allpath"' }, body: errorBody(401, message) });
}

/** The audit actor for a request: its user (null before sign-in) and its id. */
export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.user?.id ?? null, username: request.user?.username ?? 'anonymous', requestId: request.id };
}

/** The signed-in user of a route that requires one. */
export function userOf(request: FastifyRequest): User {
  if (request.user === null) throw new HttpError(500, 'route without access control');
  return request.user;
}

/**
 * The user behind the request's API token or session cookie; throws 401 when there is none. The
 * user is read with the token on every request (one query), so disabling takes effect at once.
 */
async function identify(request: FastifyRequest, store: Store, now: () => Date): Promise<User> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    if (token === undefined || !token.startsWith(API_TOKEN_PREFIX)) throw unauthorized(`expected an API token: Authorization: Bearer ${API_TOKEN_PREFIX}…`);
    const found = await store.userByToken('api', hashSecret(token));
    if (found === null || found.user.disabled) throw unauthorized('invalid API token');
    return found.user;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie === undefined || cookie === '') throw unauthorized('sign in first (POST /api/login) or send an API token');
  const found = await store.userByToken('session', hashSecret(cookie));
  const expired = found === null || found.expiresAt === null || Date.parse(found.expiresAt) <= now().getTime();
  if (found === null || expired || found.user.disabled) throw unauthorized('session expired; sign in again');
  return found.user;
}

/**
 * Gives every route its access level and checks it before the body is read, so an
 * unauthenticated caller cannot make the server parse a large body.
 */
export function installAccessControl(app: FastifyInstance, store: Store, now: () => Date): void {
  app.decorateRequest('user', null);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const fallback = methods.map((m) => defaultAccess(m, route.url));
    // A route registered for several methods takes the strictest default.
    const strictest = fallback.reduce<Access>((a, b) => (ACCESS_LEVELS.indexOf(b) > ACCESS_LEVELS.indexOf(a) ? b : a), 'open');
    route.config = { ...route.config, access: route.config?.access ?? strictest };
  });
  // preParsing: after the cookie plugin's onRequest hook has read the cookies, before the body.
  app.addHook('preParsing', async (request) => {
    // No route matched: the not-found handler answers.
    if (request.routeOptions.url === undefined) return;
    // Every registered route has a level (onRoute); were one missing, deny rather than allow.
    const access = request.routeOptions.config.access ?? 'admin';
    if (access === 'open') return;
    const user = await identify(request, store, now);
    if (!ALLOWED[user.role].includes(access)) {
      throw new HttpError(403, access === 'admin' ? 'This needs the admin role.' : 'This needs the clinician or admin role.');
    }
    request.user = user;
  });
}
