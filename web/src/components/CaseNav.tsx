/** The pages of one case, as a navigation bar; the current one is marked for assistive technology. */
import { canWrite, useSession } from '../session.js';
import { casePath, href, type CasePage } from '../router.js';

const PAGES: readonly { page: CasePage | undefined; label: string; write?: boolean }[] = [
  { page: undefined, label: 'Case' },
  { page: 'whatif', label: 'What if' },
  { page: 'edit', label: 'Edit', write: true },
  { page: 'history', label: 'History' },
  { page: 'patient', label: 'Patient view' },
  { page: 'report', label: 'Tumor-board report' },
];

export interface CaseNavProps {
  readonly caseId: string;
  /** The page shown; undefined for the case itself. */
  readonly current: CasePage | undefined;
  /** Keeps a version that is not the latest across the case's pages. */
  readonly version?: number | undefined;
}

export function CaseNav({ caseId, current, version }: CaseNavProps) {
  const { me } = useSession();
  return (
    <nav className="case-nav" aria-label={`Case ${caseId}`}>
      <ul>
        {PAGES.filter((p) => p.write !== true || canWrite(me.role)).map((p) => (
          <li key={p.label}>
            <a
              href={href(casePath(caseId, p.page, p.page === 'edit' || p.page === 'history' ? undefined : version))}
              aria-current={p.page === current ? 'page' : undefined}
            >
              {p.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
