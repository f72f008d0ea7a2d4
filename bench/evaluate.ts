import type { BenchOptions, Section } from './report.js';

export async function run(_options: BenchOptions): Promise<Section> {
  return { id: 'evaluate', title: 'evaluate(): not written yet', rows: [], targets: [] };
}
