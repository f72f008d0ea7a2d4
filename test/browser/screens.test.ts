/**
 * Every screen of the web app, signed in as the admin, on a Ph-positive demo case with two
 * versions: each shows the notice that allpath orders nothing, has no serious or critical
 * axe-core violation, and is saved as test-results/screens/<screen>.png (the README's pictures
 * come from there). Every violation, of any impact, is written to test-results/axe/<screen>.json.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Case } from '../../src/index.js';
import { axeViolations, blocking, open, openDisclosures, pageErrors, saveScreen, START_TIMEOUT, startApp, TEST_TIMEOUT, type App } from './app.js';

interface Listed { readonly cases: readonly { readonly caseId: string; readonly status: string }[] }
interface Stored { readonly case: Case }

let app: App;
/** A Ph-positive demo case, preferably in remission (a longer course for the timeline), saved a second time. */
let caseId: string;

beforeAll(async () => {
  app = await startApp();
  const { cases } = await app.api<Listed>('GET', '/api/cases?ph=positive&limit=100');
  const demo = cases.find((c) => c.status === 'remission') ?? cases[0];
  if (demo === undefined) throw new Error('the demo cohort has no Ph-positive case');
  caseId = demo.caseId;
  const first = await app.api<Stored>('GET', `/api/cases/${caseId}`);
  await app.api('PUT', `/api/cases/${caseId}`, { ...first.case, performance: { ecog: 2 } }, 200);
}, START_TIMEOUT);

afterAll(async () => {
  await app?.close();
}, START_TIMEOUT);

interface Screen {
  readonly name: string;
  /** Whether the screen is shown signed in. */
  readonly signedIn: boolean;
  readonly route: () => string;
  /** Waits until the screen shows what it is for (and sets it up, for what-if and the new-case form). */
  readonly ready: (page: Page) => Promise<void>;
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

const SCREENS: readonly Screen[] = [
  {
    name: 'login', signedIn: false, route: () => '#/login',
    ready: async (page) => {
      await h1(page, 'Sign in');
      await page.getByLabel('Username').waitFor();
    },
  },
  {
    name: 'registry', signedIn: true, route: () => '#/',
    ready: async (page) => {
      await h1(page, 'Case registry');
      await page.getByRole('status').getByText(/cases match/).waitFor();
      await page.getByRole('link', { name: caseId, exact: true }).waitFor();
    },
  },
  {
    name: 'case', signedIn: true, route: () => `#/cases/${caseId}`,
    ready: async (page) => {
      await h1(page, `Case ${caseId}`);
      await page.getByRole('region', { name: /^Recommendations/ }).waitFor();
      await page.getByRole('region', { name: 'Timeline' }).waitFor();
    },
  },
  {
    // With a change made, so that the comparison has removed and added items to check.
    name: 'whatif', signedIn: true, route: () => `#/cases/${caseId}/whatif`,
    ready: async (page) => {
      await h1(page, `What if: ${caseId}`);
      await page.getByRole('region', { name: 'As recorded' }).waitFor();
      await page.getByLabel('Philadelphia (BCR::ABL1)').selectOption({ label: 'BCR::ABL1 not detected by RT-PCR' });
      await page.getByRole('region', { name: 'As recorded' }).getByText('Removed').first().waitFor();
      // The screenshot shows the comparison rather than the controls.
      await page.getByRole('region', { name: 'Comparison' }).scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'edit', signedIn: true, route: () => `#/cases/${caseId}/edit`,
    ready: async (page) => {
      await h1(page, `Edit ${caseId}`);
      await page.getByRole('form', { name: `Case ${caseId}` }).waitFor();
    },
  },
  {
    // With an inline error showing.
    name: 'new', signedIn: true, route: () => '#/cases/new',
    ready: async (page) => {
      await h1(page, 'New case');
      const age = page.getByRole('group', { name: 'Patient' }).getByLabel('Age (years)');
      await age.fill('200');
      await age.blur();
      await expect.poll(() => age.getAttribute('aria-invalid')).toBe('true');
      // The screenshot shows the summary and the inline error beside the age together.
      await page.mouse.wheel(0, 320);
      await page.waitForFunction('window.scrollY >= 300');
    },
  },
  {
    name: 'history', signedIn: true, route: () => `#/cases/${caseId}/history`,
    ready: async (page) => {
      await h1(page, `History: ${caseId}`);
      await page.getByRole('region', { name: /^Versions/ }).getByRole('link', { name: 'Open version 2' }).waitFor();
    },
  },
  {
    name: 'patient', signedIn: true, route: () => `#/cases/${caseId}/patient`,
    ready: async (page) => {
      await h1(page, 'Your care summary');
      await page.getByRole('region', { name: 'About your illness' }).waitFor();
    },
  },
  {
    name: 'report', signedIn: true, route: () => `#/cases/${caseId}/report`,
    ready: async (page) => {
      await h1(page, `Tumor-board report: case ${caseId}`);
      await page.getByRole('region', { name: 'Diagnosis' }).waitFor();
    },
  },
];

test.each(SCREENS)('$name: the notice, no serious or critical axe-core violation, a screenshot', async (screen) => {
  const page = screen.signedIn ? await app.signedInPage() : await app.newPage();
  await open(page, app, screen.route());
  await screen.ready(page);

  const notice = page.getByRole('note').filter({ hasText: "allpath supports a clinician's decision; it orders nothing." });
  expect(await notice.isVisible()).toBe(true);

  await saveScreen(page, screen.name);
  await openDisclosures(page);
  const violations = await axeViolations(page, screen.name);
  expect(blocking(violations)).toEqual([]);
  expect(pageErrors(page)).toEqual([]);
}, TEST_TIMEOUT);

test('twin: the same check finds an unlabelled input and an image without alt text added to a screen', async () => {
  const page = await app.signedInPage();
  await open(page, app, '#/');
  await h1(page, 'Case registry');
  await page.getByRole('main').evaluate((main) => {
    main.insertAdjacentHTML('beforeend', '<input type="text"><img src="/assets/none.png">');
  });
  const ids = blocking(await axeViolations(page, 'twin-broken-registry')).map((v) => v.id);
  expect(ids).toEqual(expect.arrayContaining(['label', 'image-alt']));
}, TEST_TIMEOUT);
