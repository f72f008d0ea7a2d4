/**
 * The case form, section by section as the contract has them (contract §1): every input is bound
 * to the contract path it fills, and every list of values comes from the contract's vocabulary.
 * The rows of each list (labs, genetics, treatments…) can be added and removed.
 */
import type { ReactNode } from 'react';
import {
  AGENTS, CELLULARITIES, CONDITION_STATUSES, DONORS, EXTRAMEDULLARY_SITES, FAB_TYPES, GENETIC_FINDINGS, GENETIC_METHODS,
  GENETIC_RESULTS, LAB_TESTS, MARKERS, MARKER_RESULTS, MRD_METHODS, RECORDED_DIAGNOSES, SEXES, SPECIMENS, SYMPTOMS,
  TREATMENT_KINDS, TREATMENT_OUTCOMES, acceptedUnits, type LabTest,
} from '../../../src/contract/index.js';
import { fieldId, labShowsSpecimen } from './draft.js';
import {
  CheckboxGroup, DateField, LinesField, NumberField, SelectField, TextField, YesNoField, useForm, valueAt, words,
} from './fields.js';

const ECOG_OPTIONS = [0, 1, 2, 3, 4].map((n) => ({ value: String(n), label: String(n) }));

function isLabTest(value: unknown): value is LabTest {
  return typeof value === 'string' && (LAB_TESTS as readonly string[]).includes(value);
}

interface RowsProps {
  /** The contract's list: `labs`, `genetics`, … */
  readonly group: string;
  readonly legend: string;
  /** One row, as the user calls it: "lab", "genetic result". */
  readonly noun: string;
  /** The row's first input, focused when a row is added. */
  readonly first: string;
  readonly newRow?: () => Record<string, unknown>;
  readonly intro?: ReactNode;
  readonly children: (base: string, index: number) => ReactNode;
}

/** A list of rows, each a fieldset with its number, an Add button and a Remove button per row. */
function Rows({ group, legend, noun, first, newRow, intro, children }: RowsProps) {
  const form = useForm();
  const value = form.draft[group];
  const rows = Array.isArray(value) ? value : [];
  const add = () => {
    const n = rows.length;
    form.set(`${group}[${n}]`, newRow?.() ?? {});
    // Focus the new row's first input once it is drawn.
    requestAnimationFrame(() => document.getElementById(fieldId(`${group}[${n}].${first}`))?.focus());
  };
  const remove = (i: number) => {
    form.set(`${group}[${i}]`, undefined);
    requestAnimationFrame(() => document.getElementById(fieldId(`${group}-add`))?.focus());
  };
  return (
    <fieldset className="form-section">
      <legend>{legend}</legend>
      {intro}
      {rows.length === 0 ? <p className="muted">None recorded.</p> : null}
      {rows.map((_row, i) => (
        <fieldset className="form-row" key={i}>
          <legend>{`${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${i + 1}`}</legend>
          <div className="form-row-fields">{children(`${group}[${i}]`, i)}</div>
          <button type="button" className="button-quiet row-remove" onClick={() => remove(i)}>
            Remove<span className="visually-hidden"> {noun} {i + 1}</span>
          </button>
        </fieldset>
      ))}
      <button type="button" id={fieldId(`${group}-add`)} onClick={add}>Add a {noun}</button>
    </fieldset>
  );
}

function CaseSection({ isNew }: { readonly isNew: boolean }) {
  return (
    <fieldset className="form-section">
      <legend>Case</legend>
      <div className="form-grid">
        <TextField path="id" label="Case id" hint={isNew ? 'Unique in the registry; cannot be changed later' : 'Fixed for an existing case'} />
        <DateField path="asOf" label="Date of the case (asOf)" hint="What is known on this date" />
        <DateField path="diagnosisDate" label="Diagnosis date" />
      </div>
    </fieldset>
  );
}

function PatientSection() {
  return (
    <fieldset className="form-section">
      <legend>Patient</legend>
      <div className="form-grid">
        <NumberField path="patient.ageYears" label="Age (years)" hint="On the date of the case; or give the birth date" />
        <DateField path="patient.birthDate" label="Birth date" />
        <SelectField path="patient.sex" label="Sex" options={SEXES} blank="— choose —" />
      </div>
    </fieldset>
  );
}

function FindingsSection() {
  return (
    <fieldset className="form-section">
      <legend>Findings on examination</legend>
      <CheckboxGroup path="findings.symptoms" legend="Symptoms" options={SYMPTOMS} />
      <div className="form-grid">
        <NumberField path="findings.temperatureC" label="Temperature (°C)" />
        <DateField path="findings.temperatureDate" label="Temperature taken on" hint="The date of the case when blank" />
      </div>
      <CheckboxGroup path="findings.extramedullary" legend="Extramedullary sites" options={EXTRAMEDULLARY_SITES} />
      <fieldset className="form-subsection">
        <legend>Central nervous system</legend>
        <div className="form-grid">
          <YesNoField path="findings.cns.csfBlasts" label="Blasts in the cerebrospinal fluid" />
          <NumberField path="findings.cns.csfWbcPerUL" label="CSF white cells (per µL)" />
          <YesNoField path="findings.cns.cranialNervePalsy" label="Cranial nerve palsy" />
        </div>
      </fieldset>
    </fieldset>
  );
}

function LabRow({ base }: { readonly base: string }) {
  const form = useForm();
  const row = valueAt(form.draft, base);
  const test = valueAt(form.draft, `${base}.test`);
  const units = isLabTest(test) ? acceptedUnits(test) : [];
  return (
    <>
      <SelectField path={`${base}.test`} label="Test" options={LAB_TESTS} blank="— choose —"
        onChosen={(next) => {
          // Offer the new test's own unit when the current one does not fit it.
          const unit = valueAt(form.draft, `${base}.unit`);
          if (isLabTest(next) && !acceptedUnits(next).includes(String(unit))) form.set(`${base}.unit`, acceptedUnits(next)[0]);
        }} />
      {labShowsSpecimen(row)
        ? <SelectField path={`${base}.specimen`} label="Specimen (blasts)" options={SPECIMENS} blank="— choose —" />
        : <div className="field-spacer" />}
      <NumberField path={`${base}.value`} label="Value" />
      <SelectField path={`${base}.unit`} label="Unit" options={units} blank={units.length === 0 ? '— choose a test first —' : '— choose —'} />
      <DateField path={`${base}.date`} label="Date" />
    </>
  );
}

function MarrowRow({ base }: { readonly base: string }) {
  return (
    <>
      <DateField path={`${base}.date`} label="Date" />
      <NumberField path={`${base}.blastPercent`} label="Blasts (%)" />
      <SelectField path={`${base}.cellularity`} label="Cellularity" options={CELLULARITIES} />
      <SelectField path={`${base}.fab`} label="FAB morphology" options={FAB_TYPES} />
      <YesNoField path={`${base}.vacuolatedBlasts`} label="Vacuolated blasts" />
      <YesNoField path={`${base}.starrySky`} label="Starry-sky pattern" />
    </>
  );
}

function ImmunophenotypeSection() {
  return (
    <fieldset className="form-section">
      <legend>Immunophenotype</legend>
      <div className="form-grid">
        <DateField path="immunophenotype.date" label="Date" />
      </div>
      <div className="marker-grid">
        {MARKERS.map((m) => (
          <SelectField key={m} path={`immunophenotype.markers.${m}`} label={m} options={MARKER_RESULTS} blank="not tested" />
        ))}
      </div>
    </fieldset>
  );
}

function GeneticsRow({ base }: { readonly base: string }) {
  return (
    <>
      <SelectField path={`${base}.finding`} label="Finding" options={GENETIC_FINDINGS} blank="— choose —" />
      <SelectField path={`${base}.result`} label="Result" options={GENETIC_RESULTS} blank="— choose —" />
      <SelectField path={`${base}.method`} label="Method" options={GENETIC_METHODS} />
      <TextField path={`${base}.detail`} label="Detail (e.g. p190)" />
      <DateField path={`${base}.date`} label="Date" />
    </>
  );
}

function TreatmentRow({ base }: { readonly base: string }) {
  return (
    <>
      <SelectField path={`${base}.kind`} label="Kind" options={TREATMENT_KINDS} blank="— choose —" />
      <DateField path={`${base}.start`} label="Start" />
      <DateField path={`${base}.end`} label="End" />
      <SelectField path={`${base}.outcome`} label="Outcome" options={TREATMENT_OUTCOMES} />
      <CheckboxGroup path={`${base}.agents`} legend="Agents" options={AGENTS} className="wide" />
    </>
  );
}

function MrdRow({ base }: { readonly base: string }) {
  return (
    <>
      <DateField path={`${base}.date`} label="Date" />
      <NumberField path={`${base}.percent`} label="MRD (%)" />
      <SelectField path={`${base}.method`} label="Method" options={MRD_METHODS} />
    </>
  );
}

function ConditionRow({ base }: { readonly base: string }) {
  return (
    <>
      <SelectField path={`${base}.diagnosis`} label="Diagnosis" options={RECORDED_DIAGNOSES} blank="— choose —" />
      <TextField path={`${base}.code`} label="Code (system|code)" />
      <DateField path={`${base}.onset`} label="Onset" />
      <SelectField path={`${base}.clinicalStatus`} label="Clinical status" options={CONDITION_STATUSES} />
    </>
  );
}

function CareSection() {
  return (
    <fieldset className="form-section">
      <legend>Donor, performance, comorbidities and preferences</legend>
      <div className="form-grid">
        <SelectField path="transplant.donor" label="Transplant donor" options={DONORS.map((d) => ({ value: d, label: words(d) }))} />
        <SelectField path="performance.ecog" label="ECOG performance status" options={ECOG_OPTIONS} parse={Number} />
        <YesNoField path="preferences.declinesIntensiveTherapy" label="Declines intensive therapy" />
      </div>
      <LinesField path="comorbidities" label="Comorbidities" hint="One per line" />
    </fieldset>
  );
}

/** Every section of the case, in the contract's order. */
export function CaseFields({ isNew, asOf }: { readonly isNew: boolean; readonly asOf: string | undefined }) {
  const dated = () => (asOf === undefined ? {} : { date: asOf });
  return (
    <>
      <CaseSection isNew={isNew} />
      <PatientSection />
      <FindingsSection />
      <Rows group="labs" legend="Labs" noun="lab" first="test" newRow={dated}>{(base) => <LabRow base={base} />}</Rows>
      <Rows group="marrow" legend="Bone marrow aspirates" noun="marrow aspirate" first="date" newRow={dated}>
        {(base) => <MarrowRow base={base} />}
      </Rows>
      <ImmunophenotypeSection />
      <Rows group="genetics" legend="Genetics" noun="genetic result" first="finding" newRow={dated}>
        {(base) => <GeneticsRow base={base} />}
      </Rows>
      <Rows group="treatments" legend="Treatments" noun="treatment" first="kind">{(base) => <TreatmentRow base={base} />}</Rows>
      <Rows group="mrd" legend="Measurable residual disease (MRD)" noun="MRD result" first="date" newRow={dated}>
        {(base) => <MrdRow base={base} />}
      </Rows>
      <CareSection />
      <Rows group="conditions" legend="Diagnoses recorded elsewhere" noun="recorded diagnosis" first="diagnosis"
        intro={<p className="field-hint">Used only where the case has no marrow or immunophenotype of its own.</p>}>
        {(base) => <ConditionRow base={base} />}
      </Rows>
    </>
  );
}
