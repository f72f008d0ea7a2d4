/** The top of every case page: the case id, which version, the patient's age and sex, the dates. */
import { ageAt } from '../../../src/contract/dates.js';
import type { Case } from '../../../src/contract/index.js';
import type { CaseVersion, StoredEvaluation } from '../api.js';
import { casePath, href } from '../router.js';
import { SyntheticTag } from './Badges.js';

export interface CaseHeaderProps {
  readonly title: string;
  readonly stored: CaseVersion;
  readonly evaluation: StoredEvaluation;
  /** The version asked for in the address; undefined for the latest. */
  readonly version: number | undefined;
}

/** Age and sex as the case gives them: ageYears, or completed years from birthDate on the case's date. */
export function patientText(c: Case): string {
  const age = c.patient.ageYears ?? (c.patient.birthDate === undefined ? undefined : ageAt(c.patient.birthDate, c.asOf));
  return `${age === undefined ? 'age unknown' : `${Math.floor(age)} years`}, ${c.patient.sex}`;
}

export function CaseHeader({ title, stored, evaluation, version }: CaseHeaderProps) {
  const c = stored.case;
  return (
    <div className="case-head">
      <div className="case-title">
        <h1 tabIndex={-1}>{title}</h1>
        {stored.synthetic ? <SyntheticTag /> : null}
      </div>
      <dl className="meta">
        <div><dt>Patient</dt><dd>{patientText(c)}</dd></div>
        <div><dt>As of</dt><dd>{c.asOf}</dd></div>
        {c.diagnosisDate === undefined ? null : <div><dt>Diagnosed</dt><dd>{c.diagnosisDate}</dd></div>}
        <div><dt>Version</dt><dd>{stored.version}{version === undefined ? ' (latest)' : ''}, by {stored.author}, {stored.createdAt.slice(0, 10)}</dd></div>
        <div><dt>Knowledge</dt><dd>{evaluation.knowledgeVersion}</dd></div>
      </dl>
      {version !== undefined ? (
        <p className="note">
          This is version {version}, not necessarily the latest. <a href={href(casePath(stored.caseId))}>Open the latest version</a>.
        </p>
      ) : null}
    </div>
  );
}
