/** `allpath serve`: refuses to start unauthenticated by accident; starts, answers, stops cleanly. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { allpath, ROOT } from './run-cli.js';

describe('allpath serve refuses to start', () => {
  test('without --jwks and --issuer (exit 2, saying what is needed)', async () => {
    const run = await allpath(['serve', '--port', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--jwks <file|url> and --issuer <iss>');
    expect(run.stdout).toBe('');
  });

  test('with --jwks but no --issuer', async () => {
    const run = await allpath(['serve', '--port', '0', '--jwks', 'jwks.json']);
    expect(run.code).toBe(2);
  });

  test('with a JWKS file that does not exist', async () => {
    const run = await allpath(['serve', '--port', '0', '--jwks', 'no-such-jwks.json', '--issuer', 'https://ehr.example.org']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read the JWKS file no-such-jwks.json');
  });

  test('with --insecure-dev combined with --jwks', async () => {
    const run = await allpath(['serve', '--insecure-dev', '--jwks', 'jwks.json']);
    expect(run.code).toBe(2);
  });

  test('with --cds-off combined with --insecure-dev or --jwks (CDS Hooks is either off or configured)', async () => {
    expect((await allpath(['serve', '--cds-off', '--insecure-dev'])).code).toBe(2);
    expect((await allpath(['serve', '--cds-off', '--jwks', 'jwks.json', '--issuer', 'https://ehr.example.org'])).code).toBe(2);
  });

  test('with a port that is not a number', async () => {
    const run = await allpath(['serve', '--insecure-dev', '--port', 'http']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected a port number');
  });
});

describe('allpath serve --insecure-dev', () => {
  test('warns loudly, prints its URL, answers, and exits 0 on SIGTERM', async () => {
    // A throwaway store: serve opens (and on first start fills) its data directory.
    const data = mkdtempSync(join(tmpdir(), 'allpath-serve-'));
    const child = spawn(process.execPath, ['bin/allpath.js', 'serve', '--insecure-dev', '--no-demo', '--port', '0'], {
      cwd: ROOT, env: { ...process.env, PORT: '', DATABASE_URL: '', ALLPATH_DATA: data },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (m?.[1] !== undefined) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${String(code)}: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      expect(stderr).toContain('NOT authenticated');
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      const discovery = (await (await fetch(`${url}/cds-services`)).json()) as { services: { id: string }[] };
      expect(discovery.services.map((s) => s.id)).toContain('allpath-patient-view');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    rmSync(data, { recursive: true, force: true });
  });
});
