// The baseline's worker for the batch benchmark: each line only parsed and serialised again,
// through the same chunking, transfer and encoding as allpath's worker (dist/cli/batch-lines.js).
// Plain JavaScript on the built pipeline: worker threads do not get tsx's loader on Node 20.
import { serveLines } from '../dist/cli/batch-lines.js';

serveLines(() => (line) => ({ text: JSON.stringify(JSON.parse(line)), invalid: false }));
