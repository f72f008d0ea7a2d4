/** The evaluation's findings: diagnosis with its reasons, status and phase with theirs, risk with each factor. */
import type { Evaluation, RiskFactor } from '../../../src/contract/index.js';
import {
  KMT2A_LABEL, LEUKEMIA_LABEL, LINEAGE_LABEL, PHASE_LABEL, PH_LONG, RISK_LABEL, STATUS_LABEL, SUBTYPE_LABEL,
} from '../words.js';

function Reasons({ reasons, label }: { readonly reasons: readonly string[]; readonly label: string }) {
  if (reasons.length === 0) return <p className="muted">No reasons given.</p>;
  return (
    <ul className="reasons" aria-label={label}>
      {reasons.map((r, i) => <li key={i}>{r}</li>)}
    </ul>
  );
}

export function DiagnosisCard({ evaluation }: { readonly evaluation: Evaluation }) {
  const d = evaluation.diagnosis;
  return (
    <section className="card" aria-labelledby="diagnosis-h">
      <h2 id="diagnosis-h">Diagnosis</h2>
      <p className="headline">{LEUKEMIA_LABEL[d.leukemia]}</p>
      <dl className="facts">
        <div><dt>Lineage</dt><dd>{LINEAGE_LABEL[d.lineage]}</dd></div>
        <div><dt>Subtype</dt><dd>{SUBTYPE_LABEL[d.subtype]}</dd></div>
        <div><dt>Philadelphia</dt><dd>{PH_LONG[d.philadelphia]}</dd></div>
        <div><dt>KMT2A</dt><dd>{KMT2A_LABEL[d.kmt2a]}</dd></div>
      </dl>
      <h3 className="minor">Why</h3>
      <Reasons reasons={d.reasons} label="Reasons for the diagnosis" />
    </section>
  );
}

export function StatusCard({ evaluation }: { readonly evaluation: Evaluation }) {
  return (
    <section className="card" aria-labelledby="status-h">
      <h2 id="status-h">Status and phase</h2>
      <p className="headline">
        {STATUS_LABEL[evaluation.status]}
        <span className="headline-sep" aria-hidden="true"> · </span>
        <span className="visually-hidden">, phase due: </span>
        {evaluation.phase === null ? 'no phase due' : `${PHASE_LABEL[evaluation.phase]} due`}
      </p>
      <h3 className="minor">Why</h3>
      <Reasons reasons={evaluation.statusReasons} label="Reasons for the status and phase" />
    </section>
  );
}

const PRESENT: Readonly<Record<'yes' | 'no' | 'unknown', { icon: string; text: string }>> = {
  yes: { icon: '●', text: 'Present' },
  no: { icon: '○', text: 'Absent' },
  unknown: { icon: '?', text: 'Unknown' },
};

const presence = (f: RiskFactor) => (f.present === 'unknown' ? 'unknown' : f.present ? 'yes' : 'no');

export function RiskCard({ evaluation }: { readonly evaluation: Evaluation }) {
  const { risk } = evaluation;
  return (
    <section className="card" aria-labelledby="risk-h">
      <h2 id="risk-h">Risk</h2>
      <p className="headline">
        <span className={`risk risk-${risk.group}`}>{RISK_LABEL[risk.group]}</span>
        {risk.provisional ? <span className="tag tag-provisional">Provisional</span> : null}
      </p>
      {risk.provisional ? <p className="muted small">Provisional: response factors (time to remission, MRD) are not yet assessable.</p> : null}
      <table className="compact">
        <caption className="visually-hidden">Risk factors</caption>
        <thead><tr><th scope="col">Factor</th><th scope="col">Present</th></tr></thead>
        <tbody>
          {risk.factors.map((f) => {
            const p = PRESENT[presence(f)];
            return (
              <tr key={f.id} className={`factor-${presence(f)}`}>
                <td>{f.detail} <span className="rule-id">{f.id}</span></td>
                <td className="nowrap"><span aria-hidden="true" className="factor-icon">{p.icon}</span> {p.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
