/**
 * The case form's model: a draft is the case as typed so far (possibly invalid), held as plain
 * JSON at the contract's own paths, so that the contract's parser validates it directly and each
 * issue's path names the input it belongs to. Form plumbing only: no clinical meaning here.
 */
import { MARKERS, type Issue } from '../../../src/contract/index.js';
import { formatPath, parsePath, type PathKey } from './json-path.js';

/** The case being edited: contract-shaped JSON that may not (yet) satisfy the contract. */
export type Draft = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A date as the contract writes it (YYYY-MM-DD), in the local time zone of `now`. */
export function calendarDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A blank new case for a date: the id, the patient and everything else are for the user to fill. */
export function emptyDraft(asOf: string): Draft {
  return { asOf, patient: {} };
}

/**
 * A number typed into a text box: blank removes the field, a number is stored as a number, and
 * anything else is kept as typed so the contract reports it (`expected number, found "4,5"`).
 */
export function numberFromInput(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : t;
}

/** A text box: blank removes the field. */
export function textFromInput(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

/** A yes / no / not stated choice as an optional boolean. */
export function booleanFromChoice(choice: string): boolean | undefined {
  return choice === 'yes' ? true : choice === 'no' ? false : undefined;
}

export function choiceFromBoolean(value: unknown): '' | 'yes' | 'no' {
  return value === true ? 'yes' : value === false ? 'no' : '';
}

/** One entry per line (comorbidities); blank lines are dropped, an empty list removes the field. */
export function linesFromInput(text: string): string[] | undefined {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines.length === 0 ? undefined : lines;
}

/** A multi-choice group: the value toggled in or out, in the order of `order`; empty removes the field. */
export function toggleIn<T extends string>(current: unknown, value: T, on: boolean, order: readonly T[]): T[] | undefined {
  const set = new Set(Array.isArray(current) ? (current as unknown[]) : []);
  if (on) set.add(value);
  else set.delete(value);
  const known = order.filter((v) => set.has(v));
  // Values outside the vocabulary (from an uploaded file) are kept so the contract can name them.
  const unknown = [...set].filter((v): v is T => !order.includes(v as T));
  const list = [...known, ...unknown];
  return list.length === 0 ? undefined : list;
}

/**
 * The draft as it is validated and saved: empty lists and empty optional groups removed (the
 * form cannot say "an empty symptom list" apart from "no symptoms stated"), rows kept as they are
 * so a half-filled row is reported, and an immunophenotype that has a date gets its (required)
 * marker map.
 */
export function normalizeDraft(draft: Draft): Draft {
  const pruned = prune(draft, true);
  const out: Draft = isRecord(pruned) ? pruned : {};
  if (out['patient'] === undefined && isRecord(draft['patient'])) out['patient'] = {};
  const ip = out['immunophenotype'];
  if (isRecord(ip) && ip['markers'] === undefined) out['immunophenotype'] = { ...ip, markers: {} };
  return out;
}

function prune(value: unknown, keep: boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => prune(v, true));
    return items.length === 0 && !keep ? undefined : items;
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v, false);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length === 0 && !keep ? undefined : out;
  }
  return value;
}

/** Row groups of the form: the fields each row shows, by its JSON path under the row. */
const ROW_FIELDS: Readonly<Record<string, readonly string[]>> = {
  conditions: ['diagnosis', 'code', 'onset', 'clinicalStatus'],
  labs: ['test', 'value', 'unit', 'date'],
  marrow: ['date', 'blastPercent', 'cellularity', 'fab', 'vacuolatedBlasts', 'starrySky'],
  genetics: ['finding', 'result', 'method', 'detail', 'date'],
  treatments: ['kind', 'agents', 'start', 'end', 'outcome'],
  mrd: ['date', 'percent', 'method'],
};

export const ROW_GROUPS = Object.keys(ROW_FIELDS);

const SINGLE_FIELDS: readonly string[] = [
  'id', 'asOf', 'patient.ageYears', 'patient.birthDate', 'patient.sex', 'diagnosisDate',
  'findings.symptoms', 'findings.temperatureC', 'findings.temperatureDate', 'findings.extramedullary',
  'findings.cns.csfBlasts', 'findings.cns.csfWbcPerUL', 'findings.cns.cranialNervePalsy',
  'immunophenotype.date', ...MARKERS.map((m) => `immunophenotype.markers.${m}`),
  'transplant.donor', 'performance.ecog', 'comorbidities', 'preferences.declinesIntensiveTherapy',
];

/** Whether a lab row shows its specimen: blasts take one, and a stray one must be visible to be fixed. */
export function labShowsSpecimen(lab: unknown): boolean {
  return isRecord(lab) && (lab['test'] === 'blasts' || lab['specimen'] !== undefined);
}

/** The JSON path of every input the form renders for this draft (the form and this list agree). */
export function fieldPathsOf(draft: Draft): Set<string> {
  const paths = new Set(SINGLE_FIELDS);
  for (const [group, fields] of Object.entries(ROW_FIELDS)) {
    const rows = draft[group];
    if (!Array.isArray(rows)) continue;
    rows.forEach((row: unknown, i) => {
      for (const f of fields) paths.add(`${group}[${i}].${f}`);
      if (group === 'labs' && labShowsSpecimen(row)) paths.add(`labs[${i}].specimen`);
    });
  }
  return paths;
}

export interface PlacedIssues {
  /** Issues by the path of the input they belong to. */
  readonly byField: ReadonlyMap<string, readonly Issue[]>;
  /** Issues that name no input (an unknown field, a whole row, the document): shown at the top. */
  readonly unplaced: readonly Issue[];
}

/**
 * Each issue goes to the input its path names, or to the nearest enclosing one
 * (`findings.symptoms[2]` → the symptom checkboxes); the rest to the summary.
 */
export function placeIssues(issues: readonly Issue[], fields: ReadonlySet<string>): PlacedIssues {
  const byField = new Map<string, Issue[]>();
  const unplaced: Issue[] = [];
  for (const issue of issues) {
    const field = enclosingField(parsePath(issue.path), fields);
    if (field === undefined) unplaced.push(issue);
    else byField.set(field, [...(byField.get(field) ?? []), issue]);
  }
  return { byField, unplaced };
}

function enclosingField(path: PathKey[], fields: ReadonlySet<string>): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const p = formatPath(path.slice(0, n));
    if (fields.has(p)) return p;
  }
  return undefined;
}

/** The DOM id of a field's input (and, with a suffix, of its message): `labs[1].unit` → `f-labs-1-unit`. */
export function fieldId(path: string, suffix = ''): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}${suffix === '' ? '' : `-${suffix}`}`;
}

/** The text of an issue for the place it is shown: next to its input, the path is already clear. */
export function issueText(issue: Issue): string {
  const prefix = `${issue.path}: `;
  return issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message;
}
