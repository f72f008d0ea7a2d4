/**
 * One autocannon run against the bench server, summarised: throughput, latency quantiles of the
 * 2xx answers (each response timed to the microsecond here, not autocannon's whole-millisecond
 * histogram), connection errors, timeouts and answers by status. `load` is autocannon (closed
 * loop, or its per-connection rate); `paced` sends at an even rate over keep-alive connections.
 */
import { Agent, request as httpRequest } from 'node:http';
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

export interface PacedOptions {
  readonly url: string;
  /** Requests per second, sent evenly spaced (open loop: one every 1000/rate ms, answered or not). */
  readonly rate: number;
  readonly seconds: number;
  /** Keep-alive connections the requests share. */
  readonly connections: number;
  /** The next request to send. */
  readonly request: () => { method: string; path: string; headers: Record<string, string>; body?: string };
  readonly timeoutSeconds?: number;
}

/**
 * Load at an even rate. autocannon's `overallRate` lets every connection send its share at the
 * top of each second, so with one request a second per connection all of them arrive together
 * and the last queues behind the others; here arrivals are spread evenly over the second, as
 * independent clients' calls are, so latency is that of a call that does not wait for others.
 */
export async function paced(options: PacedOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  const timeoutMs = (options.timeoutSeconds ?? 10) * 1000;
  const send = () => new Promise<void>((resolve) => {
    const { method, path, headers, body } = options.request();
    const started = performance.now();
    const req = httpRequest(new URL(path, options.url), { method, headers, agent, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
        if (status >= 200 && status < 300) latencies.push(performance.now() - started);
        resolve();
      });
    });
    req.on('timeout', () => {
      timeouts += 1;
      req.destroy(new Error('timed out'));
    });
    req.on('error', () => {
      errors += 1;
      resolve();
    });
    req.end(body);
  });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + i * interval - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send());
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
  const ms = (x: number) => round(x, 2);
  const ok = Object.entries(statuses).reduce((n, [s, c]) => n + (Number(s) >= 200 && Number(s) < 300 ? c : 0), 0);
  return {
    seconds: round(seconds, 1),
    requests,
    perSecond: round(requests / seconds, 0),
    p50: ms(quantile(latencies, 0.5)),
    p90: ms(quantile(latencies, 0.9)),
    p99: ms(quantile(latencies, 0.99)),
    max: ms(latencies.at(-1) ?? Number.NaN),
    mean: ms(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)),
    errors,
    timeouts,
    non2xx: requests - ok,
    statuses,
  };
}
