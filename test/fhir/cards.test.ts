// An evaluation as CDS Hooks cards (src/fhir/cards.ts): which items become cards, in what order,
// and what each card says and cites. Cases come from shared/cases or are built with parseCase.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCase, parseCaseJson, type Case, type Evaluation } from '../../src/contract/index.js';
import { checkOrders, evaluate } from '../../src/engine/index.js';
import { NOTICE, SOURCES } from '../../src/knowledge/index.js';
import { MAX_CARDS, orderCards, patientViewCards } from '../../src/fhir/cards.js';
import { Card, CardResponse } from '../../src/fhir/cds-hooks.js';
import { fitting, truncate } from '../../src/fhir/wording.js';

const CASES = join(import.meta.dirname, '..', '..', '..', 'shared', 'cases');
const PDQ = SOURCES['pdq-adult-all-treatment-hp'];

function document(name: string): { case: Record<string, unknown> } {
  return JSON.parse(readFileSync(join(CASES, `${name}.json`), 'utf8')) as { case: Record<string, unknown> };
}

function caseOf(input: unknown): Case {
  const r = parseCase(input);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.value;
}

function sharedCase(name: string): Case {
  const r = parseCaseJson(readFileSync(join(CASES, `${name}.json`), 'utf8'));
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.value;
}

/** Predictable ids: 00000000-0000-4000-8000-000000000000, …-000000000001, … */
function counter(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(n++).padStart(12, '0')}`;
}

const RANK = { critical: 0, warning: 1, info: 2 } as const;
const cardsFor = (name: string) => patientViewCards(evaluate(sharedCase(name)), { uuid: counter() });

describe('patient-view cards', () => {
  // pdq-adult-all-treatment-hp: "clinical activity as a single agent in Ph-positive ALL"
  test('Ph-positive untreated B-ALL gets a TKI card citing its passage, source and level', () => {
    const cards = cardsFor('e02-ph-positive');
    const tki = cards.find((c) => c.summary.includes('tyrosine kinase inhibitor'));
    expect(tki?.indicator).toBe('warning');
    expect(tki?.summary).toBe('Urgent: BCR::ABL1 tyrosine kinase inhibitor (imatinib, dasatinib, ponatinib)');
    expect(tki?.detail).toContain('"clinical activity as a single agent in Ph-positive ALL"');
    expect(tki?.detail).toContain(`[Adult Acute Lymphoblastic Leukemia Treatment (PDQ®), Health Professional Version](${PDQ.url ?? ''}), level of evidence C3`);
    expect(tki?.source).toEqual({ label: `allpath (${PDQ.title})`, url: PDQ.url });
    for (const c of cards) expect(c.summary.length).toBeLessThanOrEqual(140);
  });

  test('twin: Ph-negative untreated B-ALL gets no TKI card', () => {
    const cards = cardsFor('e01-precursor-b-untreated');
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.filter((c) => /tyrosine kinase/i.test(c.summary))).toEqual([]);
  });

  test('the first card opens with the diagnosis and status', () => {
    expect(cardsFor('e02-ph-positive')[0]?.summary).toBe('Ph-positive B-ALL, untreated. Urgent: remission induction chemotherapy');
    expect(cardsFor('e04-relapse-cd22')[0]?.summary).toMatch(/^Ph-negative B-ALL, relapsed\. /);
  });

  test('febrile neutropenia puts a critical card first, naming the finding and the action', () => {
    const cards = cardsFor('e05-febrile-neutropenia');
    expect(cards[0]?.indicator).toBe('critical');
    expect(cards[0]?.summary).toBe('B-ALL, Ph unknown, on induction. Febrile neutropenia: empiric broad-spectrum antibiotics');
    expect(cards[0]?.detail).toContain('Start empiric broad-spectrum antibiotics now, after cultures.');
    expect(cards.filter((c) => c.indicator === 'critical')).toHaveLength(1);
  });

  test('twin: without fever the same patient has no critical card', () => {
    const doc = document('e05-febrile-neutropenia');
    const afebrile = caseOf({ ...doc.case, findings: { temperatureC: 36.8 } });
    const cards = patientViewCards(evaluate(afebrile), { uuid: counter() });
    expect(cards.map((c) => c.indicator)).not.toContain('critical');
  });

  test('urgent missing tests share one warning card; a known result is not listed', () => {
    const untested = cardsFor('e03-ph-untested').filter((c) => c.summary.startsWith('Urgent tests missing'));
    expect(untested).toHaveLength(1);
    expect(untested[0]?.indicator).toBe('warning');
    expect(untested[0]?.summary).toContain('BCR::ABL1 testing');
    expect(cardsFor('e02-ph-positive').filter((c) => c.summary.includes('BCR::ABL1 testing'))).toEqual([]);
  });

  test('cards come critical, then warning, then info', () => {
    for (const name of ['e01-precursor-b-untreated', 'e02-ph-positive', 'e03-ph-untested', 'e04-relapse-cd22', 'e05-febrile-neutropenia']) {
      const ranks = cardsFor(name).map((c) => RANK[c.indicator]);
      expect(ranks, name).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  test('routine supportive recommendations and info alerts stay off the cards', () => {
    const summaries = cardsFor('e05-febrile-neutropenia').map((c) => c.summary).join('\n');
    expect(summaries).not.toMatch(/infection precautions|antiemetic|neuropathy/i);
  });

  test(`at most ${String(MAX_CARDS)} cards; the first says how many more items the evaluation holds`, () => {
    const e = evaluate(sharedCase('e05-febrile-neutropenia'));
    const therapy = e.recommendations.find((r) => r.category === 'therapy');
    if (therapy === undefined) throw new Error('fixture has no therapy recommendation');
    const crowded: Evaluation = { ...e, recommendations: Array.from({ length: 12 }, (_, i) => ({ ...therapy, id: `rec-${String(i)}` })) };
    const cards = patientViewCards(crowded, { uuid: counter() });
    expect(cards).toHaveLength(MAX_CARDS);
    expect(cards[0]?.indicator).toBe('critical');
    const shown = cards.length;
    const total = 1 + 1 + 12; // critical alert, urgent missing tests, therapy recommendations
    expect(cards[0]?.detail).toContain(`${String(total - shown)} further item(s)`);
  });

  test('a case with nothing to card still gets one card stating the diagnosis and status', () => {
    const e = evaluate(sharedCase('e01-precursor-b-untreated'));
    const cards = patientViewCards({ ...e, recommendations: [], alerts: [], missing: [] }, { uuid: counter() });
    expect(cards).toHaveLength(1);
    expect(cards[0]?.summary).toBe('Ph-negative B-ALL, untreated. No urgent action or therapy recommendation.');
    expect(cards[0]?.indicator).toBe('info');
  });

  test('every card carries the notice; the case link appears when a case URL is given', () => {
    const e = evaluate(sharedCase('e02-ph-positive'));
    const linked = patientViewCards(e, { caseUrl: 'https://allpath.example/cases/e02', uuid: counter() });
    for (const c of linked) {
      expect(c.detail).toContain('allpath supports a clinician\'s decision; it orders nothing.');
      expect(c.links).toEqual([{ label: 'Open the case in allpath', url: 'https://allpath.example/cases/e02', type: 'absolute' }]);
      expect(c.suggestions).toBeUndefined();
    }
    expect(patientViewCards(e, { uuid: counter() }).map((c) => c.links)).toEqual(linked.map(() => undefined));
  });

  test('ids come from the injected generator, else are random UUIDs', () => {
    const e = evaluate(sharedCase('e02-ph-positive'));
    expect(patientViewCards(e, { uuid: counter() })[1]?.uuid).toBe('00000000-0000-4000-8000-000000000001');
    const ids = patientViewCards(e).map((c) => c.uuid);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('every card of every shared case validates as a CDS Hooks 2.0 card response', () => {
    for (const name of ['e01-precursor-b-untreated', 'e02-ph-positive', 'e03-ph-untested', 'e04-relapse-cd22', 'e05-febrile-neutropenia']) {
      const cards = patientViewCards(evaluate(sharedCase(name)), { caseUrl: 'https://allpath.example/cases/x' });
      const r = CardResponse.safeParse({ cards });
      expect(r.success ? [] : r.error.issues, name).toEqual([]);
    }
  });
});

describe('order cards', () => {
  const phNegative = caseOf(document('e01-precursor-b-untreated').case);
  const phPositive = caseOf(document('e02-ph-positive').case);
  const imatinib = { agent: 'imatinib', resource: 'MedicationRequest', id: 'rx-1' } as const;

  // pdq-adult-all-treatment-hp: "clinical activity as a single agent in Ph-positive ALL"
  test('imatinib for Ph-negative ALL: a warning card that suggests deleting the MedicationRequest', () => {
    const cards = orderCards(checkOrders(phNegative, ['imatinib']), [imatinib], { uuid: counter() });
    expect(cards).toHaveLength(1);
    const card = cards[0];
    expect(card?.indicator).toBe('warning');
    expect(card?.summary).toBe('Imatinib is a BCR::ABL1 tyrosine kinase inhibitor, but the Philadelphia chromosome is negative in this case.');
    expect(card?.selectionBehavior).toBe('at-most-one');
    expect(card?.suggestions).toEqual([{
      label: 'Remove imatinib order',
      uuid: '00000000-0000-4000-8000-000000000000',
      actions: [{ type: 'delete', description: 'Remove the draft imatinib order MedicationRequest/rx-1.', resourceId: 'MedicationRequest/rx-1' }],
    }]);
    expect(card?.detail).toContain('**Suggestion:** Remove the order unless BCR::ABL1 is confirmed');
    expect(card?.detail).toContain('"clinical activity as a single agent in Ph-positive ALL"');
    expect(card?.detail).toContain(NOTICE);
    expect(card?.source.label).toBe(`allpath (${PDQ.title})`);
    expect(Card.safeParse(card).success).toBe(true);
  });

  test('twin: imatinib for Ph-positive ALL raises no card', () => {
    expect(orderCards(checkOrders(phPositive, ['imatinib']), [imatinib])).toEqual([]);
  });

  test('an order without an id is questioned but cannot be offered for deletion', () => {
    const cards = orderCards(checkOrders(phNegative, ['imatinib']), [{ agent: 'imatinib', resource: 'MedicationRequest' }]);
    expect(cards).toHaveLength(1);
    expect(cards[0]?.suggestions).toBeUndefined();
    expect(cards[0]?.selectionBehavior).toBeUndefined();
    expect(Card.safeParse(cards[0]).success).toBe(true);
  });

  test('two orders of the drug: one suggestion each, any may be chosen', () => {
    const orders = [imatinib, { agent: 'imatinib', resource: 'MedicationRequest/rx-2', id: 'rx-2' }, { agent: 'dasatinib', resource: 'MedicationRequest', id: 'rx-3' }] as const;
    const cards = orderCards(checkOrders(phNegative, ['imatinib']), orders);
    expect(cards[0]?.suggestions?.map((s) => s.actions?.[0])).toMatchObject([
      { type: 'delete', resourceId: 'MedicationRequest/rx-1' },
      { type: 'delete', resourceId: 'MedicationRequest/rx-2' },
    ]);
    expect(cards[0]?.selectionBehavior).toBe('any');
  });
});

describe('summary wording', () => {
  test('truncation cuts at a word, drops dangling punctuation and stays within the limit', () => {
    const text = 'Febrile neutropenia: temperature 38.9 °C with ANC 0.1 × 10⁹/L (below 0.5, measured 0 day(s) ago). Start empiric broad-spectrum antibiotics now, after cultures.';
    const cut = truncate(text, 60);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut).toBe('Febrile neutropenia: temperature 38.9 °C with ANC 0.1 ×…');
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(truncate('short enough', 60)).toBe('short enough');
  });

  test('the first candidate that fits wins', () => {
    expect(fitting(['x'.repeat(141), 'fits'], 140)).toBe('fits');
    expect(fitting(['much too long for ten'], 10)).toBe('much too…');
  });
});
