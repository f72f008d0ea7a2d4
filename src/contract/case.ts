/**
 * The case: what is known about one patient on one date (contract §1). Strict objects, so a
 * misspelt field is an error rather than a silently dropped result. Cross-field checks (units per
 * test, dates not after asOf, age from birthDate) run once over the whole case so that every
 * problem is reported together.
 */
import { z } from 'zod';
import { ageAt, isCalendarDate } from './dates.js';
import { describeFound } from './issues.js';
import { LAB_TESTS, acceptedUnits, type LabTest } from './units.js';
import {
  AGENTS, CELLULARITIES, CONDITION_STATUSES, RECORDED_DIAGNOSES, DONORS, EXTRAMEDULLARY_SITES, FAB_TYPES, GENETIC_FINDINGS,
  GENETIC_METHODS, GENETIC_RESULTS, MARKERS, MARKER_RESULTS, MRD_METHODS, SEXES, SPECIMENS,
  SYMPTOMS, TREATMENT_KINDS, TREATMENT_OUTCOMES,
} from './vocabulary.js';

export const CalendarDate = z
  .string()
  .refine(isCalendarDate, { params: { expected: 'a calendar date YYYY-MM-DD' } })
  .describe('A calendar date, YYYY-MM-DD');

const percent = z.number().min(0).max(100);

export const Patient = z.strictObject({
  ageYears: z.number().min(0).max(130).optional().describe('Age in years on asOf'),
  birthDate: CalendarDate.optional(),
  sex: z.enum(SEXES),
});

export const CnsFindings = z.strictObject({
  csfBlasts: z.boolean().optional().describe('Blasts seen in cerebrospinal fluid'),
  csfWbcPerUL: z.number().min(0).optional(),
  cranialNervePalsy: z.boolean().optional(),
});

export const Findings = z
  .strictObject({
    symptoms: z.array(z.enum(SYMPTOMS)).optional(),
    temperatureC: z.number().min(25).max(45).optional(),
    temperatureDate: CalendarDate.optional().describe('When the temperature was taken; asOf when absent'),
    extramedullary: z.array(z.enum(EXTRAMEDULLARY_SITES)).optional(),
    cns: CnsFindings.optional(),
  })
  .describe('The patient as examined on asOf');

export const Lab = z.strictObject({
  test: z.enum(LAB_TESTS),
  specimen: z.enum(SPECIMENS).optional().describe('Required for blasts, not allowed otherwise'),
  value: z.number(),
  unit: z.string(),
  date: CalendarDate,
});

export const MarrowAspirate = z.strictObject({
  date: CalendarDate,
  blastPercent: percent.optional(),
  cellularity: z.enum(CELLULARITIES).optional(),
  fab: z.enum(FAB_TYPES).optional(),
  vacuolatedBlasts: z.boolean().optional(),
  starrySky: z.boolean().optional(),
});

export const Immunophenotype = z.strictObject({
  date: CalendarDate.optional(),
  markers: z.partialRecord(z.enum(MARKERS), z.enum(MARKER_RESULTS)),
});

export const GeneticTestResult = z.strictObject({
  finding: z.enum(GENETIC_FINDINGS),
  result: z.enum(GENETIC_RESULTS),
  method: z.enum(GENETIC_METHODS).optional(),
  detail: z.string().optional(),
  date: CalendarDate.optional(),
});

export const Treatment = z.strictObject({
  kind: z.enum(TREATMENT_KINDS),
  agents: z.array(z.enum(AGENTS)).optional(),
  start: CalendarDate,
  end: CalendarDate.optional(),
  outcome: z.enum(TREATMENT_OUTCOMES).optional(),
});

export const MrdResult = z.strictObject({
  date: CalendarDate,
  percent,
  method: z.enum(MRD_METHODS).optional(),
});

/** A diagnosis recorded elsewhere; used only where the case has no marrow or immunophenotype of its own. */
export const RecordedCondition = z.strictObject({
  diagnosis: z.enum(RECORDED_DIAGNOSES),
  code: z.string().optional().describe('system|code as recorded, e.g. http://hl7.org/fhir/sid/icd-10-cm|C91.00'),
  onset: CalendarDate.optional(),
  clinicalStatus: z.enum(CONDITION_STATUSES).optional(),
});

export const Case = z
  .strictObject({
    id: z.string().min(1),
    asOf: CalendarDate,
    patient: Patient,
    diagnosisDate: CalendarDate.optional(),
    conditions: z.array(RecordedCondition).optional(),
    findings: Findings.optional(),
    labs: z.array(Lab).optional(),
    marrow: z.array(MarrowAspirate).optional(),
    immunophenotype: Immunophenotype.optional(),
    genetics: z.array(GeneticTestResult).optional(),
    treatments: z.array(Treatment).optional(),
    mrd: z.array(MrdResult).optional(),
    transplant: z.strictObject({ donor: z.enum(DONORS) }).optional(),
    performance: z.strictObject({ ecog: z.number().int().min(0).max(4) }).optional(),
    comorbidities: z.array(z.string()).optional(),
    preferences: z.strictObject({ declinesIntensiveTherapy: z.boolean().optional() }).optional(),
  })
  .superRefine(checkCase);

export type Case = z.infer<typeof Case>;
export type Lab = z.infer<typeof Lab>;
export type Treatment = z.infer<typeof Treatment>;
export type GeneticTestResult = z.infer<typeof GeneticTestResult>;

type Ctx = z.RefinementCtx;

function problem(ctx: Ctx, path: (string | number)[], expected: string, found: string): void {
  ctx.addIssue({ code: 'custom', path, params: { expected, found }, message: `expected ${expected}, found ${found}` });
}

/**
 * Checks that need more than one field. Runs once every field has its type; a date that is not a
 * calendar day already has its issue and is compared with nothing (`"yesterday"` is not also
 * "after asOf").
 */
function checkCase(c: Case, ctx: Ctx): void {
  const { patient, asOf } = c;
  const day = (date: string | undefined): date is string => date !== undefined && isCalendarDate(date);
  const asOfKnown = day(asOf);
  const birthDate = day(patient.birthDate) && asOfKnown ? patient.birthDate : undefined;
  if (patient.ageYears === undefined && patient.birthDate === undefined) {
    problem(ctx, ['patient', 'ageYears'], 'ageYears or birthDate', 'neither');
  }
  if (birthDate !== undefined && birthDate > asOf) {
    problem(ctx, ['patient', 'birthDate'], `a date on or before asOf ${asOf}`, describeFound(birthDate));
  } else if (birthDate !== undefined && patient.ageYears !== undefined) {
    const age = ageAt(birthDate, asOf);
    if (Math.floor(patient.ageYears) !== age) {
      problem(ctx, ['patient', 'ageYears'], `${age} (from birthDate at asOf)`, String(patient.ageYears));
    }
  }
  const notAfterAsOf = (date: string | undefined, path: (string | number)[]) => {
    if (asOfKnown && day(date) && date > asOf) problem(ctx, path, `a date on or before asOf ${asOf}`, describeFound(date));
  };
  notAfterAsOf(c.diagnosisDate, ['diagnosisDate']);
  notAfterAsOf(c.immunophenotype?.date, ['immunophenotype', 'date']);
  notAfterAsOf(c.findings?.temperatureDate, ['findings', 'temperatureDate']);
  c.conditions?.forEach((x, i) => notAfterAsOf(x.onset, ['conditions', i, 'onset']));
  c.labs?.forEach((lab, i) => {
    notAfterAsOf(lab.date, ['labs', i, 'date']);
    checkLab(lab, i, ctx);
  });
  c.marrow?.forEach((m, i) => notAfterAsOf(m.date, ['marrow', i, 'date']));
  c.genetics?.forEach((g, i) => notAfterAsOf(g.date, ['genetics', i, 'date']));
  c.mrd?.forEach((m, i) => notAfterAsOf(m.date, ['mrd', i, 'date']));
  c.treatments?.forEach((t, i) => {
    notAfterAsOf(t.start, ['treatments', i, 'start']);
    if (day(t.end) && day(t.start) && t.end < t.start) {
      problem(ctx, ['treatments', i, 'end'], `a date on or after start ${t.start}`, describeFound(t.end));
    }
  });
}

function checkLab(lab: Lab, i: number, ctx: Ctx): void {
  const units = acceptedUnits(lab.test as LabTest);
  if (!units.includes(lab.unit)) {
    problem(ctx, ['labs', i, 'unit'], `one of ${units.join(', ')} for ${lab.test}`, describeFound(lab.unit));
  }
  if (lab.test === 'blasts' && lab.specimen === undefined) {
    problem(ctx, ['labs', i, 'specimen'], `one of ${SPECIMENS.join(', ')} for blasts`, 'nothing');
  }
  if (lab.test !== 'blasts' && lab.specimen !== undefined) {
    problem(ctx, ['labs', i, 'specimen'], `no specimen for ${lab.test} (only blasts take one)`, JSON.stringify(lab.specimen));
  }
  if (lab.value < 0 || (lab.test === 'blasts' && lab.value > 100)) {
    const range = lab.test === 'blasts' ? 'a percentage from 0 to 100' : 'a value of 0 or more';
    problem(ctx, ['labs', i, 'value'], range, String(lab.value));
  }
}
