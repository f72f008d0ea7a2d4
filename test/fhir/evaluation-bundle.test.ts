// An evaluation as a FHIR R4 Bundle (src/fhir/evaluation-bundle.ts): the plan as a RequestGroup
// of proposals with their citations, the risk group as a RiskAssessment, each alert as a
// DetectedIssue; deterministic given `issued`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCaseJson, type Evaluation } from '../../src/contract/index.js';
import { evaluate } from '../../src/engine/index.js';
import { SOURCES } from '../../src/knowledge/index.js';
import { ACTION_SYSTEM, evaluationToBundle } from '../../src/fhir/evaluation-bundle.js';

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared');
const ISSUED = '2026-05-11T09:30:00Z';

interface Entry { fullUrl: string; resource: Record<string, unknown> & { resourceType: string; id: string } }
interface Artifact { type: string; citation: string; url?: string; display?: string }
interface Action { id: string; title: string; description: string; priority: string; documentation: Artifact[]; resource?: { reference: string }; action?: unknown }

function evaluationOf(name: string): Evaluation {
  const r = parseCaseJson(readFileSync(join(SHARED, 'cases', `${name}.json`), 'utf8'));
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return evaluate(r.value);
}

function entriesOf(bundle: Record<string, unknown>): Entry[] {
  return bundle['entry'] as Entry[];
}

function resources(bundle: Record<string, unknown>, type: string): Entry['resource'][] {
  return entriesOf(bundle).map((e) => e.resource).filter((r) => r.resourceType === type);
}

function only(bundle: Record<string, unknown>, type: string): Entry['resource'] {
  const found = resources(bundle, type);
  expect(found, type).toHaveLength(1);
  const [first] = found;
  if (first === undefined) throw new Error(`no ${type}`);
  return first;
}

const fold = (text: string) => text.replace(/\s+/g, ' ');
const sourceText = new Map(Object.values(SOURCES).map((s) => [s.title, fold(readFileSync(join(SHARED, 'sources', s.file), 'utf8'))]));

/** Every `reference` string anywhere in the value. */
function references(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(references);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === 'reference' && typeof v === 'string' ? [v] : references(v)));
}

describe('evaluation bundle', () => {
  const e = evaluationOf('e02-ph-positive');
  const bundle = evaluationToBundle(e, { issued: ISSUED, patientReference: 'Patient/p-1' });

  test('is a collection bundle stamped with the issue time', () => {
    expect(bundle['resourceType']).toBe('Bundle');
    expect(bundle['type']).toBe('collection');
    expect(bundle['timestamp']).toBe(ISSUED);
    expect(bundle['identifier']).toEqual({ system: 'https://allpath.dev/fhir/evaluation', value: `e02/${e.asOf}/${e.knowledgeVersion}` });
  });

  test('the RequestGroup proposes one action per recommendation, in order, with mapped priority', () => {
    const group = only(bundle, 'RequestGroup');
    expect(group['intent']).toBe('proposal');
    expect(group['status']).toBe('draft');
    expect(group['subject']).toEqual({ reference: 'Patient/p-1' });
    const actions = group['action'] as Action[];
    expect(actions.map((a) => a.id)).toEqual(e.recommendations.map((r) => r.id));
    expect(actions.map((a) => a.description)).toEqual(e.recommendations.map((r) => r.rationale));
    const expected = { urgent: 'urgent', routine: 'routine', consider: 'routine' } as const;
    expect(actions.map((a) => a.priority)).toEqual(e.recommendations.map((r) => expected[r.priority]));
    expect(e.recommendations.map((r) => r.priority)).toContain('consider');
    const tki = actions.find((a) => a.id === 'rec-tki-ph-positive');
    expect(tki?.title).toBe('BCR::ABL1 tyrosine kinase inhibitor (imatinib, dasatinib, ponatinib)');
    expect(group['action'] as unknown[]).toHaveLength(e.recommendations.length);
  });

  test('every citation quotes a passage that occurs in its source, with the source URL', () => {
    const actions = only(bundle, 'RequestGroup')['action'] as Action[];
    const citations = actions.flatMap((a) => a.documentation);
    expect(citations.length).toBeGreaterThanOrEqual(e.recommendations.length);
    for (const c of citations) {
      expect(c.type).toBe('citation');
      const m = /^(.+): "(.+)"$/u.exec(c.citation);
      const [title, locator] = [m?.[1] ?? '', m?.[2] ?? ''];
      const source = Object.values(SOURCES).find((s) => s.title === title);
      expect(source, c.citation).toBeDefined();
      expect(sourceText.get(title)?.includes(fold(locator)), c.citation).toBe(true);
      expect(c.url).toBe(source?.url ?? undefined);
    }
    const tki = actions.find((a) => a.id === 'rec-tki-ph-positive');
    expect(tki?.documentation[0]).toEqual({
      type: 'citation',
      citation: `${SOURCES['pdq-adult-all-treatment-hp'].title}: "clinical activity as a single agent in Ph-positive ALL"`,
      url: SOURCES['pdq-adult-all-treatment-hp'].url,
      display: 'Level of evidence C3',
    });
  });

  test('each action targets a proposal CommunicationRequest, so none breaks rqg-1 (resource or sub-actions)', () => {
    const actions = only(bundle, 'RequestGroup')['action'] as Action[];
    const proposals = new Map(entriesOf(bundle).filter((x) => x.resource.resourceType === 'CommunicationRequest').map((x) => [x.fullUrl, x.resource]));
    for (const a of actions) {
      expect((a.resource === undefined) !== (a.action === undefined), a.id).toBe(true);
      const target = proposals.get(a.resource?.reference ?? '');
      expect(target?.['intent'], a.id).toBe('proposal');
      expect(target?.['status'], a.id).toBe('draft');
    }
    expect(proposals.size).toBe(actions.length);
    expect(resources(bundle, 'MedicationRequest')).toEqual([]);
    expect(resources(bundle, 'ServiceRequest')).toEqual([]);
  });

  test('the notice is a note on the RequestGroup and the RiskAssessment', () => {
    expect(only(bundle, 'RequestGroup')['note']).toContainEqual({ text: e.notice });
    expect(only(bundle, 'RiskAssessment')['note']).toContainEqual({ text: e.notice });
  });

  test('the RiskAssessment predicts the risk group from its factors', () => {
    const risk = only(bundle, 'RiskAssessment');
    expect(risk['status']).toBe('final');
    expect(risk['subject']).toEqual({ reference: 'Patient/p-1' });
    expect(risk['basis']).toHaveLength(e.risk.factors.length);
    expect(risk['basis']).toContainEqual({ display: 'Philadelphia chromosome (BCR::ABL1) positive (present)' });
    const [prediction] = risk['prediction'] as { qualitativeRisk: { text: string }; rationale: string }[];
    expect(prediction?.qualitativeRisk.text).toBe('high risk');
    expect(prediction?.rationale).toContain('Philadelphia chromosome (BCR::ABL1) positive');
  });

  test('no alerts, no DetectedIssue; every urn:uuid reference resolves inside the bundle', () => {
    expect(resources(bundle, 'DetectedIssue')).toEqual([]);
    const fullUrls = new Set(entriesOf(bundle).map((x) => x.fullUrl));
    for (const ref of references(bundle).filter((r) => r.startsWith('urn:uuid:'))) expect(fullUrls.has(ref), ref).toBe(true);
    expect(new Set(entriesOf(bundle).map((x) => x.resource.id)).size).toBe(entriesOf(bundle).length);
  });
});

describe('alerts as DetectedIssues', () => {
  const e = evaluationOf('e05-febrile-neutropenia');
  const bundle = evaluationToBundle(e, { issued: ISSUED });
  const issues = resources(bundle, 'DetectedIssue');

  test('one per alert, severity high for critical and low for info, detail = the message', () => {
    expect(issues.map((i) => i['severity'])).toEqual(e.alerts.map((a) => ({ critical: 'high', warning: 'moderate', info: 'low' })[a.severity]));
    expect(issues.map((i) => i['detail'])).toEqual(e.alerts.map((a) => a.message));
    expect(issues[0]?.['code']).toMatchObject({ coding: [{ system: ACTION_SYSTEM, code: 'empiric-broad-spectrum-antibiotics' }] });
    expect(issues[0]?.['reference']).toBe(SOURCES['pdq-adult-all-treatment-hp'].url);
  });

  test('their evidence references DocumentReferences of the cited documents', () => {
    const documents = new Map(entriesOf(bundle).filter((x) => x.resource.resourceType === 'DocumentReference').map((x) => [x.fullUrl, x.resource]));
    const evidence = issues.flatMap((i) => i['evidence'] as { detail: { reference: string; display: string }[] }[]).flatMap((ev) => ev.detail);
    expect(evidence.length).toBe(e.alerts.flatMap((a) => a.evidence).length);
    for (const d of evidence) {
      const doc = documents.get(d.reference);
      expect(doc?.['description'], d.display).toBeDefined();
      expect(d.display.startsWith(`${String(doc?.['description'])}: "`)).toBe(true);
    }
  });

  test('without a patient reference the case is named in a display-only reference', () => {
    expect(issues[0]?.['patient']).toEqual({ display: 'allpath case e05' });
    expect(only(bundle, 'RiskAssessment')['subject']).toEqual({ display: 'allpath case e05' });
  });
});

describe('determinism', () => {
  const e = evaluationOf('e02-ph-positive');

  test('the same evaluation and issue time give the same bundle', () => {
    expect(evaluationToBundle(e, { issued: ISSUED })).toEqual(evaluationToBundle(e, { issued: ISSUED }));
  });

  test('another issue time gives other ids', () => {
    expect(evaluationToBundle(e, { issued: '2026-05-12T09:30:00Z' })['id']).not.toBe(evaluationToBundle(e, { issued: ISSUED })['id']);
  });

  test('without `issued` the evaluation date stands in, and no instant timestamp is invented', () => {
    const bundle = evaluationToBundle(e);
    expect(bundle['timestamp']).toBeUndefined();
    expect(only(bundle, 'RequestGroup')['authoredOn']).toBe(e.asOf);
    expect(bundle).toEqual(evaluationToBundle(e));
  });
});
