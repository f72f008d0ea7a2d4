/** The HTTP server: build it here, listen where it is run (the CLI's `serve`). */
export { buildServer, DEFAULT_BODY_LIMIT, DEFAULT_TIMEOUTS, type ServerOptions, type Timeouts } from './server.js';
export { ServerConfigError, checkCdsAuth, type AuthOptions } from './auth.js';
export { ACCESS_LEVELS, defaultAccess, type Access } from './access.js';
export { SERVICES } from './cds-services.js';
export { PREFETCH } from './prefetch.js';
export { API_TOKEN_PREFIX, SESSION_COOKIE, SESSION_HOURS } from './secrets.js';
export { DEFAULT_LOGIN_LIMIT, type LoginLimit } from './sessions.js';
export { firstStart, type FirstStart } from './first-start.js';
