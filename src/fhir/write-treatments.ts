/**
 * `treatments[]` → one medication resource per agent of each course, and a Procedure for the
 * kinds that have a code (autologous transplant, radiation, CAR-T infusion).
 *
 * - A course over by asOf (an end on or before it) is a MedicationAdministration, completed,
 *   given over the course (effectivePeriod, or effectiveDateTime for a single day).
 * - A course still open, or ending after asOf, is an active MedicationRequest (an order) whose
 *   dosage bounds are the course's start and planned end.
 * - A CAR-T course whose product has a code is written as the product given, not also as a
 *   Procedure, so that ingest does not read the infusion twice.
 *
 * Ingest rebuilds courses from these by date (a 28-day window) and agent mix, so a course's
 * kind may come back different and its outcome never does (see case-bundle.ts).
 */
import { CAR_T_AGENTS, type Agent, type Treatment } from '../contract/index.js';
import { AGENT, PROCEDURE } from './write-codes.js';
import { coding, concept, type FhirResource, type Writer } from './write-resource.js';

const nameOf = (agent: Agent) => agent.replace(/-/g, ' ');

function medication(agent: Agent): Record<string, unknown> | undefined {
  const how = AGENT[agent];
  if (how === undefined) return undefined;
  return 'code' in how ? { coding: [coding(how.code)], text: nameOf(agent) } : { text: how.name };
}

function agentResource(agent: Agent, t: Treatment, w: Writer): FhirResource | undefined {
  const medicationCodeableConcept = medication(agent);
  if (medicationCodeableConcept === undefined) return undefined;
  if (t.end !== undefined && t.end <= w.asOf) {
    return {
      resourceType: 'MedicationAdministration', id: w.id('administration'), status: 'completed', medicationCodeableConcept, subject: w.subject,
      ...(t.end === t.start ? { effectiveDateTime: t.start } : { effectivePeriod: { start: t.start, end: t.end } }),
    };
  }
  return {
    resourceType: 'MedicationRequest', id: w.id('request'), status: 'active', intent: 'order', medicationCodeableConcept, subject: w.subject,
    authoredOn: t.start,
    dosageInstruction: [{ timing: { repeat: { boundsPeriod: { start: t.start, ...(t.end === undefined ? {} : { end: t.end }) } } } }],
  };
}

function procedure(t: Treatment, written: readonly Agent[], w: Writer): FhirResource | undefined {
  const code = PROCEDURE[t.kind];
  if (code === undefined) return undefined;
  if (t.kind === 'car-t' && written.some((a) => CAR_T_AGENTS.some((x) => x === a))) return undefined;
  const over = t.end !== undefined && t.end <= w.asOf;
  return {
    resourceType: 'Procedure', id: w.id('procedure'), status: over ? 'completed' : 'in-progress', code: concept(code), subject: w.subject,
    ...(t.end === t.start ? { performedDateTime: t.start } : { performedPeriod: { start: t.start, ...(t.end === undefined ? {} : { end: t.end }) } }),
  };
}

export function writeTreatments(treatments: readonly Treatment[], w: Writer): FhirResource[] {
  return treatments.flatMap((t) => {
    const written = (t.agents ?? []).filter((a) => AGENT[a] !== undefined);
    const meds = written.flatMap((a) => agentResource(a, t, w) ?? []);
    const proc = procedure(t, written, w);
    return proc === undefined ? meds : [...meds, proc];
  });
}
