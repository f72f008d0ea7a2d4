/**
 * One Ph-positive case through the web app, as a clinician and a tumor board use it: sign in,
 * the TKI recommendation with the passage it rests on, what-if with Ph negative, the patient's
 * plain-language view and the tumor-board report printed to PDF.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Case, Evaluation } from '../../src/index.js';
import { SOURCES } from '../../src/knowledge/sources.js';
import { ROOT } from '../server/serve-process.js';
import { artifact, open, pageErrors, START_TIMEOUT, startApp, TEST_TIMEOUT, type App } from './app.js';

/** The example case: newly diagnosed Ph-positive precursor B-ALL, so rec-tki-ph-positive fires. */
const PH_POSITIVE = JSON.parse(readFileSync(join(ROOT, 'examples', 'ph-positive-b-all.json'), 'utf8')) as Case;
const CASE_ID = 'browser-ph-positive';

interface Listed { readonly cases: readonly { readonly caseId: string }[] }
interface Stored { readonly evaluation: Evaluation }

/** A recommendation item about a BCR::ABL1 tyrosine kinase inhibitor (start, continue or switch). */
const tkiItem = (scope: Page | Locator): Locator =>
  scope.getByRole('listitem').filter({ hasText: /tyrosine kinase inhibitor/ });

let app: App;
/** A demo case whose stored evaluation recommends a TKI, and that evaluation. */
let demo: { id: string; evaluation: Evaluation };

beforeAll(async () => {
  app = await startApp();
  await app.api('POST', '/api/cases', { ...PH_POSITIVE, id: CASE_ID });
  const { cases } = await app.api<Listed>('GET', '/api/cases?ph=positive&limit=100');
  for (const { caseId } of cases.filter((c) => c.caseId.startsWith('demo-'))) {
    const { evaluation } = await app.api<Stored>('GET', `/api/cases/${encodeURIComponent(caseId)}/evaluation`);
    if (evaluation.recommendations.some((r) => r.action === 'tki')) {
      demo = { id: caseId, evaluation };
      break;
    }
  }
  if (demo === undefined) throw new Error('no Ph-positive demo case with a TKI recommendation');
}, START_TIMEOUT);

afterAll(async () => {
  await app?.close();
}, START_TIMEOUT);

describe('signing in', () => {
  test('the sign-in page takes the admin password printed at first start and opens the registry', async () => {
    const page = await app.newPage();
    await page.goto(`${app.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(page.url()).toMatch(/#\/login$/);
    await page.getByLabel('Username').fill(app.admin.username);
    await page.getByLabel('Password').fill(app.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Case registry' }).waitFor();
    await page.getByRole('link', { name: CASE_ID, exact: true }).waitFor();
    expect(pageErrors(page)).toEqual([]);
  }, TEST_TIMEOUT);

  test('twin: a wrong password is refused with a message, and the registry stays closed', async () => {
    const page = await app.newPage();
    await open(page, app, '#/login');
    await page.getByLabel('Username').fill(app.admin.username);
    await page.getByLabel('Password').fill(`${app.admin.password}x`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('not right');
    expect(await page.getByRole('heading', { level: 1, name: 'Case registry' }).count()).toBe(0);
  }, TEST_TIMEOUT);
});

describe('a Ph-positive demo case', () => {
  // pdq-adult-all-treatment-hp: "clinical activity as a single agent in Ph-positive ALL"
  test('shows the TKI recommendation; its evidence opens to the source title and the quoted passage', async () => {
    const page = await app.signedInPage();
    await open(page, app, `#/cases/${demo.id}`);
    await page.getByRole('heading', { level: 1, name: `Case ${demo.id}` }).waitFor();
    const recommendations = page.getByRole('region', { name: /^Recommendations/ });
    const tki = tkiItem(recommendations);
    await tki.waitFor();
    expect(await tki.count()).toBe(1);
    const expected = demo.evaluation.recommendations.find((r) => r.action === 'tki');
    const cited = expected?.evidence[0];
    if (expected === undefined || cited === undefined) throw new Error('the demo case lost its TKI recommendation');
    expect(await tki.textContent()).toContain(expected.rationale);

    const passage = tki.getByText(cited.locator, { exact: true });
    expect(await passage.isVisible()).toBe(false);
    await tki.getByText(/^Evidence \(\d+\)$/).click();
    await passage.waitFor({ state: 'visible' });
    const title = tki.getByText(SOURCES[cited.source].title, { exact: true }).first();
    expect(await title.isVisible()).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  }, TEST_TIMEOUT);

  test('twin: a Ph-negative demo case shows no TKI recommendation', async () => {
    const { cases } = await app.api<Listed>('GET', '/api/cases?ph=negative&limit=1');
    const negative = cases[0]?.caseId;
    if (negative === undefined) throw new Error('the demo cohort has no Ph-negative case');
    const page = await app.signedInPage();
    await open(page, app, `#/cases/${negative}`);
    const recommendations = page.getByRole('region', { name: /^Recommendations/ });
    await recommendations.waitFor();
    expect(await tkiItem(recommendations).count()).toBe(0);
  }, TEST_TIMEOUT);
});

describe('what-if', () => {
  test('Ph negative instead of positive: the TKI recommendation is marked removed and gone from the what-if side', async () => {
    const page = await app.signedInPage();
    await open(page, app, `#/cases/${CASE_ID}/whatif`);
    await page.getByRole('heading', { level: 1, name: `What if: ${CASE_ID}` }).waitFor();
    const recorded = page.getByRole('region', { name: 'As recorded' });
    const whatIf = page.getByRole('region', { name: 'What if', exact: true });
    await tkiItem(whatIf).waitFor();
    // Before any change both sides recommend the TKI and nothing is marked.
    expect(await tkiItem(recorded).getByText('Removed').count()).toBe(0);

    await page.getByLabel('Philadelphia (BCR::ABL1)').selectOption({ label: 'BCR::ABL1 not detected by RT-PCR' });
    await tkiItem(recorded).getByText('Removed').waitFor();
    await expect.poll(() => tkiItem(whatIf).count(), { timeout: 15_000 }).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  }, TEST_TIMEOUT);
});

describe('the patient view', () => {
  /** The ids of every rule the evaluation traced that appear in the page's main region. */
  async function ruleIdsShown(page: Page): Promise<string[]> {
    const { evaluation } = await app.api<Stored>('GET', `/api/cases/${CASE_ID}/evaluation`);
    const ids = evaluation.trace.map((t) => t.rule);
    expect(ids).toContain('rec-tki-ph-positive');
    const text = await page.getByRole('main').innerText();
    return ids.filter((id) => text.includes(id));
  }

  test('speaks plain language and shows no rule id', async () => {
    const { evaluation } = await app.api<Stored>('GET', `/api/cases/${CASE_ID}/evaluation`);
    const tki = evaluation.recommendations.find((r) => r.id === 'rec-tki-ph-positive');
    if (tki === undefined) throw new Error('the example case lost rec-tki-ph-positive');
    const page = await app.signedInPage();
    await open(page, app, `#/cases/${CASE_ID}/patient`);
    await page.getByRole('heading', { level: 1, name: 'Your care summary' }).waitFor();
    await page.getByText(tki.lay, { exact: true }).waitFor();
    expect(await page.getByRole('main').innerText()).not.toContain(tki.rationale);
    expect(await ruleIdsShown(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  }, TEST_TIMEOUT);

  test('twin: the clinician\'s case page does show them', async () => {
    const page = await app.signedInPage();
    await open(page, app, `#/cases/${CASE_ID}`);
    await tkiItem(page.getByRole('region', { name: /^Recommendations/ })).waitFor();
    expect(await ruleIdsShown(page)).toContain('rec-tki-ph-positive');
  }, TEST_TIMEOUT);
});

describe('the tumor-board report', () => {
  test('prints to a PDF that keeps the notice', async () => {
    const page = await app.signedInPage();
    await open(page, app, `#/cases/${CASE_ID}/report`);
    await page.getByRole('heading', { level: 1, name: `Tumor-board report: case ${CASE_ID}` }).waitFor();
    await page.getByRole('region', { name: 'Diagnosis' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByText(/orders nothing/).first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(artifact('report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    expect(pdf.length).toBeLessThan(5_000_000);
    // The page tree's root counts every page: the largest /Count in the file.
    const pages = Math.max(0, ...[...pdf.toString('latin1').matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1])));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(10);
    expect(pageErrors(page)).toEqual([]);
  }, TEST_TIMEOUT);
});
