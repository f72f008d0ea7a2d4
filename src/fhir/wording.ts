/**
 * Display wording shared by the CDS Hooks cards and the FHIR evaluation bundle: names for action
 * ids and agents, the diagnosis and status as a phrase, citations. Translation only: every
 * judgement comes from the evaluation.
 */
import type { ActionId, Agent, Evaluation, Evidence } from '../contract/index.js';
import { SOURCES } from '../knowledge/index.js';

/** One name per action id (contract §3); a new action id fails to compile until it is named. */
export const ACTION_LABELS: Readonly<Record<ActionId, string>> = {
  'cbc-differential': 'Complete blood count with differential',
  'peripheral-smear': 'Peripheral blood smear',
  'bone-marrow-aspirate-biopsy': 'Bone marrow aspirate and biopsy',
  'flow-cytometry': 'Flow cytometry immunophenotyping',
  cytogenetics: 'Cytogenetics (karyotype)',
  'bcr-abl1-testing': 'BCR::ABL1 testing (RT-PCR or FISH)',
  'kmt2a-testing': 'KMT2A rearrangement testing',
  'myc-testing': 'MYC rearrangement testing',
  'lumbar-puncture': 'Lumbar puncture with CSF cytology',
  'mrd-assessment': 'Measurable residual disease (MRD) assessment',
  'cd19-testing': 'CD19 testing',
  'cd22-testing': 'CD22 testing',
  'hla-typing': 'HLA typing',
  'ecg-qtc': 'ECG with QTc',
  electrolytes: 'Electrolytes',
  'liver-function-tests': 'Liver function tests',
  'chemistry-panel': 'Chemistry panel for tumor lysis',
  'coagulation-tests': 'Coagulation tests (fibrinogen, DIC screen)',
  'abl1-mutation-testing': 'ABL1 kinase-domain mutation testing',
  'induction-chemotherapy': 'Remission induction chemotherapy',
  'dose-reduced-induction': 'Dose-reduced induction',
  tki: 'BCR::ABL1 tyrosine kinase inhibitor',
  'burkitt-regimen': 'Burkitt-type regimen',
  'cyclophosphamide-containing-regimen': 'Cyclophosphamide-containing regimen',
  'cns-prophylaxis': 'CNS prophylaxis',
  'cns-directed-therapy': 'CNS-directed therapy',
  'consolidation-chemotherapy': 'Consolidation chemotherapy',
  'maintenance-chemotherapy': 'Maintenance chemotherapy',
  'allogeneic-hsct': 'Allogeneic stem cell transplant',
  'autologous-hsct': 'Autologous stem cell transplant',
  'reinduction-chemotherapy': 'Reinduction chemotherapy',
  blinatumomab: 'Blinatumomab',
  'inotuzumab-ozogamicin': 'Inotuzumab ozogamicin',
  'car-t': 'CAR T-cell therapy',
  nelarabine: 'Nelarabine',
  revumenib: 'Revumenib (menin inhibitor)',
  'palliative-radiation': 'Palliative radiation',
  'clinical-trial': 'Clinical trial',
  'palliative-care': 'Palliative care',
  'empiric-broad-spectrum-antibiotics': 'Empiric broad-spectrum antibiotics',
  'prophylactic-antibiotics': 'Prophylactic antibiotics',
  'antifungal-antiviral-prophylaxis': 'Antifungal and antiviral prophylaxis',
  'rbc-transfusion': 'Red blood cell transfusion',
  'platelet-transfusion': 'Platelet transfusion',
  'avoid-donor-transfusion': 'No blood products from potential donors',
  'myeloid-growth-factor': 'Myeloid growth factor',
  'infection-precautions': 'Infection precautions',
  'monitor-neuropathy': 'Monitor for neuropathy',
  'monitor-cerebellar-toxicity': 'Monitor for cerebellar toxicity',
  'monitor-crs': 'Monitor for cytokine release syndrome',
  'monitor-neurotoxicity': 'Monitor for neurotoxicity',
  'monitor-hepatotoxicity-vod': 'Monitor for hepatotoxicity and veno-occlusive disease',
  'monitor-qtc': 'Monitor QTc',
  'monitor-differentiation-syndrome': 'Monitor for differentiation syndrome',
  'monitor-infusion-reaction': 'Monitor for infusion reactions',
  'monitor-liver-enzymes': 'Monitor liver enzymes',
  'monitor-blood-counts': 'Monitor blood counts',
  'tumor-lysis-prophylaxis': 'Tumor lysis prophylaxis',
  'late-effects-follow-up': 'Late-effects follow-up',
  'antiemetic-prophylaxis': 'Antiemetic prophylaxis',
  'pediatric-guidance': 'Pediatric guidance applies',
  'experienced-center-referral': 'Referral to an experienced center',
};

/** `inotuzumab-ozogamicin` → `inotuzumab ozogamicin`. */
export function agentName(agent: Agent): string {
  return agent.replace(/-/g, ' ');
}

/** Lower-cases a leading capital unless it starts an acronym (CNS, BCR::ABL1, HLA). */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The diagnosis as clinicians say it: `Ph-positive B-ALL`, `T-ALL`, `Burkitt-type mature B-ALL`. */
export function diagnosisPhrase(e: Evaluation): string {
  const d = e.diagnosis;
  const ph = d.philadelphia === 'positive' ? 'Ph-positive ' : d.philadelphia === 'negative' ? 'Ph-negative ' : '';
  const lineage = d.subtype === 'T' || d.lineage === 'T' ? 'T' : d.subtype === 'unknown' && d.lineage === 'unknown' ? '' : 'B';
  switch (d.leukemia) {
    case 'ALL':
      if (d.subtype === 'mature-B-burkitt') return 'Burkitt-type mature B-ALL';
      if (lineage === 'T') return d.philadelphia === 'positive' ? 'Ph-positive T-ALL' : 'T-ALL';
      if (lineage === 'B') return d.philadelphia === 'unknown' ? 'B-ALL, Ph unknown' : `${ph}B-ALL`;
      return 'ALL, lineage unknown';
    case 'lymphoblastic-lymphoma':
      return lineage === '' ? 'Lymphoblastic lymphoma' : `${lineage}-lymphoblastic lymphoma`;
    case 'not-ALL':
      return 'Not ALL by the criteria evaluated';
    case 'unknown':
      return 'Diagnosis not established';
  }
}

const STATUS_PHRASES: Readonly<Record<Evaluation['status'], string>> = {
  untreated: 'untreated',
  'on-induction': 'on induction',
  remission: 'in remission',
  recurrent: 'relapsed',
  refractory: 'refractory',
  unknown: 'status unknown',
};

/** `untreated`, `in remission, consolidation due`, `relapsed`. */
export function statusPhrase(e: Evaluation): string {
  const status = STATUS_PHRASES[e.status];
  return e.status === 'remission' && e.phase !== null ? `${status}, ${e.phase} due` : status;
}

/** `Ph-positive B-ALL, untreated`. */
export function casePhrase(e: Evaluation): string {
  return `${diagnosisPhrase(e)}, ${statusPhrase(e)}`;
}

export interface Citation {
  readonly title: string;
  readonly url: string | null;
  /** `<title>: "<locator>"`. */
  readonly text: string;
  readonly level: string | undefined;
}

export function citation(ev: Evidence): Citation {
  const source = SOURCES[ev.source];
  return { title: source.title, url: source.url, text: `${source.title}: "${ev.locator}"`, level: ev.level };
}

/**
 * At most `max` characters, cut at a word boundary with an ellipsis; trailing punctuation that
 * would dangle before the ellipsis is dropped.
 */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const room = flat.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  const cut = space >= max / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:(\-–—]+$/u, '')}…`;
}

/** The first candidate that fits in `max` characters, else the last one truncated. */
export function fitting(candidates: readonly string[], max: number): string {
  const flat = candidates.map((c) => c.replace(/\s+/g, ' ').trim()).filter((c) => c !== '');
  return flat.find((c) => c.length <= max) ?? truncate(flat.at(-1) ?? '', max);
}

/** The text up to and including the first full stop followed by a space, or all of it. */
export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])\s/u.exec(text);
  return m?.[1] ?? text;
}
