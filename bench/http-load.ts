/**
 * One autocannon run against the bench server, summarised: throughput, latency quantiles of the
 * 2xx answers (each response timed to the microsecond here, not autocannon's whole-millisecond
 * histogram), connection errors, timeouts and answers by status. Used by the http section and
 * the soak.
 */
import autocannon from 'autocannon';
import { quantile, round } from './report.js';

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  /** Requests per second over all connections; unset: as fast as the server answers. */
  readonly overallRate?: number;
  readonly requests: autocannon.Request[];
  /** Seconds before a request counts as timed out; 10 by default. */
  readonly timeoutSeconds?: number;
}

export interface LoadResult {
  readonly seconds: number;
  readonly requests: number;
  readonly perSecond: number;
  /** Latency of 2xx answers, ms. */
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
  /** Connection errors, timeouts included (autocannon's `errors`). */
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly statuses: Readonly<Record<string, number>>;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: options.url,
      connections: options.connections,
      duration: options.seconds,
      timeout: options.timeoutSeconds ?? 10,
      ...(options.overallRate === undefined ? {} : { overallRate: options.overallRate }),
      requests: options.requests,
    }, (error: unknown, done: autocannon.Result) => (error == null ? resolve(done) : reject(error instanceof Error ? error : new Error(String(error)))));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[status] = count ?? 0;
  const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
  const ms = (x: number) => round(x, 2);
  return {
    seconds: result.duration,
    requests,
    perSecond: round(requests / result.duration, 0),
    p50: ms(quantile(latencies, 0.5)),
    p90: ms(quantile(latencies, 0.9)),
    p99: ms(quantile(latencies, 0.99)),
    max: ms(latencies.at(-1) ?? Number.NaN),
    mean: ms(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses,
  };
}
