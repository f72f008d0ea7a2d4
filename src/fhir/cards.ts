/**
 * An evaluation as CDS Hooks 2.0 cards (patient-view), and order checks as cards with a
 * suggestion to remove the order (order-select / order-sign).
 *
 * Which items become cards, in this order, at most MAX_CARDS:
 *   1. critical alerts (indicator critical)
 *   2. warning alerts, urgent recommendations, then one card listing the urgent missing tests
 *      (indicator warning)
 *   3. other therapy recommendations (indicator info)
 * Alerts come before recommendations of the same indicator because an alert can change what
 * the recommendations mean (a patient under 18, a transfusion threshold crossed). The first
 * card's summary opens with the diagnosis and status. Info alerts, non-therapy routine
 * recommendations and non-urgent missing tests stay in the full evaluation (the case link).
 * No card suggests an order: allpath supports the clinician's decision and orders nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Agent, Alert, Evaluation, Evidence, OrderCheck, Recommendation } from '../contract/index.js';
import { NOTICE } from '../knowledge/index.js';
import type { Card, Indicator, Link, Source, Suggestion } from './cds-hooks.js';
import {
  ACTION_LABELS, agentName, casePhrase, citation, firstSentence, fitting, lowerFirst, upperFirst,
} from './wording.js';

export interface CardOptions {
  /** The allpath page of the case, linked from every card. */
  readonly caseUrl?: string;
  /** Card and suggestion ids; injectable for tests. Default crypto.randomUUID. */
  readonly uuid?: () => string;
}

export const MAX_CARDS = 10;
const SUMMARY_MAX = 140;

/** A card before ids, source and links are attached. */
interface Draft {
  readonly indicator: Indicator;
  /** Summaries from the most to the least informative; the first that fits is used. */
  readonly summaries: readonly string[];
  readonly detail: readonly string[];
  readonly evidence: readonly Evidence[];
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Evaluation text is prose, not markup: escape what GitHub markdown would interpret. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`);
}

function evidenceLines(evidence: readonly Evidence[]): string[] {
  if (evidence.length === 0) return [];
  return ['**Evidence**', '', ...evidence.map((ev) => `- ${citeLine(ev)}`)];
}

/** Non-empty blocks of lines, a blank line between them. */
function blocks(...parts: readonly (readonly string[])[]): string[] {
  return parts.filter((b) => b.length > 0).flatMap((b, i) => (i === 0 ? [...b] : ['', ...b]));
}

function noticeLine(notice: string): string[] {
  return [`*${md(notice)}*`];
}

function citeLine(ev: Evidence): string {
  const c = citation(ev);
  const title = c.url === null ? md(c.title) : `[${md(c.title)}](${c.url})`;
  return `"${md(ev.locator)}": ${title}${c.level === undefined ? '' : `, level of evidence ${md(c.level)}`}`;
}

// ---------------------------------------------------------------------------------------------
// Drafts

function agentsNamed(agents: readonly Agent[] | undefined, label: string): string[] {
  return (agents ?? []).map(agentName).filter((a) => !label.toLowerCase().includes(a));
}

function recommendationDraft(r: Recommendation, notice: string): Draft {
  const label = ACTION_LABELS[r.action];
  const named = r.priority === 'urgent' ? `Urgent: ${lowerFirst(label)}` : r.priority === 'consider' ? `Consider ${lowerFirst(label)}` : label;
  const agents = agentsNamed(r.agents, label);
  const trial = r.trialSearch === undefined ? [] : [`[Trial search (ClinicalTrials.gov API v2 query)](${r.trialSearch.url})`];
  return {
    indicator: r.priority === 'urgent' ? 'warning' : 'info',
    summaries: [...(agents.length > 0 ? [`${named} (${agents.join(', ')})`] : []), named],
    detail: blocks(
      [`**${md(label)}** (${r.priority}, ${r.category}): ${md(r.rationale)}`],
      agents.length > 0 ? [`**Agents:** ${md(agents.join(', '))}`] : [],
      trial,
      evidenceLines(r.evidence),
      noticeLine(notice),
    ),
    evidence: r.evidence,
  };
}

function alertDraft(a: Alert, notice: string): Draft {
  const label = ACTION_LABELS[a.action];
  // "Febrile neutropenia: …" → "Febrile neutropenia: empiric broad-spectrum antibiotics".
  const head = /^([^:]{3,60}):\s/u.exec(a.message)?.[1];
  return {
    indicator: a.severity === 'critical' ? 'critical' : 'warning',
    summaries: [a.message, ...(head === undefined ? [] : [`${head}: ${lowerFirst(label)}`]), firstSentence(a.message), label],
    detail: blocks([`**${md(label)}** (${a.severity}): ${md(a.message)}`], evidenceLines(a.evidence), noticeLine(notice)),
    evidence: a.evidence,
  };
}

function missingDraft(e: Evaluation, notice: string): Draft[] {
  const urgent = e.missing.filter((m) => m.priority === 'urgent');
  if (urgent.length === 0) return [];
  const labels = urgent.map((m) => lowerFirst(ACTION_LABELS[m.action]));
  const items = urgent.flatMap((m) => [
    `- **${md(ACTION_LABELS[m.action])}**: ${md(m.data)}. ${md(m.impact)}`,
    ...m.evidence.map((ev) => `  - ${citeLine(ev)}`),
  ]);
  return [{
    indicator: 'warning',
    summaries: [`Urgent tests missing: ${labels.join('; ')}`, `${urgent.length} urgent tests missing`],
    detail: blocks(['**Urgent tests missing** (results that would change the recommendations)'], items, noticeLine(notice)),
    evidence: urgent.flatMap((m) => m.evidence),
  }];
}

function statusDraft(e: Evaluation, notice: string): Draft {
  return {
    indicator: 'info',
    summaries: ['No urgent action or therapy recommendation.'],
    detail: blocks([...e.diagnosis.reasons, ...e.statusReasons].map((r) => `- ${md(r)}`), noticeLine(notice)),
    evidence: [],
  };
}

/** The drafts in card order; see the module comment. */
function drafts(e: Evaluation): Draft[] {
  const alerts = (severity: Alert['severity']) => e.alerts.filter((a) => a.severity === severity).map((a) => alertDraft(a, e.notice));
  const recommendations = (keep: (r: Recommendation) => boolean) => e.recommendations.filter(keep).map((r) => recommendationDraft(r, e.notice));
  const all = [
    ...alerts('critical'),
    ...alerts('warning'),
    ...recommendations((r) => r.priority === 'urgent'),
    ...missingDraft(e, e.notice),
    ...recommendations((r) => r.priority !== 'urgent' && r.category === 'therapy'),
  ];
  return all.length > 0 ? all : [statusDraft(e, e.notice)];
}

// ---------------------------------------------------------------------------------------------
// Cards

/** The cited document names the card's source: "allpath (<title>)", linked to the document. */
function sourceOf(evidence: readonly Evidence[]): Source {
  const first = evidence[0];
  if (first === undefined) return { label: 'allpath' };
  const c = citation(first);
  return { label: `allpath (${c.title})`, ...(c.url === null ? {} : { url: c.url }) };
}

function caseLinks(options: CardOptions): { links?: Link[] } {
  return options.caseUrl === undefined ? {} : { links: [{ label: 'Open the case in allpath', url: options.caseUrl, type: 'absolute' }] };
}

export function patientViewCards(evaluation: Evaluation, options: CardOptions = {}): Card[] {
  const uuid = options.uuid ?? randomUUID;
  const all = drafts(evaluation);
  const shown = all.slice(0, MAX_CARDS);
  const more = all.length - shown.length;
  const context = casePhrase(evaluation);
  const risk = `risk group ${evaluation.risk.group}${evaluation.risk.provisional ? ' (provisional)' : ''}`;
  return shown.map((d, i): Card => {
    const first = i === 0;
    const summary = first ? fitting(d.summaries.map((s) => `${context}. ${s}`), SUMMARY_MAX) : fitting(d.summaries, SUMMARY_MAX);
    const header = first ? [`**${md(context)}**; phase due: ${evaluation.phase ?? 'none'}; ${risk}.`] : [];
    const footer = first && more > 0 ? [`${more} further item(s) are in the full allpath evaluation.`] : [];
    return {
      uuid: uuid(),
      summary,
      detail: blocks(header, d.detail, footer).join('\n'),
      indicator: d.indicator,
      source: sourceOf(d.evidence),
      ...caseLinks(options),
    };
  });
}

/** `MedicationRequest` from `MedicationRequest`, `MedicationRequest/123` or anything else. */
function resourceType(resource: string): string {
  return /^([A-Z][A-Za-z]+)(?:\/|$)/.exec(resource)?.[1] ?? 'MedicationRequest';
}

export function orderCards(
  checks: readonly OrderCheck[],
  orders: readonly { agent: Agent; resource: string; id?: string }[],
  options: CardOptions = {},
): Card[] {
  const uuid = options.uuid ?? randomUUID;
  return checks.map((check): Card => {
    const drug = agentName(check.agent);
    const message = upperFirst(check.message);
    const named = message.toLowerCase().includes(drug) ? message : `${upperFirst(drug)}: ${message}`;
    const targets = orders.filter((o) => o.agent === check.agent && o.id !== undefined)
      .map((o) => `${resourceType(o.resource)}/${o.id ?? ''}`);
    const suggestions = targets.map((target): Suggestion => ({
      label: targets.length > 1 ? `Remove ${drug} order (${target})` : `Remove ${drug} order`,
      uuid: uuid(),
      actions: [{ type: 'delete', description: `Remove the draft ${drug} order ${target}.`, resourceId: target }],
    }));
    return {
      uuid: uuid(),
      summary: fitting([named, firstSentence(named)], SUMMARY_MAX),
      detail: blocks(
        [`**${md(upperFirst(drug))} order** (${check.severity}): ${md(message)}`],
        [`**Suggestion:** ${md(check.suggestion)}`],
        evidenceLines(check.evidence),
        noticeLine(NOTICE),
      ).join('\n'),
      indicator: check.severity === 'critical' ? 'critical' : check.severity === 'info' ? 'info' : 'warning',
      source: sourceOf(check.evidence),
      ...(suggestions.length === 0 ? {} : { suggestions, selectionBehavior: suggestions.length > 1 ? 'any' as const : 'at-most-one' as const }),
      ...caseLinks(options),
    };
  });
}
