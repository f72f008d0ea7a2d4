/**
 * The case form's inputs. Each is bound to one JSON path of the draft, carries a visible label,
 * and shows the contract's issues for that path beside it (aria-invalid, aria-describedby), so a
 * message reads as the parser wrote it and a screen reader hears it with the input.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Issue } from '../../../src/contract/index.js';
import {
  booleanFromChoice, choiceFromBoolean, fieldId, issueText, linesFromInput, numberFromInput, textFromInput, toggleIn, type Draft,
} from './draft.js';
import { getAt, parsePath } from './json-path.js';

export interface FormState {
  readonly draft: Draft;
  /** Sets the value at a path; `undefined` removes it. */
  readonly set: (path: string, value: unknown) => void;
  /** The issues shown for a field (none until it is touched, unless every issue is shown). */
  readonly issuesAt: (path: string) => readonly Issue[];
  readonly touch: (path: string) => void;
  readonly readOnly?: readonly string[];
}

export const FormContext = createContext<FormState | null>(null);

export function useForm(): FormState {
  const form = useContext(FormContext);
  if (form === null) throw new Error('a case field outside the case form');
  return form;
}

export function valueAt(draft: Draft, path: string): unknown {
  return getAt(draft, parsePath(path));
}

/** Wording for a vocabulary value in a list: the value itself, hyphens as spaces where it is a word. */
export function words(value: string): string {
  return /^[a-z]+(-[a-z0-9]+)*$/.test(value) ? value.replace(/-/g, ' ') : value;
}

interface FieldProps {
  readonly path: string;
  readonly label: string;
  /** A short note under the label (units, what blank means). */
  readonly hint?: string;
  readonly className?: string;
}

/** The id of the message element(s) that describe an input, if any. */
function describedBy(path: string, hint: boolean, issues: readonly Issue[]): string | undefined {
  const ids = [hint ? fieldId(path, 'hint') : '', issues.length > 0 ? fieldId(path, 'error') : ''].filter((s) => s !== '');
  return ids.length === 0 ? undefined : ids.join(' ');
}

export function FieldIssues({ path, issues }: { readonly path: string; readonly issues: readonly Issue[] }) {
  if (issues.length === 0) return null;
  return (
    <p className="field-error" id={fieldId(path, 'error')}>
      {issues.map((i, n) => (
        <span key={n} className="field-error-line"><span aria-hidden="true">⚠ </span>{issueText(i)}</span>
      ))}
    </p>
  );
}

function Shell({ path, label, hint, className, issues, children }: FieldProps & { readonly issues: readonly Issue[]; readonly children: ReactNode }) {
  return (
    <div className={`field${issues.length > 0 ? ' field-invalid' : ''}${className === undefined ? '' : ` ${className}`}`}>
      <label htmlFor={fieldId(path)}>{label}</label>
      {hint === undefined ? null : <span className="field-hint" id={fieldId(path, 'hint')}>{hint}</span>}
      {children}
      <FieldIssues path={path} issues={issues} />
    </div>
  );
}

function inputProps(form: FormState, path: string, hint: string | undefined) {
  const issues = form.issuesAt(path);
  return {
    issues,
    props: {
      id: fieldId(path),
      name: path,
      'aria-invalid': issues.length > 0 ? true : undefined,
      'aria-describedby': describedBy(path, hint !== undefined, issues),
      onBlur: () => form.touch(path),
      readOnly: form.readOnly?.includes(path),
    },
  };
}

export function TextField({ path, label, hint, className }: FieldProps) {
  const form = useForm();
  const value = valueAt(form.draft, path);
  const { issues, props } = inputProps(form, path, hint);
  return (
    <Shell path={path} label={label} hint={hint} className={className} issues={issues}>
      <input type="text" {...props} value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
        onChange={(e) => form.set(path, textFromInput(e.target.value))} />
    </Shell>
  );
}

/**
 * A number as typed: the draft holds the number (or the text, when it is not one, so the contract
 * can say so); the box keeps what was typed, so "38." is not rewritten to "38" mid-word.
 */
export function NumberField({ path, label, hint, className }: FieldProps) {
  const form = useForm();
  const value = valueAt(form.draft, path);
  const shown = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const [text, setText] = useState(shown);
  useEffect(() => {
    // The draft changed from elsewhere (an upload, a reset): show it, unless it is what is typed.
    if (numberFromInput(text) !== value) setText(shown);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown]);
  const { issues, props } = inputProps(form, path, hint);
  return (
    <Shell path={path} label={label} hint={hint} className={className} issues={issues}>
      <input type="text" inputMode="decimal" autoComplete="off" {...props} value={text}
        onChange={(e) => { setText(e.target.value); form.set(path, numberFromInput(e.target.value)); }} />
    </Shell>
  );
}

export function DateField({ path, label, hint, className }: FieldProps) {
  const form = useForm();
  const value = valueAt(form.draft, path);
  const { issues, props } = inputProps(form, path, hint);
  // A value that is no calendar date (from an upload) is shown as text, so it can be seen and fixed.
  const asText = typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value);
  return (
    <Shell path={path} label={label} hint={hint} className={className} issues={issues}>
      <input type={asText ? 'text' : 'date'} {...props} value={typeof value === 'string' ? value : ''}
        onChange={(e) => form.set(path, textFromInput(e.target.value))} />
    </Shell>
  );
}

export interface SelectFieldProps extends FieldProps {
  readonly options: readonly (string | { readonly value: string; readonly label: string })[];
  /** The first option, meaning "remove the field". */
  readonly blank?: string;
  /** Turns the chosen text into the stored value (numbers for ECOG); default: the text. */
  readonly parse?: (text: string) => unknown;
  /** Turns the stored value into the option's text; default: String. */
  readonly format?: (value: unknown) => string;
  readonly onChosen?: (value: unknown) => void;
}

export function SelectField({ path, label, hint, className, options, blank = '— not stated —', parse, format, onChosen }: SelectFieldProps) {
  const form = useForm();
  const value = valueAt(form.draft, path);
  const current = value === undefined ? '' : format === undefined ? String(value) : format(value);
  const { issues, props } = inputProps(form, path, hint);
  const known = options.map((o) => (typeof o === 'string' ? { value: o, label: words(o) } : o));
  // A value outside the list (from an upload) stays visible as an option, so the issue about it makes sense.
  const extra = current !== '' && !known.some((o) => o.value === current) ? [{ value: current, label: `${current} (not allowed)` }] : [];
  const { readOnly: _r, ...selectProps } = props;
  return (
    <Shell path={path} label={label} hint={hint} className={className} issues={issues}>
      <select {...selectProps} value={current}
        onChange={(e) => {
          const text = e.target.value;
          const next = text === '' ? undefined : parse === undefined ? text : parse(text);
          form.set(path, next);
          onChosen?.(next);
        }}>
        <option value="">{blank}</option>
        {[...known, ...extra].map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Shell>
  );
}

/** Yes / no / not stated, for an optional boolean. */
export function YesNoField(props: FieldProps) {
  return (
    <SelectField {...props} options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]}
      parse={booleanFromChoice} format={(v) => (typeof v === 'boolean' ? choiceFromBoolean(v) : String(v))} />
  );
}

export interface CheckboxGroupProps {
  readonly path: string;
  readonly legend: string;
  readonly options: readonly string[];
  readonly className?: string;
}

/** A multi-choice list (symptoms, sites, agents) as checkboxes in a fieldset. */
export function CheckboxGroup({ path, legend, options, className }: CheckboxGroupProps) {
  const form = useForm();
  const value = valueAt(form.draft, path);
  const chosen = Array.isArray(value) ? (value as unknown[]) : [];
  const issues = form.issuesAt(path);
  const outside = chosen.filter((v): v is string => typeof v === 'string' && !options.includes(v));
  return (
    <fieldset className={`checkbox-group${issues.length > 0 ? ' field-invalid' : ''}${className === undefined ? '' : ` ${className}`}`}
      id={fieldId(path)} aria-describedby={issues.length > 0 ? fieldId(path, 'error') : undefined}>
      <legend>{legend}</legend>
      <div className="checkbox-grid">
        {[...options, ...outside].map((o) => {
          const id = fieldId(`${path}.${o}`);
          return (
            <span className="checkbox" key={o}>
              <input type="checkbox" id={id} checked={chosen.includes(o)} aria-invalid={issues.length > 0 ? true : undefined}
                onChange={(e) => { form.set(path, toggleIn(value, o, e.target.checked, options)); form.touch(path); }} />
              <label htmlFor={id}>{words(o)}{options.includes(o) ? '' : ' (not allowed)'}</label>
            </span>
          );
        })}
      </div>
      <FieldIssues path={path} issues={issues} />
    </fieldset>
  );
}

/** Free text, one entry per line (comorbidities). */
export function LinesField({ path, label, hint, className }: FieldProps) {
  const form = useForm();
  const value = valueAt(form.draft, path);
  const lines = Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n') : '';
  const [text, setText] = useState(lines);
  useEffect(() => {
    const mine = text.split('\n').map((l) => l.trim()).filter((l) => l !== '').join('\n');
    if (mine !== lines) setText(lines);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lines]);
  const { issues, props } = inputProps(form, path, hint);
  return (
    <Shell path={path} label={label} hint={hint} className={className} issues={issues}>
      <textarea rows={3} {...props} value={text}
        onChange={(e) => {
          setText(e.target.value);
          form.set(path, linesFromInput(e.target.value));
        }} />
    </Shell>
  );
}
