/**
 * npm run bench [-- section ...] [--quick]: runs the benchmark sections (all by default), prints a
 * table per section and the targets, and writes bench/results.json.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { machine, table, targetsTable, type BenchOptions, type Section } from './report.js';

type Runner = (options: BenchOptions) => Promise<Section>;

const SECTIONS: Readonly<Record<string, () => Promise<Runner>>> = {
  evaluate: async () => (await import('./evaluate.js')).run,
  batch: async () => (await import('./batch.js')).run,
  http: async () => (await import('./http.js')).run,
  peer: async () => (await import('./peer.js')).run,
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const named = args.filter((a) => !a.startsWith('--'));
  const unknown = named.filter((n) => !(n in SECTIONS));
  if (unknown.length > 0) {
    console.error(`bench: unknown section ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
    process.exit(2);
  }
  const chosen = named.length > 0 ? named : Object.keys(SECTIONS);
  const sections: Section[] = [];
  for (const id of chosen) {
    const load = SECTIONS[id];
    if (load === undefined) continue;
    console.log(`\n== ${id}`);
    const section = await (await load())({ quick });
    sections.push(section);
    console.log(section.title);
    console.log(table(section.rows));
    for (const note of section.notes ?? []) console.log(`note: ${note}`);
  }
  const targets = sections.flatMap((s) => s.targets);
  console.log('\n== targets');
  console.log(targetsTable(targets));
  const results = { date: new Date().toISOString(), machine: machine(), quick, sections, targets };
  const out = fileURLToPath(new URL(quick ? './results.quick.json' : './results.json', import.meta.url));
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
}

await main();
