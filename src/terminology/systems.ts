/**
 * Code system URIs as FHIR writes them, and the one key format the tables use: `system|code`
 * (the form `conditions[].code` takes in the contract). Some systems travel under more than one
 * URI in published examples; `canonicalSystem` folds those spellings together.
 */

export const LOINC = 'http://loinc.org';
export const SNOMED = 'http://snomed.info/sct';
export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const UCUM = 'http://unitsofmeasure.org';
export const HGNC = 'http://www.genenames.org';
export const SEQUENCE_ONTOLOGY = 'http://www.sequenceontology.org';
export const HGVS = 'http://varnomen.hgvs.org';
export const NCIT = 'http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl';
export const V3_INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

/**
 * Spellings seen in published examples for the same system: the mCODE examples write HGNC as
 * `http://www.genenames.org`, the genomics-reporting IG as `http://www.genenames.org/geneId`;
 * Sequence Ontology appears with and without a trailing slash.
 */
const ALIASES: Readonly<Record<string, string>> = {
  'http://www.genenames.org/geneId': HGNC,
  'https://www.genenames.org': HGNC,
  'https://www.genenames.org/geneId': HGNC,
  'http://www.sequenceontology.org/': SEQUENCE_ONTOLOGY,
  'http://www.sequenceontology.org/browser/current_svn/term/': SEQUENCE_ONTOLOGY,
  'http://snomed.info/sct/': SNOMED,
  'http://loinc.org/': LOINC,
};

export function canonicalSystem(system: string): string {
  return ALIASES[system] ?? system;
}

/** `system|code`, with the system folded to its canonical URI. */
export function codeKey(system: string | undefined, code: string | undefined): string {
  return `${system === undefined ? '' : canonicalSystem(system)}|${code ?? ''}`;
}
