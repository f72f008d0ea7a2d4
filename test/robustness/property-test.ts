/**
 * A robustness property as a vitest test: a fixed seed (reproducible), the runs it is given, and
 * on failure the seed, the replay path and the shrunk input in the message.
 */
import { expect, test } from 'vitest';
import type { RobustnessProperty } from './properties.js';
import { failureReport, runProperty, type RunStats } from './runner.js';

/** The seed of every property in npm test; npm run fuzz takes its own. */
export const SEED = 20_260_302;

/** Runs per share of a property in npm test (npm run fuzz gives 100,000 in all). */
export const RUNS_PER_SHARE = 100;

/** Registers the property as a test; `more` states facts about the runs (e.g. both outcomes seen). */
export function propertyTest<T>(p: RobustnessProperty<T>, more?: (stats: RunStats) => void): void {
  const numRuns = p.share * RUNS_PER_SHARE;
  test(p.title, () => {
    const r = runProperty(p, { seed: SEED, numRuns });
    if (r.failure !== undefined) expect.fail(failureReport(p.id, r.failure));
    expect(r.stats.runs).toBe(numRuns);
    expect(r.stats.exceptions).toBe(0);
    more?.(r.stats);
  });
}
