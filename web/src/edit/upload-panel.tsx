/**
 * The case form's file upload: a case or an example document fills the form; a FHIR Bundle is
 * sent to the server as it is (POST /api/cases, or PUT for the case being edited) and read for
 * the chosen date, with the server's issues or OperationOutcome messages shown when it refuses.
 */
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, errorText } from '../api.js';
import { calendarDate, type Draft } from './draft.js';
import { readUpload } from './upload.js';

export interface UploadProps {
  readonly caseId: string | undefined;
  /** A contract case (or an example document's case): it fills the form. */
  readonly onCase: (data: Draft, note: string) => void;
  /** A FHIR Bundle the server stored. */
  readonly onStored: (caseId: string, version: number) => void;
}

/** A file that fills the form, or a FHIR Bundle sent to the server as it is. */
export function Upload({ caseId, onCase, onStored }: UploadProps) {
  const [asOf, setAsOf] = useState(calendarDate(new Date()));
  const [problems, setProblems] = useState<readonly { path?: string; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => setProblems([]), [caseId]);

  const read = async (file: File) => {
    setProblems([]);
    setStatus('');
    const doc = readUpload(await file.text());
    if (doc.kind === 'unreadable') {
      setProblems([{ message: doc.message }]);
      return;
    }
    if (doc.kind === 'case') {
      const renamed = caseId !== undefined && doc.data['id'] !== caseId ? ` Its id was set to ${caseId}, the case being edited.` : '';
      onCase(doc.data, `Filled the form from ${file.name}${doc.fromExample ? ' (the case of an example document)' : ''}. Check it and save.${renamed}`);
      return;
    }
    setBusy(true);
    setStatus(`Sending ${file.name} to the server…`);
    try {
      const saved = caseId === undefined
        ? await api.createCase({ bundle: doc.bundle, asOf })
        : await api.updateCase(caseId, { bundle: doc.bundle, asOf });
      setStatus('');
      onStored(saved.case.caseId, saved.case.version);
    } catch (e) {
      setStatus('');
      setProblems(e instanceof ApiError && e.issues.length > 0 ? e.issues.map((i) => ({ path: i.path, message: i.message })) : [{ message: errorText(e) }]);
    } finally {
      setBusy(false);
      if (input.current !== null) input.current.value = '';
    }
  };

  return (
    <fieldset className="form-section upload">
      <legend>Fill from a file</legend>
      <p className="field-hint" id="upload-hint">
        A case in the contract's JSON or an example document <code>{'{case, expect}'}</code> fills the form. A FHIR R4 Bundle is
        sent to the server as it is, read for the date below, and {caseId === undefined ? 'stored as a new case (named by its Patient\'s id)' : `stored as a new version of ${caseId}`}.
      </p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="upload-file">JSON file</label>
          <input id="upload-file" ref={input} type="file" accept=".json,application/json,application/fhir+json" aria-describedby="upload-hint"
            disabled={busy} onChange={(e) => { const f = e.target.files?.[0]; if (f !== undefined) void read(f); }} />
        </div>
        <div className="field">
          <label htmlFor="upload-asof">Read a FHIR Bundle for</label>
          <input id="upload-asof" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </div>
      </div>
      <p role="status" className="muted">{status}</p>
      {problems.length === 0 ? null : (
        <div className="error-box" role="alert">
          <p><strong>The file was not accepted:</strong></p>
          <ul>{problems.map((p, n) => <li key={n}>{p.path === undefined ? null : <><code>{p.path}</code>: </>}{p.path === undefined ? p.message : p.message.replace(`${p.path}: `, '')}</li>)}</ul>
        </div>
      )}
    </fieldset>
  );
}
