/**
 * Exporting the registry: the latest version of every case as NDJSON (one contract case per
 * line), which `importRecords` reads back. Each case exported is audited as `export`.
 */
import type { Actor, Store } from '../store/types.js';

/** Writes one line per case; resolves to the number of cases written. */
export async function exportCases(store: Store, actor: Actor, write: (line: string) => void | Promise<void>): Promise<number> {
  let count = 0;
  for (const { caseId } of await store.caseIds()) {
    const stored = await store.getCase(caseId, actor);
    // Gone since the list was read: nothing to export.
    if (stored === null) continue;
    await write(`${JSON.stringify(stored.case)}\n`);
    await store.audit('export', actor, caseId, `version ${stored.version}`);
    count += 1;
  }
  return count;
}
