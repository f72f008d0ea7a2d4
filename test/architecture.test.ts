// Data flows one way (STYLE.md "Data flow"): contract needs only zod; knowledge needs the
// contract; the engine needs contract and knowledge; adapters sit outside. The engine and the
// knowledge base hold no hidden inputs (clock, environment, I/O) and no escape hatches.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(join(SRC, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] ?? '');
}

/** The top-level folder an import lands in, or the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return relative(SRC, join(SRC, file, '..', spec)).split(/[\\/]/)[0] ?? '';
}

const ALLOWED: Record<string, readonly string[]> = {
  contract: ['zod', 'contract'],
  knowledge: ['contract', 'knowledge'],
  engine: ['contract', 'knowledge', 'engine'],
  terminology: ['contract', 'terminology'],
  // FHIR translates: it reads the source registry and the notice, and evaluate-fhir wires the engine.
  fhir: ['zod', 'node:crypto', 'contract', 'terminology', 'fhir', 'knowledge', 'engine'],
  store: ['@electric-sql/pglite', 'pg', 'node:crypto', 'node:fs', 'node:fs/promises', 'node:path', 'contract', 'store'],
  demo: ['contract', 'demo'],
};

describe('imports point inward', () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    test(`${layer} imports only ${allowed.join(', ')}`, () => {
      const offending = sources(layer).flatMap((f) =>
        importsOf(f).filter((s) => !allowed.includes(target(f, s))).map((s) => `${f} → ${s}`));
      expect(offending).toEqual([]);
    });
  }

  test('the import scan sees imports at all (so the checks above can fail)', () => {
    expect(importsOf('engine/evaluate.ts').some((s) => s.includes('knowledge'))).toBe(true);
  });
});

describe('engine and knowledge are pure, typed data and functions', () => {
  const files = [...sources('engine'), ...sources('knowledge')];
  const code = (f: string) => readFileSync(join(SRC, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').replace(/'(?:[^'\\]|\\.)*'/g, "''");

  test.each([
    ['the wall clock', /\bDate\.now\(|new Date\(/],
    ['the environment', /process\.env/],
    ['I/O or logging', /\bconsole\.|from 'node:/],
    ['randomness', /Math\.random/],
    ['`any`', /:\s*any\b(?!\()|<any>|\bas any\b/],
    ['`as` casts', /\bas (?!const\b)[A-Za-z({[]/],
    ['non-null assertions', /[\w)\]]!(?=[.;,)\]])/],
  ])('no %s', (_what, pattern) => {
    expect(files.filter((f) => pattern.test(code(f)))).toEqual([]);
  });
});

describe('the web app sees the contract and talks to the API', () => {
  const WEB = join(import.meta.dirname, '..', 'web', 'src');
  const webFiles = (dir: string): string[] =>
    readdirSync(join(WEB, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? webFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []);
  /** Every import of a module under src/, as `file → import [type] path-under-src`. */
  const srcImports = () => webFiles('.').flatMap((f) => {
    const text = readFileSync(join(WEB, f), 'utf8');
    return [...text.matchAll(/^(import|export)(\s+type)?\s[^;]*?from\s+'([^']+)'/gms)].flatMap((m) => {
      const spec = m[3] ?? '';
      if (!spec.startsWith('.')) return [];
      const under = relative(SRC, join(WEB, f, '..', spec));
      return under.startsWith('..') ? [] : [{ file: f, typeOnly: m[2] !== undefined, under: under.split(/[\\/]/).join('/') }];
    });
  });

  test('imports from src/ only the contract; the store types and the source list as types only', () => {
    const typesOnly = ['store/types.js', 'knowledge/sources.js'];
    const offending = srcImports().filter((i) => !i.under.startsWith('contract/') && !(i.typeOnly && typesOnly.includes(i.under)));
    expect(offending.map((i) => `${i.file} → ${i.typeOnly ? 'type ' : ''}${i.under}`)).toEqual([]);
  });

  test('the scan sees the web app\'s imports of src/ (so the check above can fail)', () => {
    expect(srcImports().some((i) => i.under === 'store/types.js' && i.typeOnly)).toBe(true);
  });
});
