/**
 * Edit a case (PUT /api/cases/:id: every save is a new version) or add one (POST /api/cases).
 * The form is the contract's case, field by field; on every change the draft is validated by the
 * contract's own parser and each issue is shown beside the input its path names (issues that name
 * no input are listed at the top). A file can fill the form (a case or an example document), or,
 * if it is a FHIR Bundle, be sent to the server as it is.
 */
import { useCallback, useMemo, useRef, useState, type FormEvent } from 'react';
import { parseCase, type Issue } from '../../../src/contract/index.js';
import { api, ApiError, type CaseVersion } from '../api.js';
import { CaseNav } from '../components/CaseNav.js';
import { ErrorBox, Loading } from '../components/Feedback.js';
import { useTitle } from '../components/Layout.js';
import { useLoad } from '../load.js';
import { casePath, href, navigate } from '../router.js';
import { canWrite, useSession } from '../session.js';
import { CaseFields } from '../edit/case-form.js';
import { calendarDate, emptyDraft, fieldId, fieldPathsOf, issueText, normalizeDraft, placeIssues, type Draft } from '../edit/draft.js';
import { FormContext, type FormState } from '../edit/fields.js';
import { parsePath, setAt } from '../edit/json-path.js';
import { Upload } from '../edit/upload-panel.js';
import '../edit/edit.css';

export interface EditCaseProps {
  /** Undefined for a new case. */
  readonly caseId?: string | undefined;
}

export function EditCase({ caseId }: EditCaseProps) {
  const title = caseId === undefined ? 'New case' : `Edit ${caseId}`;
  useTitle(title);
  const { me } = useSession();
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      {caseId === undefined ? null : <CaseNav caseId={caseId} current="edit" />}
      {!canWrite(me.role)
        ? <p className="note">Your role ({me.role}) may read cases but not add or change them.</p>
        : caseId === undefined ? <CaseEditor initial={emptyDraft(calendarDate(new Date()))} /> : <LoadedEditor caseId={caseId} />}
    </>
  );
}

function LoadedEditor({ caseId }: { readonly caseId: string }) {
  const loaded = useLoad((signal) => api.getCase(caseId, undefined, signal), [caseId]);
  if (loaded.state === 'loading') return <Loading what="the case" />;
  if (loaded.state === 'error') return <ErrorBox error={loaded.error} onRetry={loaded.reload} />;
  return <CaseEditor key={loaded.data.version} caseId={caseId} stored={loaded.data} initial={loaded.data.case} onReload={loaded.reload} />;
}

interface EditorProps {
  /** Undefined for a new case. */
  readonly caseId?: string;
  readonly stored?: CaseVersion;
  readonly initial: Draft;
  /** Loads the latest version again (after a FHIR Bundle stored a new one). */
  readonly onReload?: () => void;
}

type Notice = { readonly kind: 'success' | 'info'; readonly text: string; readonly version?: number; readonly reload?: boolean };

function CaseEditor({ caseId, stored, initial, onReload }: EditorProps) {
  const isNew = caseId === undefined;
  const [draft, setDraft] = useState<Draft>(initial);
  const [formKey, setFormKey] = useState(0);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  // An existing case is shown with every issue at once; a new one as each field is touched.
  const [showAll, setShowAll] = useState(!isNew);
  const [serverIssues, setServerIssues] = useState<readonly Issue[]>([]);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState(stored?.version);
  const summaryRef = useRef<HTMLHeadingElement>(null);

  const parsed = useMemo(() => parseCase(normalizeDraft(draft)), [draft]);
  const placed = useMemo(
    () => placeIssues([...(parsed.ok ? [] : parsed.issues), ...serverIssues], fieldPathsOf(draft)),
    [parsed, serverIssues, draft],
  );
  const visible = useCallback((path: string) => showAll || touched.has(path), [showAll, touched]);
  const shownPlaced = [...placed.byField.entries()].filter(([path]) => visible(path));
  const problemCount = placed.unplaced.length + shownPlaced.reduce((n, [, list]) => n + list.length, 0);
  const total = placed.unplaced.length + [...placed.byField.values()].reduce((n, list) => n + list.length, 0);

  const set = useCallback((path: string, value: unknown) => {
    setDraft((d) => setAt(d, parsePath(path), value) as Draft);
    setTouched((t) => (t.has(path) ? t : new Set([...t, path])));
    setServerIssues([]);
    setNotice(undefined);
  }, []);
  const touch = useCallback((path: string) => setTouched((t) => (t.has(path) ? t : new Set([...t, path]))), []);
  const form: FormState = useMemo(() => ({
    draft, set, touch,
    issuesAt: (path: string) => (visible(path) ? placed.byField.get(path) ?? [] : []),
    readOnly: isNew ? [] : ['id'],
  }), [draft, set, touch, visible, placed, isNew]);

  const showSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  /** A whole new draft (an upload, a discard): inputs are drawn afresh. */
  const replaceDraft = (next: Draft, all: boolean) => {
    setDraft(next);
    setFormKey((k) => k + 1);
    setTouched(new Set());
    setShowAll(all);
    setServerIssues([]);
    setFailure(undefined);
  };

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.issues.length > 0) {
      setServerIssues(e.issues);
      showSummary();
    } else if (e instanceof ApiError && e.status === 409) {
      const said = /[.!?]$/.test(e.message) ? e.message : `${e.message}.`;
      setServerIssues([{ code: 'conflict', path: 'id', message: `id: ${said} Choose another id, or edit that case.` }]);
      showSummary();
    } else {
      setFailure(e);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setShowAll(true);
    setFailure(undefined);
    if (!parsed.ok) {
      showSummary();
      return;
    }
    setSaving(true);
    try {
      if (caseId === undefined) {
        const r = await api.createCase(parsed.value);
        navigate(casePath(r.case.caseId));
        return;
      }
      const r = await api.updateCase(caseId, parsed.value);
      setVersion(r.case.version);
      setNotice({ kind: 'success', text: `Saved as version ${r.case.version}.`, version: r.case.version });
    } catch (e) {
      fail(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormContext.Provider value={form}>
      {isNew ? null : (
        <p className="lead">
          Editing version {version} of {caseId} ({stored?.author}, {stored === undefined ? '' : new Date(stored.createdAt).toLocaleString()}).
          Saving stores the whole case again as a new version; earlier versions stay in the <a href={href(casePath(caseId, 'history'))}>history</a>.
        </p>
      )}
      <Upload caseId={caseId} onCase={(data, note) => {
        replaceDraft(caseId === undefined ? data : { ...data, id: caseId }, true);
        setNotice({ kind: 'info', text: note });
        showSummary();
      }} onStored={(id, v) => {
        if (isNew) navigate(casePath(id));
        else setNotice({ kind: 'success', text: `The FHIR Bundle was stored as version ${v}; the form still shows the version before it.`, version: v, reload: true });
      }} />

      {notice === undefined ? null : (
        <p className={notice.kind === 'success' ? 'success-box' : 'note'} role="status">
          {notice.text}
          {notice.version === undefined || caseId === undefined ? null : (
            <> <a href={href(casePath(caseId))}>Open the case</a> · <a href={href(casePath(caseId, 'history'))}>History</a></>
          )}
          {notice.reload === true && onReload !== undefined ? (
            <> <button type="button" onClick={onReload}>Edit version {notice.version}</button></>
          ) : null}
        </p>
      )}

      <div className={`issue-summary${problemCount === 0 ? ' issue-summary-empty' : ''}`} aria-labelledby="issue-summary-h">
        <h2 id="issue-summary-h" tabIndex={-1} ref={summaryRef}>
          {problemCount === 0
            ? (parsed.ok ? 'The case satisfies the contract.' : `${total} ${total === 1 ? 'problem' : 'problems'} in fields not yet filled in`)
            : `${problemCount} ${problemCount === 1 ? 'problem' : 'problems'} to fix`}
        </h2>
        {problemCount === 0 ? null : (
          <ul>
            {placed.unplaced.map((i, n) => (
              <li key={`u${n}`}>
                <code>{i.path}</code>: {issueText(i)}
                {i.code === 'unknown_field' ? (
                  <> <button type="button" className="button-quiet" onClick={() => set(i.path, undefined)}>
                    Remove the field<span className="visually-hidden"> {i.path}</span>
                  </button></>
                ) : null}
              </li>
            ))}
            {shownPlaced.flatMap(([path, list]) => list.map((i, n) => (
              <li key={`${path}-${n}`}>
                <button type="button" className="link-button" onClick={() => document.getElementById(fieldId(path))?.focus()}>
                  <code>{i.path}</code>
                </button>: {issueText(i)}
              </li>
            )))}
          </ul>
        )}
      </div>

      <form className="case-form" noValidate onSubmit={(e) => void submit(e)} aria-label={isNew ? 'New case' : `Case ${caseId}`}>
        <div key={formKey}>
          <CaseFields isNew={isNew} asOf={typeof draft['asOf'] === 'string' ? draft['asOf'] : undefined} />
        </div>
        {failure === undefined ? null : <ErrorBox error={failure} />}
        <div className="button-row form-actions">
          <button type="submit" className="button-primary" disabled={saving}>
            {saving ? 'Saving…' : isNew ? 'Add the case' : 'Save as a new version'}
          </button>
          <button type="button" onClick={() => { replaceDraft(initial, !isNew); setNotice(undefined); }} disabled={saving}>
            {isNew ? 'Clear the form' : 'Discard changes'}
          </button>
          {isNew ? <a href={href('/')}>Cancel</a> : <a href={href(casePath(caseId))}>Back to the case</a>}
        </div>
      </form>
    </FormContext.Provider>
  );
}
