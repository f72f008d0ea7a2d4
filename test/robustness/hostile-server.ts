/**
 * A server as `allpath serve` builds it, in its own process, for the hostile-client tests: a
 * store in memory with the test users (helpers.ts), the timeouts given as JSON in argv[2], on
 * 127.0.0.1 port 0. It prints `listening on <url>` and closes on SIGTERM. Being a separate
 * process, a crash shows as its exit, not as a failure of the test runner.
 */
import { buildServer, type Timeouts } from '../../src/server/index.js';
import { testStore } from '../server/helpers.js';

const timeouts = JSON.parse(process.argv[2] ?? '{}') as Partial<Timeouts>;
const store = await testStore();
const app = buildServer({ store, auth: { mode: 'off' }, timeouts });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening on ${url}\n`);
process.once('SIGTERM', () => {
  void app.close().then(() => store.close()).then(() => process.exit(0));
});
