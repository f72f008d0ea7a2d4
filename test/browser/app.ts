/**
 * The web app as a user meets it: `allpath serve --cds-off --port 0` as a child process over a
 * throwaway PGlite directory (the demo cohort seeded, the admin password read from its stdout),
 * and Debian's chromium driven by playwright-core (never a downloaded browser). Also what every
 * screen is checked for: the notice that allpath orders nothing, no serious or critical axe-core
 * violation, and a screenshot under test-results/screens/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';
import { ROOT, signIn, startServe, type ServeProcess } from '../server/serve-process.js';

export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots, axe-core reports and the printed report: gitignored test artifacts. */
export const ARTIFACTS = join(ROOT, 'test-results');
export const SCREENS_DIR = join(ARTIFACTS, 'screens');
export const AXE_DIR = join(ARTIFACTS, 'axe');
export const FAILED_DIR = join(ARTIFACTS, 'failed');
export const VIEWPORT = { width: 1280, height: 800 } as const;

/** Starting the server (seeding 60 demo cases) and chromium on a busy two-core machine. */
export const START_TIMEOUT = 120_000;
/** One browser test: a few navigations, each waiting for the API. */
export const TEST_TIMEOUT = 60_000;

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

export interface App {
  readonly url: string;
  /** The first-start admin's credentials, as printed once by `serve`. */
  readonly admin: { readonly username: 'admin'; readonly password: string };
  readonly browser: Browser;
  /** The admin's session cookie (one API sign-in per app: sign-in is rate-limited to 5 a minute). */
  readonly cookie: string;
  /** A fresh browser context (1280×800) without a session: the sign-in screen. */
  readonly newPage: () => Promise<Page>;
  /** A fresh browser context holding the admin's session cookie. */
  readonly signedInPage: () => Promise<Page>;
  /** A JSON API call as the admin; throws unless the answer has `status` (201 for POST, else 200). */
  readonly api: <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, status?: number) => Promise<T>;
  readonly close: () => Promise<void>;
}

function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Debian's chromium at ${CHROMIUM} (apt-get install chromium; .ci/run installs it). `
      + 'playwright-core never downloads a browser here.');
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

async function stop(serve: ServeProcess): Promise<void> {
  if (serve.child.exitCode !== null || serve.child.signalCode !== null) return;
  serve.child.kill('SIGTERM');
  const killer = setTimeout(() => serve.child.kill('SIGKILL'), 15_000);
  await serve.exited;
  clearTimeout(killer);
}

const uncaught = new WeakMap<Page, string[]>();

/** The uncaught exceptions and console errors of the page's scripts so far. */
export const pageErrors = (page: Page): readonly string[] => uncaught.get(page) ?? [];

/** Opens a route of the app (`#/cases/x/report`) in `page`. */
export async function open(page: Page, app: App, hash: string): Promise<void> {
  await page.goto(`${app.url}/${hash}`);
}

/**
 * A page in `context` whose uncaught exceptions and console errors are recorded (see
 * {@link pageErrors}) and which, if the test fails, is saved as test-results/failed/<test>.png.
 */
async function watched(context: BrowserContext): Promise<Page> {
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  uncaught.set(page, errors);
  page.on('pageerror', (e) => errors.push(e.message));
  // Console errors too (a CSP violation, a React warning), but not an HTTP error status: the
  // sign-in page's 401 from /api/me is how the app learns that nobody is signed in.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource:')) errors.push(`console: ${m.text()}`);
  });
  const test = expect.getState().currentTestName;
  if (test !== undefined) {
    onTestFailed(async () => {
      mkdirSync(FAILED_DIR, { recursive: true });
      const name = test.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 120);
      await page.screenshot({ path: join(FAILED_DIR, `${name}.png`) }).catch(() => undefined);
    });
  }
  return page;
}

/** The path of an artifact under test-results/, its folder created. */
export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** `allpath serve` over a fresh data directory and a headless chromium; `close` ends both and removes the directory. */
export async function startApp(): Promise<App> {
  const dataDir = mkdtempSync(join(tmpdir(), 'allpath-browser-'));
  let serve: ServeProcess | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const close = async (): Promise<void> => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await browser?.close();
    if (serve !== undefined) await stop(serve);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    [serve, browser] = await Promise.all([startServe(['--cds-off', '--data-dir', dataDir], {}, START_TIMEOUT), launchChromium()]);
    const { url, password } = serve;
    if (password === undefined) throw new Error(`serve printed no admin password on a fresh store:\n${serve.stdout()}`);
    const cookie = await signIn(url, 'admin', password);
    const session = cookie.slice(cookie.indexOf('=') + 1);
    const running = browser;
    const newPage = async (): Promise<Page> => {
      const context = await running.newContext({ viewport: VIEWPORT, locale: 'en-US', timezoneId: 'UTC' });
      contexts.push(context);
      return watched(context);
    };
    return {
      url, browser, cookie, newPage, close,
      admin: { username: 'admin', password },
      signedInPage: async () => {
        const page = await newPage();
        await page.context().addCookies([{ name: 'allpath_session', value: session, url, httpOnly: true, sameSite: 'Strict' }]);
        return page;
      },
      api: async <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, status = method === 'POST' ? 201 : 200): Promise<T> => {
        const res = await fetch(`${url}${path}`, {
          method,
          headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await res.text();
        if (res.status !== status) throw new Error(`${method} ${path}: HTTP ${res.status}, expected ${status}: ${text.slice(0, 500)}`);
        return JSON.parse(text) as T;
      },
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Opens every closed disclosure (`<details>`: evidence, the rule trace), so that axe-core checks
 * what a user who opens them sees; returns how many it opened.
 */
export async function openDisclosures(page: Page): Promise<number> {
  return page.locator('details:not([open])').evaluateAll((all) => {
    for (const d of all) d.setAttribute('open', '');
    return all.length;
  });
}

/** One axe-core violation, as much as a developer needs to find and fix it. */
export interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: string; readonly html: string; readonly summary: string }[];
}

/**
 * Runs axe-core (its default rule set: WCAG 2.x A and AA and best practices) on the page as it
 * is; writes every violation to test-results/axe/<screen>.json and returns them all.
 */
export async function axeViolations(page: Page, screen: string): Promise<Violation[]> {
  // Injected over the DevTools protocol, so a Content-Security-Policy without inline scripts does not block it.
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => {
    const injected = (globalThis as unknown as { axe: { run: (options: object) => Promise<axe.AxeResults> } }).axe;
    return injected.run({ resultTypes: ['violations'] });
  });
  const violations: Violation[] = results.violations.map((v) => ({
    id: v.id, impact: v.impact ?? null, help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary ?? '' })),
  }));
  mkdirSync(AXE_DIR, { recursive: true });
  writeFileSync(join(AXE_DIR, `${screen}.json`), `${JSON.stringify({ url: page.url(), violations }, null, 2)}\n`);
  return violations;
}

/** The violations an assistive-technology user cannot work around. */
export const blocking = (violations: readonly Violation[]): Violation[] =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** test-results/screens/<screen>.png, the viewport (1280×800) as the user sees it. */
export async function saveScreen(page: Page, screen: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${screen}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
