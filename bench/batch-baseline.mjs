// The baseline of the batch benchmark, as its own process: `allpath evaluate --batch` with the
// per-line work replaced by JSON.stringify(JSON.parse(line)); the same reading, chunking, workers,
// ordering and writing (the built batchCommand, given another worker module). Plain JavaScript
// on dist/, as bin/allpath.js is, so both start the same way (npm run bench builds dist/ first).
//
//   node bench/batch-baseline.mjs <file.ndjson|-> [--workers N] > out.ndjson
import { batchCommand } from '../dist/cli/batch.js';
import { processIo } from '../dist/cli/io.js';

const [file, flag, n] = process.argv.slice(2);
if (file === undefined || (flag !== undefined && (flag !== '--workers' || !/^\d+$/.test(n ?? '')))) {
  process.stderr.write('usage: node bench/batch-baseline.mjs <file.ndjson|-> [--workers N]\n');
  process.exit(2);
}
const worker = new URL('./batch-baseline-worker.mjs', import.meta.url);
process.exitCode = await batchCommand(file, flag === undefined ? {} : { workers: Number(n) }, processIo(), { worker });
