/**
 * Administration, for the admin role only: users (list, create, disable), API tokens for scripts,
 * and the audit log. The store audits each change with the admin as the actor.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseWith } from '../index.js';
import { addUser, MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from '../registry/index.js';
import { AUDIT_ACTIONS, ROLES, type Store } from '../store/types.js';
import { actorOf, userOf } from './access.js';
import { HttpError } from './errors.js';
import { hashSecret, newApiToken } from './secrets.js';

export interface UserOptions {
  readonly store: Store;
}

/** The registry's rules for a username and a password, the command line's too. */
const Username = z.string().regex(USERNAME_PATTERN, 'a username: letters, digits, . _ - (at most 64)');

const NewUser = z.strictObject({
  username: Username,
  role: z.enum(ROLES),
  password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(1000).optional(),
});

const NewToken = z.strictObject({
  name: z.string().min(1).max(100),
  username: Username.optional(),
});

const AuditQuery = z.strictObject({
  caseId: z.string().min(1).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
});

function invalid(what: string, issues: readonly unknown[]): HttpError {
  return new HttpError(400, what, { body: { issues } });
}

export async function userRoutes(app: FastifyInstance, options: UserOptions): Promise<void> {
  const { store } = options;

  app.get('/api/users', {
    config: { access: 'admin' },
    schema: {
      tags: ['admin'], summary: 'Every user, with role and whether disabled',
      response: { 200: { type: 'object', properties: { users: { type: 'array', items: { $ref: 'User#' } } } } },
    },
  }, async () => ({ users: await store.listUsers() }));

  app.post('/api/users', {
    config: { access: 'admin' },
    schema: {
      tags: ['admin'], summary: 'Create a user; without a password, one is generated and shown once',
      body: {
        type: 'object', required: ['username', 'role'], additionalProperties: false,
        properties: { username: { type: 'string' }, role: { enum: [...ROLES] }, password: { type: 'string', minLength: MIN_PASSWORD_LENGTH } },
      },
      response: {
        201: { description: 'Created; `password` only when it was generated', type: 'object', properties: { user: { $ref: 'User#' }, password: { type: 'string' } } },
        400: { description: 'Invalid body', $ref: 'Issues#' },
        409: { description: 'The username is taken', $ref: 'Error#' },
      },
    },
  }, async (request, reply) => {
    const parsed = parseWith(NewUser, request.body);
    if (!parsed.ok) throw invalid('invalid user', parsed.issues);
    const { username, role, password } = parsed.value;
    const created = await addUser(store, { username, role, ...(password === undefined ? {} : { password }) }, actorOf(request));
    return reply.code(201).send({ user: created.user, ...(created.password === null ? {} : { password: created.password }) });
  });

  app.post('/api/users/:username/disable', {
    config: { access: 'admin' },
    schema: {
      tags: ['admin'], summary: 'Disable a user: sign-in refused, sessions and API tokens stop working at once',
      params: { type: 'object', properties: { username: { type: 'string' } } },
      response: {
        200: { type: 'object', properties: { user: { $ref: 'User#' } } },
        400: { description: 'An admin cannot disable themself', $ref: 'Error#' },
        404: { description: 'No such user', $ref: 'Error#' },
      },
    },
  }, async (request) => {
    const { username } = request.params as { username: string };
    if (username === userOf(request).username) throw new HttpError(400, 'You cannot disable yourself; ask another admin.');
    return { user: await store.setUserDisabled(username, true, actorOf(request)) };
  });

  app.post('/api/tokens', {
    config: { access: 'admin' },
    schema: {
      tags: ['admin'],
      summary: 'Create an API token for scripts (Authorization: Bearer ap_…), acting as `username` (default: you); shown once',
      body: {
        type: 'object', required: ['name'], additionalProperties: false,
        properties: { name: { type: 'string' }, username: { type: 'string' } },
      },
      response: {
        201: {
          type: 'object',
          properties: { name: { type: 'string' }, username: { type: 'string' }, role: { enum: [...ROLES] }, token: { type: 'string' } },
        },
        400: { description: 'Invalid body', $ref: 'Issues#' },
        404: { description: 'No such user', $ref: 'Error#' },
      },
    },
  }, async (request, reply) => {
    const parsed = parseWith(NewToken, request.body);
    if (!parsed.ok) throw invalid('invalid token request', parsed.issues);
    const owner = parsed.value.username === undefined ? userOf(request) : await store.userByUsername(parsed.value.username);
    if (owner === null) throw new HttpError(404, `No user ${parsed.value.username ?? ''}.`);
    if (owner.disabled) throw new HttpError(400, `${owner.username} is disabled.`);
    const token = newApiToken();
    await store.createApiToken(owner.id, parsed.value.name, hashSecret(token), actorOf(request));
    return reply.code(201).send({ name: parsed.value.name, username: owner.username, role: owner.role, token });
  });

  app.get('/api/audit', {
    config: { access: 'admin' },
    schema: {
      tags: ['admin'], summary: 'The audit log, newest first: who read or changed what, and when',
      querystring: {
        type: 'object',
        properties: { caseId: { type: 'string' }, action: { enum: [...AUDIT_ACTIONS] }, limit: { type: 'integer', minimum: 1, maximum: 10000, default: 500 } },
      },
      response: {
        200: {
          type: 'object',
          properties: {
            entries: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'integer' }, at: { type: 'string' }, actor: { type: 'string' }, userId: { type: ['string', 'null'] },
                  action: { enum: [...AUDIT_ACTIONS] }, caseId: { type: ['string', 'null'] }, requestId: { type: ['string', 'null'] },
                  detail: { type: ['string', 'null'] },
                },
              },
            },
          },
        },
      },
    },
  }, async (request) => {
    const parsed = parseWith(AuditQuery, request.query);
    if (!parsed.ok) throw invalid('invalid query', parsed.issues.map((i) => ({ ...i, path: `?${i.path}`, message: `?${i.message}` })));
    const { caseId, action, limit } = parsed.value;
    return { entries: await store.auditLog({ ...(caseId === undefined ? {} : { caseId }), ...(action === undefined ? {} : { action }), limit }) };
  });
}
