/**
 * Case → Observations: labs (LOINC, the contract's UCUM unit), marrow blasts, the
 * immunophenotype as one panel of coded markers, temperature, CSF white cells and ECOG.
 * Findings and performance carry no date of their own: they are dated asOf, as the contract
 * reads them ("the patient as examined on asOf").
 */
import { MARKERS, type Case } from '../contract/index.js';
import { ANSWER, OBSERVATION, labCode, markerCode, type Code } from './write-codes.js';
import { category, concept, ucum, type FhirResource, type Writer } from './write-resource.js';

function observation(w: Writer, kind: string, code: Code, date: string | undefined, cat: Parameters<typeof category>[0], value: Record<string, unknown>): FhirResource {
  return {
    resourceType: 'Observation', id: w.id(kind), status: 'final', category: category(cat), code: concept(code), subject: w.subject,
    ...(date === undefined ? {} : { effectiveDateTime: date }),
    ...value,
  };
}

function labs(c: Case, w: Writer): FhirResource[] {
  return (c.labs ?? []).flatMap((lab) => {
    const code = labCode(lab.test, lab.specimen, lab.unit);
    return code === undefined ? [] : [observation(w, 'lab', code, lab.date, 'laboratory', { valueQuantity: ucum(lab.value, lab.unit) })];
  });
}

/** Marrow blast percentages, except those the labs already hold (same day, same value). */
function marrow(c: Case, w: Writer): FhirResource[] {
  const code = labCode('blasts', 'marrow', '%');
  if (code === undefined) return [];
  const inLabs = (date: string, value: number) =>
    (c.labs ?? []).some((l) => l.test === 'blasts' && l.specimen === 'marrow' && l.date === date && l.value === value);
  return (c.marrow ?? []).flatMap((m) => (m.blastPercent === undefined || inLabs(m.date, m.blastPercent) ? []
    : [observation(w, 'marrow', code, m.date, 'laboratory', { valueQuantity: ucum(m.blastPercent, '%') })]));
}

/** The markers that have a LOINC code, as components of one immunophenotyping panel. */
function immunophenotype(c: Case, w: Writer): FhirResource[] {
  const ip = c.immunophenotype;
  if (ip === undefined) return [];
  const component = MARKERS.flatMap((marker) => {
    const code = markerCode(marker);
    const result = ip.markers[marker];
    if (code === undefined || result === undefined) return [];
    return [{ code: concept(code), valueCodeableConcept: concept(result === 'positive' ? ANSWER.positive : ANSWER.negative) }];
  });
  if (component.length === 0) return [];
  return [observation(w, 'immunophenotype', OBSERVATION.immunophenotypePanel, ip.date, 'laboratory', { component })];
}

function findings(c: Case, w: Writer): FhirResource[] {
  const f = c.findings;
  const out: FhirResource[] = [];
  if (f?.temperatureC !== undefined) {
    out.push({
      ...observation(w, 'temperature', OBSERVATION.temperature, f.temperatureDate ?? c.asOf, 'vital-signs', { valueQuantity: ucum(f.temperatureC, 'Cel') }),
      meta: { profile: ['http://hl7.org/fhir/StructureDefinition/bodytemp'] },
    });
  }
  if (f?.cns?.csfWbcPerUL !== undefined) {
    out.push(observation(w, 'csf', OBSERVATION.csfWbc, c.asOf, 'laboratory', { valueQuantity: ucum(f.cns.csfWbcPerUL, '/uL') }));
  }
  if (c.performance !== undefined) {
    out.push(observation(w, 'ecog', OBSERVATION.ecog, c.asOf, 'survey', { valueInteger: c.performance.ecog }));
  }
  return out;
}

export function writeObservations(c: Case, w: Writer): FhirResource[] {
  return [...labs(c, w), ...marrow(c, w), ...immunophenotype(c, w), ...findings(c, w)];
}
