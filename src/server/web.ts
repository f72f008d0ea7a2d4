/**
 * The web app (web/, built by `npm run build:web` into dist/web): index.html at `/`, its hashed
 * files under `/assets/`. Both are open: they hold no patient data, and the app signs in through
 * /api/login like any other client. Nothing else is served here, so /api, /cds-services and
 * unknown paths answer as before. Also GET /api/sources, the cited documents' titles and
 * addresses, so that the app can name a source without importing the knowledge base.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { SOURCES } from '../index.js';
import { errorBody } from './errors.js';

/** dist/web, two levels up from both src/server and dist/server. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface WebOptions {
  /** The built app: a folder with index.html and assets/. */
  readonly root: string;
}

/**
 * Same origin only; no inline script. Inline styles stay allowed: the chart library sets style
 * attributes on the SVG it draws.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

const PAGE_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // The page changes with every build; its assets are named by their hash.
  'cache-control': 'no-cache',
} as const;

export async function webRoutes(app: FastifyInstance, options: WebOptions): Promise<void> {
  const { root } = options;

  app.get('/', { config: { access: 'open' }, schema: { hide: true } }, async (_request, reply) => {
    if (!existsSync(join(root, 'index.html'))) {
      return reply.code(404).send(errorBody(404, 'The web app is not built: run npm run build.'));
    }
    return reply.headers(PAGE_HEADERS).sendFile('index.html', root, { cacheControl: false });
  });

  await app.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/assets/',
    wildcard: true,
    index: false,
    list: false,
    dotfiles: 'ignore',
    immutable: true,
    maxAge: '365d',
    setHeaders: (res) => res.setHeader('x-content-type-options', 'nosniff'),
  });
}

/** The cited documents as the app shows them: title, publisher and address. */
export async function sourceRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/sources', {
    schema: {
      tags: ['schema'], summary: 'The documents evidence cites: for each source name, its title, publisher and URL',
      response: {
        200: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: {
              name: { type: 'string' }, title: { type: 'string' }, publisher: { type: 'string' },
              url: { type: ['string', 'null'] }, revised: { type: 'string' },
            },
          },
        },
      },
    },
  }, async () => Object.fromEntries(Object.entries(SOURCES).map(([name, s]) => [name, {
    name: s.name, title: s.title, publisher: s.publisher, url: s.url, revised: s.revised,
  }])));
}
