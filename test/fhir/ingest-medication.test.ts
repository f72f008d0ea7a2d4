// Medication resources → agents (RxNorm), grouped into courses: one course per 28-day window
// from its first day, the kind from the agent mix where it is unambiguous, never an outcome.
import { describe, expect, test } from 'vitest';
import { ingestResources } from '../../src/fhir/ingest.js';
import { AS_OF, RX, RXNORM, SNOMED, administration, concept, patient, procedure, request } from '../fixtures/fhir/build.js';

function ingest(...resources: Record<string, unknown>[]) {
  const r = ingestResources([patient(), ...resources], { asOf: AS_OF });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r;
}
const treatmentsOf = (...resources: Record<string, unknown>[]) => ingest(...resources).case.treatments ?? [];
const days = (start: string, ...offsets: number[]) => offsets.map((d) => new Date(Date.parse(`${start}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10));

describe('agents', () => {
  // RxNorm ingredient codes, ALL_codes_consolidated.csv: vincristine 11202 (mCODE brian-l), prednisone 8640
  test('RxNorm codes in medicationCodeableConcept name the agents', () => {
    expect(treatmentsOf(administration(RX.vincristine, '2026-02-16'), administration(RX.prednisone, '2026-02-16'))[0]?.agents)
      .toEqual(['vincristine', 'prednisone']);
  });

  // NMDP med-form2400-post-hct-disease-therapy-valueset.fsh: 1307630 bosutinib 100 MG Oral Tablet [Bosulif]
  test('a branded clinical drug code from the NMDP value sets names its ingredient', () => {
    expect(treatmentsOf(administration('1307630', '2026-02-16'))[0]?.agents).toEqual(['bosutinib']);
  });

  test('a Medication referenced from the bundle, or contained, names the agent', () => {
    const med = { resourceType: 'Medication', id: 'm1', code: concept(RXNORM, RX.imatinib) };
    const byRef = { ...administration(RX.imatinib, '2026-02-16'), medicationCodeableConcept: undefined, medicationReference: { reference: 'Medication/m1' } };
    expect(treatmentsOf(med, byRef)[0]?.agents).toEqual(['imatinib']);
    const contained = {
      ...administration(RX.dasatinib, '2026-02-16'), medicationCodeableConcept: undefined,
      contained: [{ resourceType: 'Medication', id: 'x', code: concept(RXNORM, RX.dasatinib) }], medicationReference: { reference: '#x' },
    };
    expect(treatmentsOf(contained)[0]?.agents).toEqual(['dasatinib']);
  });

  // Tisagenlecleucel has no RxNorm code in the terminology tables (NOT FOUND): the README allows
  // its name as the fallback, and the report says so.
  test('an agent whose code is a known gap is recognised by name, with a warning', () => {
    const kymriah = { ...administration('0000000', '2026-02-16'), medicationCodeableConcept: { coding: [{ system: RXNORM, code: '0000000', display: 'KYMRIAH suspension' }] } };
    const r = ingest(kymriah);
    expect(r.case.treatments?.[0]).toMatchObject({ kind: 'car-t', agents: ['tisagenlecleucel'] });
    expect(r.report.warnings[0]?.why).toMatch(/recognised by its name/);
  });

  test('an agent with a verified code is not matched by name: an unknown code stays unmapped', () => {
    const r = ingest({ ...administration('0000000', '2026-02-16'), medicationCodeableConcept: { coding: [{ system: RXNORM, code: '0000000', display: 'vincristine' }] } });
    expect(r.case.treatments).toBeUndefined();
    expect(r.report.unmapped[0]).toMatchObject({ code: `${RXNORM}|0000000`, why: 'no RxNorm code allpath maps to a contract agent' });
  });

  test('an agent that is not a contract agent (paclitaxel, RxNorm 56946) is unmapped', () => {
    expect(ingest(administration('56946', '2026-02-16')).report.unmapped[0]?.code).toBe(`${RXNORM}|56946`);
  });

  test('what was not given is not a treatment: a proposal, a draft, a not-done administration', () => {
    const r = ingest(
      request(RX.vincristine, '2026-02-16', undefined, { intent: 'proposal' }),
      request(RX.vincristine, '2026-02-16', undefined, { status: 'draft' }),
      administration(RX.vincristine, '2026-02-16', { status: 'not-done' }),
    );
    expect(r.case.treatments).toBeUndefined();
    expect(r.report.unmapped.map((n) => n.why)).toEqual(['a proposal, not a treatment given', 'not given (status draft)', 'not given (status not-done)']);
  });

  test('an administration after asOf is left out with a warning', () => {
    const r = ingest(administration(RX.vincristine, '2026-03-09'));
    expect(r.case.treatments).toBeUndefined();
    expect(r.report.warnings[0]?.why).toMatch(/after asOf/);
  });
});

describe('courses (28-day windows)', () => {
  test('agents from day 1 to day 28 of a course are one course; day 29 opens the next', () => {
    const [d1, d28, d29] = days('2025-09-01', 0, 27, 28);
    const courses = treatmentsOf(administration(RX.cytarabine, d1 ?? ''), administration(RX.methotrexate, d28 ?? ''), administration(RX.cytarabine, d29 ?? ''));
    expect(courses.map((c) => [c.start, c.agents])).toEqual([['2025-09-01', ['methotrexate', 'cytarabine']], ['2025-09-29', ['cytarabine']]]);
  });

  test('a course ends on its last recorded day, and has no end while an order is open', () => {
    expect(treatmentsOf(administration(RX.cytarabine, '2026-01-05'), administration(RX.cytarabine, '2026-01-08'))[0]?.end).toBe('2026-01-08');
    expect(treatmentsOf(administration(RX.cytarabine, '2026-01-05'), request(RX.methotrexate, '2026-01-05'))[0]).not.toHaveProperty('end');
  });

  test('a completed order without an end date is over: it ends on its start, with a warning', () => {
    const done = request(RX.cytarabine, '2025-05-01', undefined, { status: 'completed' });
    const r = ingest(done);
    expect(r.case.treatments?.[0]).toMatchObject({ start: '2025-05-01', end: '2025-05-01' });
    expect(r.report.warnings[0]?.why).toBe('completed without an end date: taken to end on its start, 2025-05-01');
  });

  test('no course carries an outcome: a medication record does not say how the disease responded', () => {
    for (const t of treatmentsOf(administration(RX.vincristine, '2025-01-06'), administration(RX.prednisone, '2025-01-06'), administration(RX.daunorubicin, '2025-01-06'))) {
      expect(t).not.toHaveProperty('outcome');
    }
  });

  test('growth factors form their own supportive course and do not change the kind of the chemotherapy', () => {
    const courses = treatmentsOf(request(RX.mercaptopurine, '2026-01-05'), request(RX.methotrexate, '2026-01-05'), administration(RX.filgrastim, '2026-01-10'));
    expect(courses.map((c) => c.kind)).toEqual(['maintenance', 'supportive']);
  });
});

describe('course kinds from the agent mix', () => {
  const course = (...agents: string[]) => treatmentsOf(...agents.map((rx) => administration(rx, '2026-01-05')))[0]?.kind;

  test('vincristine, prednisone, an anthracycline and an asparaginase as the first course: induction', () => {
    expect(course(RX.vincristine, RX.prednisone, RX.daunorubicin, RX.pegaspargase)).toBe('induction');
  });

  test('the same backbone later in the record is not called induction: other', () => {
    const courses = treatmentsOf(
      administration(RX.cytarabine, '2025-06-01'),
      ...[RX.vincristine, RX.prednisone, RX.daunorubicin].map((rx) => administration(rx, '2026-01-05')),
    );
    expect(courses.map((c) => c.kind)).toEqual(['other', 'other']);
  });

  test('mercaptopurine with methotrexate: maintenance', () => expect(course(RX.mercaptopurine, RX.methotrexate)).toBe('maintenance'));
  test('a TKI alone: tki', () => expect(course(RX.dasatinib)).toBe('tki'));
  test('blinatumomab alone: immunotherapy', () => expect(course(RX.blinatumomab)).toBe('immunotherapy'));
  test('mercaptopurine with cytarabine (not a maintenance mix): other', () => expect(course(RX.mercaptopurine, RX.cytarabine)).toBe('other'));

  test('courses come out oldest first, procedures among them', () => {
    // mCODE radiotherapy course summary, SNOMED 1217123003 (StructureDefinition-mcode-radiotherapy-course-summary)
    const radiation = { ...procedure(SNOMED, '1217123003', '2025-01-01'), performedDateTime: undefined, performedPeriod: { start: '2025-01-01', end: '2025-01-20' } };
    const courses = treatmentsOf(administration(RX.dasatinib, '2026-01-05'), radiation);
    expect(courses.map((c) => [c.kind, c.start, c.end])).toEqual([['radiation', '2025-01-01', '2025-01-20'], ['tki', '2026-01-05', '2026-01-05']]);
  });
});

describe('procedures', () => {
  // SNOMED 425983008 Autologous peripheral blood stem cell transplant (src/terminology/procedures.ts)
  test('an autologous transplant code is an autologous-hsct course', () => {
    expect(treatmentsOf(procedure(SNOMED, '425983008', '2025-10-01'))[0]).toEqual({ kind: 'autologous-hsct', start: '2025-10-01', end: '2025-10-01' });
  });

  // SNOMED 234336002 Hemopoietic stem cell transplant: the code does not say which kind
  test('a transplant code that does not say allogeneic or autologous is reported, not guessed', () => {
    const r = ingest(procedure(SNOMED, '234336002', '2025-10-01'));
    expect(r.case.treatments).toBeUndefined();
    expect(r.report.unmapped[0]?.why).toMatch(/does not say allogeneic or autologous/);
  });
});
