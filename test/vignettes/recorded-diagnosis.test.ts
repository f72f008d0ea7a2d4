// A diagnosis recorded elsewhere (a FHIR Condition) stands in for the marrow and immunophenotype
// a case lacks, and only then: the case's own findings decide when it has them.
import { describe, expect, test } from 'vitest';
import { AS_OF, evaluateCase } from './builders.js';
import type { Case } from '../../src/index.js';

const bare = (conditions: Case['conditions'], more: Partial<Case> = {}): Case => ({
  id: 'recorded', asOf: AS_OF, patient: { ageYears: 40, sex: 'female' }, conditions, ...more,
});

describe('recorded diagnoses', () => {
  // acs-about-all: "at least 20% of the bone marrow is made up"
  test('a recorded B-ALL with no marrow or markers is B-lineage precursor-B ALL', () => {
    const ev = evaluateCase(bare([{ diagnosis: 'B-ALL', code: 'http://snomed.info/sct|91857003' }]));
    expect(ev.diagnosis).toMatchObject({ leukemia: 'ALL', lineage: 'B', subtype: 'precursor-B' });
  });

  // acs-about-all: "at least 20% of the bone marrow is made up"
  test('with no recorded diagnosis either, nothing is known', () => {
    expect(evaluateCase(bare([])).diagnosis).toMatchObject({ leukemia: 'unknown', lineage: 'unknown' });
  });

  // pdq-adult-all-treatment-hp: "precursor T-cell ALL cells commonly express CD2, CD3, CD7, CD34, and TdT"
  test('a recorded T-ALL is T lineage', () => {
    expect(evaluateCase(bare([{ diagnosis: 'T-ALL' }])).diagnosis).toMatchObject({ leukemia: 'ALL', lineage: 'T', subtype: 'T' });
  });

  // pdq-adult-all-treatment-hp: "Precursor B-cell ALL cells typically express CD10, CD19, and CD34"
  test("the case's own markers win over a recorded diagnosis", () => {
    const ev = evaluateCase(bare([{ diagnosis: 'B-ALL' }], {
      immunophenotype: { markers: { cCD3: 'positive', CD3: 'positive', CD19: 'negative', MPO: 'negative' } },
    }));
    expect(ev.diagnosis.lineage).toBe('T');
  });

  // pdq-adult-all-treatment-hp: "Proper diagnosis is crucial because of the difference in prognosis"
  test('a recorded breast cancer with nothing else is not ALL, and no ALL therapy is offered', () => {
    const ev = evaluateCase(bare([{ diagnosis: 'other-cancer', code: 'http://snomed.info/sct|254837009' }]));
    expect(ev.diagnosis.leukemia).toBe('not-ALL');
    expect(ev.recommendations.filter((r) => r.category === 'therapy')).toEqual([]);
  });

  // pdq-adult-all-treatment-hp: "Proper diagnosis is crucial because of the difference in prognosis"
  test('a recorded CLL beside a recorded ALL is not called not-ALL', () => {
    expect(evaluateCase(bare([{ diagnosis: 'other-leukemia' }, { diagnosis: 'ALL' }])).diagnosis.leukemia).toBe('ALL');
  });

  // pdq-adult-all-treatment-patient: "In ALL in remission, the disease has been treated"
  test('a condition recorded in remission, with no treatment in the case, is remission, not untreated', () => {
    expect(evaluateCase(bare([{ diagnosis: 'ALL', clinicalStatus: 'remission' }])).status).toBe('remission');
    expect(evaluateCase(bare([{ diagnosis: 'ALL', clinicalStatus: 'active' }])).status).toBe('untreated');
  });

  // pdq-adult-all-treatment-patient: "Recurrent ALL is cancer that has recurred (come back)"
  test('a condition recorded in relapse, with no treatment in the case, is recurrent', () => {
    expect(evaluateCase(bare([{ diagnosis: 'ALL', clinicalStatus: 'relapse' }])).status).toBe('recurrent');
  });

  // Found by the CQL peer engine (bench/cql): another cancer's status is not the ALL's.
  // pdq-adult-all-treatment-patient: "In untreated ALL, the disease is newly diagnosed"
  test('a CLL recorded in relapse beside an active ALL leaves the ALL untreated', () => {
    expect(evaluateCase(bare([{ diagnosis: 'ALL', clinicalStatus: 'active' }, { diagnosis: 'other-leukemia', clinicalStatus: 'relapse' }])).status)
      .toBe('untreated');
  });

  // pdq-adult-all-treatment-patient: "In ALL in remission, the disease has been treated"
  test('another cancer recorded in remission does not put an untreated ALL in remission', () => {
    expect(evaluateCase(bare([{ diagnosis: 'B-ALL' }, { diagnosis: 'other-cancer', clinicalStatus: 'remission' }])).status).toBe('untreated');
  });
});
