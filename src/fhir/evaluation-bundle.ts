/**
 * An evaluation as a FHIR R4 Bundle (type collection), for an EHR or a FHIR store:
 *
 * - RequestGroup (intent proposal, status draft): one action per recommendation, with title,
 *   description (the rationale), priority and the cited passages as RelatedArtifact citations.
 *   R4 requires each action to have a resource or sub-actions (rqg-1); as allpath orders nothing,
 *   each action's resource is a CommunicationRequest (intent proposal) that conveys the
 *   recommendation to the treating team, never a MedicationRequest or ServiceRequest.
 * - RiskAssessment (status final): the risk group as the prediction, the factors as its basis.
 * - DetectedIssue per alert: severity, message, the cited documents as evidence.
 * - DocumentReference per document the alerts cite, so that evidence references resolve.
 *
 * Deterministic: ids are name-based UUIDs of the case, date, knowledge version and `issued`
 * (default: the evaluation's asOf), so the same evaluation gives the same bundle.
 */
import { createHash } from 'node:crypto';
import type { Alert, Evaluation, Evidence, Recommendation, RiskFactor } from '../contract/index.js';
import { SOURCES } from '../knowledge/index.js';
import { ACTION_LABELS, agentName, casePhrase, citation } from './wording.js';

export interface BundleOptions {
  /** e.g. `Patient/123`; without it resources name the case in a display-only reference. */
  readonly patientReference?: string;
  /** When the evaluation was issued (FHIR date or dateTime); default the evaluation's asOf. */
  readonly issued?: string;
}

type Json = Record<string, unknown>;

/** Code system of allpath's action ids (contract §3). */
export const ACTION_SYSTEM = 'https://allpath.dev/fhir/CodeSystem/action';
const EVALUATION_SYSTEM = 'https://allpath.dev/fhir/evaluation';

const PRIORITY: Readonly<Record<Recommendation['priority'], 'urgent' | 'routine'>> = {
  urgent: 'urgent', routine: 'routine', consider: 'routine',
};
const ISSUE_SEVERITY: Readonly<Record<Alert['severity'], 'high' | 'moderate' | 'low'>> = {
  critical: 'high', warning: 'moderate', info: 'low',
};

/** A name-based (version 5 layout, SHA-1) UUID: the same name always gives the same id. */
function nameUuid(name: string): string {
  const h = createHash('sha1').update(name).digest('hex').slice(0, 32).split('');
  h[12] = '5';
  h[16] = ((Number.parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function concept(action: Recommendation['action']): Json {
  return { coding: [{ system: ACTION_SYSTEM, code: action, display: ACTION_LABELS[action] }], text: ACTION_LABELS[action] };
}

function relatedArtifact(ev: Evidence): Json {
  const c = citation(ev);
  return {
    type: 'citation',
    citation: c.text,
    ...(c.url === null ? {} : { url: c.url }),
    ...(c.level === undefined ? {} : { display: `Level of evidence ${c.level}` }),
  };
}

function titleOf(r: Recommendation): string {
  const label = ACTION_LABELS[r.action];
  const agents = (r.agents ?? []).map(agentName).filter((a) => !label.toLowerCase().includes(a));
  return agents.length === 0 ? label : `${label} (${agents.join(', ')})`;
}

function factorText(f: RiskFactor): string {
  return `${f.detail} (${f.present === 'unknown' ? 'unknown' : f.present ? 'present' : 'absent'})`;
}

function riskRationale(e: Evaluation): string {
  const present = e.risk.factors.filter((f) => f.present === true).map((f) => f.detail);
  const unknown = e.risk.factors.filter((f) => f.present === 'unknown').map((f) => f.detail);
  return [
    `Risk group ${e.risk.group}${present.length === 0 ? '.' : `: ${present.join('; ')}.`}`,
    ...(unknown.length === 0 ? [] : [`Not known: ${unknown.join('; ')}.`]),
    ...(e.risk.provisional ? ['Provisional: response to induction (time to remission, MRD) is not yet assessable.'] : []),
  ].join(' ');
}

export function evaluationToBundle(evaluation: Evaluation, options: BundleOptions = {}): Record<string, unknown> {
  const e = evaluation;
  const issued = options.issued ?? e.asOf;
  const seed = [e.caseId, e.asOf, e.knowledgeVersion, issued, options.patientReference ?? ''].join('|');
  const idOf = (key: string) => nameUuid(`${seed}|${key}`);
  const subject: Json = options.patientReference === undefined
    ? { display: `allpath case ${e.caseId}` }
    : { reference: options.patientReference };
  const notice = { text: e.notice };

  const ref = (key: string) => `urn:uuid:${idOf(key)}`;
  const entry = (key: string, resource: Json): Json => ({ fullUrl: ref(key), resource: { resourceType: resource['resourceType'], id: idOf(key), ...resource } });

  const requestGroup = entry('request-group', {
    resourceType: 'RequestGroup',
    status: 'draft',
    intent: 'proposal',
    subject,
    authoredOn: issued,
    note: [notice, { text: `${casePhrase(e)}. allpath knowledge ${e.knowledgeVersion}, evaluated as of ${e.asOf}.` }],
    ...(e.recommendations.length === 0 ? {} : {
      action: e.recommendations.map((r) => ({
        id: r.id,
        title: titleOf(r),
        description: r.rationale,
        priority: PRIORITY[r.priority],
        code: [concept(r.action)],
        documentation: r.evidence.map(relatedArtifact),
        resource: { reference: ref(`communication-request/${r.id}`) },
      })),
    }),
  });

  const proposals = e.recommendations.map((r) => entry(`communication-request/${r.id}`, {
    resourceType: 'CommunicationRequest',
    status: 'draft',
    intent: 'proposal',
    priority: PRIORITY[r.priority],
    subject,
    authoredOn: issued,
    payload: [{ contentString: `${titleOf(r)}: ${r.rationale}` }],
  }));

  const riskAssessment = entry('risk-assessment', {
    resourceType: 'RiskAssessment',
    status: 'final',
    code: { text: 'Adult ALL prognostic risk group' },
    method: { text: `allpath knowledge ${e.knowledgeVersion}` },
    subject,
    occurrenceDateTime: e.asOf,
    basis: e.risk.factors.map((f) => ({ display: factorText(f) })),
    prediction: [{
      outcome: { text: 'Relapse and survival after treatment of adult ALL' },
      qualitativeRisk: { text: `${e.risk.group} risk${e.risk.provisional ? ' (provisional)' : ''}` },
      rationale: riskRationale(e),
    }],
    note: [notice],
  });

  const issues = e.alerts.map((a) => {
    const authority = a.evidence.map((ev) => SOURCES[ev.source].url).find((u) => u !== null);
    return entry(`detected-issue/${a.id}`, {
      resourceType: 'DetectedIssue',
      status: 'final',
      code: concept(a.action),
      severity: ISSUE_SEVERITY[a.severity],
      patient: subject,
      identifiedDateTime: issued,
      detail: a.message,
      ...(authority === undefined ? {} : { reference: authority }),
      evidence: a.evidence.map((ev) => ({ detail: [{ reference: ref(`document/${ev.source}`), display: citation(ev).text }] })),
    });
  });

  // The documents the alerts cite, once each, so that every evidence reference resolves.
  const cited = [...new Set(e.alerts.flatMap((a) => a.evidence.map((ev) => ev.source)))];
  const documents = cited.map((name) => {
    const s = SOURCES[name];
    return entry(`document/${name}`, {
      resourceType: 'DocumentReference',
      status: 'current',
      description: s.title,
      author: [{ display: s.publisher }],
      content: [{ attachment: { title: s.title, ...(s.url === null ? {} : { url: s.url }) } }],
    });
  });

  return {
    resourceType: 'Bundle',
    id: idOf('bundle'),
    identifier: { system: EVALUATION_SYSTEM, value: `${e.caseId}/${e.asOf}/${e.knowledgeVersion}` },
    type: 'collection',
    // Bundle.timestamp is an instant: set only when `issued` carries a time and zone.
    ...(INSTANT.test(issued) ? { timestamp: issued } : {}),
    entry: [requestGroup, ...proposals, riskAssessment, ...issues, ...documents],
  };
}
