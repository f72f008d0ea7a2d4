/**
 * Where the CLI reads and writes. `main` takes the process's by default; keeping them in one
 * value lets a caller (or a test) run the CLI without a child process.
 */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdin: () => Promise<string>;
  /** True when stdout is a terminal and NO_COLOR is not set. */
  readonly colour: boolean;
  /** Columns the text report wraps at. */
  readonly width: number;
  /** ALLPATH_DEBUG: show stack traces of internal errors. */
  readonly debug: boolean;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export function processIo(): Io {
  const env = process.env;
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: readStdin,
    // no-color.org: any non-empty NO_COLOR disables colour.
    colour: process.stdout.isTTY === true && (env['NO_COLOR'] ?? '') === '',
    // Wrap to the terminal, but keep lines short enough to read and long enough for a citation.
    width: Math.max(60, Math.min(process.stdout.columns ?? 100, 100)),
    debug: (env['ALLPATH_DEBUG'] ?? '') !== '',
  };
}
