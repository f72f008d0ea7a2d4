/**
 * The passages a recommendation, alert or missing test rests on: the source's title, the quoted
 * locator, the PDQ level where the source gives one, and a link that opens the source at that
 * phrase (a text fragment). Shown on demand.
 */
import type { Evidence as EvidenceItem } from '../../../src/contract/index.js';
import { useSession } from '../session.js';

/** The source's address, scrolled to the quoted phrase where the browser supports text fragments. */
export function passageUrl(url: string, locator: string): string {
  const phrase = encodeURIComponent(locator).replace(/-/g, '%2D').replace(/,/g, '%2C');
  return `${url}#:~:text=${phrase}`;
}

export function EvidenceItemView({ item }: { readonly item: EvidenceItem }) {
  const { sources } = useSession();
  const source = sources?.[item.source];
  return (
    <>
      <cite>{source?.title ?? item.source}</cite>
      {source === undefined ? null : <span className="muted"> ({source.publisher})</span>}
      {': '}
      <q>{item.locator}</q>
      {item.level === undefined ? null : <span className="level"> · level of evidence {item.level}</span>}
      {source?.url == null ? null : (
        <>
          {' · '}
          <a href={passageUrl(source.url, item.locator)} target="_blank" rel="noopener noreferrer">
            Open the source<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </>
      )}
    </>
  );
}

export function Evidence({ evidence, label = 'Evidence' }: { readonly evidence: readonly EvidenceItem[]; readonly label?: string }) {
  if (evidence.length === 0) return null;
  return (
    <details className="evidence">
      <summary>{label} ({evidence.length})</summary>
      <ul>
        {evidence.map((e, i) => <li key={i}><EvidenceItemView item={e} /></li>)}
      </ul>
    </details>
  );
}
