/**
 * Condition → `conditions[]` (diagnosis family, `system|code`, onset, clinical status).
 *
 * - The first coding allpath maps decides; a Condition carrying an mCODE cancer-condition profile
 *   whose code allpath does not know is `other-cancer` (the profile asserts a cancer).
 * - Status: the resource's clinicalStatus, unless the code itself states remission or relapse
 *   (ICD-10-CM C91.01 / C91.02): then the code wins, with a warning when the two disagree.
 * - A site the code names (lymphoblastic lymphoma nodes, CNS, skin) becomes an extramedullary
 *   finding only while the condition is active, recurrent or relapsed.
 * - Refuted, entered-in-error, provisional and differential diagnoses are not recorded diagnoses.
 */
import { CONDITION_STATUSES, type ConditionStatus } from '../contract/index.js';
import { CONDITION_CLINICAL, CONDITION_VERIFICATION, MCODE_CANCER_PROFILES, canonicalSystem, codeKey, diagnosisOf, type DiagnosisLookup } from '../terminology/index.js';
import type { Context, Entry } from './ingest-context.js';
import { Condition, type Coding } from './resources.js';

const NOT_CONFIRMED = ['refuted', 'entered-in-error', 'provisional', 'differential'];
const ACTIVE: readonly ConditionStatus[] = ['active', 'recurrence', 'relapse'];

function statusOf(condition: Condition): ConditionStatus | undefined {
  const coding = condition.clinicalStatus?.coding?.find((c) => c.system === undefined || canonicalSystem(c.system) === CONDITION_CLINICAL);
  return CONDITION_STATUSES.find((s) => s === coding?.code);
}

function verificationOf(condition: Condition): string | undefined {
  return condition.verificationStatus?.coding?.find((c) => c.system === undefined || canonicalSystem(c.system) === CONDITION_VERIFICATION)?.code;
}

function lookup(codings: readonly Coding[]): { coding: Coding; found: DiagnosisLookup } | undefined {
  const all = codings.map((coding) => ({ coding, found: diagnosisOf(coding.system, coding.code) }));
  return all.find((x) => x.found.kind === 'mapped') ?? all.find((x) => x.found.kind === 'ambiguous');
}

export function ingestCondition(entry: Entry, ctx: Context): void {
  const condition = ctx.read(entry, Condition);
  if (condition === undefined) return;
  if (!ctx.isAboutPatient(condition.subject?.reference)) {
    ctx.unmapped(entry.key, `about another patient (${condition.subject?.reference ?? '?'})`);
    return;
  }
  const codings = condition.code?.coding ?? [];
  const verification = verificationOf(condition);
  if (verification !== undefined && NOT_CONFIRMED.includes(verification)) {
    ctx.unmapped(entry.key, `not a confirmed diagnosis (verificationStatus ${verification})`, codings[0]);
    return;
  }
  const hit = lookup(codings);
  const isMcodeCancer = (condition.meta?.profile ?? []).some((p) => MCODE_CANCER_PROFILES.includes(p.split('|')[0] ?? p));
  let found: DiagnosisLookup = hit?.found ?? { kind: 'unknown' };
  const coding = hit?.coding ?? codings[0];
  if (found.kind === 'unknown' && isMcodeCancer) found = { kind: 'mapped', diagnosis: 'other-cancer' };
  if (found.kind === 'ambiguous') {
    ctx.unmapped(entry.key, found.why, coding);
    return;
  }
  if (found.kind === 'unknown') {
    const why = codings.length === 0 ? 'no coded diagnosis' : 'not a cancer diagnosis allpath knows (code not in its tables, no mCODE cancer-condition profile)';
    ctx.unmapped(entry.key, why, coding ?? condition.code?.text);
    return;
  }

  const onsetText = condition.onsetDateTime ?? condition.onsetPeriod?.start;
  const onset = ctx.day(entry.key, onsetText, 'onset');
  if (onset !== undefined && ctx.afterAsOf(entry.key, onset, 'condition onset')) return;

  const recorded = statusOf(condition);
  let clinicalStatus = recorded;
  if (found.status !== undefined) {
    if (recorded !== undefined && recorded !== found.status) {
      ctx.warn(entry.key, `clinicalStatus "${recorded}" differs from the code's "${found.status}": the code's is used`, coding);
    }
    clinicalStatus = found.status;
  }
  ctx.draft.conditions.push({
    key: entry.key,
    condition: {
      diagnosis: found.diagnosis,
      ...(coding?.code === undefined ? {} : { code: codeKey(coding.system, coding.code) }),
      ...(onset === undefined ? {} : { onset }),
      ...(clinicalStatus === undefined ? {} : { clinicalStatus }),
    },
    statusFromCode: found.status !== undefined,
    ...(found.site !== undefined && clinicalStatus !== undefined && ACTIVE.includes(clinicalStatus) ? { site: found.site } : {}),
  });
  ctx.contributed(entry.key);
}
