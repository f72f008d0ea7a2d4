/** The HTTP server: build it here, listen where it is run (the CLI's `serve`). */
export { buildServer, DEFAULT_BODY_LIMIT, type ServerOptions } from './server.js';
export { ServerConfigError, type AuthOptions } from './auth.js';
export { SERVICES, memoryFeedbackStore, type FeedbackEntry, type FeedbackStore } from './cds-services.js';
export { PREFETCH } from './prefetch.js';
