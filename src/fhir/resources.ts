/**
 * The FHIR R4 subset allpath reads, as loose zod schemas: every element allpath does not read
 * passes through untouched (FHIR lets resources carry more than a profile names), and a resource
 * is never rejected for it. A resource whose read elements have the wrong shape is not mapped and
 * is reported with the path of the problem.
 * Spec: https://hl7.org/fhir/R4/ (datatypes.html, patient.html, condition.html, observation.html,
 * medicationrequest.html, medicationadministration.html, medicationstatement.html, procedure.html,
 * diagnosticreport.html, bundle.html).
 */
import { z } from 'zod';

export const Coding = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
export type Coding = z.infer<typeof Coding>;

export const CodeableConcept = z.looseObject({
  coding: z.array(Coding).optional(),
  text: z.string().optional(),
});
export type CodeableConcept = z.infer<typeof CodeableConcept>;

export const Reference = z.looseObject({ reference: z.string().optional(), display: z.string().optional() });
export type Reference = z.infer<typeof Reference>;

export const Quantity = z.looseObject({
  value: z.number().optional(),
  comparator: z.string().optional(),
  unit: z.string().optional(),
  system: z.string().optional(),
  code: z.string().optional(),
});
export type Quantity = z.infer<typeof Quantity>;

export const Period = z.looseObject({ start: z.string().optional(), end: z.string().optional() });
export type Period = z.infer<typeof Period>;

const Meta = z.looseObject({ profile: z.array(z.string()).optional() });

const resource = <T extends string>(type: T) => ({
  resourceType: z.literal(type),
  id: z.string().optional(),
  meta: Meta.optional(),
});

export const AnyResource = z.looseObject({ resourceType: z.string(), id: z.string().optional() });
export type AnyResource = z.infer<typeof AnyResource>;

export const Patient = z.looseObject({
  ...resource('Patient'),
  birthDate: z.string().optional(),
  gender: z.string().optional(),
});
export type Patient = z.infer<typeof Patient>;

export const Condition = z.looseObject({
  ...resource('Condition'),
  clinicalStatus: CodeableConcept.optional(),
  verificationStatus: CodeableConcept.optional(),
  code: CodeableConcept.optional(),
  subject: Reference.optional(),
  onsetDateTime: z.string().optional(),
  onsetPeriod: Period.optional(),
});
export type Condition = z.infer<typeof Condition>;

const valueElements = {
  valueQuantity: Quantity.optional(),
  valueCodeableConcept: CodeableConcept.optional(),
  valueString: z.string().optional(),
  valueInteger: z.number().optional(),
  valueBoolean: z.boolean().optional(),
  interpretation: z.array(CodeableConcept).optional(),
  dataAbsentReason: CodeableConcept.optional(),
};

export const ObservationComponent = z.looseObject({ code: CodeableConcept, ...valueElements });
export type ObservationComponent = z.infer<typeof ObservationComponent>;

export const Observation = z.looseObject({
  ...resource('Observation'),
  status: z.string().optional(),
  code: CodeableConcept,
  subject: Reference.optional(),
  focus: z.array(Reference).optional(),
  effectiveDateTime: z.string().optional(),
  effectivePeriod: Period.optional(),
  effectiveInstant: z.string().optional(),
  issued: z.string().optional(),
  method: CodeableConcept.optional(),
  component: z.array(ObservationComponent).optional(),
  ...valueElements,
});
export type Observation = z.infer<typeof Observation>;

const medicationElements = {
  medicationCodeableConcept: CodeableConcept.optional(),
  medicationReference: Reference.optional(),
  subject: Reference.optional(),
  contained: z.array(z.unknown()).optional(),
};

const Timing = z.looseObject({
  event: z.array(z.string()).optional(),
  repeat: z.looseObject({ boundsPeriod: Period.optional() }).optional(),
});

export const MedicationRequest = z.looseObject({
  ...resource('MedicationRequest'),
  ...medicationElements,
  status: z.string().optional(),
  intent: z.string().optional(),
  authoredOn: z.string().optional(),
  dosageInstruction: z.array(z.looseObject({ timing: Timing.optional() })).optional(),
});
export type MedicationRequest = z.infer<typeof MedicationRequest>;

export const MedicationAdministration = z.looseObject({
  ...resource('MedicationAdministration'),
  ...medicationElements,
  status: z.string().optional(),
  effectiveDateTime: z.string().optional(),
  effectivePeriod: Period.optional(),
});
export type MedicationAdministration = z.infer<typeof MedicationAdministration>;

export const MedicationStatement = z.looseObject({
  ...resource('MedicationStatement'),
  ...medicationElements,
  status: z.string().optional(),
  effectiveDateTime: z.string().optional(),
  effectivePeriod: Period.optional(),
});
export type MedicationStatement = z.infer<typeof MedicationStatement>;

export const Medication = z.looseObject({
  ...resource('Medication'),
  code: CodeableConcept.optional(),
});
export type Medication = z.infer<typeof Medication>;

export const Procedure = z.looseObject({
  ...resource('Procedure'),
  status: z.string().optional(),
  code: CodeableConcept.optional(),
  subject: Reference.optional(),
  performedDateTime: z.string().optional(),
  performedPeriod: Period.optional(),
});
export type Procedure = z.infer<typeof Procedure>;

export const DiagnosticReport = z.looseObject({
  ...resource('DiagnosticReport'),
  status: z.string().optional(),
  code: CodeableConcept.optional(),
  subject: Reference.optional(),
  effectiveDateTime: z.string().optional(),
  effectivePeriod: Period.optional(),
  result: z.array(Reference).optional(),
});
export type DiagnosticReport = z.infer<typeof DiagnosticReport>;

export const Bundle = z.looseObject({
  ...resource('Bundle'),
  type: z.string().optional(),
  entry: z.array(z.looseObject({ fullUrl: z.string().optional(), resource: z.unknown().optional() })).optional(),
});
export type Bundle = z.infer<typeof Bundle>;

/** Every coding of a concept, then its text (as a pseudo-coding without a system). */
export function codingsOf(concept: CodeableConcept | undefined): readonly Coding[] {
  return concept?.coding ?? [];
}
