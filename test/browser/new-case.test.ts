/**
 * Adding cases through the web app: the form shows each contract issue beside the input it names
 * and stores nothing while one remains; a FHIR Bundle uploaded on the same page becomes a case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Case } from '../../src/index.js';
import { ROOT } from '../server/serve-process.js';
import { open, pageErrors, START_TIMEOUT, startApp, TEST_TIMEOUT, type App } from './app.js';

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const PH_POSITIVE = readJson('examples/ph-positive-b-all.json') as Case;
const BUNDLE = 'test/fixtures/fhir/ph-positive.bundle.json';
/** The Bundle's Patient id, which names the case, and the date its companion case is read for. */
const BUNDLE_CASE = readJson('test/fixtures/fhir/ph-positive.case.json') as Case;

let app: App;
beforeAll(async () => {
  app = await startApp();
}, START_TIMEOUT);
afterAll(async () => {
  await app?.close();
}, START_TIMEOUT);

/** The text of the elements an input's aria-describedby names: its hint and its inline error. */
async function description(page: Page, input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/).filter((id) => id !== '') ?? [];
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

async function newCasePage(): Promise<Page> {
  const page = await app.signedInPage();
  await open(page, app, '#/cases/new');
  await page.getByRole('heading', { level: 1, name: 'New case' }).waitFor();
  return page;
}

/** Fills the form from a contract case, as a user choosing a JSON file does. */
async function upload(page: Page, name: string, document: unknown): Promise<void> {
  await page.getByLabel('JSON file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) });
}

async function stored(id: string): Promise<number> {
  return (await fetch(`${app.url}/api/cases/${encodeURIComponent(id)}`, { headers: { cookie: app.cookie } })).status;
}

describe('a new case with an invalid value', () => {
  test('an age of 200 years is flagged beside the age input as it is typed', async () => {
    const page = await newCasePage();
    const age = page.getByRole('group', { name: 'Patient' }).getByLabel('Age (years)');
    await age.fill('200');
    await age.blur();
    await expect.poll(() => age.getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, age)).toMatch(/130/);
    // Twin: an adult's age clears it.
    await age.fill('54');
    await age.blur();
    await expect.poll(() => age.getAttribute('aria-invalid')).toBe(null);
    expect(pageErrors(page)).toEqual([]);
  }, TEST_TIMEOUT);

  test('a WBC in g/dL: the Unit of lab 1 shows the accepted units, the summary names labs[0].unit, and nothing is stored', async () => {
    const id = 'browser-bad-unit';
    const labs = PH_POSITIVE.labs?.map((l, i) => (i === 0 ? { ...l, unit: 'g/dL' } : l));
    expect(PH_POSITIVE.labs?.[0]?.test).toBe('wbc');
    const page = await newCasePage();
    await upload(page, 'bad-unit.json', { ...PH_POSITIVE, id, labs });

    const unit = page.getByRole('group', { name: 'Lab 1', exact: true }).getByLabel('Unit');
    await expect.poll(() => unit.getAttribute('aria-invalid')).toBe('true');
    const inline = await description(page, unit);
    expect(inline).toContain('g/dL');
    expect(inline).toContain('10*9/L');
    expect(await page.getByRole('heading', { level: 2, name: /^1 problem to fix$/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'labs[0].unit' }).waitFor();

    await page.getByRole('button', { name: 'Add the case' }).click();
    await page.getByRole('heading', { level: 2, name: /problem to fix/ }).waitFor();
    expect(await stored(id)).toBe(404);

    // Twin: an accepted unit clears the issue and the case is stored.
    await unit.selectOption('10*9/L');
    await expect.poll(() => unit.getAttribute('aria-invalid')).toBe(null);
    await page.getByRole('button', { name: 'Add the case' }).click();
    await page.getByRole('heading', { level: 1, name: `Case ${id}` }).waitFor();
    expect(await stored(id)).toBe(200);
    expect(pageErrors(page)).toEqual([]);
  }, TEST_TIMEOUT);
});

describe('uploading a FHIR Bundle', () => {
  test('the mCODE Bundle of a Ph-positive patient becomes a case, opened with its evaluation', async () => {
    const id = BUNDLE_CASE.id;
    expect(await stored(id)).toBe(404);
    const page = await newCasePage();
    await page.getByLabel('Read a FHIR Bundle for').fill(BUNDLE_CASE.asOf);
    await page.getByLabel('JSON file').setInputFiles(join(ROOT, BUNDLE));
    await page.getByRole('heading', { level: 1, name: `Case ${id}` }).waitFor({ timeout: 30_000 });
    expect(page.url()).toMatch(new RegExp(`#/cases/${id}$`));
    const diagnosis = page.getByRole('region', { name: 'Diagnosis' });
    await diagnosis.getByText('Philadelphia chromosome positive').waitFor();
    await page.getByRole('region', { name: /^Recommendations/ }).getByRole('listitem')
      .filter({ hasText: /tyrosine kinase inhibitor/ }).waitFor();
    expect(await stored(id)).toBe(200);
    expect(pageErrors(page)).toEqual([]);
  }, TEST_TIMEOUT);
});
