/**
 * The case's course on one date axis: treatments as bars (one row each, coloured by kind), marrow
 * blasts and MRD (%), and ANC and platelets (×10⁹/L). The values are the case's own, as recorded;
 * counts in another accepted unit are converted to the canonical one by the contract's table.
 * The same data is offered as a table for anyone who cannot see the chart.
 */
import {
  Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis,
} from 'recharts';
import type { Case } from '../../../src/contract/index.js';
import { toCanonical } from '../../../src/contract/units.js';
import type { TreatmentKind } from '../../../src/contract/vocabulary.js';
import { TREATMENT_LABEL } from '../words.js';

const DAY = 86_400_000;
const time = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dateText = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Ticks shared by the three panels, so that their dates line up: first days of months, every
 * 1–60 months so that there are at most eight; days, a week apart, over a short span.
 */
export function dateTicks([from, to]: [number, number]): { ticks: number[]; format: (t: number) => string } {
  const days = (to - from) / DAY;
  if (days <= 60) {
    const step = Math.max(1, Math.ceil(days / 8)) * DAY;
    const first = Math.ceil(from / DAY) * DAY;
    const ticks: number[] = [];
    for (let t = first; t <= to; t += step) ticks.push(t);
    return { ticks, format: dateText };
  }
  const steps = [1, 2, 3, 6, 12, 24, 60];
  const months = steps.find((m) => days / (m * 30.44) <= 8) ?? 60;
  // Months counted from year 0: the first month start on or after `from`, rounded up to the step.
  const start = new Date(from);
  const startMonth = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1);
  const first = start.getUTCFullYear() * 12 + start.getUTCMonth() + (from > startMonth ? 1 : 0);
  const ticks: number[] = [];
  for (let i = Math.ceil(first / months) * months; ; i += months) {
    const t = Date.UTC(Math.floor(i / 12), i % 12, 1);
    if (t > to) break;
    ticks.push(t);
  }
  return { ticks, format: (t) => (months >= 12 ? dateText(t).slice(0, 4) : dateText(t).slice(0, 7)) };
}

/** Log axis floor for MRD and blasts: a value of 0 (none detected) is drawn here, and said so. */
const LOG_FLOOR = 0.001;

const KIND_COLOUR: Readonly<Record<TreatmentKind, string>> = {
  induction: '#1d4ed8', consolidation: '#0f766e', maintenance: '#15803d', reinduction: '#c2410c',
  'cns-prophylaxis': '#7c3aed', 'allogeneic-hsct': '#334155', 'autologous-hsct': '#475569', 'car-t': '#be185d',
  radiation: '#a16207', tki: '#4338ca', immunotherapy: '#0e7490', supportive: '#64748b', other: '#6b7280',
};

export const SERIES_COLOUR = { blasts: '#b91c1c', mrd: '#6d28d9', anc: '#0f766e', platelets: '#b45309' } as const;

interface TreatmentRow {
  readonly label: string;
  readonly kind: TreatmentKind;
  readonly range: [number, number];
  readonly start: string;
  readonly end: string | undefined;
  readonly agents: string;
  readonly outcome: string;
}

interface Point {
  readonly t: number;
  blasts?: number;
  mrd?: number;
  /** MRD as drawn on the log axis (0 at the floor). */
  mrdDrawn?: number;
  blastsDrawn?: number;
  anc?: number;
  platelets?: number;
}

export interface TimelineData {
  readonly treatments: TreatmentRow[];
  readonly points: Point[];
  readonly domain: [number, number];
  readonly asOf: number;
  /** Lab values whose unit the contract does not know for the test (not drawn). */
  readonly skipped: number;
}

/** The chart's rows and points from the case's own dated values. */
export function timelineData(c: Case): TimelineData {
  const asOf = time(c.asOf);
  const points = new Map<number, Point>();
  const at = (date: string): Point => {
    const t = time(date);
    let p = points.get(t);
    if (p === undefined) {
      p = { t };
      points.set(t, p);
    }
    return p;
  };
  let skipped = 0;
  for (const lab of c.labs ?? []) {
    if (lab.test === 'blasts' && lab.specimen === 'marrow') at(lab.date).blasts = lab.value;
    if (lab.test === 'anc' || lab.test === 'platelets') {
      const v = toCanonical(lab.test, lab.value, lab.unit);
      if (v === undefined) skipped += 1;
      else at(lab.date)[lab.test] = v;
    }
  }
  for (const m of c.marrow ?? []) if (m.blastPercent !== undefined) at(m.date).blasts = m.blastPercent;
  for (const m of c.mrd ?? []) at(m.date).mrd = m.percent;
  for (const p of points.values()) {
    if (p.mrd !== undefined) p.mrdDrawn = Math.max(p.mrd, LOG_FLOOR);
    if (p.blasts !== undefined) p.blastsDrawn = Math.max(p.blasts, LOG_FLOOR);
  }
  const treatments = [...(c.treatments ?? [])]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((tr): TreatmentRow => ({
      label: TREATMENT_LABEL[tr.kind],
      kind: tr.kind,
      // A day-inclusive interval; a treatment without an end is drawn up to the case's date.
      range: [time(tr.start), (tr.end === undefined ? asOf : time(tr.end)) + DAY],
      start: tr.start,
      end: tr.end,
      agents: (tr.agents ?? []).join(', '),
      outcome: tr.outcome ?? '',
    }));
  const times = [...points.keys(), ...treatments.flatMap((t) => t.range), asOf];
  const min = Math.min(...times);
  const max = Math.max(...times);
  const pad = Math.max(DAY, (max - min) * 0.02);
  return {
    treatments,
    points: [...points.values()].sort((a, b) => a.t - b.t),
    domain: [min - pad, max + pad],
    asOf,
    skipped,
  };
}

const xAxis = (domain: [number, number], dataKey?: string) => {
  const { ticks, format } = dateTicks(domain);
  return (
    <XAxis
      {...(dataKey === undefined ? {} : { dataKey })} type="number" scale="time" domain={domain} allowDataOverflow
      ticks={ticks} tickFormatter={format} tick={{ fontSize: 12 }} interval={0}
    />
  );
};

/** The width of each panel's left axis, so that the panels' dates line up. */
const LEFT = 112;

function TreatmentChart({ data }: { readonly data: TimelineData }) {
  const height = 40 + data.treatments.length * 28;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data.treatments} layout="vertical" margin={{ top: 4, right: 64, bottom: 4, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        {xAxis(data.domain)}
        <YAxis type="category" dataKey="label" width={LEFT} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip
          formatter={(_v, _n, item) => {
            const row = item.payload as TreatmentRow;
            return [`${row.start} to ${row.end ?? 'ongoing'}${row.agents ? ` · ${row.agents}` : ''}${row.outcome ? ` · ${row.outcome}` : ''}`, row.label];
          }}
          labelFormatter={() => ''}
        />
        <ReferenceLine x={data.asOf} stroke="#0f172a" strokeDasharray="4 3" label={{ value: 'as of', position: 'right', fontSize: 11 }} />
        <Bar dataKey="range" isAnimationActive={false} barSize={16} shape={(props: unknown) => {
          const p = props as { x: number; y: number; width: number; height: number; payload: TreatmentRow };
          return <rect x={p.x} y={p.y} width={Math.max(p.width, 2)} height={p.height} rx={3} fill={KIND_COLOUR[p.payload.kind]} />;
        }} />
      </BarChart>
    </ResponsiveContainer>
  );
}

const LOG_TICKS = [0.001, 0.01, 0.1, 1, 10, 100];
const percentTick = (v: number) => String(v);

function DiseaseChart({ data }: { readonly data: TimelineData }) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <ComposedChart data={data.points} margin={{ top: 8, right: 64, bottom: 4, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e2e8f0" />
        {xAxis(data.domain, 't')}
        <YAxis
          scale="log" domain={[LOG_FLOOR, 100]} ticks={LOG_TICKS} allowDataOverflow width={LEFT} tick={{ fontSize: 12 }}
          tickFormatter={percentTick} unit="%"
        />
        <Tooltip
          labelFormatter={(t) => dateText(Number(t))}
          formatter={(v, name, item) => {
            const p = item.payload as Point;
            return name === 'MRD' ? [`${p.mrd ?? v}%`, name] : [`${p.blasts ?? v}%`, name];
          }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <ReferenceLine x={data.asOf} stroke="#0f172a" strokeDasharray="4 3" />
        {data.points.some((p) => p.blasts !== undefined) ? <Line name="Marrow blasts" dataKey="blastsDrawn" stroke={SERIES_COLOUR.blasts} strokeWidth={2} connectNulls isAnimationActive={false} dot={{ r: 3 }} /> : null}
        {data.points.some((p) => p.mrd !== undefined) ? <Scatter name="MRD" dataKey="mrdDrawn" fill={SERIES_COLOUR.mrd} shape="diamond" legendType="diamond" isAnimationActive={false} /> : null}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

function CountChart({ data }: { readonly data: TimelineData }) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <ComposedChart data={data.points} margin={{ top: 8, right: 8, bottom: 4, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e2e8f0" />
        {xAxis(data.domain, 't')}
        <YAxis yAxisId="anc" width={LEFT} tick={{ fontSize: 12 }} />
        <YAxis yAxisId="plt" orientation="right" width={56} tick={{ fontSize: 12 }} />
        <Tooltip labelFormatter={(t) => dateText(Number(t))} formatter={(v, name) => [`${String(v)} ×10⁹/L`, name]} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <ReferenceLine yAxisId="anc" x={data.asOf} stroke="#0f172a" strokeDasharray="4 3" />
        <Line yAxisId="anc" name="ANC" dataKey="anc" stroke={SERIES_COLOUR.anc} strokeWidth={2} connectNulls isAnimationActive={false} dot={{ r: 3 }} />
        <Line yAxisId="plt" name="Platelets" dataKey="platelets" stroke={SERIES_COLOUR.platelets} strokeWidth={2} strokeDasharray="6 3" connectNulls isAnimationActive={false} dot={{ r: 3 }} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

function DataTable({ data }: { readonly data: TimelineData }) {
  const cell = (v: number | undefined) => (v === undefined ? '' : String(Number(v.toPrecision(4))));
  return (
    <details className="timeline-table">
      <summary>The timeline as a table</summary>
      {data.treatments.length > 0 ? (
        <table className="compact">
          <caption>Treatments</caption>
          <thead><tr><th scope="col">Kind</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Agents</th><th scope="col">Outcome</th></tr></thead>
          <tbody>
            {data.treatments.map((t, i) => (
              <tr key={i}><th scope="row">{t.label}</th><td>{t.start}</td><td>{t.end ?? 'ongoing'}</td><td>{t.agents}</td><td>{t.outcome}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data.points.length > 0 ? (
        <table className="compact">
          <caption>Results</caption>
          <thead>
            <tr>
              <th scope="col">Date</th><th scope="col" className="num">Marrow blasts %</th><th scope="col" className="num">MRD %</th>
              <th scope="col" className="num">ANC ×10⁹/L</th><th scope="col" className="num">Platelets ×10⁹/L</th>
            </tr>
          </thead>
          <tbody>
            {data.points.map((p) => (
              <tr key={p.t}>
                <th scope="row">{dateText(p.t)}</th><td className="num">{cell(p.blasts)}</td><td className="num">{cell(p.mrd)}</td>
                <td className="num">{cell(p.anc)}</td><td className="num">{cell(p.platelets)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </details>
  );
}

export function Timeline({ kase }: { readonly kase: Case }) {
  const data = timelineData(kase);
  const empty = data.treatments.length === 0 && data.points.length === 0;
  const hasDisease = data.points.some((p) => p.blasts !== undefined || p.mrd !== undefined);
  const hasCounts = data.points.some((p) => p.anc !== undefined || p.platelets !== undefined);
  return (
    <section aria-labelledby="timeline-h" className="section">
      <h2 id="timeline-h">Timeline</h2>
      {empty ? <p className="muted">No dated treatments, marrow results, blood counts or MRD on record.</p> : (
        <figure className="timeline" aria-label="Timeline chart of treatments, marrow blasts, MRD, ANC and platelets">
          {data.treatments.length > 0 ? (
            <div className="timeline-panel">
              <h3 className="minor">Treatments</h3>
              <TreatmentChart data={data} />
            </div>
          ) : null}
          {hasDisease ? (
            <div className="timeline-panel">
              <h3 className="minor">Marrow blasts and MRD (%, log scale)</h3>
              <DiseaseChart data={data} />
            </div>
          ) : null}
          {hasCounts ? (
            <div className="timeline-panel">
              <h3 className="minor">ANC (left axis) and platelets (right axis), ×10⁹/L</h3>
              <CountChart data={data} />
            </div>
          ) : null}
          <figcaption className="muted small">
            The dashed vertical line is the case&apos;s date ({kase.asOf}). MRD or blasts of 0% are drawn at {LOG_FLOOR}%, the
            bottom of the log scale; the table has the values as recorded.
            {data.skipped > 0 ? ` ${data.skipped} count${data.skipped === 1 ? '' : 's'} in a unit the contract does not list are not drawn.` : ''}
          </figcaption>
          <DataTable data={data} />
        </figure>
      )}
    </section>
  );
}
