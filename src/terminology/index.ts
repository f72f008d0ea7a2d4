/** LOINC, SNOMED CT, ICD-10-CM, RxNorm, HGNC and UCUM → the contract vocabulary: data and lookups. */
export * from './systems.js';
export { observationMeaning, observationRows, type ObservationMeaning } from './observations.js';
export {
  answerOf, geneOf, isStructuralChange, methodOf, isAbl1T315I, isNormalKaryotype, COMPONENTS, GENES,
  type Answer, type Gene,
} from './genetics.js';
export { diagnosisOf, isFullRemission, MCODE_CANCER_PROFILES, ALL_FAMILY, type DiagnosisLookup } from './diagnoses.js';
export { agentOfRxNorm, agentByName } from './rxnorm.js';
export { procedureOf, type ProcedureLookup } from './procedures.js';
export { courseKind, CAR_T, GROWTH_FACTORS, TKIS } from './regimens.js';
export { toContractUnit, toCelsius, toPerMicrolitre, normalizeUcum } from './ucum.js';
