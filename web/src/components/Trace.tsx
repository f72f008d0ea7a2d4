/** Which rules fired: each rule's result and the facts it read, behind a disclosure. */
import { useState } from 'react';
import type { TraceEntry } from '../../../src/contract/index.js';
import { TableWrap } from './TableWrap.js';

type Result = TraceEntry['result'];
const RESULTS: readonly Result[] = ['yes', 'no', 'unknown'];

function factText(v: string | number | boolean | null): string {
  return v === null ? 'unknown' : String(v);
}

export function Trace({ trace }: { readonly trace: readonly TraceEntry[] }) {
  const [shown, setShown] = useState<Result | 'all'>('yes');
  const counts = Object.fromEntries(RESULTS.map((r) => [r, trace.filter((t) => t.result === r).length])) as Record<Result, number>;
  const rows = shown === 'all' ? trace : trace.filter((t) => t.result === shown);
  return (
    <section aria-labelledby="trace-h" className="section">
      <h2 id="trace-h">Rule trace</h2>
      <details className="trace">
        <summary>
          {trace.length} rules: {counts.yes} fired, {counts.no} did not, {counts.unknown} unknown
        </summary>
        <div className="field field-inline">
          <label htmlFor="trace-filter">Show</label>
          <select id="trace-filter" value={shown} onChange={(e) => setShown(e.target.value as Result | 'all')}>
            <option value="yes">Fired (yes)</option>
            <option value="unknown">Unknown</option>
            <option value="no">Did not fire (no)</option>
            <option value="all">All</option>
          </select>
        </div>
        <TableWrap label="Rule trace">
          <table className="compact trace-table">
            <caption className="visually-hidden">Rule trace: rule id, result and the facts it read</caption>
            <thead><tr><th scope="col">Rule</th><th scope="col">Result</th><th scope="col">Facts</th></tr></thead>
            <tbody>
              {rows.map((t, i) => (
                <tr key={`${t.rule}-${i}`}>
                  <th scope="row"><code>{t.rule}</code></th>
                  <td><span className={`result result-${t.result}`}>{t.result}</span></td>
                  <td className="facts-cell">
                    {Object.entries(t.facts).map(([k, v]) => (
                      <span key={k} className="fact"><code>{k}</code> = {factText(v)}</span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </section>
  );
}
