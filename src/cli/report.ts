/**
 * The evaluation laid out as a tumor-board summary, independent of the output format: the text
 * and markdown reports render this one layout, so they cannot drift apart. Order only, no
 * judgement: the engine already lists alerts by severity and recommendations by priority.
 */
import type { Evaluation, Evidence, RiskFactor } from '../contract/index.js';
import { SOURCES } from '../knowledge/index.js';

/** How loudly an entry's tag is shown. */
export type Tone = 'alarm' | 'caution' | 'plain';

export interface Entry {
  readonly tag?: { readonly text: string; readonly tone: Tone };
  /** The action or factor id, so a reader can find the rule. */
  readonly title?: string;
  readonly text: string;
  readonly notes: readonly string[];
  /** Where to look further (a trial search); rendered as a link where the format has links. */
  readonly links: readonly { readonly label: string; readonly url: string }[];
  readonly evidence: readonly Evidence[];
}

export interface Section {
  readonly heading: string;
  readonly fields: readonly (readonly [label: string, value: string])[];
  readonly entries: readonly Entry[];
  /** Said when there are no entries, so an empty section is not mistaken for a missing one. */
  readonly none: string;
}

export interface Report {
  readonly caseId: string;
  readonly asOf: string;
  readonly knowledgeVersion: string;
  readonly notice: string;
  readonly sections: readonly Section[];
}

const reason = (text: string): Entry => ({ text, notes: [], links: [], evidence: [] });

function diagnosis(e: Evaluation): Section {
  const d = e.diagnosis;
  return {
    heading: 'Diagnosis',
    fields: [['Leukemia', d.leukemia], ['Lineage', d.lineage], ['Subtype', d.subtype], ['Philadelphia', d.philadelphia], ['KMT2A', d.kmt2a]],
    entries: d.reasons.map(reason),
    none: 'No reasons recorded.',
  };
}

function status(e: Evaluation): Section {
  return {
    heading: 'Status',
    fields: [['Status', e.status], ['Phase due', e.phase ?? 'none']],
    entries: e.statusReasons.map(reason),
    none: 'No reasons recorded.',
  };
}

function factor(f: RiskFactor): Entry {
  // Unknown is not absent: it is shown as loudly as a factor that is present.
  const [text, tone]: [string, Tone] = f.present === 'unknown' ? ['unknown', 'caution'] : f.present ? ['present', 'caution'] : ['absent', 'plain'];
  return { tag: { text, tone }, title: f.id, text: f.detail, notes: [], links: [], evidence: [] };
}

function risk(e: Evaluation): Section {
  const group = e.risk.provisional ? `${e.risk.group} (provisional: response to induction not yet assessable)` : e.risk.group;
  return { heading: 'Risk', fields: [['Group', group]], entries: e.risk.factors.map(factor), none: 'No risk factors assessed.' };
}

function alerts(e: Evaluation): Section {
  return {
    heading: 'Alerts',
    fields: [],
    entries: e.alerts.map((a) => ({
      tag: { text: a.severity, tone: a.severity === 'critical' ? 'alarm' : a.severity === 'warning' ? 'caution' : 'plain' },
      title: a.action, text: a.message, notes: [], links: [], evidence: a.evidence,
    })),
    none: 'None.',
  };
}

function recommendations(e: Evaluation): Section {
  return {
    heading: 'Recommendations',
    fields: [],
    entries: e.recommendations.map((r) => ({
      tag: { text: r.priority, tone: r.priority === 'urgent' ? 'caution' : 'plain' },
      title: r.action,
      text: r.rationale,
      notes: [`Category: ${r.category}`, ...(r.agents === undefined ? [] : [`Agents: ${r.agents.join(', ')}`])],
      links: r.trialSearch === undefined ? [] : [{ label: 'Trial search (ClinicalTrials.gov API v2)', url: r.trialSearch.url }],
      evidence: r.evidence,
    })),
    none: 'None.',
  };
}

function missing(e: Evaluation): Section {
  return {
    heading: 'Missing tests',
    fields: [],
    entries: e.missing.map((m) => ({
      tag: { text: m.priority, tone: m.priority === 'urgent' ? 'caution' : 'plain' },
      title: m.action, text: m.data, notes: [`Impact: ${m.impact}`], links: [], evidence: m.evidence,
    })),
    none: 'None.',
  };
}

export function layOut(e: Evaluation): Report {
  // A critical alert must be read before any recommendation it may change.
  const critical = e.alerts.some((a) => a.severity === 'critical');
  const actions = critical ? [alerts(e), recommendations(e)] : [recommendations(e), alerts(e)];
  return {
    caseId: e.caseId,
    asOf: e.asOf,
    knowledgeVersion: e.knowledgeVersion,
    notice: e.notice,
    sections: [diagnosis(e), status(e), risk(e), ...actions, missing(e)],
  };
}

/** A citation as a reader finds it: the source's title, the verbatim phrase, the level if any. */
export function cite(e: Evidence): { readonly title: string; readonly url: string | null; readonly quote: string } {
  const source = SOURCES[e.source];
  return { title: source.title, url: source.url, quote: `"${e.locator}"${e.level === undefined ? '' : ` (level ${e.level})`}` };
}
