/**
 * The registry: every case's latest version and what its latest evaluation says, with filters,
 * a search by case id, sortable columns and pages. Filters, search, sort and page live in the
 * address (`#/?status=remission&sort=age&page=2`), so Back and a shared link keep them.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Phase, PhStatus, Status, Subtype } from '../../../src/contract/index.js';
import { api, type CaseQuery, type CaseSummary } from '../api.js';
import { CriticalBadge, SyntheticTag } from '../components/Badges.js';
import { ErrorBox, Loading } from '../components/Feedback.js';
import { useTitle } from '../components/Layout.js';
import { useLoad } from '../load.js';
import { casePath, href, navigate, registryPath } from '../router.js';
import { PHASE_LABEL, PH_LABEL, RISK_LABEL, STATUS_LABEL, SUBTYPE_LABEL } from '../words.js';
import { TableWrap } from '../components/TableWrap.js';

/** The most the registry fetches at once (the API's limit); sorting and paging happen here. */
const FETCH_LIMIT = 500;
const PAGE_SIZE = 25;

type Column = 'id' | 'age' | 'subtype' | 'ph' | 'status' | 'phase' | 'risk' | 'critical';

/** The order of the contract's lists: the label tables name every value, in that order. */
const order = <K extends string>(labels: Readonly<Record<K, string>>) => Object.keys(labels) as K[];
const STATUSES = order(STATUS_LABEL);
const SUBTYPES = order(SUBTYPE_LABEL);
const PHS = order(PH_LABEL);
const PHASES = order(PHASE_LABEL);
const RISKS = order(RISK_LABEL);

const rank = <K extends string>(values: readonly K[], v: K | null) => (v === null ? values.length : values.indexOf(v));

/** Sort keys; null sorts last. */
const KEY: Readonly<Record<Column, (c: CaseSummary) => string | number | null>> = {
  id: (c) => c.caseId,
  age: (c) => c.ageYears,
  subtype: (c) => rank(SUBTYPES, c.subtype),
  ph: (c) => rank(PHS, c.philadelphia),
  status: (c) => rank(STATUSES, c.status),
  phase: (c) => rank(PHASES, c.phase),
  risk: (c) => rank(RISKS, c.riskGroup),
  critical: (c) => c.criticalAlerts,
};

const COLUMNS: readonly { id: Column; label: string; numeric?: boolean }[] = [
  { id: 'id', label: 'Case' },
  { id: 'age', label: 'Age', numeric: true },
  { id: 'subtype', label: 'Subtype' },
  { id: 'ph', label: 'Ph' },
  { id: 'status', label: 'Status' },
  { id: 'phase', label: 'Phase' },
  { id: 'risk', label: 'Risk group' },
  { id: 'critical', label: 'Critical alerts', numeric: true },
];

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), undefined, { numeric: true });
}

function oneOf<K extends string>(values: readonly K[], v: string | null): K | undefined {
  return values.find((x) => x === v);
}

interface View {
  readonly status: Status | undefined;
  readonly subtype: Subtype | undefined;
  readonly ph: PhStatus | undefined;
  readonly phase: Phase | undefined;
  readonly critical: boolean;
  readonly q: string;
  readonly sort: Column | undefined;
  readonly desc: boolean;
  readonly page: number;
}

function viewOf(query: URLSearchParams): View {
  const page = Number(query.get('page'));
  return {
    status: oneOf(STATUSES, query.get('status')),
    subtype: oneOf(SUBTYPES, query.get('subtype')),
    ph: oneOf(PHS, query.get('ph')),
    phase: oneOf(PHASES, query.get('phase')),
    critical: query.get('critical') === 'true',
    q: query.get('q') ?? '',
    sort: oneOf(COLUMNS.map((c) => c.id), query.get('sort')),
    desc: query.get('dir') === 'desc',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

function queryOf(v: View): URLSearchParams {
  const q = new URLSearchParams();
  if (v.status) q.set('status', v.status);
  if (v.subtype) q.set('subtype', v.subtype);
  if (v.ph) q.set('ph', v.ph);
  if (v.phase) q.set('phase', v.phase);
  if (v.critical) q.set('critical', 'true');
  if (v.q !== '') q.set('q', v.q);
  if (v.sort) q.set('sort', v.sort);
  if (v.sort && v.desc) q.set('dir', 'desc');
  if (v.page > 1) q.set('page', String(v.page));
  return q;
}

function Filters({ view, set }: { readonly view: View; readonly set: (change: Partial<View>) => void }) {
  // The search box answers as one types, a moment after the last key.
  const [text, setText] = useState(view.q);
  useEffect(() => setText(view.q), [view.q]);
  useEffect(() => {
    if (text === view.q) return;
    const t = window.setTimeout(() => set({ q: text.trim(), page: 1 }), 300);
    return () => window.clearTimeout(t);
  }, [text, view.q, set]);

  const select = <K extends string>(id: string, label: string, value: K | undefined, values: readonly K[],
    labels: Readonly<Record<K, string>>, onChange: (v: K | undefined) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(oneOf(values, e.target.value))}>
        <option value="">Any</option>
        {values.map((v) => <option key={v} value={v}>{labels[v]}</option>)}
      </select>
    </div>
  );

  const filtered = view.status || view.subtype || view.ph || view.phase || view.critical || view.q !== '';
  return (
    <form className="filters" role="search" aria-label="Filter the registry" onSubmit={(e) => { e.preventDefault(); set({ q: text.trim(), page: 1 }); }}>
      <div className="field field-search">
        <label htmlFor="registry-search">Search case id</label>
        <input id="registry-search" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. demo-0012" />
      </div>
      {select('filter-status', 'Status', view.status, STATUSES, STATUS_LABEL, (status) => set({ status, page: 1 }))}
      {select('filter-subtype', 'Subtype', view.subtype, SUBTYPES, SUBTYPE_LABEL, (subtype) => set({ subtype, page: 1 }))}
      {select('filter-ph', 'Ph', view.ph, PHS, PH_LABEL, (ph) => set({ ph, page: 1 }))}
      {select('filter-phase', 'Phase', view.phase, PHASES, PHASE_LABEL, (phase) => set({ phase, page: 1 }))}
      <div className="field field-check">
        <input id="filter-critical" type="checkbox" checked={view.critical} onChange={(e) => set({ critical: e.target.checked, page: 1 })} />
        <label htmlFor="filter-critical">Critical alerts only</label>
      </div>
      <button
        type="button" className="button-quiet" disabled={!filtered}
        onClick={() => { setText(''); set({ status: undefined, subtype: undefined, ph: undefined, phase: undefined, critical: false, q: '', page: 1 }); }}
      >
        Clear filters
      </button>
    </form>
  );
}

function SortHeader({ column, view, set }: { readonly column: (typeof COLUMNS)[number]; readonly view: View; readonly set: (c: Partial<View>) => void }) {
  const active = view.sort === column.id;
  const sort = active ? (view.desc ? 'descending' : 'ascending') : 'none';
  return (
    <th scope="col" aria-sort={sort} className={column.numeric === true ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={() => set({ sort: column.id, desc: active && !view.desc, page: 1 })}>
        {column.label}
        <span className="sort-icon" aria-hidden="true">{active ? (view.desc ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>
  );
}

function Row({ c }: { readonly c: CaseSummary }) {
  return (
    <tr className={c.criticalAlerts > 0 ? 'row-critical' : undefined}>
      <th scope="row">
        <a href={href(casePath(c.caseId))}>{c.caseId}</a>
        {c.synthetic ? <> <SyntheticTag /></> : null}
      </th>
      <td className="num">{c.ageYears === null ? <span className="muted">unknown</span> : Math.floor(c.ageYears)}</td>
      <td>{SUBTYPE_LABEL[c.subtype]}</td>
      <td>{PH_LABEL[c.philadelphia]}</td>
      <td>{STATUS_LABEL[c.status]}</td>
      <td>{c.phase === null ? <span className="muted">none</span> : PHASE_LABEL[c.phase]}</td>
      <td><span className={`risk risk-${c.riskGroup}`}>{RISK_LABEL[c.riskGroup]}</span></td>
      <td className="num"><CriticalBadge count={c.criticalAlerts} /></td>
    </tr>
  );
}

function Pager({ page, pages, set }: { readonly page: number; readonly pages: number; readonly set: (c: Partial<View>) => void }) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages of the registry">
      <button type="button" disabled={page <= 1} onClick={() => set({ page: page - 1 })}>← Previous</button>
      <span aria-current="page">Page {page} of {pages}</span>
      <button type="button" disabled={page >= pages} onClick={() => set({ page: page + 1 })}>Next →</button>
    </nav>
  );
}

export function Registry({ query }: { readonly query: URLSearchParams }) {
  useTitle('Registry');
  const queryText = query.toString();
  const view = useMemo(() => viewOf(new URLSearchParams(queryText)), [queryText]);
  const set = useMemo(() => (change: Partial<View>) => navigate(registryPath(queryOf({ ...view, ...change })), { replace: 'q' in change }), [view]);

  const filter: CaseQuery = {
    ...(view.status ? { status: view.status } : {}), ...(view.subtype ? { subtype: view.subtype } : {}),
    ...(view.ph ? { ph: view.ph } : {}), ...(view.phase ? { phase: view.phase } : {}),
    ...(view.critical ? { critical: true } : {}), ...(view.q !== '' ? { q: view.q } : {}),
  };
  const loaded = useLoad((signal) => api.listCases({ ...filter, limit: FETCH_LIMIT, offset: 0 }, signal), [JSON.stringify(filter)]);

  const sorted = useMemo(() => {
    if (loaded.state !== 'done') return [];
    const cases = [...loaded.data.cases];
    if (view.sort === undefined) return cases;
    const key = KEY[view.sort];
    const sign = view.desc ? -1 : 1;
    return cases.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      // Unknown values last whichever way the column is sorted.
      if (ka === null || kb === null) return compare(ka, kb);
      return sign * compare(ka, kb) || a.caseId.localeCompare(b.caseId, undefined, { numeric: true });
    });
  }, [loaded, view.sort, view.desc]);

  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const page = Math.min(view.page, pages);
  const shown = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>Case registry</h1>
      </div>
      <Filters view={view} set={set} />
      <p className="result-count" role="status" aria-live="polite">
        {loaded.state === 'done'
          ? `${loaded.data.total} ${loaded.data.total === 1 ? 'case matches' : 'cases match'}${loaded.data.total > 0 ? `; showing ${(page - 1) * PAGE_SIZE + 1}–${(page - 1) * PAGE_SIZE + shown.length}` : ''}.`
          : ''}
      </p>
      {loaded.state === 'loading' ? <Loading what="the registry" /> : null}
      {loaded.state === 'error' ? <ErrorBox error={loaded.error} onRetry={loaded.reload} /> : null}
      {loaded.state === 'done' && loaded.data.total > loaded.data.cases.length ? (
        <p className="note">
          The registry shows the {loaded.data.cases.length} most recently updated of {loaded.data.total} matching cases, and sorts those.
          Narrow the filters or search by case id to find the others.
        </p>
      ) : null}
      {loaded.state === 'done' && loaded.data.total === 0 ? <p>No case matches these filters.</p> : null}
      {loaded.state === 'done' && shown.length > 0 ? (
        <TableWrap label="Cases">
          <table className="registry">
            <caption className="visually-hidden">
              Cases{view.sort ? `, sorted by ${COLUMNS.find((c) => c.id === view.sort)?.label ?? ''} ${view.desc ? 'descending' : 'ascending'}` : ', most recently updated first'}.
              Column headers are buttons that sort the table.
            </caption>
            <thead>
              <tr>{COLUMNS.map((c) => <SortHeader key={c.id} column={c} view={view} set={set} />)}</tr>
            </thead>
            <tbody>
              {shown.map((c) => <Row key={c.caseId} c={c} />)}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <Pager page={page} pages={pages} set={set} />
    </>
  );
}
