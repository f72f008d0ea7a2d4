/** `allpath export`: the latest version of every case as NDJSON, on stdout or in a file. */
import { exportCases } from '../registry/index.js';
import type { Io } from './io.js';
import { cliActor, withStore, type StoreFlags } from './registry-store.js';
import { openOutput } from './write-output.js';

export interface ExportOptions extends StoreFlags {
  readonly out?: string;
}

export async function exportCommand(options: ExportOptions, io: Io): Promise<number> {
  const file = options.out === undefined ? undefined : await openOutput(options.out, io);
  if (typeof file === 'number') return file;
  try {
    return await withStore(options, io, async (store, where) => {
      const count = await exportCases(store, cliActor(), async (text) => {
        if (file === undefined) io.stdout(text);
        else await file.write(text);
      });
      if (file !== undefined) io.stderr(`allpath: exported ${count} cases from ${where} to ${options.out ?? ''}\n`);
      return 0;
    });
  } finally {
    await file?.close();
  }
}
