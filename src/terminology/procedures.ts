/**
 * Procedure codes → treatment kinds (contract §4.5). A stem cell transplant maps only where the
 * code says allogeneic or autologous; a code that says neither is reported, not guessed.
 * No citable source for an allogeneic-specific SNOMED CT code was found: that is a gap, and an
 * allogeneic transplant coded only as "hemopoietic stem cell transplant" stays unmapped.
 */
import type { TreatmentKind } from '../contract/index.js';
import { SNOMED, codeKey } from './systems.js';

export type ProcedureLookup =
  | { readonly kind: 'treatment'; readonly treatment: TreatmentKind }
  | { readonly kind: 'not-used'; readonly why: string };

const rows: readonly (readonly [code: string, lookup: ProcedureLookup, source: string])[] = [
  ['425983008', { kind: 'treatment', treatment: 'autologous-hsct' },
    'SNOMED "Autologous peripheral blood stem cell transplant" (parents: Autogenous transplant; Peripheral blood stem cell transplant); third-party SNOMED search table (medium)'],
  ['234336002', { kind: 'not-used', why: 'a stem cell transplant whose code does not say allogeneic or autologous' },
    'SNOMED "Hemopoietic stem cell transplant": fhir-fli/cicada procedures VS; CDC IIS (PHINVS) mapping'],
  ['23719005', { kind: 'not-used', why: 'a bone marrow transplant whose code does not say allogeneic or autologous' },
    'SNOMED "Transplantation of bone marrow": third-party SNOMED tables (child of Hemopoietic stem cell transplant)'],
  ['1217123003', { kind: 'treatment', treatment: 'radiation' },
    'mCODE StructureDefinition-mcode-radiotherapy-course-summary (Procedure.code)'],
  ['1156961008', { kind: 'treatment', treatment: 'car-t' },
    'SNOMED "Chimeric antigen receptor T-cell immunotherapy": fhir-fli/cicada procedures VS (medium)'],
  ['49401003', { kind: 'not-used', why: 'a diagnostic procedure; its results are read from Observations' },
    'ALL_codes_consolidated.csv: Bone marrow aspiration (mCODE brian-l)'],
  ['234326005', { kind: 'not-used', why: 'a diagnostic procedure; its results are read from Observations' },
    'ALL_codes_consolidated.csv: Bone marrow sampling (mCODE brian-l)'],
  ['277762005', { kind: 'not-used', why: 'a diagnostic procedure; its results are read from Observations' },
    'ALL_codes_consolidated.csv: Lumbar puncture (mCODE brian-l)'],
];

const TABLE: ReadonlyMap<string, ProcedureLookup> = new Map(rows.map(([code, lookup]) => [codeKey(SNOMED, code), lookup]));

export function procedureOf(system: string | undefined, code: string | undefined): ProcedureLookup | undefined {
  return TABLE.get(codeKey(system, code));
}
