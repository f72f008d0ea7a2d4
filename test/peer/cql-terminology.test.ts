// The CQL peer reads codes through value sets expanded from allpath's terminology
// (bench/cql/terminology.ts). Where src/terminology keeps a table private, its rows are copied
// there: each copied code must mean what allpath's own lookup says. Then the CQL itself, run over
// Bundles holding every code, must read each one as allpath's lookups do.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { ELM_FILE, peerEngine, type Defines, type PeerEngine } from '../../bench/cql/engine.js';
import {
  ANSWERS, CURATED_RXNORM, FULL_REMISSION, METHODS, PROCEDURES, SNOMED_DIAGNOSES, STRUCTURAL_CHANGES, codeServiceValueSets, expansions,
} from '../../bench/cql/terminology.js';
import {
  ICD10CM, LOINC, RXNORM, SEQUENCE_ONTOLOGY, SNOMED, agentByName, agentOfRxNorm, answerOf, diagnosisOf, isFullRemission,
  isStructuralChange, methodOf, observationMeaning, observationRows, procedureOf, type DiagnosisLookup, type ObservationMeaning,
} from '../../src/terminology/index.js';
import { NMDP_RXNORM } from '../../src/terminology/rxnorm-nmdp.js';

const AS_OF = '2026-03-02';
type Resource = Record<string, unknown>;
const concept = (system: string, code: string) => ({ coding: [{ system, code }] });
const subject = { reference: 'Patient/p1' };
const bundleOf = (resources: readonly Resource[]) => ({
  resourceType: 'Bundle', type: 'collection',
  entry: [{ resource: { resourceType: 'Patient', id: 'p1', birthDate: '1970-01-01', gender: 'female' } }, ...resources.map((resource) => ({ resource }))],
});
/** A distinct day per resource, counted back from asOf. */
const dayOf = (i: number) => new Date(Date.UTC(2026, 2, 2) - i * 86_400_000).toISOString().slice(0, 10);

let engine: PeerEngine;
beforeAll(() => {
  engine = peerEngine();
});
const run = (resources: readonly Resource[]): Promise<Defines> => engine.evaluate(bundleOf(resources), AS_OF);
const list = (d: Defines, name: string) => d[name] as Record<string, unknown>[];

function expectedSnomed(row: (typeof SNOMED_DIAGNOSES)[number]): DiagnosisLookup {
  const [, diagnosis, status, site] = row;
  if (diagnosis === 'ambiguous') return { kind: 'ambiguous', why: 'a lymphoid leukemia of unspecified type could be ALL; not mapped' };
  return { kind: 'mapped', diagnosis, ...(status === undefined ? {} : { status }), ...(site === undefined ? {} : { site }) };
}

describe('rows copied from private tables of src/terminology mean what allpath says', () => {
  test.each(SNOMED_DIAGNOSES.map((r) => [r[0], r] as const))('SNOMED CT %s', (code, row) => {
    expect(diagnosisOf(SNOMED, code)).toEqual(expectedSnomed(row));
  });

  test('twin: a row copied with the wrong diagnosis is caught', () => {
    expect(diagnosisOf(SNOMED, '277575008')).not.toEqual(expectedSnomed(['277575008', 'B-ALL']));
  });

  test('curated RxNorm codes', () => {
    for (const [codes, agent] of CURATED_RXNORM) for (const code of codes.split('|')) expect([code, agentOfRxNorm(RXNORM, code)]).toEqual([code, agent]);
  });

  test('answers, methods, change types, full remission, procedures', () => {
    for (const [system, code, answer] of ANSWERS) expect(answerOf(system, code)).toBe(answer);
    for (const [code, method] of METHODS) expect(methodOf(LOINC, code)).toBe(method);
    for (const code of STRUCTURAL_CHANGES) expect(isStructuralChange(SEQUENCE_ONTOLOGY, code)).toBe(true);
    for (const code of FULL_REMISSION) expect(isFullRemission(SNOMED, code)).toBe(true);
    for (const [code, kind] of PROCEDURES) {
      const found = procedureOf(SNOMED, code);
      expect(found?.kind === 'treatment' ? found.treatment : found?.kind).toBe(kind);
    }
  });

  test('every value set the library names has an expansion, and no agent code is in two agents', () => {
    const vs = expansions();
    const elm = JSON.parse(readFileSync(ELM_FILE, 'utf8')) as { library: { valueSets: { def: { id: string }[] } } };
    const declared = elm.library.valueSets.def.map((d) => d.id);
    expect(declared.length).toBeGreaterThan(80);
    expect(declared.filter((id) => !(id in codeServiceValueSets()))).toEqual([]);
    const agentCodes = Object.entries(vs).filter(([id]) => id.startsWith('agent:')).flatMap(([, codes]) => codes.map((c) => c.code));
    expect(new Set(agentCodes).size).toBe(agentCodes.length);
    expect(agentCodes.length).toBeGreaterThanOrEqual(Object.keys(NMDP_RXNORM).length);
    expect(vs['observation:known']?.length).toBe(observationRows().length);
  });
});

/** What an observation code is to the CQL's "Kind", from allpath's own meaning of it. */
function kindOf(m: ObservationMeaning): string {
  switch (m.kind) {
    case 'lab':
      if (m.test === 'blasts') return `${m.specimen ?? ''}-blasts`;
      return m.test === 'anc' || m.test === 'platelets' ? m.test : 'other';
    case 'marker': return 'marker';
    case 'immunophenotype-panel': return 'panel';
    case 'genomic-variant': return 'genomic-variant';
    case 'bcr-abl1': return 'bcr-abl1';
    case 'disease-status': return 'disease-status';
    default: return 'other';
  }
}

describe('the CQL reads every code as allpath does', () => {
  test('every observation code allpath knows: the same kind, and markers the same marker', async () => {
    const rows = observationRows();
    const defines = await run(rows.map((r, i) => ({
      resourceType: 'Observation', id: `o${i}`, status: 'final', code: concept(r.system, r.code), subject, effectiveDateTime: '2026-02-01',
      ...(r.meaning.kind === 'marker' ? { valueCodeableConcept: concept(LOINC, 'LA6576-8') } : { valueQuantity: { value: 1, unit: '%', system: 'http://unitsofmeasure.org', code: '%' } }),
    })));
    const seen = list(defines, 'Observations').map((o) => o['kind']);
    expect(seen).toEqual(rows.map((r) => kindOf(r.meaning)));
    const markers = rows.flatMap((r) => (r.meaning.kind === 'marker' ? [r.meaning.marker] : []));
    expect(list(defines, 'Marker results').map((m) => m['marker'])).toEqual(markers);
    expect(observationMeaning(LOINC, '0000-0')).toBeUndefined();
  });

  test('every RxNorm code allpath maps, and every agent name: the same agent', async () => {
    const coded = [...new Set([...Object.keys(NMDP_RXNORM), ...CURATED_RXNORM.flatMap(([codes]) => codes.split('|'))])];
    const names = ['Oncaspar 750 unit/mL', 'asparaginase Erwinia chrysanthemi (recombinant)-rywn', 'Rylaze', 'KYMRIAH suspension', 'Tecartus', 'dexamethasone 4 MG Oral Tablet', 'Iclusig'];
    const resources = [
      ...coded.map((code, i) => ({ resourceType: 'MedicationAdministration', id: `m${i}`, status: 'completed', subject, effectiveDateTime: dayOf(i), medicationCodeableConcept: concept(RXNORM, code) })),
      ...names.map((text, i) => ({ resourceType: 'MedicationAdministration', id: `n${i}`, status: 'completed', subject, effectiveDateTime: dayOf(coded.length + i), medicationCodeableConcept: { text } })),
      { resourceType: 'MedicationAdministration', id: 'unknown', status: 'completed', subject, effectiveDateTime: dayOf(coded.length + names.length), medicationCodeableConcept: concept(RXNORM, '999999999') },
    ];
    const defines = await run(resources);
    const byDay = new Map(list(defines, 'Administered agents').map((r) => [r['startDay'], r['agent']]));
    coded.forEach((code, i) => expect([code, byDay.get(dayOf(i))]).toEqual([code, agentOfRxNorm(RXNORM, code)]));
    names.forEach((text, i) => expect([text, byDay.get(dayOf(coded.length + i))]).toEqual([text, agentByName(text)]));
    expect(byDay.has(dayOf(coded.length + names.length))).toBe(false);
    expect(byDay.size).toBe(coded.length + names.length);
    for (const row of list(defines, 'Agent names')) expect([row['name'], agentByName(String(row['name']))]).toEqual([row['name'], row['agent']]);
  });

  test('every SNOMED CT diagnosis row and ICD-10-CM codes by their structure: the same diagnosis, status and site', async () => {
    const icd = ['C91.00', 'C91.01', 'C91.02', 'c91.00', 'C91.A0', 'C91.A1', 'C83.50', 'C83.51', 'C83.57', 'C83.59', 'C83.5', 'C91.90', 'C95.00', 'C92.00',
      'C92.01', 'C50.9', 'C7A.0', 'C96.4', 'C97', 'D46.9', 'D47.1', 'D47.Z9', 'D48.1', 'Z00.0'];
    const codings = [...SNOMED_DIAGNOSES.map(([code]) => ({ system: SNOMED, code })), ...icd.map((code) => ({ system: ICD10CM, code }))];
    const defines = await run(codings.map((c, i) => ({
      resourceType: 'Condition', id: `c${i}`, subject, code: { coding: [c] }, onsetDateTime: '2026-01-01',
      clinicalStatus: concept('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active'),
    })));
    const read = new Map(list(defines, 'Conditions').map((c) => [c['key'], c]));
    codings.forEach((c, i) => {
      const found = diagnosisOf(c.system, c.code);
      const status = found.kind === 'mapped' ? found.status ?? 'active' : undefined;
      const expected = found.kind !== 'mapped' ? undefined : {
        key: `Condition/c${i}`, diagnosis: found.diagnosis, conditionOnset: '2026-01-01', status,
        site: status === 'active' ? found.site ?? null : null,
      };
      expect([c.code, read.get(`Condition/c${i}`)]).toEqual([c.code, expected]);
    });
  });

  test('every procedure row: a treatment course of the same kind, the others none', async () => {
    const defines = await run(PROCEDURES.map(([code], i) => ({
      resourceType: 'Procedure', id: `p${i}`, status: 'completed', subject, code: concept(SNOMED, code), performedDateTime: dayOf(400 * i),
    })));
    const kinds = new Map(list(defines, 'Procedure courses').map((c) => [c['startDay'], c['kind']]));
    PROCEDURES.forEach(([code], i) => {
      const found = procedureOf(SNOMED, code);
      expect([code, kinds.get(dayOf(400 * i))]).toEqual([code, found?.kind === 'treatment' ? found.treatment : undefined]);
    });
  });
});
