/**
 * What-if: change a copy of the case (Ph status, CD19, CD22, KMT2A, donor, age, ECOG) and see,
 * beside the case as recorded, what the evaluation would say (POST /api/evaluate: nothing is
 * stored). Items that appear or disappear are labelled in words. Saving the copy as a new version
 * (PUT /api/cases/:id) happens only on request, after a confirmation.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { parseCase, DONORS, type Case, type Evaluation, type Issue } from '../../../src/contract/index.js';
import { api, type CaseVersion } from '../api.js';
import { CaseNav } from '../components/CaseNav.js';
import { ErrorBox, Loading } from '../components/Feedback.js';
import { useTitle } from '../components/Layout.js';
import { useLoad } from '../load.js';
import { casePath, href } from '../router.js';
import { canWrite, useSession } from '../session.js';
import { KMT2A_LABEL, PH_LABEL } from '../words.js';
import { ChangesAtAGlance, EvaluationColumn, HeadlineChanges } from '../edit/compare.js';
import { diffEvaluations, summarizeDiff } from '../edit/diff.js';
import { fieldId, issueText, numberFromInput } from '../edit/draft.js';
import { cloneJson, setAt } from '../edit/json-path.js';
import {
  ECOG_GRADES, KMT2A_CHOICES, KMT2A_LABELS, MARKER_CHOICES, MARKER_LABELS, PH_CHOICES, PH_LABELS,
  applyWhatIf, describeChoices, hasChoices, type WhatIfChoices,
} from '../edit/what-if.js';
import '../edit/edit.css';

export interface WhatIfProps {
  readonly caseId: string;
  /** The version to start from; the latest when undefined. */
  readonly version?: number | undefined;
}

interface Base {
  readonly stored: CaseVersion;
  /** The case as recorded, evaluated now (so both columns use the same knowledge). */
  readonly evaluation: Evaluation;
  readonly latest: number;
}

async function loadBase(caseId: string, version: number | undefined, signal: AbortSignal): Promise<Base> {
  const stored = await api.getCase(caseId, version, signal);
  const [evaluation, latest] = await Promise.all([
    api.evaluate(stored.case, signal),
    version === undefined ? Promise.resolve(stored.version) : api.getCase(caseId, undefined, signal).then((v) => v.version),
  ]);
  return { stored, evaluation, latest };
}

export function WhatIf({ caseId, version }: WhatIfProps) {
  useTitle(`What if: ${caseId}`);
  const loaded = useLoad((signal) => loadBase(caseId, version, signal), [caseId, version]);
  const [saved, setSaved] = useState<number | undefined>(undefined);
  return (
    <>
      <h1 tabIndex={-1}>What if: {caseId}</h1>
      <CaseNav caseId={caseId} current="whatif" version={version} />
      <p className="lead">
        Change a copy of the case and compare what allpath would say. Nothing is stored unless you ask to save the copy as a
        new version.
      </p>
      {saved === undefined ? null : (
        <p className="success-box" role="status">
          Saved as version {saved}. <a href={href(casePath(caseId))}>Open the case</a> ·{' '}
          <a href={href(casePath(caseId, 'history'))}>History</a>
        </p>
      )}
      {loaded.state === 'loading' ? <Loading what="the case" /> : null}
      {loaded.state === 'error' ? <ErrorBox error={loaded.error} onRetry={loaded.reload} /> : null}
      {loaded.state === 'done' ? (
        <Workbench key={`${loaded.data.stored.version}-${saved ?? 0}`} caseId={caseId} base={loaded.data}
          onSaved={(v) => { setSaved(v); loaded.reload(); }} />
      ) : null}
    </>
  );
}

type Result =
  | { readonly state: 'idle' }
  | { readonly state: 'evaluating' }
  | { readonly state: 'done'; readonly evaluation: Evaluation }
  | { readonly state: 'error'; readonly error: unknown };

/** The what-if copy as the controls make it, or the contract's issues with it (an age that is not a number). */
function whatIfCase(original: Case, choices: WhatIfChoices, ageText: string): { ok: true; value: Case } | { ok: false; issues: readonly Issue[] } {
  const age = numberFromInput(ageText);
  const applied = applyWhatIf(original, typeof age === 'number' ? { ...choices, ageYears: age } : choices);
  const candidate = typeof age === 'string'
    ? setAt(setAt(cloneJson(applied), ['patient', 'birthDate'], undefined), ['patient', 'ageYears'], age)
    : applied;
  const parsed = parseCase(candidate);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, issues: parsed.issues };
}

function Workbench({ caseId, base, onSaved }: { readonly caseId: string; readonly base: Base; readonly onSaved: (version: number) => void }) {
  const { me } = useSession();
  const original = base.stored.case;
  const [choices, setChoices] = useState<WhatIfChoices>({});
  const [ageText, setAgeText] = useState('');
  const [result, setResult] = useState<Result>({ state: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const uid = useId();

  const changed = hasChoices(choices) || ageText.trim() !== '';
  const copy = useMemo(() => whatIfCase(original, choices, ageText), [original, choices, ageText]);

  // Evaluate the copy shortly after the last change; a newer change cancels the older request.
  useEffect(() => {
    if (!changed || !copy.ok) {
      setResult({ state: 'idle' });
      return undefined;
    }
    const controller = new AbortController();
    setResult({ state: 'evaluating' });
    const timer = setTimeout(() => {
      api.evaluate(copy.value, controller.signal).then(
        (evaluation) => { if (!controller.signal.aborted) setResult({ state: 'done', evaluation }); },
        (error: unknown) => { if (!controller.signal.aborted) setResult({ state: 'error', error }); },
      );
    }, 250);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [changed, copy]);

  useEffect(() => { if (confirming) confirmRef.current?.focus(); }, [confirming]);

  const whatIf = changed ? (result.state === 'done' ? result.evaluation : undefined) : base.evaluation;
  const diff = whatIf === undefined ? undefined : diffEvaluations(base.evaluation, whatIf);
  const lines = [...describeChoices(choices), ...(ageText.trim() === '' ? [] : [`Age: ${ageText.trim()} years`])];
  const ageIssues = copy.ok ? [] : copy.issues.filter((i) => i.path === 'patient.ageYears');
  const otherIssues = copy.ok ? [] : copy.issues.filter((i) => i.path !== 'patient.ageYears');

  const set = <K extends keyof WhatIfChoices>(key: K, value: WhatIfChoices[K] | undefined) => {
    setChoices((c) => {
      const next = { ...c };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
    setConfirming(false);
  };
  const reset = () => { setChoices({}); setAgeText(''); setConfirming(false); setSaveError(undefined); };

  const save = async () => {
    if (!copy.ok) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      const r = await api.updateCase(caseId, copy.value);
      onSaved(r.case.version);
    } catch (e) {
      setSaveError(e);
      setSaving(false);
    }
  };

  const marker = (m: 'CD19' | 'CD22') => original.immunophenotype?.markers[m] ?? 'not tested';
  const p = original.patient;
  const recordedAge = p.ageYears !== undefined ? `${p.ageYears} years` : p.birthDate !== undefined ? `born ${p.birthDate}` : 'not recorded';

  return (
    <>
      {base.stored.version === base.latest ? null : (
        <p className="note">Starting from version {base.stored.version}; the latest is version {base.latest}. Saving adds a new latest version.</p>
      )}
      <form className="whatif-controls" onSubmit={(e) => e.preventDefault()} aria-describedby={`${uid}-help`}>
        <fieldset>
          <legend>Change a copy of the case</legend>
          <p className="field-hint" id={`${uid}-help`}>
            Each control starts at the case as recorded (version {base.stored.version}, as of {original.asOf}). A Ph result replaces the
            recorded BCR::ABL1 and t(9;22) results, a KMT2A result the KMT2A and t(4;11) results, dated {original.asOf}; untested
            removes them.
          </p>
          <div className="form-grid">
            <Choice id={`${uid}-ph`} label="Philadelphia (BCR::ABL1)" recorded={`${PH_LABEL[base.evaluation.diagnosis.philadelphia]} (as evaluated)`}
              value={choices.philadelphia} options={PH_CHOICES.map((c) => ({ value: c, label: PH_LABELS[c] }))}
              onChange={(v) => set('philadelphia', PH_CHOICES.find((c) => c === v))} />
            <Choice id={`${uid}-cd19`} label="CD19" recorded={marker('CD19')}
              value={choices.cd19} options={MARKER_CHOICES.map((c) => ({ value: c, label: MARKER_LABELS[c] }))}
              onChange={(v) => set('cd19', MARKER_CHOICES.find((c) => c === v))} />
            <Choice id={`${uid}-cd22`} label="CD22" recorded={marker('CD22')}
              value={choices.cd22} options={MARKER_CHOICES.map((c) => ({ value: c, label: MARKER_LABELS[c] }))}
              onChange={(v) => set('cd22', MARKER_CHOICES.find((c) => c === v))} />
            <Choice id={`${uid}-kmt2a`} label="KMT2A" recorded={`${KMT2A_LABEL[base.evaluation.diagnosis.kmt2a]} (as evaluated)`}
              value={choices.kmt2a} options={KMT2A_CHOICES.map((c) => ({ value: c, label: KMT2A_LABELS[c] }))}
              onChange={(v) => set('kmt2a', KMT2A_CHOICES.find((c) => c === v))} />
            <Choice id={`${uid}-donor`} label="Transplant donor" recorded={(original.transplant?.donor ?? 'not recorded').replace(/-/g, ' ')}
              value={choices.donor} options={[...DONORS, 'not-recorded' as const].map((d) => ({ value: d, label: d.replace(/-/g, ' ') }))}
              onChange={(v) => set('donor', v === 'not-recorded' ? 'not-recorded' : DONORS.find((d) => d === v))} />
            <Choice id={`${uid}-ecog`} label="ECOG performance status" recorded={original.performance === undefined ? 'not recorded' : String(original.performance.ecog)}
              value={choices.ecog === undefined ? undefined : String(choices.ecog)}
              options={[...ECOG_GRADES.map((g) => ({ value: String(g), label: String(g) })), { value: 'not-recorded', label: 'not recorded' }]}
              onChange={(v) => set('ecog', v === undefined ? undefined : v === 'not-recorded' ? 'not-recorded' : Number(v))} />
            <div className={`field${ageIssues.length > 0 ? ' field-invalid' : ''}`}>
              <label htmlFor={fieldId('whatif.age')}>Age (years){ageText.trim() === '' ? null : <span className="visually-hidden"> (changed)</span>}</label>
              <span className="field-hint" id={fieldId('whatif.age', 'hint')}>Recorded: {recordedAge}; blank keeps it</span>
              <input id={fieldId('whatif.age')} type="text" inputMode="numeric" autoComplete="off" value={ageText}
                aria-invalid={ageIssues.length > 0 ? true : undefined}
                aria-describedby={[fieldId('whatif.age', 'hint'), ageIssues.length > 0 ? fieldId('whatif.age', 'error') : ''].join(' ').trim()}
                onChange={(e) => { setAgeText(e.target.value); setConfirming(false); }} />
              {ageIssues.length > 0 ? (
                <p className="field-error" id={fieldId('whatif.age', 'error')}>
                  <span aria-hidden="true">⚠ </span>{ageIssues.map((i) => issueText(i)).join('; ')}
                </p>
              ) : null}
            </div>
          </div>
          <div className="button-row">
            <button type="button" onClick={reset} disabled={!changed}>Reset to the case as recorded</button>
          </div>
        </fieldset>
      </form>

      {otherIssues.length > 0 ? (
        <div className="error-box" role="alert">
          <p><strong>The what-if copy breaks the contract:</strong></p>
          <ul>{otherIssues.map((i, n) => <li key={n}><code>{i.path}</code>: {issueText(i)}</li>)}</ul>
        </div>
      ) : null}
      {result.state === 'error' ? <ErrorBox error={result.error} /> : null}

      <section aria-labelledby={`${uid}-cmp`} className="section">
        <h2 id={`${uid}-cmp`} className="visually-hidden">Comparison</h2>
        <p role="status" aria-live="polite" className="compare-summary">
          {!changed ? 'No change chosen: both columns show the case as recorded.'
            : !copy.ok ? 'The what-if copy breaks the contract: fix the marked control.'
            : result.state === 'evaluating' ? 'Evaluating the what-if copy…'
              : diff === undefined ? '' : `What would change: ${summarizeDiff(diff)}`}
        </p>
        {diff === undefined ? null : (
          <div className="glance">
            <HeadlineChanges fields={diff.fields} caption="Values that change in the what-if copy" />
            <ChangesAtAGlance diff={diff} caption="Recommendations and alerts that change in the what-if copy" />
          </div>
        )}
        <div className="compare-grid">
          <EvaluationColumn id={`${uid}-before`} title="As recorded" subtitle={`Version ${base.stored.version}, evaluated now`}
            evaluation={base.evaluation} diff={diff} side="before" />
          {whatIf === undefined ? (
            <section className="compare-column" aria-labelledby={`${uid}-after-h`}>
              <h2 id={`${uid}-after-h`}>What if</h2>
              <p className="muted">{result.state === 'evaluating' ? 'Evaluating…' : 'No evaluation: the copy breaks the contract.'}</p>
            </section>
          ) : (
            <EvaluationColumn id={`${uid}-after`} title="What if" subtitle={lines.length === 0 ? 'No change' : lines.join(' · ')}
              evaluation={whatIf} diff={diff} side="after" />
          )}
        </div>
      </section>

      {canWrite(me.role) && changed && copy.ok ? (
        <section className="section save-whatif" aria-labelledby={`${uid}-save`}>
          <h2 id={`${uid}-save`}>Keep this copy?</h2>
          {!confirming ? (
            <button type="button" onClick={() => setConfirming(true)}>Save as new version…</button>
          ) : (
            <div className="confirm-panel" role="group" aria-labelledby={`${uid}-confirm`}>
              <h3 id={`${uid}-confirm`} tabIndex={-1} ref={confirmRef}>Save the what-if copy as version {base.latest + 1} of {caseId}?</h3>
              <p>This changes the record: the copy becomes the latest version. Earlier versions stay in the history.</p>
              <ul>{lines.map((l) => <li key={l}>{l}</li>)}</ul>
              {saveError === undefined ? null : <ErrorBox error={saveError} />}
              <div className="button-row">
                <button type="button" className="button-primary" onClick={() => void save()} disabled={saving}>
                  {saving ? 'Saving…' : 'Yes, save as new version'}
                </button>
                <button type="button" onClick={() => setConfirming(false)} disabled={saving}>Cancel</button>
              </div>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}

interface ChoiceProps {
  readonly id: string;
  readonly label: string;
  readonly recorded: string;
  readonly value: string | undefined;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly onChange: (value: string | undefined) => void;
}

/** One what-if control: "as recorded" first, then the alternatives; what is recorded is said under the label. */
function Choice({ id, label, recorded, value, options, onChange }: ChoiceProps) {
  return (
    <div className={`field${value === undefined ? '' : ' field-changed'}`}>
      <label htmlFor={id}>{label}{value === undefined ? null : <span className="visually-hidden"> (changed)</span>}</label>
      <span className="field-hint" id={`${id}-hint`}>Recorded: {recorded}</span>
      <select id={id} value={value ?? ''} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
        <option value="">As recorded</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {value === undefined ? null : <span className="changed-tag" aria-hidden="true">Changed in the copy</span>}
    </div>
  );
}
